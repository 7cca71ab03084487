package dev.caro.backend.djl;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ChatMessage;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A model directory loaded through DJL: the chat template renders caro's messages, the Hugging
 * Face tokenizer turns them into ids, and {@link TorchCausalLm} continues them token by token
 * until an end token, a stop string, the token budget or the timeout. Answers as raw text; caro
 * extracts the command.
 */
final class DjlBackend implements ModelBackend {

    private final ModelDirectory dir;
    private final DjlSettings settings;
    private final TorchCausalLm lm;
    private final HuggingFaceTokenizer tokenizer;
    private final Set<Long> endTokens;
    private boolean closed;

    private DjlBackend(ModelDirectory dir, DjlSettings settings, TorchCausalLm lm, HuggingFaceTokenizer tokenizer,
            Set<Long> endTokens) {
        this.dir = dir;
        this.settings = settings;
        this.lm = lm;
        this.tokenizer = tokenizer;
        this.endTokens = endTokens;
    }

    /** Starts the engine, then loads the tokenizer and the model of {@code dir}. */
    static DjlBackend load(ModelDirectory dir, DjlSettings settings, BackendEnvironment env) throws BackendException {
        boolean firstUse = !Files.isDirectory(TorchRuntime.djlCacheDir(env.cacheDir()).resolve("pytorch"));
        env.progress().started((firstUse ? "Unpacking PyTorch (445 MB, once) and loading " : "Loading ")
                + dir.config().name() + " with DJL", -1);
        try {
            TorchRuntime.start(env.cacheDir(), settings.threads());
            HuggingFaceTokenizer tokenizer = loadTokenizer(dir);
            try {
                Set<Long> ends = endTokens(dir, tokenizer);
                TorchCausalLm lm = TorchCausalLm.load(dir);
                return new DjlBackend(dir, settings, lm, tokenizer, ends);
            } catch (BackendException | RuntimeException e) {
                tokenizer.close();
                throw e;
            }
        } finally {
            env.progress().finished();
        }
    }

    private static HuggingFaceTokenizer loadTokenizer(ModelDirectory dir) throws BackendException {
        // A local file only: a hub id would make DJL download. No truncation: a long prompt is an error, not cut.
        Map<String, String> options = Map.of(
                "addSpecialTokens", Boolean.toString(dir.config().addSpecialTokens()),
                "truncation", "false",
                "padding", "false");
        try {
            return HuggingFaceTokenizer.newInstance(dir.tokenizer(), options);
        } catch (IOException | RuntimeException e) {
            throw new BackendException("cannot read the tokenizer " + dir.tokenizer() + " (" + e.getMessage()
                    + "); it must be a Hugging Face tokenizer.json", e);
        }
    }

    private static Set<Long> endTokens(ModelDirectory dir, HuggingFaceTokenizer tokenizer) throws BackendException {
        Set<Long> ids = new LinkedHashSet<>();
        for (String eos : dir.config().eos()) {
            if (!eos.isEmpty() && eos.chars().allMatch(Character::isDigit)) {
                ids.add(Long.parseLong(eos));
                continue;
            }
            long[] encoded = tokenizer.encode(eos, false, false).getIds();
            if (encoded.length != 1) {
                throw new BackendException("the end token '" + eos + "' in " + dir.dir().resolve(ModelConfig.FILE)
                        + " is not a single token of " + dir.tokenizer() + "; name the model's real end token or its id");
            }
            ids.add(encoded[0]);
        }
        return Set.copyOf(ids);
    }

    /** The prompt text exactly as the tokenizer receives it. */
    String render(List<ChatMessage> messages) {
        return dir.config().chatTemplate().render(messages, dir.config().specialTokens());
    }

    /** The prompt's token ids. */
    long[] encode(String prompt) {
        Encoding e = tokenizer.encode(prompt);
        return e.getIds();
    }

    @Override
    public Generation generate(GenerationRequest request) throws BackendException, InterruptedException {
        List<ChatMessage> messages = request.messages().isEmpty()
                ? List.of(ChatMessage.user(request.prompt()))
                : request.messages();
        long start = System.nanoTime();
        Completion c = complete(messages, request.timeout());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Generation(List.of(), c.text(), String.format(Locale.ROOT, "%s: %d prompt tokens, %d tokens in %.2f s (%s)",
                dir.config().name(), c.promptTokens(), c.tokens().length, seconds,
                c.end().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    }

    /** Renders, encodes and continues {@code messages}. */
    Completion complete(List<ChatMessage> messages, Duration timeout) throws BackendException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("backend is closed");
        }
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        long[] prompt = encode(render(messages));
        int context = dir.config().contextLength();
        if (prompt.length >= context) {
            throw new BackendException("the prompt has " + prompt.length + " tokens but " + dir.config().name()
                    + " takes at most " + context + "; raise context_length in " + dir.dir().resolve(ModelConfig.FILE)
                    + " if the model allows it");
        }
        int budget = Math.min(settings.maxTokens(), context - prompt.length);
        TokenSampler sampler = new TokenSampler(settings.temperature(), settings.seed());
        List<Long> out = new ArrayList<>();
        try (TorchCausalLm.Sequence seq = lm.start()) {
            float[] logits = seq.append(prompt);
            while (true) {
                checkTime(deadline, timeout, out.size());
                long next = sampler.pick(logits);
                if (endTokens.contains(next)) {
                    return done(prompt, out, decode(out), Completion.End.END_TOKEN);
                }
                out.add(next);
                String text = decode(out);
                int cut = firstStop(text);
                if (cut >= 0) {
                    return done(prompt, out, text.substring(0, cut), Completion.End.STOP_STRING);
                }
                if (out.size() >= budget) {
                    return done(prompt, out, text, Completion.End.BUDGET);
                }
                logits = seq.append(new long[] {next});
            }
        }
    }

    private void checkTime(long deadline, Duration timeout, int tokens) throws BackendException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("generation cancelled");
        }
        if (System.nanoTime() > deadline) {
            throw new BackendException(String.format(Locale.ROOT,
                    "%s timed out after %s (%d tokens generated); raise the timeout or use a smaller model",
                    dir.config().name(), human(timeout), tokens));
        }
    }

    private String decode(List<Long> ids) {
        return tokenizer.decode(ids.stream().mapToLong(Long::longValue).toArray(), true);
    }

    private int firstStop(String text) {
        int first = -1;
        for (String s : settings.stop()) {
            int i = text.indexOf(s);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first;
    }

    private static Completion done(long[] prompt, List<Long> out, String text, Completion.End end) {
        return new Completion(prompt.length, out.stream().mapToLong(Long::longValue).toArray(), text, end);
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms >= 1000 && ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    ModelDirectory directory() {
        return dir;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            lm.close();
            tokenizer.close();
        }
    }
}
