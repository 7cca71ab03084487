package dev.caro.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Decision;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.SafetyMode;
import dev.caro.api.shell.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormattersTest {

    private static final ExecutionContext CTX = ExecutionContext.linux("/home/ana/p", "/home/ana");
    private static final Finding FINDING = new Finding("caro.fs.recursive-delete", RiskLevel.HIGH,
            "Recursively deletes /home/ana/old, outside the working directory.", new Span(0, 18));
    private static final Assessment RISKY = new Assessment("rm -rf ~/old", RiskLevel.HIGH, List.of(FINDING), true);

    private static CommandResult result(String explanation) {
        return new CommandResult("delete old", "rm -rf ~/old", explanation, List.of("rm -r ~/old"), "offline", CTX,
                RISKY, SafetyMode.MODERATE, Decision.CONFIRM, List.of("answered by offline because llamacpp: model missing"),
                Duration.ofMillis(42));
    }

    @Test
    void plainPrintsTheCommandAloneWhenPipedOrQuiet() {
        PlainFormatter f = new PlainFormatter();
        assertEquals("rm -rf ~/old\n", f.render(result("Deletes it."), FormatOptions.pipe()));
        assertEquals("rm -rf ~/old\n", f.render(result("Deletes it."), new FormatOptions(true, true, true, false)));
    }

    @Test
    void plainOnATerminalExplainsAndShowsTheRisk() {
        String text = new PlainFormatter().render(result("Deletes the folder \u001b]0;pwned\u0007old."),
                new FormatOptions(true, false, false, false));
        assertEquals("""
                rm -rf ~/old
                  Deletes the folder \\x1b]0;pwned\\x07old.
                  Risk: HIGH — asks for confirmation before running (moderate mode)
                    - Recursively deletes /home/ana/old, outside the working directory. [caro.fs.recursive-delete]
                  ! answered by offline because llamacpp: model missing
                """, text);
    }

    @Test
    void plainColorsTheRiskOnlyWhenAllowed() {
        String text = new PlainFormatter().render(result(""), new FormatOptions(true, true, false, false));
        assertEquals("\u001b[1mrm -rf ~/old\u001b[0m\n  Risk: \u001b[31mHIGH\u001b[0m — asks for confirmation before running (moderate mode)\n",
                text.substring(0, text.indexOf("    - ")));
    }

    @Test
    void jsonFollowsTheDocumentedSchema() {
        assertEquals("{\"schema\":\"caro.result/1\",\"prompt\":\"delete old\",\"command\":\"rm -rf ~/old\","
                + "\"explanation\":\"Deletes it.\",\"alternatives\":[\"rm -r ~/old\"],\"backend\":\"offline\","
                + "\"risk\":\"HIGH\",\"parsed\":true,\"findings\":[{\"rule\":\"caro.fs.recursive-delete\",\"risk\":\"HIGH\","
                + "\"message\":\"Recursively deletes /home/ana/old, outside the working directory.\","
                + "\"span\":{\"start\":0,\"end\":18}}],\"mode\":\"moderate\",\"decision\":\"confirm\","
                + "\"warnings\":[\"answered by offline because llamacpp: model missing\"],"
                + "\"context\":{\"os\":\"linux\",\"distro\":\"\",\"arch\":\"amd64\",\"shell\":\"bash\",\"userland\":\"gnu\","
                + "\"cwd\":\"/home/ana/p\"},\"elapsed_ms\":42}\n",
                new JsonFormatter().render(result("Deletes it."), FormatOptions.pipe()));
    }

    @Test
    void checksAreJsonLinesAndYamlDocuments() {
        CheckResult safe = new CheckResult(new Assessment("ls", RiskLevel.SAFE, List.of(), true), SafetyMode.STRICT,
                Decision.ALLOW, List.of());
        CheckResult risky = new CheckResult(RISKY, SafetyMode.STRICT, Decision.BLOCK, List.of());
        String json = new JsonFormatter().renderChecks(List.of(safe, risky), FormatOptions.pipe());
        assertEquals(2, json.lines().count());
        assertEquals("{\"schema\":\"caro.check/1\",\"command\":\"ls\",\"risk\":\"SAFE\",\"parsed\":true,\"findings\":[],"
                + "\"mode\":\"strict\",\"decision\":\"allow\",\"warnings\":[]}", json.lines().findFirst().orElseThrow());
        String yaml = new YamlFormatter().renderChecks(List.of(risky), FormatOptions.pipe());
        assertEquals("""
                ---
                schema: "caro.check/1"
                command: "rm -rf ~/old"
                risk: "HIGH"
                parsed: true
                findings:
                  - rule: "caro.fs.recursive-delete"
                    risk: "HIGH"
                    message: "Recursively deletes /home/ana/old, outside the working directory."
                    span:
                      start: 0
                      end: 18
                mode: "strict"
                decision: "block"
                warnings: []
                """, yaml);
    }

    @Test
    void plainChecksListFindingsAndTheDecision() {
        CheckResult risky = new CheckResult(RISKY, SafetyMode.STRICT, Decision.BLOCK, List.of("'~' is not expanded by fish"));
        assertEquals("""
                HIGH      rm -rf ~/old
                  high  Recursively deletes /home/ana/old, outside the working directory.  [caro.fs.recursive-delete @0-18]
                  ! '~' is not expanded by fish
                  blocked in strict mode; caro will not run it
                """, new PlainFormatter().renderChecks(List.of(risky), FormatOptions.pipe()));
    }
}
