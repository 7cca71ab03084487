package dev.caro.core.prompt;

import dev.caro.api.backend.ChatMessage;
import dev.caro.api.context.ExecutionContext;
import java.util.List;

/** Builds the chat prompt every model backend receives. Shared by all model backends. */
public final class PromptBuilder {

    private PromptBuilder() {}

    /** System prompt stating the context, a few examples, then the request. */
    public static List<ChatMessage> build(String request, ExecutionContext context) {
        String system = "You translate requests into one " + context.shell().id() + " command for "
                + context.os().id() + " (" + context.userland().id() + " userland). Answer with the command in a"
                + " fenced code block.";
        return List.of(ChatMessage.system(system), ChatMessage.user(request));
    }
}
