package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.core.config.CaroPaths;
import dev.caro.core.config.ConfigKey;
import dev.caro.core.context.ContextDetector;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@link SimpleCommandLine} takes a command line only when it reads it exactly as picocli does. */
class SimpleCommandLineTest {

    @TempDir
    Path home;

    /** Lines the shortcut must take. */
    private static final List<List<String>> TAKEN = List.of(
            List.of(),
            List.of("list files"),
            List.of("list", "files", "in", "Downloads"),
            List.of("-b", "offline", "-q", "list files"),
            List.of("list files", "-b", "offline", "--quiet"),
            List.of("-p", "list files", "-x", "--dry-run", "-y", "--explain", "-v"),
            List.of("--prompt", "find pdf files", "--execute", "--yes", "--verbose", "--quiet"),
            List.of("-s", "bash", "-m", "qwen", "--safety", "strict", "-o", "json", "--timeout", "5", "list files"),
            List.of("--shell", "zsh", "--backend", "", "--model", "/m.gguf", "--output", "yaml", "x"),
            List.of("-b", "no-such-backend", "list files"),
            List.of("--timeout", "abc", "list"),
            List.of("check"),
            List.of("check", "rm -rf /"),
            List.of("check", "rm", "x"),
            List.of("check", "-"),
            List.of("check", "--json", "-"),
            List.of("check", "-o", "json", "--safety", "strict", "-s", "fish", "-q", "ls -la"),
            List.of("check", "ls", "--output", "yaml", "--shell", "bash", "--quiet"),
            List.of("check", "ls", "-", "pwd"));

    /** Lines left to picocli: errors, help, forms the shortcut does not read, other subcommands. */
    private static final List<List<String>> LEFT = List.of(
            List.of("--help"), List.of("-h"), List.of("-V"), List.of("--version"), List.of("-q", "--version"),
            List.of("-qx", "list"), List.of("--backend=offline", "list"), List.of("-boffline", "list"),
            List.of("-b"), List.of("list", "-b"), List.of("-b", "-q", "list"), List.of("-q", "-q", "list"),
            List.of("-b", "a", "--backend", "b", "list"), List.of("--", "-q"), List.of("@args.txt"),
            List.of("--frobnicate"), List.of("-"), List.of("list", "history"), List.of("-b", "check", "x"),
            List.of("history"), List.of("models", "list"), List.of("-q", "check", "ls"),
            List.of("check", "--", "chmod", "-R", "777", "/"), List.of("check", "rm", "-rf", "/"),
            List.of("check", "--json", "--json", "ls"), List.of("check", "-o"), List.of("check", "-o", "-q"),
            List.of("check", "ls", "history"), List.of("check", "--help"), List.of("check", "-x", "ls"));

    @Test
    void takesTheEverydayLinesAndSetsWhatPicocliSets() {
        for (List<String> line : TAKEN) {
            String[] args = line.toArray(new String[0]);
            CaroCommand simpleRoot = new CaroCommand(cli());
            Optional<Callable<Integer>> simple = SimpleCommandLine.parse(simpleRoot, args);
            assertTrue(simple.isPresent(), "not taken: " + line);

            CaroCommand picoRoot = new CaroCommand(cli());
            CommandLine cl = new CommandLine(picoRoot);
            Subcommands.registerFor(cl, picoRoot, cli(), args);
            CommandLine.ParseResult parsed = cl.parseArgs(args);
            Object picoCommand = parsed.hasSubcommand() ? parsed.subcommand().commandSpec().userObject() : picoRoot;

            assertSame(simple.get().getClass(), picoCommand.getClass(), line.toString());
            assertEquals(options(picoRoot), options(simpleRoot), line.toString());
            assertEquals(settings(picoRoot), settings(simpleRoot), line.toString());
            if (picoCommand instanceof CheckCommand picoCheck) {
                CheckCommand simpleCheck = (CheckCommand) simple.get();
                assertEquals(options(picoCheck), options(simpleCheck), line.toString());
                assertSame(simpleRoot, simpleCheck.parent);
            }
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        for (List<String> line : LEFT) {
            assertEquals(Optional.empty(), SimpleCommandLine.parse(new CaroCommand(cli()), line.toArray(new String[0])),
                    line.toString());
        }
    }

    @Test
    void picocliAndTheShortcutGiveTheSameOutputAndExitCode(@TempDir Path dir) {
        // The same request once through the shortcut and once with a form only picocli reads.
        CaroRunner.Run simple = new CaroRunner(dir).run("check", "--safety", "strict", "rm -rf ~");
        CaroRunner.Run picocli = new CaroRunner(dir).run("check", "--safety=strict", "rm -rf ~");
        assertEquals(ExitCodes.CHECK_CRITICAL, simple.exitCode());
        assertEquals(picocli.exitCode(), simple.exitCode());
        assertEquals(picocli.out(), simple.out());
        CaroRunner.Run unknown = new CaroRunner(dir).run("-b", "nope", "list files");
        assertEquals(new CaroRunner(dir).run("--backend=nope", "list files").err(), unknown.err());
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertNotEquals("", unknown.err());
    }

    /** The values of a command's picocli-annotated fields; no words and an empty list are the same. */
    private static Map<String, Object> options(Object command) {
        Map<String, Object> values = new HashMap<>();
        for (Field f : command.getClass().getDeclaredFields()) {
            if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                try {
                    f.setAccessible(true);
                    Object v = f.get(command);
                    boolean list = List.class.isAssignableFrom(f.getType());
                    values.put(f.getName(), list && (v == null || ((List<?>) v).isEmpty()) ? "no words" : v);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return values;
    }

    /** Every setting as resolved from the command line (options with a setter record a setting). */
    private static Map<ConfigKey, Optional<String>> settings(CaroCommand root) {
        Map<ConfigKey, Optional<String>> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key, root.session().settings().get(key));
        }
        return values;
    }

    private CliEnvironment cli() {
        Map<String, String> env = Map.of("HOME", home.toString(), "SHELL", "/bin/bash");
        return new CliEnvironment(env, new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false, false,
                new ContextDetector(env, Map.of("os.name", "Linux"), null), CaroPaths.from(env, home), false);
    }
}
