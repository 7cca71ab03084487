package dev.caro.plugins.ollama;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.plugins.support.ChatJson;
import dev.caro.plugins.support.Json;
import dev.caro.plugins.support.JsonException;
import dev.caro.plugins.support.TimedLines;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends caro's chat prompt to Ollama's {@code /api/chat} and returns the model's text for caro to extract. */
final class OllamaBackend implements ModelBackend {

    private final OllamaSettings settings;
    private final HttpClient client;

    OllamaBackend(OllamaSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public Generation generate(GenerationRequest request) throws BackendException, InterruptedException {
        Duration timeout = settings.timeout().orElse(request.timeout());
        Instant deadline = Instant.now().plus(timeout);
        String where = "Ollama at " + settings.host();
        HttpRequest http = HttpRequest.newBuilder(URI.create(settings.host() + "/api/chat"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(request)))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(http, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new BackendException("Ollama is not reachable at " + settings.host()
                    + ": start it with 'ollama serve', or set OLLAMA_HOST.", e);
        } catch (HttpTimeoutException e) {
            throw timeout(where, timeout, e);
        } catch (IOException e) {
            throw new BackendException(where + " failed (" + e.getMessage() + "): check that it is running.", e);
        }
        int status = response.statusCode();
        if (status != 200) {
            throw httpError(where, status, TimedLines.readSmall(response.body(), 4096));
        }
        StringBuilder text = new StringBuilder();
        boolean done = false;
        try (TimedLines lines = new TimedLines(response.body(), deadline)) {
            if (settings.stream()) {
                for (String line; !done && (line = lines.next()) != null; ) {
                    if (!line.isBlank()) {
                        done = chunk(Json.parse(line), text, where);
                    }
                }
            } else {
                done = chunk(Json.parse(lines.rest().strip()), text, where);
            }
        } catch (JsonException e) {
            throw new BackendException(where + " sent a malformed response (" + e.getMessage() + ").", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().equals("deadline passed")) {
                throw timeout(where, timeout, e);
            }
            throw new BackendException(where + " broke off its answer (" + e.getMessage() + "); try again.", e);
        }
        if (!done) {
            // A cut-off command can be more dangerous than the whole one ("rm -rf /tmp/x" -> "rm -rf /").
            throw new BackendException(where + " ended its answer early; try again.");
        }
        String answer = text.toString();
        return answer.isBlank() ? Generation.none("Ollama returned an empty answer") : Generation.ofText(answer);
    }

    /** Appends one response object's text; true when it is the last one. */
    private static boolean chunk(Object json, StringBuilder text, String where) throws BackendException {
        if (!(json instanceof Map)) {
            throw new BackendException(where + " sent a malformed response (not a JSON object).");
        }
        var error = Json.string(json, "error");
        if (error.isPresent()) {
            throw new BackendException(where + " failed: " + error.get() + ".");
        }
        Json.string(json, "message", "content").ifPresent(text::append);
        return Json.at(json, "done").map(Boolean.TRUE::equals).orElse(false);
    }

    private String body(GenerationRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.model());
        body.put("messages", ChatJson.messages(request));
        body.put("stream", settings.stream());
        body.put("options", Map.of("temperature", settings.temperature()));
        return Json.write(body);
    }

    private BackendException httpError(String where, int status, String body) {
        String error = body.strip();
        try {
            error = Json.string(Json.parse(body), "error").orElse(error);
        } catch (JsonException ignored) {
            // not JSON: show the text as is
        }
        if (status == 404 && error.contains("model") && error.contains("not found")) {
            return new BackendException(where + " has no model '" + settings.model() + "': run 'ollama pull "
                    + settings.model() + "'.");
        }
        if (status == 401 || status == 403) {
            return new BackendException(where + " refused the request (HTTP " + status
                    + "): check the credentials of the proxy in front of it.");
        }
        String detail = error.isBlank() ? "" : ": " + (error.length() > 200 ? error.substring(0, 200) + "…" : error);
        return new BackendException(where + " failed (HTTP " + status + detail + ").");
    }

    private static BackendException timeout(String where, Duration timeout, Exception cause) {
        return new BackendException(where + " did not answer within " + OllamaSettings.describe(timeout)
                + ": try a smaller model, or raise backends.ollama.timeout.", cause);
    }
}
