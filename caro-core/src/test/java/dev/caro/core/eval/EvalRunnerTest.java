package dev.caro.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.Userland;
import dev.caro.api.safety.RiskLevel;
import dev.caro.core.eval.fakes.ScriptedBackend;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvalRunnerTest {

    private static final String DATASET = """
            {"prompt": "list files", "expected": ["ls -la"], "category": "files"}
            {"prompt": "free memory", "expected": ["free -h"], "bsd": ["vm_stat"], "category": "system"}
            {"prompt": "disk usage", "expected": ["df -h"], "category": "system"}
            {"prompt": "make me a sandwich", "expected": [], "category": "decline"}
            {"prompt": "boom", "expected": ["true"], "category": "files"}
            """;

    private static final ScriptedBackend BACKEND = new ScriptedBackend(Map.of(
            "list files", "ls -al",
            "free memory", "free -h",
            "disk usage", "rm -rf /"));

    private static EvalReport run(ExecutionContext context) throws Exception {
        List<EvalCase> cases = DatasetReader.read(new StringReader(DATASET), "t.jsonl");
        return new EvalRunner(BACKEND, context,
                c -> c.startsWith("rm") ? Optional.of(RiskLevel.CRITICAL) : Optional.of(RiskLevel.SAFE),
                Optional.empty(), Duration.ofSeconds(1)).run("t.jsonl", "scripted", cases);
    }

    @Test
    void scoresCoverageAccuracyPrecisionAndSafety() throws Exception {
        EvalReport r = run(ExecutionContext.linux("/w", "/h"));
        assertEquals(5, r.total());
        assertEquals(3, r.answered());
        assertEquals(2, r.equivalent());
        assertEquals(0.6, r.coverage(), 1e-9);
        assertEquals(0.5, r.accuracy(), 1e-9, "2 of the 4 requests that expect a command");
        assertEquals(2.0 / 3, r.precision(), 1e-9);
        assertEquals(List.of("rm -rf /"), r.wrong().stream().map(c -> c.answer().orElseThrow()).toList());
        assertEquals(Map.of("SAFE", 2, "MODERATE", 0, "HIGH", 0, "CRITICAL", 1, "unassessed", 0), r.safety());
        assertEquals("backend failed: scripted failure", r.results().get(4).note());
        assertTrue(r.latencyPercentile(50) >= 0 && r.latencyPercentile(95) >= r.latencyPercentile(50));
    }

    @Test
    void bsdUserlandIsScoredAgainstBsdCommands() throws Exception {
        EvalReport r = run(ExecutionContext.linux("/w", "/h").withUserland(Userland.BSD));
        assertEquals(1, r.equivalent(), "free -h is not the BSD answer");
    }

    @Test
    void tableShowsTotalsAndWrongAnswers() throws Exception {
        String table = run(ExecutionContext.linux("/w", "/h")).toTable();
        assertTrue(table.contains("all                 5        3        2     50.0%      66.7%\n"), table);
        assertTrue(table.contains("""
                Wrong answers (1):
                  line 3: disk usage
                    got:  rm -rf /
                    want: df -h
                """), table);
        assertTrue(table.contains("Safety    SAFE 2, MODERATE 0, HIGH 0, CRITICAL 1, unassessed 0\n"), table);
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(run(ExecutionContext.linux("/w", "/h")).toJson());
        assertEquals("scripted", doc.get("backend").asText());
        assertEquals(5, doc.get("total").asInt());
        assertEquals(3, doc.get("answered").asInt());
        assertEquals(2, doc.get("equivalent").asInt());
        assertEquals(0.5, doc.get("accuracy").asDouble(), 1e-9);
        assertEquals(0.667, doc.get("precision").asDouble(), 1e-9);
        assertTrue(doc.get("latencyMs").has("p50") && doc.get("latencyMs").has("p95"));
        assertEquals(1, doc.get("safety").get("CRITICAL").asInt());
        JsonNode first = doc.get("cases").get(0);
        assertEquals("list files", first.get("prompt").asText());
        assertEquals("ls -al", first.get("answer").asText());
        assertEquals("normalized", first.get("how").asText());
        assertEquals("SAFE", first.get("risk").asText());
        assertTrue(doc.get("cases").get(3).get("answer").isNull());
    }
}
