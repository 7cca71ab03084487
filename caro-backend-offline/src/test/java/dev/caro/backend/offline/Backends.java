package dev.caro.backend.offline;

import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.OsFamily;
import dev.caro.api.context.ShellKind;
import dev.caro.api.context.Userland;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Test helpers: the offline backend with its built-in catalog, and the usual contexts. */
final class Backends {

    static final ExecutionContext GNU = ExecutionContext.linux("/home/ana/project", "/home/ana");
    static final ExecutionContext BSD = GNU.withUserland(Userland.BSD).withOs(OsFamily.MACOS).withShell(ShellKind.ZSH);

    private static final OfflineBackend BACKEND = new OfflineBackend(Catalog.load(Backends.class.getClassLoader()));

    private Backends() {}

    static Generation generate(String prompt, ExecutionContext context) {
        return BACKEND.generate(new GenerationRequest(prompt, context, List.of(), 1, Duration.ofSeconds(5)));
    }

    /** The command for {@code prompt} on GNU/bash, or "" when the backend declined. */
    static String gnu(String prompt) {
        return command(prompt, GNU);
    }

    static String bsd(String prompt) {
        return command(prompt, BSD);
    }

    static String command(String prompt, ExecutionContext context) {
        Generation g = generate(prompt, context);
        return g.candidates().isEmpty() ? "" : g.candidates().get(0).command();
    }

    /**
     * Test rows "prompt => GNU command || BSD command", the BSD part only where it differs ("-" when
     * BSD declines): arguments prompt, GNU command, BSD command.
     */
    static Stream<Arguments> gnuOrBsdRows(String table) {
        return table.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            String[] p = l.split(" => ", 2);
            String[] c = p[1].split(" \\|\\| ", 2);
            return Arguments.of(p[0], c[0], c.length > 1 ? c[1] : c[0]);
        });
    }

    /**
     * Test rows "prompt => GNU command => BSD command", a blank BSD part meaning the same as GNU
     * (for commands that hold " || " themselves): arguments prompt, GNU command, BSD command.
     */
    static Stream<Arguments> gnuThenBsdRows(String table) {
        return table.lines().map(l -> {
            String[] p = l.split(" => ?", 3);
            return Arguments.of(p[0], p[1], p.length < 3 || p[2].isBlank() ? p[1] : p[2]);
        });
    }

    /** Asserts that the backend declines {@code prompt} on GNU/bash, naming what it answered otherwise. */
    static void assertDeclines(String prompt) {
        Generation g = generate(prompt, GNU);
        assertTrue(g.isEmpty(), prompt + " -> " + g.candidates());
    }

    /** Asserts the GNU and BSD commands for {@code prompt}; a BSD command "-" means BSD declines. */
    static void assertRenders(String prompt, String gnu, String bsd) {
        assertEquals(gnu, gnu(prompt), prompt);
        assertEquals(bsd.equals("-") ? "" : bsd, bsd(prompt), prompt);
    }
}
