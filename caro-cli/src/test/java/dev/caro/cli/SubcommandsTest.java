package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.core.config.CaroPaths;
import dev.caro.core.context.ContextDetector;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SubcommandsTest {

    @TempDir
    Path home;

    private CliEnvironment environment() {
        Map<String, String> env = Map.of("HOME", home.toString(), "SHELL", "/bin/bash");
        return new CliEnvironment(env, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, false,
                new ContextDetector(env, Map.of("os.name", "Linux"), null), CaroPaths.from(env, home), false);
    }

    private List<String> registeredFor(String... args) {
        CliEnvironment cli = environment();
        CaroCommand root = new CaroCommand(cli);
        CommandLine cl = new CommandLine(root);
        Subcommands.registerFor(cl, root, cli, args);
        return List.copyOf(cl.getSubcommands().keySet());
    }

    @Test
    void aRequestOrTheVersionBuildsNoSubcommand() {
        assertEquals(List.of(), registeredFor("--version"));
        assertEquals(List.of(), registeredFor("-b", "offline", "-q", "list", "files"));
        assertEquals(List.of(), registeredFor("-q", "--", "check", "disk"));
    }

    @Test
    void aSubcommandBuildsOnlyItself() {
        assertEquals(List.of("check"), registeredFor("check", "rm -rf /"));
        assertEquals(List.of("models"), registeredFor("models", "list"));
        assertEquals(List.of("check"), registeredFor("check", "--help"));
    }

    @Test
    void everyWordPicocliWouldTakeForASubcommandIsRegistered() {
        // picocli switches to a subcommand wherever its name appears, so both must be there to keep that.
        assertEquals(List.of("config", "history"), registeredFor("show", "history", "config"));
    }

    @Test
    void rootHelpAndTreeGeneratorsGetEverySubcommandInHelpOrder() {
        assertEquals(Subcommands.NAMES, registeredFor("--help"));
        assertEquals(Subcommands.NAMES, registeredFor("-h"));
        assertEquals(Subcommands.NAMES, registeredFor("completion", "bash"));
        assertEquals(Subcommands.NAMES, registeredFor("man"));
    }

    @Test
    void rootHelpListsEverySubcommand(@TempDir Path dir) {
        CaroRunner.Run r = new CaroRunner(dir).run("--help");
        assertEquals(0, r.exitCode());
        String commands = r.out().substring(r.out().indexOf("Commands:"));
        for (String name : Subcommands.NAMES) {
            assertTrue(commands.contains("\n  " + name + " "), name + " missing from:\n" + commands);
        }
    }

    @Test
    void everyCommandOfTheTreeAnswersHelpWithItsUsageAndRunsNothing(@TempDir Path dir) {
        CaroRunner runner = new CaroRunner(dir);
        CliEnvironment cli = environment();
        CommandLine tree = Main.commandLine(new CaroCommand(cli), cli);
        List<List<String>> paths = new java.util.ArrayList<>();
        collect(tree, List.of(), paths);
        assertTrue(paths.size() > 20, "the tree has " + paths);
        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new java.util.ArrayList<>(path);
                args.add(flag);
                CaroRunner.Run r = runner.run(args.toArray(String[]::new));
                String usage = "Usage: caro " + String.join(" ", path);
                assertEquals(0, r.exitCode(), args + ": " + r.err());
                assertTrue(r.out().startsWith(usage), args + " printed:\n" + r.out());
                assertTrue(r.out().contains("-h, --help"), args + " printed:\n" + r.out());
                assertEquals("", r.err(), String.valueOf(args));
            }
        }
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            if (sub.getValue().getCommandSpec().aliases().length > 0
                    && !sub.getKey().equals(sub.getValue().getCommandName())) {
                continue; // an alias: the same command again
            }
            List<String> p = new java.util.ArrayList<>(path);
            p.add(sub.getKey());
            out.add(p);
            collect(sub.getValue(), p, out);
        }
    }

    @Test
    void theVersionShortcutPrintsWhatPicocliPrints(@TempDir Path dir) {
        CaroRunner.Run shortcut = new CaroRunner(dir).run("--version");
        CaroRunner.Run picocli = new CaroRunner(dir).run("-q", "--version");
        assertEquals(0, picocli.exitCode());
        assertEquals(picocli.out(), shortcut.out());
        assertEquals(picocli.out(), new CaroRunner(dir).run("-V").out());
    }
}
