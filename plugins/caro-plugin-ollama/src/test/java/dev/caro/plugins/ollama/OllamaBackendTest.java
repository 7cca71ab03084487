package dev.caro.plugins.ollama;

import static dev.caro.testkit.ScriptedHttpServer.json;
import static dev.caro.testkit.ScriptedHttpServer.slow;
import static dev.caro.testkit.ScriptedHttpServer.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ChatMessage;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.context.ExecutionContext;
import dev.caro.testkit.ScriptedHttpServer;
import dev.caro.plugins.support.Json;
import dev.caro.testkit.ModelBackendContract;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Ollama backend against a local server speaking Ollama's wire format. */
class OllamaBackendTest extends ModelBackendContract {

    private static final String TAGS = "{\"models\":[{\"name\":\"qwen2.5-coder:1.5b\",\"size\":986}]}";
    private static final String ANSWER = "{\"model\":\"qwen2.5-coder:1.5b\",\"created_at\":\"2026-12-02T09:00:00Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":\"```bash\\nls -la\\n```\"},\"done\":true}";

    private ScriptedHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedHttpServer().on("/api/tags", json(200, TAGS));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ModelBackendProvider provider() {
        return new OllamaBackendProvider();
    }

    @Override
    protected BackendEnvironment workingEnvironment() {
        server.on("/api/chat", json(200, ANSWER));
        // A generous probe timeout: the build machine may be busy.
        return env(Map.of("host", server.url(), "stream", "false", "probe_timeout", "10s"), Map.of());
    }

    private static BackendEnvironment env(Map<String, String> settings, Map<String, String> environment) {
        return new BackendEnvironment(settings, environment, Optional.empty(), Path.of("/tmp/cache"),
                Path.of("/tmp/data"), null);
    }

    private static GenerationRequest request(Duration timeout) {
        return new GenerationRequest("list files", ExecutionContext.linux("/home/ana", "/home/ana"),
                List.of(ChatMessage.system("One command."), ChatMessage.user("list files")), 1, timeout);
    }

    private Generation generate(Map<String, String> settings, Duration timeout) throws Exception {
        Map<String, String> s = new HashMap<>(settings);
        s.putIfAbsent("host", server.url());
        try (ModelBackend b = provider().create(env(s, Map.of()))) {
            return b.generate(request(timeout));
        }
    }

    private String failure(Map<String, String> settings, Duration timeout) {
        return assertThrows(BackendException.class, () -> generate(settings, timeout)).getMessage();
    }

    @Test
    void sendsCarosChatMessagesAndReturnsTheRawText() throws Exception {
        server.on("/api/chat", json(200, ANSWER));
        Generation g = generate(Map.of("stream", "false", "model", "llama3.2"), Duration.ofSeconds(5));
        assertEquals("```bash\nls -la\n```", g.rawText());
        Object sent = Json.parse(server.requests().get(server.requests().size() - 1));
        assertEquals("llama3.2", Json.string(sent, "model").orElseThrow());
        assertEquals(false, Json.at(sent, "stream").orElseThrow());
        assertEquals("system", Json.string(sent, "messages", 0, "role").orElseThrow());
        assertEquals("One command.", Json.string(sent, "messages", 0, "content").orElseThrow());
        assertEquals("list files", Json.string(sent, "messages", 1, "content").orElseThrow());
    }

    @Test
    void streamsNdjsonChunks() throws Exception {
        server.on("/api/chat", stream("application/x-ndjson", 20,
                "{\"message\":{\"role\":\"assistant\",\"content\":\"find . \"},\"done\":false}\n",
                "{\"message\":{\"role\":\"assistant\",\"content\":\"-name '*.pdf'\"},\"done\":false}\n",
                "{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"eval_count\":9}\n"));
        assertEquals("find . -name '*.pdf'", generate(Map.of(), Duration.ofSeconds(5)).rawText());
        assertEquals(true, Json.at(Json.parse(server.requests().get(0)), "stream").orElseThrow());
    }

    @Test
    void streamThatStopsBeforeDoneIsAnError() {
        server.on("/api/chat", stream("application/x-ndjson", 0,
                "{\"message\":{\"role\":\"assistant\",\"content\":\"rm -rf /tmp/build\"},\"done\":false}\n"));
        assertEquals("Ollama at " + server.url() + " ended its answer early; try again.",
                failure(Map.of(), Duration.ofSeconds(5)));
    }

    @Test
    void modelNotFoundSaysWhatToPull() {
        server.on("/api/chat", json(404, "{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}"));
        assertEquals("Ollama at " + server.url() + " has no model 'llama9': run 'ollama pull llama9'.",
                failure(Map.of("model", "llama9"), Duration.ofSeconds(5)));
    }

    @Test
    void serverErrorIsReported() {
        server.on("/api/chat", json(500, "{\"error\":\"llama runner process has terminated: signal: killed\"}"));
        assertEquals("Ollama at " + server.url() + " failed (HTTP 500: llama runner process has terminated:"
                + " signal: killed).", failure(Map.of(), Duration.ofSeconds(5)));
    }

    @Test
    void unauthorizedNamesTheProxy() {
        server.on("/api/chat", json(401, "Unauthorized"));
        assertEquals("Ollama at " + server.url() + " refused the request (HTTP 401): check the credentials of the"
                + " proxy in front of it.", failure(Map.of(), Duration.ofSeconds(5)));
    }

    @Test
    void errorInsideTheStreamIsReported() {
        server.on("/api/chat", stream("application/x-ndjson", 0, "{\"error\":\"out of memory\"}\n"));
        assertEquals("Ollama at " + server.url() + " failed: out of memory.", failure(Map.of(), Duration.ofSeconds(5)));
    }

    @Test
    void slowServerTimesOut() {
        server.on("/api/chat", slow(3000, json(200, ANSWER)));
        long start = System.nanoTime();
        assertEquals("Ollama at " + server.url() + " did not answer within 300 ms: try a smaller model, or raise"
                + " backends.ollama.timeout.", failure(Map.of("timeout", "300ms"), Duration.ofSeconds(30)));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "gave up on time");
    }

    @Test
    void streamThatStallsTimesOut() {
        server.on("/api/chat", stream("application/x-ndjson", 3000,
                "{\"message\":{\"content\":\"ls\"},\"done\":true}\n"));
        assertEquals("Ollama at " + server.url() + " did not answer within 400 ms: try a smaller model, or raise"
                + " backends.ollama.timeout.", failure(Map.of(), Duration.ofMillis(400)));
    }

    @Test
    void malformedJsonIsReported() {
        server.on("/api/chat", json(200, "{\"message\": {\"content\": \"ls\""));
        assertEquals("Ollama at " + server.url() + " sent a malformed response (expected ',' or '}' at offset 28).",
                failure(Map.of("stream", "false"), Duration.ofSeconds(5)));
    }

    @Test
    void unreachableServerSaysHowToStartIt() throws IOException {
        String url;
        try (ScriptedHttpServer gone = new ScriptedHttpServer()) {
            url = gone.url();
        }
        assertEquals("Ollama is not reachable at " + url + ": start it with 'ollama serve', or set OLLAMA_HOST.",
                failure(Map.of("host", url), Duration.ofSeconds(5)));
        Availability a = provider().availability(env(Map.of("host", url), Map.of()));
        assertFalse(a.available());
        assertEquals("Ollama is not reachable at " + url, a.reason());
        assertEquals("start it with 'ollama serve', or set OLLAMA_HOST", a.fix());
    }

    @Test
    void availabilityChecksTheModelIsPulled() {
        Availability a = provider().availability(env(Map.of("host", server.url(), "model", "mistral",
                "probe_timeout", "10s"), Map.of()));
        assertEquals(Availability.unavailable("Ollama at " + server.url() + " has no model 'mistral'",
                "ollama pull mistral"), a);
    }

    @Test
    void slowProbeSaysSo() throws IOException {
        try (ScriptedHttpServer slowServer = new ScriptedHttpServer().on("/api/tags", slow(2000, json(200, TAGS)))) {
            Availability a = provider().availability(
                    env(Map.of("host", slowServer.url(), "probe_timeout", "200ms"), Map.of()));
            assertEquals(Availability.unavailable("Ollama at " + slowServer.url() + " did not answer within 200 ms",
                    "check that it is running, or raise backends.ollama.probe_timeout"), a);
        }
    }

    @Test
    void hostComesFromSettingsThenOllamaHostThenTheDefault() {
        BackendEnvironment fromEnv = env(Map.of(), Map.of("OLLAMA_HOST", "0.0.0.0"));
        assertEquals("http://localhost:11434", OllamaSettings.from(fromEnv).host());
        assertEquals("http://gpu-box:8080", OllamaSettings.from(env(Map.of(), Map.of("OLLAMA_HOST", "gpu-box:8080"))).host());
        assertEquals("https://ollama.example.com:443/api-proxy",
                OllamaSettings.host("https://ollama.example.com/api-proxy/"));
        assertEquals("http://10.0.0.2:11434",
                OllamaSettings.from(env(Map.of("host", "10.0.0.2"), Map.of("OLLAMA_HOST", "gpu-box"))).host());
        assertEquals("http://localhost:11434", OllamaSettings.from(env(Map.of(), Map.of())).host());
    }

    @Test
    void modelComesFromTheCommandLineThenSettings() {
        BackendEnvironment e = new BackendEnvironment(Map.of("model", "llama3.2"), Map.of(), Optional.of("phi4"),
                Path.of("/c"), Path.of("/d"), null);
        assertEquals("phi4", OllamaSettings.from(e).model());
        assertEquals("llama3.2", OllamaSettings.from(env(Map.of("model", "llama3.2"), Map.of())).model());
        assertEquals(OllamaSettings.DEFAULT_MODEL, OllamaSettings.from(env(Map.of(), Map.of())).model());
    }

    @Test
    void badSettingsAreNamed() {
        BackendException e = assertThrows(BackendException.class,
                () -> provider().create(env(Map.of("timeout", "soon"), Map.of())));
        assertEquals("backends.ollama.timeout 'soon' is not a duration: use seconds (30), 30s, 500ms or 2m.",
                e.getMessage());
    }
}
