package dev.caro.backend.llamacpp;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ChatMessage;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A GGUF model loaded in-process through java-llama.cpp. The only class that touches the
 * binding, so that nothing else loads the native library.
 *
 * <p>java-llama.cpp 4.2.0 leaves a non-daemon native thread running after {@link #close()}: a
 * program that used this backend must end with {@link System#exit(int)}.
 */
final class LlamaCppBackend implements ModelBackend {

    private final LlamaModel model;
    private final ModelChoice choice;
    private final ChatTemplate template;
    private final LlamaCppSettings settings;
    private final int contextSize;
    private boolean closed;

    private LlamaCppBackend(LlamaModel model, ModelChoice choice, ChatTemplate template, LlamaCppSettings settings,
            int contextSize) {
        this.model = model;
        this.choice = choice;
        this.template = template;
        this.settings = settings;
        this.contextSize = contextSize;
    }

    /** Loads {@code choice}, whose file already passed {@link ModelFileCheck#full}. */
    static LlamaCppBackend load(ModelChoice choice, GgufFile gguf, LlamaCppSettings settings, BackendEnvironment env)
            throws BackendException {
        try {
            NativeLibrary.prepare(env.cacheDir());
        } catch (IOException e) {
            throw new BackendException("cannot install the llama.cpp native library: " + e.getMessage(), e);
        }
        ChatTemplate template = choice.entry().map(e -> ChatTemplate.named(e.template()))
                .orElseGet(() -> ChatTemplate.detect(gguf.chatTemplate()));
        int trained = (int) Math.min(Integer.MAX_VALUE, gguf.contextLength().orElse((long) settings.contextSize()));
        int context = Math.max(64, Math.min(settings.contextSize(), trained));
        ModelParameters params = new ModelParameters()
                .setModel(choice.path().toString())
                .setCtxSize(context)
                .setThreads(settings.threads())
                .setThreadsBatch(settings.threads())
                .setParallel(1)
                .skipWarmup();
        if (!settings.mmap()) {
            params.disableMmap();
        }
        if (!settings.nativeLog()) {
            params.disableLog(); // llama.cpp would otherwise log to the terminal caro answers on
        }
        env.progress().started("Loading " + choice.name(), -1);
        LlamaModel model;
        try {
            model = new LlamaModel(params);
        } catch (UnsatisfiedLinkError e) {
            throw new BackendException("cannot load the llama.cpp native library (" + e.getMessage()
                    + "); use --backend offline", e);
        } catch (RuntimeException e) { // the binding's LlamaException is package-private
            throw new BackendException("llama.cpp could not load " + choice.path() + " (architecture '"
                    + gguf.architecture() + "'); the file is a complete GGUF model, so it probably needs a newer"
                    + " llama.cpp than the bundled one; set backends.llamacpp.log = true to see why", e);
        } finally {
            env.progress().finished();
        }
        if (!settings.nativeLog()) {
            // Loading re-installs llama.cpp's own logger, so silence it again afterwards.
            LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
        }
        return new LlamaCppBackend(model, choice, template, settings, context);
    }

    /** The prompt exactly as the model receives it. */
    String render(List<ChatMessage> messages) {
        if (template != ChatTemplate.GGUF) {
            return template.render(messages);
        }
        String system = null;
        List<Pair<String, String>> turns = new ArrayList<>();
        for (ChatMessage m : messages) {
            String content = ChatTemplate.neutralize(m.content());
            if (m.role().equals(ChatMessage.SYSTEM) && system == null && turns.isEmpty()) {
                system = content;
            } else {
                turns.add(new Pair<>(m.role().equals(ChatMessage.ASSISTANT) ? "assistant" : "user", content));
            }
        }
        return model.applyTemplate(new InferenceParameters("").setMessages(system, turns));
    }

    @Override
    public Generation generate(GenerationRequest request) throws BackendException, InterruptedException {
        List<ChatMessage> messages = request.messages().isEmpty()
                ? List.of(ChatMessage.user(request.prompt()))
                : request.messages();
        return complete(messages, request.timeout());
    }

    /** Answers a chat prompt; what {@link #generate} and the model server both do. */
    Generation complete(List<ChatMessage> messages, Duration timeout) throws BackendException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("backend is closed");
        }
        String prompt = render(messages);
        Set<String> stops = new LinkedHashSet<>(template.stopStrings());
        stops.addAll(settings.stop());
        InferenceParameters params = new InferenceParameters(prompt)
                .setTemperature(settings.temperature())
                .setNPredict(settings.maxTokens())
                .setCachePrompt(true)
                .setSeed(42);
        if (!stops.isEmpty()) {
            params.setStopStrings(stops.toArray(new String[0]));
        }
        settings.grammar().ifPresent(params::setGrammar);

        long start = System.nanoTime();
        long deadline = start + Math.max(0, timeout.toNanos());
        StringBuilder text = new StringBuilder();
        int tokens = 0;
        long first = 0;
        LlamaIterator it;
        try {
            it = model.generate(params).iterator();
        } catch (RuntimeException e) {
            throw new BackendException("llama.cpp rejected the request: " + e.getMessage(), e);
        }
        try {
            while (it.hasNext()) {
                if (Thread.interrupted()) {
                    it.cancel();
                    throw new InterruptedException("generation cancelled");
                }
                LlamaOutput out = it.next();
                if (tokens == 0) {
                    first = System.nanoTime();
                }
                text.append(out.text);
                tokens++;
                if (it.hasNext() && System.nanoTime() > deadline) {
                    it.cancel();
                    throw new BackendException(String.format(Locale.ROOT,
                            "%s timed out after %s (%d tokens generated); raise the timeout or use a smaller model",
                            choice.name(), human(timeout), tokens));
                }
            }
        } catch (RuntimeException e) {
            throw new BackendException("llama.cpp failed while generating: " + e.getMessage(), e);
        }
        tokens = Math.max(0, tokens - 1); // the last message only carries the stop flag
        double seconds = (System.nanoTime() - start) / 1e9;
        String raw = stripStops(text.toString(), stops);
        return new Generation(List.of(), raw, String.format(Locale.ROOT, "%s: %d tokens in %.2f s (first after %.2f s)",
                choice.name(), tokens, seconds, first == 0 ? seconds : (first - start) / 1e9));
    }

    /** llama.cpp drops stop strings from the output; this catches any that arrive split. */
    private static String stripStops(String text, Set<String> stops) {
        String result = text;
        for (String s : stops) {
            int i = result.indexOf(s);
            if (i >= 0) {
                result = result.substring(0, i);
            }
        }
        return result;
    }

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms >= 1000 && ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    int contextSize() {
        return contextSize;
    }

    ChatTemplate template() {
        return template;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            model.close();
        }
    }
}
