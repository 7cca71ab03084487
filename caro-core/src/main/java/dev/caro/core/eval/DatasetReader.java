package dev.caro.core.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads nl2cmd datasets: one JSON object per line with {@code prompt}, {@code expected} (array),
 * and optionally {@code bsd}, {@code accept}, {@code category} and {@code tags}. Blank lines and
 * lines starting with {@code #} or {@code //} are skipped.
 */
public final class DatasetReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetReader() {}

    public static List<EvalCase> read(Path file) throws DatasetFormatException, IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException("dataset " + file + " does not exist");
        }
    }

    public static List<EvalCase> read(Reader reader, String name) throws DatasetFormatException, IOException {
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<EvalCase> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("//")) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(t);
            } catch (JsonProcessingException e) {
                throw new DatasetFormatException(name + ":" + n + ": not valid JSON at column "
                        + e.getLocation().getColumnNr() + "; each line must be one JSON object");
            }
            if (node == null || !node.isObject()) {
                throw new DatasetFormatException(name + ":" + n + ": expected a JSON object");
            }
            JsonNode prompt = node.get("prompt");
            if (prompt == null || !prompt.isTextual() || prompt.asText().isBlank()) {
                throw new DatasetFormatException(name + ":" + n + ": \"prompt\" must be a non-empty string");
            }
            out.add(new EvalCase(n, prompt.asText(), strings(node, "expected", name, n), strings(node, "bsd", name, n),
                    strings(node, "accept", name, n), node.path("category").asText(""), strings(node, "tags", name, n)));
        }
        if (out.isEmpty()) {
            throw new DatasetFormatException(name + ": no requests found; expected JSON lines with a \"prompt\"");
        }
        return out;
    }

    private static List<String> strings(JsonNode node, String field, String name, int line)
            throws DatasetFormatException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new DatasetFormatException(name + ":" + line + ": \"" + field + "\" must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new DatasetFormatException(name + ":" + line + ": \"" + field + "\" must hold only strings");
            }
            out.add(e.asText());
        }
        return out;
    }
}
