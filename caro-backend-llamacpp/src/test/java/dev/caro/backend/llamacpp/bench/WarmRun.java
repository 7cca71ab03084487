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
 * target), sends one request that fills its prompt cache, then two measured requests: the same
 * request from another working directory, as a user's next caro call after a {@code cd} would, and
 * then a new request in that directory (only the request's own tokens miss the cache). The server
 * exits on its own 2 s later. Prints one result line. Arguments: MODEL THREADS CACHE_DIR.
 */
public final class WarmRun {

    /** The user's next request, in the directory of the previous one: about as long as the first. */
    static final String NEXT_REQUEST = "count lines in the csv files here";

    /** The directory of the user's next call, after a {@code cd}. */
    static final String ELSEWHERE = "/home/ana/Downloads";

    private WarmRun() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        BackendEnvironment env = new BackendEnvironment(
                Map.of("threads", args[1], "context", String.valueOf(BenchPrompt.CONTEXT),
                        "max_tokens", String.valueOf(BenchPrompt.N_PREDICT), "daemon", "true", "idle", "2s"),
                Map.of(), Optional.of(args[0]), Path.of(args[2]), Path.of(args[2]), ProgressListener.NONE);
        ModelBackend backend = new LlamaCppBackendProvider().create(env);
        long started = System.nanoTime();
        backend.generate(request(BenchPrompt.REQUEST, BenchPrompt.context()));
        long first = System.nanoTime();
        ExecutionContext elsewhere = BenchPrompt.context().withCwd(ELSEWHERE);
        long start = System.nanoTime();
        Generation g = backend.generate(request(BenchPrompt.REQUEST, elsewhere));
        long end = System.nanoTime();
        Generation same = backend.generate(request(NEXT_REQUEST, elsewhere));
        long sameEnd = System.nanoTime();
        backend.close();
        System.out.println(String.format(Locale.ROOT,
                "RESULT kind=warm start_ms=%d cold_request_ms=%d gen_tokens=%d warm_request_ms=%d same_dir_gen_tokens=%d"
                        + " same_dir_request_ms=%d warm_first_ms=%d same_dir_first_ms=%d warm_server_ms=%d"
                        + " same_dir_server_ms=%d",
                (started - t0) / 1_000_000, (first - started) / 1_000_000, tokens(g), (end - start) / 1_000_000,
                tokens(same), (sameEnd - end) / 1_000_000, seconds(g, FIRST), seconds(same, FIRST), seconds(g, TOTAL),
                seconds(same, TOTAL)));
        System.exit(0);
    }

    /** The generated-token count in a generation's note ("... 32 tokens ..."), or -1. */
    private static int tokens(Generation g) {
        Matcher m = Pattern.compile("(\\d+) tokens").matcher(g.note());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static final Pattern TOTAL = Pattern.compile("tokens in (\\d+\\.\\d+) s");
    private static final Pattern FIRST = Pattern.compile("first after (\\d+\\.\\d+) s");

    /** A time in a generation's note, in ms (the server's own: from the prompt to the last token), or -1. */
    private static long seconds(Generation g, Pattern p) {
        Matcher m = p.matcher(g.note());
        return m.find() ? Math.round(Double.parseDouble(m.group(1)) * 1000) : -1;
    }

    private static GenerationRequest request(String text, ExecutionContext context) {
        return new GenerationRequest(text, context, PromptBuilder.build(text, context), 1, Duration.ofSeconds(300));
    }
}
