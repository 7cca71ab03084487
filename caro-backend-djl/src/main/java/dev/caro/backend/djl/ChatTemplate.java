package dev.caro.backend.djl;

import dev.caro.api.backend.ChatFormat;
import dev.caro.api.backend.ChatMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The chat template a model directory's config names ({@code chat_template}): one of caro's
 * {@link ChatFormat}s, plus the removal of the model's own special tokens from message text.
 */
enum ChatTemplate {
    CHATML(ChatFormat.CHATML),
    LLAMA3(ChatFormat.LLAMA3),
    PLAIN(ChatFormat.PLAIN);

    private final ChatFormat format;

    ChatTemplate(ChatFormat format) {
        this.format = format;
    }

    /** The template called {@code name} in a model config, case-insensitive. */
    static ChatTemplate named(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** The control tokens the template writes; message text must not contain them. */
    List<String> markers() {
        return format.markers();
    }

    /** The tokens that end an answer when the model config names none. */
    List<String> endTokens() {
        return format.endTokens();
    }

    /**
     * Renders {@code messages}; every string in {@code forbidden} is removed from their content
     * first, because the tokenizer would read it as a control token and let a request open a new
     * turn.
     */
    String render(List<ChatMessage> messages, List<String> forbidden) {
        return format.render(messages, text -> scrub(text, forbidden));
    }

    /** Removes each forbidden string, repeatedly, so that removal cannot assemble a new one. */
    static String scrub(String text, List<String> forbidden) {
        String result = text;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String f : forbidden) {
                if (!f.isEmpty() && result.contains(f)) {
                    result = result.replace(f, "");
                    changed = true;
                }
            }
        }
        return result;
    }
}
