package dev.caro.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsAllFields() throws Exception {
        List<EvalCase> cases = DatasetReader.read(new StringReader("""
                # comments and blank lines are skipped

                {"prompt": "how much RAM is free", "expected": ["free -h"], "bsd": ["vm_stat"], "category": "system-info", "tags": ["memory"]}
                {"prompt": "make me a sandwich", "expected": []}
                """), "t.jsonl");
        assertEquals(2, cases.size());
        EvalCase c = cases.get(0);
        assertEquals(3, c.line());
        assertEquals(List.of("free -h"), c.acceptable(false));
        assertEquals(List.of("vm_stat"), c.acceptable(true));
        assertEquals("system-info", c.category());
        assertEquals(List.of("memory"), c.tags());
        assertEquals(true, cases.get(1).expectsDecline());
    }

    @Test
    void bsdFallsBackToExpectedAndAcceptIsAlwaysAllowed() throws Exception {
        EvalCase c = DatasetReader.read(new StringReader(
                "{\"prompt\": \"p\", \"expected\": [\"a\"], \"accept\": [\"b\"]}"), "t").get(0);
        assertEquals(List.of("a", "b"), c.acceptable(true));
    }

    @Test
    void errorsNameTheLineAndTheFix() {
        assertEquals("t.jsonl:2: not valid JSON at column 11; each line must be one JSON object",
                message("{\"prompt\": \"a\"}\n{\"prompt\": \n"));
        assertEquals("t.jsonl:1: \"prompt\" must be a non-empty string", message("{\"expected\": [\"ls\"]}"));
        assertEquals("t.jsonl:1: \"expected\" must be an array of strings", message("{\"prompt\": \"a\", \"expected\": \"ls\"}"));
        assertEquals("t.jsonl: no requests found; expected JSON lines with a \"prompt\"", message("\n\n"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetReader.read(dir.resolve("missing.jsonl")));
        assertEquals("dataset " + dir.resolve("missing.jsonl") + " does not exist", e.getMessage());
    }

    private static String message(String text) {
        return assertThrows(DatasetFormatException.class,
                () -> DatasetReader.read(new StringReader(text), "t.jsonl")).getMessage();
    }
}
