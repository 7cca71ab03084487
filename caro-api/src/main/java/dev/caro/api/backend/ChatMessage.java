package dev.caro.api.backend;

import dev.caro.api.Stable;
import java.util.Objects;

/**
 * One message of a chat prompt built by caro.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the text; never null
 */
@Stable(since = "1.0")
public record ChatMessage(String role, String content) {

    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage system(String content) { return new ChatMessage(SYSTEM, content); }

    public static ChatMessage user(String content) { return new ChatMessage(USER, content); }

    public static ChatMessage assistant(String content) { return new ChatMessage(ASSISTANT, content); }
}
