package dev.caro.plugins.openai;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.plugins.support.SettingValues;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The backend's settings: {@code [backends.openai]} in caro's config, then the environment.
 *
 * @param base the API base URL without trailing slash, e.g. {@code https://api.openai.com/v1}
 *     or {@code http://localhost:8080}
 * @param apiKey the bearer token, if any
 * @param model the model name; empty when none is configured
 * @param timeout how long one answer may take; empty to use the request's timeout
 * @param stream whether to stream the answer (server-sent events)
 * @param temperature sampling temperature
 * @param maxTokens the answer's token limit
 */
record OpenAiSettings(String base, Optional<String> apiKey, Optional<String> model, Optional<Duration> timeout,
        boolean stream, double temperature, int maxTokens) {

    static final String DEFAULT_BASE = "https://api.openai.com/v1";
    static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

    static OpenAiSettings from(BackendEnvironment env) {
        String base = setting(env, "base_url").or(() -> env.env("OPENAI_BASE_URL")).orElse(DEFAULT_BASE).strip()
                .replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("backends.openai.base_url '" + base + "' is not a URL.");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("backends.openai.base_url '" + base
                    + "' is not an http(s) URL, e.g. http://localhost:8080/v1.");
        }
        Optional<String> key = setting(env, "api_key").or(() -> env.env("OPENAI_API_KEY")).map(String::strip);
        Optional<String> model = env.model().filter(s -> !s.isBlank()).or(() -> setting(env, "model"))
                .or(() -> env.env("OPENAI_MODEL"))
                .or(() -> "api.openai.com".equals(uri.getHost()) ? Optional.of(DEFAULT_OPENAI_MODEL) : Optional.empty());
        int maxTokens = (int) SettingValues.number(env.setting("max_tokens", "512"), "backends.openai.max_tokens");
        return new OpenAiSettings(base, key, model.map(String::strip),
                SettingValues.duration(env.settings().get("timeout"), "backends.openai.timeout"),
                SettingValues.bool(env.setting("stream", "false"), "backends.openai.stream"),
                SettingValues.number(env.setting("temperature", "0.1"), "backends.openai.temperature"), maxTokens);
    }

    /** The chat completions endpoint: {@code BASE/chat/completions} when the base ends in /v1, else {@code BASE/v1/chat/completions}. */
    String endpoint() {
        return base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions";
    }

    /** Whether the key may be sent: over https, or over http only to this machine. */
    boolean keySafeToSend() {
        URI uri = URI.create(base);
        if ("https".equals(uri.getScheme())) {
            return true;
        }
        String host = uri.getHost();
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    private static Optional<String> setting(BackendEnvironment env, String key) {
        return Optional.ofNullable(env.settings().get(key)).filter(s -> !s.isBlank());
    }
}
