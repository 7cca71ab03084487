package dev.caro.backend.llamacpp.bench;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ProgressListener;
import dev.caro.backend.llamacpp.LlamaCppBackendProvider;
import dev.caro.core.prompt.CommandExtractor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * caro's path: provider availability, create (file checks, native library from caro's cache,
 * load), prompt building, generate, command extraction. Prints one result line.
 * Arguments: MODEL THREADS CACHE_DIR.
 */
public final class CaroRun {

    private CaroRun() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        BackendEnvironment env = new BackendEnvironment(
                Map.of("threads", args[1], "context", String.valueOf(BenchPrompt.CONTEXT),
                        "max_tokens", String.valueOf(BenchPrompt.N_PREDICT), "daemon", "false"),
                Map.of(), Optional.of(args[0]), Path.of(args[2]), Path.of(args[2]), ProgressListener.NONE);
        LlamaCppBackendProvider provider = new LlamaCppBackendProvider();
        if (!provider.availability(env).available()) {
            throw new IllegalStateException(provider.availability(env).reason());
        }
        ModelBackend backend = provider.create(env);
        long loaded = System.nanoTime();
        GenerationRequest request = new GenerationRequest(BenchPrompt.REQUEST, BenchPrompt.context(),
                BenchPrompt.messages(), 1, Duration.ofSeconds(300));
        long start = System.nanoTime();
        Generation g = backend.generate(request);
        CommandExtractor.extract(g.rawText());
        long end = System.nanoTime();
        backend.close();
        Matcher m = Pattern.compile("(\\d+) tokens").matcher(g.note());
        int tokens = m.find() ? Integer.parseInt(m.group(1)) : -1;
        System.out.println(String.format(Locale.ROOT,
                "RESULT kind=caro load_ms=%d gen_tokens=%d answer_ms=%d in_process_ms=%d peak_rss_mb=%d",
                (loaded - t0) / 1_000_000, tokens, (end - start) / 1_000_000, (end - t0) / 1_000_000,
                BenchPrompt.peakRssMb()));
        System.exit(0);
    }
}
