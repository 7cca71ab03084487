package dev.caro.backend.djl;

import dev.caro.api.backend.ChatMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns chat messages into the prompt text a chat-tuned model was trained on, ending with the
 * opening of the assistant's turn. The model directory's config names the template.
 */
enum ChatTemplate {
    /** Qwen, SmolLM, Phi-3.5 and other ChatML models. */
    CHATML(List.of("<|im_start|>", "<|im_end|>"), List.of("<|im_end|>", "<|endoftext|>")),
    /** Llama 3.x instruct models. */
    LLAMA3(List.of("<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"),
            List.of("<|eot_id|>", "<|end_of_text|>")),
    /** Base models without a chat format: "System: …", "User: …", then "Assistant:". */
    PLAIN(List.of(), List.of());

    private final List<String> markers;
    private final List<String> endTokens;

    ChatTemplate(List<String> markers, List<String> endTokens) {
        this.markers = markers;
        this.endTokens = endTokens;
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
        return markers;
    }

    /** The tokens that end an answer when the model config names none. */
    List<String> endTokens() {
        return endTokens;
    }

    /**
     * Renders {@code messages}; every string in {@code forbidden} is removed from their content
     * first, because the tokenizer would read it as a control token and let a request open a new
     * turn.
     */
    String render(List<ChatMessage> messages, List<String> forbidden) {
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : messages) {
            String content = scrub(m.content(), forbidden);
            switch (this) {
                case CHATML -> sb.append("<|im_start|>").append(m.role()).append('\n').append(content)
                        .append("<|im_end|>\n");
                case LLAMA3 -> {
                    if (sb.isEmpty()) {
                        sb.append("<|begin_of_text|>");
                    }
                    sb.append("<|start_header_id|>").append(m.role()).append("<|end_header_id|>\n\n")
                            .append(content.strip()).append("<|eot_id|>");
                }
                case PLAIN -> sb.append(Character.toUpperCase(m.role().charAt(0))).append(m.role().substring(1))
                        .append(": ").append(content.strip()).append("\n\n");
            }
        }
        switch (this) {
            case CHATML -> sb.append("<|im_start|>assistant\n");
            case LLAMA3 -> {
                if (sb.isEmpty()) {
                    sb.append("<|begin_of_text|>");
                }
                sb.append("<|start_header_id|>assistant<|end_header_id|>\n\n");
            }
            case PLAIN -> sb.append("Assistant:");
        }
        return sb.toString();
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
