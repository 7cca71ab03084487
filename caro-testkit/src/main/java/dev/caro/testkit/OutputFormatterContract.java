package dev.caro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Decision;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.SafetyMode;
import dev.caro.api.shell.Span;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link OutputFormatter} meets, built-in or plugin. Extend it in a test and
 * return the formatter:
 *
 * <pre>{@code
 * class MarkdownFormatterContractTest extends OutputFormatterContract {
 *     protected OutputFormatter formatter() { return new MarkdownFormatter(); }
 * }
 * }</pre>
 */
public abstract class OutputFormatterContract {

    private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9._-]*[a-z0-9])?");

    /** A new instance of the formatter under test. */
    protected abstract OutputFormatter formatter();

    /** Whether the formatter ships with caro (only built-ins may use the {@code caro.} prefix). */
    protected boolean builtIn() {
        return false;
    }

    /** A generated command with one finding and one warning. */
    protected CommandResult sampleResult(String command) {
        Finding f = new Finding("acme.sample", RiskLevel.MODERATE, "Deletes the files matching *.log.", new Span(0, 2));
        return new CommandResult("delete the logs", command, "Removes the log files here.", List.of("ls *.log"),
                "acme.backend", ExecutionContext.linux("/home/ana/work", "/home/ana"),
                Assessment.of(command, List.of(f), true), SafetyMode.MODERATE, Decision.ALLOW,
                List.of("uses a glob"), Duration.ofMillis(120));
    }

    @Test
    void idIsLowerCaseAndWellFormed() {
        String id = formatter().id();
        assertNotNull(id, "id()");
        assertTrue(ID.matcher(id).matches(), "id '" + id + "' must be lower case letters, digits, '.', '-', '_'");
        if (!builtIn()) {
            assertFalse(id.startsWith("caro."), "the caro. prefix is reserved for built-ins");
        }
        assertEquals(id, formatter().id(), "id() is stable");
        assertNotNull(formatter().description(), "description()");
        assertFalse(formatter().description().isBlank(), "description()");
    }

    @Test
    void rendersTheCommandAndEndsWithANewline() {
        for (FormatOptions o : options()) {
            String text = formatter().render(sampleResult("rm -- *.log"), o);
            assertNotNull(text, "render() with " + o);
            assertTrue(text.contains("rm -- *.log"), "the command appears verbatim with " + o + ":\n" + text);
            assertTrue(text.endsWith("\n"), "ends with a newline with " + o);
        }
    }

    @Test
    void writesNoEscapeSequencesWithoutColorAndNeutralizesModelOutput() {
        String hostile = "echo hi \u001b[2J\u001b]0;pwned\u0007";
        for (FormatOptions o : options()) {
            String text = formatter().render(sampleResult(hostile), o);
            assertFalse(text.contains("\u001b[2J") || text.contains("\u0007"),
                    "control characters from model output must be neutralized with " + o);
            if (!o.color()) {
                assertFalse(text.contains("\u001b"), "no escape sequences without color with " + o);
            }
        }
    }

    @Test
    void rendersEveryCheckedCommand() {
        List<CheckResult> checks = List.of(
                new CheckResult(Assessment.of("ls -l", List.of(), true), SafetyMode.MODERATE, Decision.ALLOW, List.of()),
                new CheckResult(sampleResult("rm -- *.log").assessment(), SafetyMode.STRICT, Decision.CONFIRM,
                        List.of()));
        String text = formatter().renderChecks(checks, FormatOptions.pipe());
        assertNotNull(text, "renderChecks()");
        assertTrue(text.contains("ls -l") && text.contains("rm -- *.log"), text);
        assertNotNull(formatter().renderChecks(List.of(), FormatOptions.pipe()), "renderChecks() of nothing");
    }

    @Test
    void isDeterministic() {
        CommandResult r = sampleResult("du -sh .");
        assertEquals(formatter().render(r, FormatOptions.pipe()), formatter().render(r, FormatOptions.pipe()));
    }

    @Test
    void isRegisteredAsAService() {
        Class<?> type = formatter().getClass();
        boolean found = ServiceLoader.load(OutputFormatter.class, type.getClassLoader()).stream()
                .anyMatch(p -> p.type() == type);
        assertTrue(found, type.getName() + " must be listed in META-INF/services/" + OutputFormatter.class.getName());
    }

    private static List<FormatOptions> options() {
        return List.of(FormatOptions.pipe(), new FormatOptions(true, true, false, false),
                new FormatOptions(true, false, true, false), new FormatOptions(false, false, false, true));
    }
}
