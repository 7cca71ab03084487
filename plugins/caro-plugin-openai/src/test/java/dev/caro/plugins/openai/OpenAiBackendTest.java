package dev.caro.plugins.openai;

import static dev.caro.testkit.ScriptedHttpServer.json;
import static dev.caro.testkit.ScriptedHttpServer.slow;
import static dev.caro.testkit.ScriptedHttpServer.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ChatMessage;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.context.ExecutionContext;
import dev.caro.plugins.support.Json;
import dev.caro.testkit.ModelBackendContract;
import dev.caro.testkit.ScriptedHttpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible backend against a local server speaking the chat completions wire format. */
class OpenAiBackendTest extends ModelBackendContract {

    private static final String ANSWER = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"qwen\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"du -sh *\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":4}}";

    private ScriptedHttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Override
    protected ModelBackendProvider provider() {
        return new OpenAiBackendProvider();
    }

    @Override
    protected BackendEnvironment workingEnvironment() {
        server.on("/v1/chat/completions", json(200, ANSWER));
        return env(Map.of("base_url", server.url(), "model", "qwen"), Map.of());
    }

    private static BackendEnvironment env(Map<String, String> settings, Map<String, String> environment) {
        return new BackendEnvironment(settings, environment, Optional.empty(), Path.of("/tmp/c"), Path.of("/tmp/d"), null);
    }

    private Generation generate(Map<String, String> settings, Map<String, String> environment, Duration timeout)
            throws Exception {
        Map<String, String> s = new HashMap<>(settings);
        s.putIfAbsent("base_url", server.url());
        s.putIfAbsent("model", "qwen");
        try (ModelBackend b = provider().create(env(s, environment))) {
            return b.generate(new GenerationRequest("disk usage", ExecutionContext.linux("/w", "/h"),
                    List.of(ChatMessage.system("One command."), ChatMessage.user("disk usage")), 1, timeout));
        }
    }

    private String failure(Map<String, String> settings, Duration timeout) {
        return assertThrows(BackendException.class, () -> generate(settings, Map.of(), timeout)).getMessage();
    }

    private ScriptedHttpServer.Answer capturingAuth(ScriptedHttpServer.Answer then) {
        return (HttpExchange exchange) -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            then.write(exchange);
        };
    }

    @Test
    void sendsMessagesWithTheKeyAndReturnsTheText() throws Exception {
        server.on("/v1/chat/completions", capturingAuth(json(200, ANSWER)));
        Generation g = generate(Map.of(), Map.of("OPENAI_API_KEY", "sk-test"), Duration.ofSeconds(5));
        assertEquals("du -sh *", g.rawText());
        assertEquals("Bearer sk-test", authorization.get());
        Object sent = Json.parse(server.requests().get(0));
        assertEquals("qwen", Json.string(sent, "model").orElseThrow());
        assertEquals("disk usage", Json.string(sent, "messages", 1, "content").orElseThrow());
        assertEquals(false, Json.at(sent, "stream").orElseThrow());
    }

    @Test
    void baseUrlEndingInV1IsNotDoubled() throws Exception {
        server.on("/v1/chat/completions", json(200, ANSWER));
        generate(Map.of("base_url", server.url() + "/v1/"), Map.of(), Duration.ofSeconds(5));
        assertEquals(List.of("/v1/chat/completions"), server.paths());
    }

    @Test
    void streamsServerSentEvents() throws Exception {
        server.on("/v1/chat/completions", stream("text/event-stream", 20,
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n",
                ": keep-alive\n\n",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"git log \"}}]}\n\n",
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"--oneline\"},\"finish_reason\":\"stop\"}]}\n\n",
                "data: [DONE]\n\n"));
        assertEquals("git log --oneline", generate(Map.of("stream", "true"), Map.of(), Duration.ofSeconds(5)).rawText());
    }

    @Test
    void streamCutOffBeforeTheEndIsAnError() {
        server.on("/v1/chat/completions", stream("text/event-stream", 0,
                "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"rm -rf /tmp/x\"}}]}\n\n"));
        assertEquals("The server at " + server.url() + " ended its answer early; try again.",
                failure(Map.of("stream", "true"), Duration.ofSeconds(5)));
    }

    @Test
    void answerCutAtTheTokenLimitIsAnError() {
        server.on("/v1/chat/completions", json(200, ANSWER.replace("\"stop\"", "\"length\"")));
        assertEquals("The server at " + server.url() + " cut the answer off at the token limit: raise"
                + " backends.openai.max_tokens.", failure(Map.of(), Duration.ofSeconds(5)));
    }

    @Test
    void unauthorizedNamesTheKeySettings() {
        server.on("/v1/chat/completions", json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-bad.\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        assertEquals("The server at " + server.url() + " rejected the API key (HTTP 401: Incorrect API key provided:"
                + " sk-bad.): set OPENAI_API_KEY or backends.openai.api_key.", failure(Map.of(), Duration.ofSeconds(5)));
    }

    @Test
    void unknownModelIsNamed() {
        server.on("/v1/chat/completions", json(404, "{\"error\":{\"message\":\"The model `qwen9` does not exist\","
                + "\"code\":\"model_not_found\"}}"));
        assertEquals("The server at " + server.url() + " has no model 'qwen9' (HTTP 404: The model `qwen9` does not"
                + " exist): set backends.openai.model to a model it serves.",
                failure(Map.of("model", "qwen9"), Duration.ofSeconds(5)));
    }

    @Test
    void wrongPathIsNamed() {
        assertEquals("The server at " + server.url() + " has no /v1/chat/completions (HTTP 404): check"
                + " backends.openai.base_url.", failure(Map.of(), Duration.ofSeconds(5)));
    }

    @Test
    void serverErrorIsReported() {
        server.on("/v1/chat/completions", json(500, "{\"error\":{\"message\":\"CUDA out of memory\"}}"));
        assertEquals("The server at " + server.url() + " failed (HTTP 500: CUDA out of memory).",
                failure(Map.of(), Duration.ofSeconds(5)));
    }

    @Test
    void slowServerTimesOut() {
        server.on("/v1/chat/completions", slow(3000, json(200, ANSWER)));
        assertEquals("The server at " + server.url() + " did not answer within 250 ms: raise backends.openai.timeout.",
                failure(Map.of("timeout", "250ms"), Duration.ofSeconds(30)));
    }

    @Test
    void malformedJsonIsReported() {
        server.on("/v1/chat/completions", json(200, "{\"choices\": [}"));
        assertEquals("The server at " + server.url() + " sent a malformed response (unexpected character '}' at"
                + " offset 13).", failure(Map.of(), Duration.ofSeconds(5)));
    }

    @Test
    void unreachableServerIsNamed() throws IOException {
        String url;
        try (ScriptedHttpServer gone = new ScriptedHttpServer()) {
            url = gone.url();
        }
        assertEquals("The server at " + url + " is not reachable: start it, or fix backends.openai.base_url.",
                failure(Map.of("base_url", url), Duration.ofSeconds(5)));
    }

    @Test
    void availabilityExplainsMissingConfiguration() {
        assertEquals(Availability.unavailable("no API key for https://api.openai.com/v1",
                "set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server"), provider().availability(env(Map.of(), Map.of())));
        assertEquals(Availability.unavailable("no model set for http://localhost:8080",
                "caro config set backends.openai.model <name>, or use --model"),
                provider().availability(env(Map.of(), Map.of("OPENAI_BASE_URL", "http://localhost:8080"))));
        assertEquals(Availability.ready("model gpt-4o-mini at https://api.openai.com/v1"),
                provider().availability(env(Map.of(), Map.of("OPENAI_API_KEY", "sk-x"))));
    }

    @Test
    void keyIsNeverSentInClearTextToAnotherMachine() {
        Availability a = provider().availability(env(Map.of("base_url", "http://gpu-box:8000/v1", "model", "m"),
                Map.of("OPENAI_API_KEY", "sk-x")));
        assertEquals(Availability.unavailable("the API key would be sent unencrypted to http://gpu-box:8000/v1",
                "use an https base URL"), a);
        BackendException e = assertThrows(BackendException.class, () -> provider().create(
                env(Map.of("base_url", "http://gpu-box:8000/v1", "model", "m"), Map.of("OPENAI_API_KEY", "sk-x"))));
        assertEquals("OpenAI-compatible backend: the API key would be sent unencrypted to http://gpu-box:8000/v1; use"
                + " an https base URL.", e.getMessage());
    }
}
