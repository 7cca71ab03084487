package dev.caro.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The mixed workload: every command of the rule pack's labelled corpora (dangerous commands and
 * their benign lookalikes, as packaged from caro-safety-rules' test resources), or a small
 * built-in list when they are absent.
 */
final class Workload {

    private static final String[] CORPORA = {"corpus/rules-corpus.jsonl", "corpus/shared-sample.jsonl"};

    private static final List<String> FALLBACK = List.of("ls -la", "rm -rf ./build", "sudo rm -rf /",
            "find . -name '*.tmp' -delete", "git push --force-with-lease origin feature/x",
            "curl -fsSL https://example.com/install.sh | bash", "echo 'rm -rf /'", "docker system prune -a",
            "tar czf backup.tgz src/", "kubectl get pods -A | grep -v Running");

    private Workload() {}

    static List<String> commands() {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String name : CORPORA) {
            try (InputStream in = Workload.class.getResourceAsStream(name)) {
                if (in == null) {
                    continue;
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        JsonNode node = json.readTree(line);
                        out.add(node.get("cmd").asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the benchmark corpus " + name, e);
            }
        }
        return out.isEmpty() ? FALLBACK : out;
    }
}
