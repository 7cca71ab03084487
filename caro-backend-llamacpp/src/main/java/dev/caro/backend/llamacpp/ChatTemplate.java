package dev.caro.backend.llamacpp;

import dev.caro.api.backend.ChatFormat;
import dev.caro.api.backend.ChatMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chat template families caro renders itself, so the prompt is the same whatever llama.cpp's
 * template detection does. Models of another family use the template stored in their GGUF file
 * through llama.cpp ({@link #GGUF}).
 */
enum ChatTemplate {
    CHATML(List.of("<|im_end|>", "<|im_start|>", "<|endoftext|>")),
    LLAMA3(List.of("<|eot_id|>", "<|start_header_id|>", "<|end_of_text|>")),
    GGUF(List.of());

    /**
     * Control-token look-alikes: {@code <|im_start|>}, {@code <|eot_id|>}, {@code <s>}, {@code [INST]}.
     * llama.cpp parses special tokens inside the prompt text, so user text must never carry them.
     */
    private static final Pattern CONTROL = Pattern.compile(
            "<\\|[A-Za-z0-9_]{1,40}\\|>|</?s>|\\[/?INST\\]|<<\\s*/?SYS\\s*>>");

    private final List<String> stopStrings;

    ChatTemplate(List<String> stopStrings) {
        this.stopStrings = stopStrings;
    }

    /** Strings that end the assistant's turn in this family. */
    List<String> stopStrings() {
        return stopStrings;
    }

    /** The family named in the catalog ({@code chatml}, {@code llama3}, {@code gguf}). */
    static ChatTemplate named(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    /** Guesses the family from the Jinja template stored in a GGUF file. */
    static ChatTemplate detect(Optional<String> jinja) {
        if (jinja.isEmpty()) {
            return CHATML; // llama.cpp's own fallback for files without a template
        }
        String t = jinja.get();
        if (t.contains("<|im_start|>")) {
            return CHATML;
        }
        if (t.contains("<|start_header_id|>")) {
            return LLAMA3;
        }
        return GGUF;
    }

    /** Removes control-token look-alikes from message text. */
    static String neutralize(String text) {
        return CONTROL.matcher(text).replaceAll("");
    }

    /**
     * Renders {@code messages} followed by the opening of the assistant's turn. Only for
     * {@link #CHATML} and {@link #LLAMA3}; {@link #GGUF} is rendered by llama.cpp.
     */
    String render(List<ChatMessage> messages) {
        return switch (this) {
            case CHATML -> ChatFormat.CHATML.render(messages, ChatTemplate::neutralize);
            case LLAMA3 -> ChatFormat.LLAMA3.render(messages, ChatTemplate::neutralize);
            case GGUF -> throw new IllegalStateException("GGUF templates are rendered by llama.cpp");
        };
    }
}
