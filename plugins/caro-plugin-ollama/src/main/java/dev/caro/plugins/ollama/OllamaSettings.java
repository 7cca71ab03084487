package dev.caro.plugins.ollama;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.plugins.support.SettingValues;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The backend's settings: {@code [backends.ollama]} in caro's config, then the environment.
 *
 * @param host the server, e.g. {@code http://localhost:11434} (no trailing slash)
 * @param model the model name as Ollama knows it
 * @param timeout how long one answer may take; empty to use the request's timeout
 * @param stream whether to stream the answer (NDJSON)
 * @param temperature sampling temperature; low, since caro wants one precise command
 * @param probeTimeout how long the availability check may wait for the server
 */
record OllamaSettings(String host, String model, Optional<Duration> timeout, boolean stream, double temperature,
        Duration probeTimeout) {

    static final String DEFAULT_HOST = "http://localhost:11434";
    static final String DEFAULT_MODEL = "qwen2.5-coder:1.5b";
    /** The availability check runs on every invocation, so it must stay well under a second. */
    static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofMillis(300);

    /** Reads the settings; the exception message is user-facing. */
    static OllamaSettings from(BackendEnvironment env) {
        String rawHost = Optional.ofNullable(env.settings().get("host")).filter(s -> !s.isBlank())
                .or(() -> env.env("OLLAMA_HOST")).orElse(DEFAULT_HOST);
        String model = env.model().filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(env.settings().get("model")).filter(s -> !s.isBlank()))
                .orElse(DEFAULT_MODEL);
        return new OllamaSettings(host(rawHost), model.strip(),
                SettingValues.duration(env.settings().get("timeout"), "backends.ollama.timeout"),
                SettingValues.bool(env.setting("stream", "true"), "backends.ollama.stream"),
                SettingValues.number(env.setting("temperature", "0.1"), "backends.ollama.temperature"),
                SettingValues.duration(env.settings().get("probe_timeout"), "backends.ollama.probe_timeout")
                        .orElse(DEFAULT_PROBE_TIMEOUT));
    }

    /** Accepts what OLLAMA_HOST accepts: {@code host}, {@code host:port}, or a URL; 0.0.0.0 means this machine. */
    static String host(String raw) {
        String s = raw.strip();
        if (!s.contains("://")) {
            s = "http://" + s;
        }
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The Ollama host '" + raw + "' is not a valid address.");
        }
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("The Ollama host '" + raw + "' is not a valid address.");
        }
        String host = uri.getHost().equals("0.0.0.0") ? "localhost" : uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 11434;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return uri.getScheme() + "://" + host + ":" + port + path;
    }

    static String describe(Duration d) {
        return SettingValues.describe(d);
    }
}
