package dev.caro.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caro.core.text.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One line of the history: a command caro generated, and, when it ran, how it ended.
 *
 * @param time when it happened
 * @param event {@code generated} or {@code executed}
 * @param prompt the request (empty for a command the user edited or gave to {@code caro explain})
 * @param command the command
 * @param backend the backend that answered; empty when none did
 * @param risk {@code SAFE}, {@code MODERATE}, {@code HIGH} or {@code CRITICAL}
 * @param shell the shell it was meant for
 * @param cwd the working directory
 * @param exitStatus the command's exit status when it ran
 */
public record HistoryEntry(Instant time, String event, String prompt, String command, String backend, String risk,
        String shell, String cwd, OptionalInt exitStatus) {

    /** The schema name written into every line, so the format can evolve. */
    public static final String SCHEMA = "caro.history/1";

    public HistoryEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        prompt = Objects.requireNonNullElse(prompt, "");
        Objects.requireNonNull(command, "command");
        backend = Objects.requireNonNullElse(backend, "");
        risk = Objects.requireNonNullElse(risk, "");
        shell = Objects.requireNonNullElse(shell, "");
        cwd = Objects.requireNonNullElse(cwd, "");
        exitStatus = exitStatus == null ? OptionalInt.empty() : exitStatus;
    }

    /** The line as written to the file, without the newline. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("time", time.toString());
        m.put("event", event);
        m.put("prompt", prompt);
        m.put("command", command);
        m.put("backend", backend);
        m.put("risk", risk);
        m.put("shell", shell);
        m.put("cwd", cwd);
        m.put("exit_status", exitStatus.isPresent() ? exitStatus.getAsInt() : null);
        return Json.write(m);
    }

    /** Reads one line; empty when it is not a history entry (a torn or foreign line). */
    public static Optional<HistoryEntry> parse(String line) {
        try {
            JsonNode n = Reader.MAPPER.readTree(line);
            if (n == null || !n.isObject() || !n.path("command").isTextual() || !n.path("time").isTextual()) {
                return Optional.empty();
            }
            JsonNode exit = n.path("exit_status");
            return Optional.of(new HistoryEntry(Instant.parse(n.get("time").asText()), n.path("event").asText("generated"),
                    n.path("prompt").asText(""), n.get("command").asText(), n.path("backend").asText(""),
                    n.path("risk").asText(""), n.path("shell").asText(""), n.path("cwd").asText(""),
                    exit.isInt() ? OptionalInt.of(exit.asInt()) : OptionalInt.empty()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Jackson only for reading: creating a mapper cost a fifth of a request's start, and writing needs none. */
    private static final class Reader {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
