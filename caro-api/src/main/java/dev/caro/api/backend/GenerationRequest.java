package dev.caro.api.backend;

import dev.caro.api.Stable;
import dev.caro.api.context.ExecutionContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A request to generate a command.
 *
 * @param prompt the user's request as typed, e.g. {@code "find pdf files over 10MB in Downloads"}
 * @param context where the command will run
 * @param messages a ready chat prompt built by caro (system prompt with the context, a few
 *     examples, then the request); model backends should send these rather than build their own,
 *     rule-based backends may ignore them
 * @param maxCandidates how many alternative commands the caller wants at most (at least 1)
 * @param timeout how long the backend may take before it should give up
 */
@Stable(since = "1.0")
public record GenerationRequest(
        String prompt,
        ExecutionContext context,
        List<ChatMessage> messages,
        int maxCandidates,
        Duration timeout) {

    public GenerationRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(context, "context");
        messages = List.copyOf(messages == null ? List.of() : messages);
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("maxCandidates must be at least 1: " + maxCandidates);
        }
        Objects.requireNonNull(timeout, "timeout");
    }
}
