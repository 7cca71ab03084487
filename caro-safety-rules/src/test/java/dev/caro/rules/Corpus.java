package dev.caro.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caro.api.safety.RiskLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A labelled corpus in JSON lines: cmd, label (dangerous|safe), min_risk, category, why. */
record Corpus(String name, List<Corpus.Case> cases) {

    /** One labelled command. */
    record Case(int line, String cmd, boolean dangerous, RiskLevel minRisk, String category, String why) {}

    static Corpus load(String resource) {
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o = json.readTree(line);
                boolean dangerous = o.get("label").asText().equals("dangerous");
                RiskLevel min = dangerous ? RiskLevel.parse(o.path("min_risk").asText("moderate")).orElseThrow() : RiskLevel.SAFE;
                cases.add(new Case(n, o.get("cmd").asText(), dangerous, min, o.path("category").asText(""), o.path("why").asText("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Corpus(resource, List.copyOf(cases));
    }
}
