package dev.caro.backend.llamacpp.bench;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ProgressListener;
import dev.caro.api.context.ExecutionContext;
import dev.caro.backend.llamacpp.LlamaCppBackendProvider;
import dev.caro.core.prompt.PromptBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * caro's path through the background model server: starts the server (not measured against the
 * target), sends one request that fills its prompt cache, then the measured request from another
 * working directory, as a user's next caro call after a {@code cd} would. The server exits on its
 * own 2 s later. Prints one result line. Arguments: MODEL THREADS CACHE_DIR.
 */
public final class WarmRun {

    private WarmRun() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        BackendEnvironment env = new BackendEnvironment(
                Map.of("threads", args[1], "context", String.valueOf(BenchPrompt.CONTEXT),
                        "max_tokens", String.valueOf(BenchPrompt.N_PREDICT), "daemon", "true", "idle", "2s"),
                Map.of(), Optional.of(args[0]), Path.of(args[2]), Path.of(args[2]), ProgressListener.NONE);
        ModelBackend backend = new LlamaCppBackendProvider().create(env);
        long started = System.nanoTime();
        backend.generate(request(BenchPrompt.context()));
        long first = System.nanoTime();
        ExecutionContext elsewhere = BenchPrompt.context().withCwd("/home/ana/Downloads");
        long start = System.nanoTime();
        Generation g = backend.generate(request(elsewhere));
        long end = System.nanoTime();
        backend.close();
        Matcher m = Pattern.compile("(\\d+) tokens").matcher(g.note());
        int tokens = m.find() ? Integer.parseInt(m.group(1)) : -1;
        System.out.println(String.format(Locale.ROOT,
                "RESULT kind=warm start_ms=%d cold_request_ms=%d gen_tokens=%d warm_request_ms=%d",
                (started - t0) / 1_000_000, (first - started) / 1_000_000, tokens, (end - start) / 1_000_000));
        System.exit(0);
    }

    private static GenerationRequest request(ExecutionContext context) {
        return new GenerationRequest(BenchPrompt.REQUEST, context, PromptBuilder.build(BenchPrompt.REQUEST, context), 1,
                Duration.ofSeconds(300));
    }
}
