package dev.caro.backend.djl;

import dev.caro.api.backend.BackendEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backend's settings, from {@code [backends.djl]} in config.toml.
 *
 * @param modelDir the model directory: {@code --model} (or the {@code model} setting) when it
 *     names a model directory or a {@link RegisteredModels registered} model, else the
 *     {@code model_dir} setting; empty when there is none
 * @param maxTokens the answer's token budget; default 256
 * @param temperature 0 (the default) picks the likeliest token every time; above 0 samples
 * @param seed the sampling seed, so that a sampled answer can be repeated; default 42
 * @param stop strings that end the answer (not part of it), besides the model's end tokens
 * @param threads PyTorch's intra-op threads; default: available processors. Only the first
 *     backend created in a process sets it
 */
record DjlSettings(Optional<Path> modelDir, int maxTokens, double temperature, long seed, List<String> stop,
        int threads) {

    static final int DEFAULT_MAX_TOKENS = 256;
    static final String PREFIX = "backends.djl.";

    DjlSettings {
        stop = List.copyOf(stop);
    }

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException with a user-facing message naming the bad key
     */
    static DjlSettings from(BackendEnvironment env) {
        // An explicit --model (or 'model' setting) that names a DJL model wins; one meant for another backend does not.
        Optional<Path> dir = env.model().flatMap(RegisteredModels.of(env)::resolve)
                .or(() -> nonBlank(env.setting("model_dir", "")).map(Path::of));
        int maxTokens = positiveInt(env, "max_tokens", DEFAULT_MAX_TOKENS);
        double temperature;
        String t = env.setting("temperature", "0").strip();
        try {
            temperature = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            temperature = -1;
        }
        if (!(temperature >= 0 && temperature <= 10)) {
            throw new IllegalArgumentException(PREFIX + "temperature must be a number from 0 to 10, not '" + t + "'");
        }
        String s = env.setting("seed", "42").strip();
        long seed;
        try {
            seed = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + "seed must be a whole number, not '" + s + "'");
        }
        List<String> stop = new ArrayList<>();
        // Written as strings separated by "|"; "\n" stands for a newline.
        for (String part : env.setting("stop", "").split("\\|")) {
            if (!part.isEmpty()) {
                stop.add(part.replace("\\n", "\n"));
            }
        }
        int threads = positiveInt(env, "threads", Runtime.getRuntime().availableProcessors());
        return new DjlSettings(dir, maxTokens, temperature, seed, stop, threads);
    }

    private static Optional<String> nonBlank(String s) {
        return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static int positiveInt(BackendEnvironment env, String key, int fallback) {
        String v = env.setting(key, "").strip();
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PREFIX + key + " must be a positive whole number, not '" + v + "'");
    }
}
