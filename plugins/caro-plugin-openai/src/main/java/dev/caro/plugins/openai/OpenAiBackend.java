package dev.caro.plugins.openai;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.plugins.support.ChatJson;
import dev.caro.plugins.support.Json;
import dev.caro.plugins.support.JsonException;
import dev.caro.plugins.support.SettingValues;
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
import java.util.Optional;

/** Sends caro's chat prompt to {@code /v1/chat/completions} and returns the model's text for caro to extract. */
final class OpenAiBackend implements ModelBackend {

    private final OpenAiSettings settings;
    private final HttpClient client;

    OpenAiBackend(OpenAiSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public Generation generate(GenerationRequest request) throws BackendException, InterruptedException {
        Duration timeout = settings.timeout().orElse(request.timeout());
        Instant deadline = Instant.now().plus(timeout);
        String where = "The server at " + settings.base();
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(settings.endpoint()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", settings.stream() ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(request)));
        settings.apiKey().ifPresent(k -> http.header("Authorization", "Bearer " + k));
        HttpResponse<InputStream> response;
        try {
            response = client.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new BackendException(where + " is not reachable: start it, or fix backends.openai.base_url.", e);
        } catch (HttpTimeoutException e) {
            throw timeout(where, timeout, e);
        } catch (IOException e) {
            throw new BackendException(where + " failed (" + e.getMessage() + ").", e);
        }
        if (response.statusCode() != 200) {
            throw httpError(where, response.statusCode(), TimedLines.readSmall(response.body(), 4096));
        }
        StringBuilder text = new StringBuilder();
        try (TimedLines lines = new TimedLines(response.body(), deadline)) {
            if (settings.stream()) {
                readEvents(lines, text, where);
            } else {
                Object json = Json.parse(lines.rest().strip());
                Object choice = Json.at(json, "choices", 0).orElseThrow(
                        () -> new BackendException(where + " sent an answer without choices."));
                Json.string(choice, "message", "content").ifPresent(text::append);
                checkFinish(Json.string(choice, "finish_reason"), where);
            }
        } catch (JsonException e) {
            throw new BackendException(where + " sent a malformed response (" + e.getMessage() + ").", e);
        } catch (IOException e) {
            if ("deadline passed".equals(e.getMessage())) {
                throw timeout(where, timeout, e);
            }
            throw new BackendException(where + " broke off its answer (" + e.getMessage() + "); try again.", e);
        }
        String answer = text.toString();
        return answer.isBlank() ? Generation.none("the model returned an empty answer") : Generation.ofText(answer);
    }

    /** Server-sent events: {@code data: {json}} lines, ending with {@code data: [DONE]}. */
    private static void readEvents(TimedLines lines, StringBuilder text, String where)
            throws IOException, JsonException, BackendException {
        Optional<String> finish = Optional.empty();
        for (String line; (line = lines.next()) != null; ) {
            if (!line.startsWith("data:")) {
                continue; // blank separators, comments, event names
            }
            String data = line.substring(5).strip();
            if (data.equals("[DONE]")) {
                checkFinish(finish.isPresent() ? finish : Optional.of("stop"), where);
                return;
            }
            Object json = Json.parse(data);
            Optional<String> error = Json.string(json, "error", "message");
            if (error.isPresent()) {
                throw new BackendException(where + " failed: " + error.get() + ".");
            }
            Json.string(json, "choices", 0, "delta", "content").ifPresent(text::append);
            Optional<String> f = Json.string(json, "choices", 0, "finish_reason");
            if (f.isPresent()) {
                finish = f;
            }
        }
        if (finish.isEmpty()) {
            // A cut-off command can be more dangerous than the whole one.
            throw new BackendException(where + " ended its answer early; try again.");
        }
        checkFinish(finish, where);
    }

    private static void checkFinish(Optional<String> finish, String where) throws BackendException {
        if (finish.isPresent() && finish.get().equals("length")) {
            throw new BackendException(where + " cut the answer off at the token limit: raise backends.openai.max_tokens.");
        }
    }

    private String body(GenerationRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.model().orElseThrow());
        body.put("messages", ChatJson.messages(request));
        body.put("temperature", settings.temperature());
        body.put("max_tokens", settings.maxTokens());
        body.put("stream", settings.stream());
        return Json.write(body);
    }

    private BackendException httpError(String where, int status, String body) {
        String message = body.strip();
        try {
            Object json = Json.parse(body);
            message = Json.string(json, "error", "message").or(() -> Json.string(json, "error"))
                    .or(() -> Json.string(json, "message")).orElse(message);
        } catch (JsonException ignored) {
            // not JSON: show the text as is
        }
        String detail = message.isBlank() ? "" : ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
        String model = settings.model().orElse("");
        return switch (status) {
            case 401, 403 -> new BackendException(where + " rejected the API key (HTTP " + status + detail
                    + "): set OPENAI_API_KEY or backends.openai.api_key.");
            case 404 -> message.toLowerCase(java.util.Locale.ROOT).contains("model")
                    ? new BackendException(where + " has no model '" + model + "' (HTTP 404" + detail
                            + "): set backends.openai.model to a model it serves.")
                    : new BackendException(where + " has no " + URI.create(settings.endpoint()).getPath()
                            + " (HTTP 404): check backends.openai.base_url.");
            case 429 -> new BackendException(where + " is limiting requests (HTTP 429" + detail
                    + "); wait and try again.");
            default -> new BackendException(where + " failed (HTTP " + status + detail + ").");
        };
    }

    private static BackendException timeout(String where, Duration timeout, Exception cause) {
        return new BackendException(where + " did not answer within " + SettingValues.describe(timeout)
                + ": raise backends.openai.timeout.", cause);
    }
}
