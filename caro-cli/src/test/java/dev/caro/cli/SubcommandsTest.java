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

    private List<String> registeredFor(String... args) {
        Map<String, String> env = Map.of("HOME", home.toString(), "SHELL", "/bin/bash");
        CliEnvironment cli = new CliEnvironment(env, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, false,
                new ContextDetector(env, Map.of("os.name", "Linux"), null), CaroPaths.from(env, home), false);
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
    void theVersionShortcutPrintsWhatPicocliPrints(@TempDir Path dir) {
        CaroRunner.Run shortcut = new CaroRunner(dir).run("--version");
        CaroRunner.Run picocli = new CaroRunner(dir).run("-q", "--version");
        assertEquals(0, picocli.exitCode());
        assertEquals(picocli.out(), shortcut.out());
        assertEquals(picocli.out(), new CaroRunner(dir).run("-V").out());
    }
}
