package dev.caro.plugins.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsNestedValues() throws JsonException {
        Object v = Json.parse("{\"a\": [1, -2.5e1, true, null, \"x\\n\\u00e9\"], \"b\": {}}");
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("-2.5e1"), true), ((List<?>) Json.at(v, "a").get()).subList(0, 3));
        assertEquals("x\né", Json.string(v, "a", 4).orElseThrow());
        assertEquals(Map.of(), Json.at(v, "b").orElseThrow());
        assertEquals(java.util.Optional.empty(), Json.at(v, "a", 9));
    }

    @Test
    void writesWhatItReads() throws JsonException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", "qwen");
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "user");
        message.put("content", "say \"hi\"\n\u0001");
        m.put("messages", List.of(message));
        m.put("stream", false);
        String text = Json.write(m);
        assertEquals("{\"model\":\"qwen\",\"messages\":[{\"role\":\"user\",\"content\":\"say \\\"hi\\\"\\n\\u0001\"}],"
                + "\"stream\":false}", text);
        assertEquals(m, Json.parse(text));
    }

    @Test
    void rejectsMalformedInputWithThePlace() {
        assertEquals("expected ',' or '}' at offset 8",
                assertThrows(JsonException.class, () -> Json.parse("{\"a\": 1 \"b\": 2}")).getMessage());
        assertEquals("unterminated string at offset 4",
                assertThrows(JsonException.class, () -> Json.parse("\"abc")).getMessage());
        assertEquals("unexpected text after the value at offset 3",
                assertThrows(JsonException.class, () -> Json.parse("{} x")).getMessage());
        assertThrows(JsonException.class, () -> Json.parse("[".repeat(500)));
        assertThrows(JsonException.class, () -> Json.parse(""));
    }
}
