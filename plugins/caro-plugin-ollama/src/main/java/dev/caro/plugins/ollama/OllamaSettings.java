package dev.caro.plugins.ollama;

import dev.caro.api.backend.BackendEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The backend's settings: {@code [backends.ollama]} in caro's config, then the environment.
 *
 * @param host the server, e.g. {@code http://localhost:11434} (no trailing slash)
 * @param model the model name as Ollama knows it
 * @param timeout how long one answer may take; empty to use the request's timeout
 * @param stream whether to stream the answer (NDJSON)
 * @param temperature sampling temperature; low, since caro wants one precise command
 */
record OllamaSettings(String host, String model, Optional<Duration> timeout, boolean stream, double temperature) {

    static final String DEFAULT_HOST = "http://localhost:11434";
    static final String DEFAULT_MODEL = "qwen2.5-coder:1.5b";

    /** Reads the settings; the exception message is user-facing. */
    static OllamaSettings from(BackendEnvironment env) {
        String rawHost = Optional.ofNullable(env.settings().get("host")).filter(s -> !s.isBlank())
                .or(() -> env.env("OLLAMA_HOST")).orElse(DEFAULT_HOST);
        String model = env.model().filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(env.settings().get("model")).filter(s -> !s.isBlank()))
                .orElse(DEFAULT_MODEL);
        return new OllamaSettings(host(rawHost), model.strip(), duration(env.settings().get("timeout")),
                bool(env.setting("stream", "true"), "stream"), number(env.setting("temperature", "0.1")));
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

    /** {@code 30}, {@code 30s}, {@code 500ms} or {@code 2m}. */
    static Optional<Duration> duration(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return Optional.of(Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip())));
            }
            if (s.endsWith("m")) {
                return Optional.of(Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).strip())));
            }
            if (s.endsWith("s")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("backends.ollama.timeout '" + raw
                    + "' is not a duration: use seconds (30), 30s, 500ms or 2m.");
        }
    }

    private static boolean bool(String raw, String key) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("backends.ollama." + key + " '" + raw
                    + "' is not true or false.");
        };
    }

    private static double number(String raw) {
        try {
            return Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("backends.ollama.temperature '" + raw + "' is not a number.");
        }
    }

    /** {@code 300 ms} or {@code 30 s}, for messages. */
    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : (ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0));
    }
}
