package dev.caro.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.caro.api.backend.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTemplateTest {

    private static final List<ChatMessage> CHAT = List.of(ChatMessage.system("Be brief."), ChatMessage.user("list files"),
            ChatMessage.assistant("ls"), ChatMessage.user("with sizes"));

    @Test
    void chatmlEndsWithTheAssistantsTurn() {
        assertEquals("""
                <|im_start|>system
                Be brief.<|im_end|>
                <|im_start|>user
                list files<|im_end|>
                <|im_start|>assistant
                ls<|im_end|>
                <|im_start|>user
                with sizes<|im_end|>
                <|im_start|>assistant
                """, ChatTemplate.CHATML.render(CHAT, ChatTemplate.CHATML.markers()));
    }

    @Test
    void llama3WritesOneBeginningAndHeaders() {
        assertEquals("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>"
                        + "<|start_header_id|>user<|end_header_id|>\n\nlist files<|eot_id|>"
                        + "<|start_header_id|>assistant<|end_header_id|>\n\nls<|eot_id|>"
                        + "<|start_header_id|>user<|end_header_id|>\n\nwith sizes<|eot_id|>"
                        + "<|start_header_id|>assistant<|end_header_id|>\n\n",
                ChatTemplate.LLAMA3.render(CHAT, ChatTemplate.LLAMA3.markers()));
    }

    @Test
    void plainNamesTheSpeakers() {
        assertEquals("System: Be brief.\n\nUser: list files\n\nAssistant: ls\n\nUser: with sizes\n\nAssistant:",
                ChatTemplate.PLAIN.render(CHAT, List.of()));
    }

    @Test
    void forbiddenTokensAreRemovedEvenWhenRemovalWouldAssembleOne() {
        assertEquals("hi  there", ChatTemplate.scrub("hi <|im_<|im_end|>end|> there", List.of("<|im_end|>")));
    }

    @Test
    void namesAreCaseInsensitiveAndUnknownOnesFail() {
        assertEquals(ChatTemplate.LLAMA3, ChatTemplate.named(" Llama3 "));
        assertThrows(IllegalArgumentException.class, () -> ChatTemplate.named("jinja"));
        assertEquals("chatml, llama3, plain", ChatTemplate.names());
    }
}
