package dev.caro.backend.llamacpp.bench;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import java.util.Locale;

/**
 * The baseline: java-llama.cpp used directly, the way its README shows, with the same settings
 * caro uses. Prints one result line. Arguments: MODEL THREADS [PROMPT_FILE].
 */
public final class BareRun {

    private BareRun() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        // A third argument names a file holding the prompt to send (caro's own, see PromptDump).
        String prompt = args.length > 2 ? readPrompt(args[2]) : BenchPrompt.chatml();
        int threads = Integer.parseInt(args[1]);
        ModelParameters params = new ModelParameters().setModel(args[0]).setCtxSize(BenchPrompt.CONTEXT)
                .setThreads(threads).setThreadsBatch(threads).setParallel(1).skipWarmup().disableMmap().disableLog();
        LlamaModel model = new LlamaModel(params);
        long loaded = System.nanoTime();
        int promptTokens = model.encode(prompt).length;
        InferenceParameters inf = new InferenceParameters(prompt).setTemperature(0).setNPredict(BenchPrompt.N_PREDICT)
                .setCachePrompt(true).setSeed(42).setStopStrings("<|im_end|>", "<|im_start|>", "<|endoftext|>");
        long start = System.nanoTime();
        long first = 0;
        int outputs = 0;
        LlamaIterator it = model.generate(inf).iterator();
        while (it.hasNext()) {
            it.next();
            if (outputs++ == 0) {
                first = System.nanoTime();
            }
        }
        long end = System.nanoTime();
        int tokens = Math.max(0, outputs - 1);
        // The tokens a warm server must prefill for WarmRun's two measured requests: what follows
        // the prefix they share with the request before them.
        String elsewhere = BenchPrompt.chatml(BenchPrompt.REQUEST, BenchPrompt.context().withCwd(WarmRun.ELSEWHERE));
        int newAfterCd = newTokens(model, prompt, elsewhere);
        int newSameDir = newTokens(model, elsewhere,
                BenchPrompt.chatml(WarmRun.NEXT_REQUEST, BenchPrompt.context().withCwd(WarmRun.ELSEWHERE)));
        model.close();
        System.out.println(String.format(Locale.ROOT,
                "RESULT kind=bare load_ms=%d prompt_tokens=%d first_token_ms=%d gen_tokens=%d gen_tok_s=%.1f"
                        + " answer_ms=%d in_process_ms=%d peak_rss_mb=%d new_tokens_after_cd=%d new_tokens_same_dir=%d",
                (loaded - t0) / 1_000_000, promptTokens, (first - start) / 1_000_000, tokens,
                tokens > 1 ? (tokens - 1) / ((end - first) / 1e9) : 0.0, (end - start) / 1_000_000,
                (end - t0) / 1_000_000, BenchPrompt.peakRssMb(), newAfterCd, newSameDir));
        System.exit(0);
    }

    /** The tokens of {@code next} after the prefix it shares with {@code previous}. */
    private static int newTokens(LlamaModel model, String previous, String next) {
        int[] a = model.encode(previous);
        int[] b = model.encode(next);
        int same = 0;
        while (same < a.length && same < b.length && a[same] == b[same]) {
            same++;
        }
        return b.length - same;
    }

    private static String readPrompt(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
