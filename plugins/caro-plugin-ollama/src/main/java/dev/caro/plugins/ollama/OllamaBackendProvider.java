package dev.caro.plugins.ollama;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.plugins.support.Json;
import dev.caro.plugins.support.JsonException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;

/**
 * An Ollama server as a caro backend. Settings ({@code [backends.ollama]}): {@code host} (else
 * {@code OLLAMA_HOST}, else {@code http://localhost:11434}), {@code model} (else
 * {@code --model}'s value wins; default {@value OllamaSettings#DEFAULT_MODEL}), {@code timeout},
 * {@code stream} (default true), {@code temperature}, {@code probe_timeout} (how long the
 * availability check waits; default 300 ms).
 */
public final class OllamaBackendProvider implements ModelBackendProvider {

    @Override
    public String id() {
        return "ollama";
    }

    @Override
    public String description() {
        return "Ollama server (OLLAMA_HOST, default http://localhost:11434)";
    }

    @Override
    public int rank() {
        return 40;
    }

    @Override
    public boolean worksOffline() {
        return true;
    }

    @Override
    public boolean needsModel() {
        return true;
    }

    @Override
    public Availability availability(BackendEnvironment environment) {
        OllamaSettings s;
        try {
            s = OllamaSettings.from(environment);
        } catch (IllegalArgumentException e) {
            return Availability.unavailable(e.getMessage(), "caro config set backends.ollama.<key> <value>");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(s.probeTimeout()).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(s.host() + "/api/tags")).timeout(s.probeTimeout()).GET()
                .build();
        String body;
        try {
            HttpResponse<String> r = client.send(probe, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Availability.unavailable("Ollama at " + s.host() + " answered HTTP " + r.statusCode(),
                        "check that OLLAMA_HOST points at an Ollama server");
            }
            body = r.body();
        } catch (HttpTimeoutException e) {
            return Availability.unavailable("Ollama at " + s.host() + " did not answer within "
                    + OllamaSettings.describe(s.probeTimeout()), "check that it is running, or raise backends.ollama.probe_timeout");
        } catch (IOException e) {
            return Availability.unavailable("Ollama is not reachable at " + s.host(),
                    "start it with 'ollama serve', or set OLLAMA_HOST");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.unavailable("interrupted", "");
        }
        try {
            List<?> models = Json.at(Json.parse(body), "models").filter(List.class::isInstance).map(List.class::cast)
                    .orElse(List.of());
            for (Object m : models) {
                String name = Json.string(m, "name").orElse("");
                if (name.equals(s.model()) || name.equals(s.model() + ":latest")) {
                    return Availability.ready("model " + s.model() + " at " + s.host());
                }
            }
        } catch (JsonException e) {
            return Availability.unavailable("Ollama at " + s.host() + " sent a malformed model list",
                    "check that OLLAMA_HOST points at an Ollama server");
        }
        return Availability.unavailable("Ollama at " + s.host() + " has no model '" + s.model() + "'",
                "ollama pull " + s.model());
    }

    @Override
    public ModelBackend create(BackendEnvironment environment) throws BackendException {
        try {
            return new OllamaBackend(OllamaSettings.from(environment));
        } catch (IllegalArgumentException e) {
            throw new BackendException(e.getMessage());
        }
    }
}
