package dev.caro.plugins.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.api.backend.ChatMessage;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.context.ExecutionContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request body parts both remote backends share. */
class ChatJsonTest {

    private static final ExecutionContext CTX = ExecutionContext.linux("/w", "/h");

    @Test
    void messagesKeepTheirRolesAndOrder() {
        GenerationRequest request = new GenerationRequest("list", CTX,
                List.of(ChatMessage.system("be brief"), ChatMessage.user("list \"files\"\n")), 1, Duration.ofSeconds(5));
        assertEquals("[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"list \\\"files\\\"\\n\"}]",
                Json.write(ChatJson.messages(request)));
    }

    @Test
    void aRequestWithoutMessagesSendsItsPromptAsTheUser() {
        GenerationRequest request = new GenerationRequest("show disk usage", CTX, List.of(), 1, Duration.ofSeconds(5));
        assertEquals("[{\"role\":\"user\",\"content\":\"show disk usage\"}]", Json.write(ChatJson.messages(request)));
    }

    @Test
    void theRestOfABodyIsItsLinesJoined() throws Exception {
        try (TimedLines lines = new TimedLines(new ByteArrayInputStream("{\"a\":\r\n1}\n".getBytes(StandardCharsets.UTF_8)),
                Instant.now().plusSeconds(5))) {
            assertEquals("{\"a\":\n1}\n", lines.rest());
        }
    }
}
