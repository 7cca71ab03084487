package dev.caro.plugins.support;

import dev.caro.api.backend.ChatMessage;
import dev.caro.api.backend.GenerationRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chat messages of a request as the {@code messages} array both Ollama and OpenAI-style servers take. */
public final class ChatJson {

    private ChatJson() {}

    /**
     * Caro's chat messages as {@code [{"role": …, "content": …}, …]}, ready for {@link Json#write};
     * a request without messages becomes one user message with its prompt.
     */
    public static List<Object> messages(GenerationRequest request) {
        List<ChatMessage> chat = request.messages().isEmpty() ? List.of(ChatMessage.user(request.prompt()))
                : request.messages();
        List<Object> messages = new ArrayList<>();
        for (ChatMessage m : chat) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("role", m.role());
            o.put("content", m.content());
            messages.add(o);
        }
        return messages;
    }
}
