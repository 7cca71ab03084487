package dev.caro.api.backend;

import dev.caro.api.Experimental;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The prompt layouts of common chat-tuned model families, for backends that turn
 * {@link ChatMessage}s into prompt text themselves (an embedded model, a raw completion endpoint).
 * One rendering for every such backend, so that the same messages reach every model of a family
 * as the same text.
 */
@Experimental(since = "1.2")
public enum ChatFormat {
    /** Qwen, SmolLM, Phi-3.5 and other ChatML models. */
    CHATML(List.of("<|im_start|>", "<|im_end|>"), List.of("<|im_end|>", "<|endoftext|>")),
    /** Llama 3.x instruct models. */
    LLAMA3(List.of("<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"),
            List.of("<|eot_id|>", "<|end_of_text|>")),
    /** Base models without a chat format: {@code System: …}, {@code User: …}, then {@code Assistant:}. */
    PLAIN(List.of(), List.of());

    private final List<String> markers;
    private final List<String> endTokens;

    ChatFormat(List<String> markers, List<String> endTokens) {
        this.markers = markers;
        this.endTokens = endTokens;
    }

    /** The control tokens this layout writes; message text must never contain them. */
    public List<String> markers() {
        return markers;
    }

    /** The tokens that end the assistant's turn. */
    public List<String> endTokens() {
        return endTokens;
    }

    /**
     * Renders {@code messages}, then the opening of the assistant's turn.
     *
     * @param clean applied to every message's content first; it must remove whatever the model's
     *     tokenizer would read as a control token (at least {@link #markers()}), or a request could
     *     open a turn of its own
     */
    public String render(List<ChatMessage> messages, UnaryOperator<String> clean) {
        StringBuilder sb = new StringBuilder();
        if (this == LLAMA3) {
            sb.append("<|begin_of_text|>");
        }
        for (ChatMessage m : messages) {
            String content = clean.apply(m.content());
            switch (this) {
                case CHATML -> sb.append("<|im_start|>").append(m.role()).append('\n').append(content)
                        .append("<|im_end|>\n");
                case LLAMA3 -> sb.append("<|start_header_id|>").append(m.role()).append("<|end_header_id|>\n\n")
                        .append(content.strip()).append("<|eot_id|>");
                case PLAIN -> sb.append(Character.toUpperCase(m.role().charAt(0))).append(m.role().substring(1))
                        .append(": ").append(content.strip()).append("\n\n");
            }
        }
        switch (this) {
            case CHATML -> sb.append("<|im_start|>assistant\n");
            case LLAMA3 -> sb.append("<|start_header_id|>assistant<|end_header_id|>\n\n");
            case PLAIN -> sb.append("Assistant:");
        }
        return sb.toString();
    }
}
