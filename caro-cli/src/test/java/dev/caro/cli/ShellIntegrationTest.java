package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caro init} and {@code caro completion}: the scripts are run by the real shells where installed. */
class ShellIntegrationTest {

    @TempDir
    Path home;

    private static String run(Path dir, String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return out;
    }

    private static boolean installed(String program) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void bashSnippetReplacesTheLineWithTheGeneratedCommand() throws Exception {
        assumeTrue(installed("bash"));
        CaroRunner.Run init = new CaroRunner(home).run("init", "bash");
        assertEquals(0, init.exitCode());
        assertEquals(InitCommand.BASH, init.out());
        Path snippet = home.resolve("caro.bash");
        Files.writeString(snippet, init.out());
        // A stand-in caro on the PATH shows what the binding passes and receives.
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.writeString(bin.resolve("caro"), "#!/bin/sh\nprintf '%s|' \"$@\" > \"$HOME/args\"\necho \"find . -name '*.pdf'\"\n");
        assertTrue(bin.resolve("caro").toFile().setExecutable(true));
        String out = run(home, "bash", "-c", "export HOME='" + home + "' PATH='" + bin + ":'\"$PATH\"; source ./caro.bash 2>/dev/null;"
                + " READLINE_LINE='find pdf files'; READLINE_POINT=3; __caro_line; echo \"[$READLINE_LINE] $READLINE_POINT\";"
                + " READLINE_LINE='   '; __caro_line; echo \"[$READLINE_LINE]\"");
        assertEquals("[find . -name '*.pdf'] 20\n[   ]\n", out);
        assertEquals("-q|-s|bash|--|find pdf files|", Files.readString(home.resolve("args")));
    }

    @Test
    void aFailedGenerationLeavesTheLineAlone() throws Exception {
        assumeTrue(installed("bash"));
        Files.writeString(home.resolve("caro.bash"), InitCommand.BASH);
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.writeString(bin.resolve("caro"), "#!/bin/sh\necho 'caro: could not generate' >&2\nexit 4\n");
        assertTrue(bin.resolve("caro").toFile().setExecutable(true));
        String out = run(home, "bash", "-c", "PATH='" + bin + ":'\"$PATH\"; source ./caro.bash 2>/dev/null;"
                + " READLINE_LINE='make me a sandwich'; __caro_line 2>/dev/null; echo \"[$READLINE_LINE]\"");
        assertEquals("[make me a sandwich]\n", out);
    }

    @Test
    void snippetsParseInTheirShells() throws Exception {
        CaroRunner caro = new CaroRunner(home);
        for (String shell : new String[] {"bash", "zsh", "fish"}) {
            CaroRunner.Run r = caro.run("init", shell);
            assertEquals(0, r.exitCode());
            if (installed(shell)) {
                Path f = home.resolve("snippet." + shell);
                Files.writeString(f, r.out());
                assertEquals("", run(home, shell, "-n", f.toString()), shell + " syntax");
            }
        }
        assertTrue(InitCommand.ZSH.contains("bindkey '^G' __caro_line") && InitCommand.ZSH.contains("BUFFER=$command"));
        assertTrue(InitCommand.FISH.contains("commandline -r -- $command") && InitCommand.FISH.contains("bind \\cg __caro_line"));
        CaroRunner.Run bad = caro.run("init", "tcsh");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertEquals("caro: caro init supports bash, zsh and fish, not 'tcsh'\n", bad.err());
    }

    @Test
    void bashCompletionCompletesSubcommandsAndOptions() throws Exception {
        assumeTrue(installed("bash"));
        CaroRunner.Run r = new CaroRunner(home).run("completion", "bash");
        assertEquals(0, r.exitCode(), r.err());
        Files.writeString(home.resolve("caro-completion.bash"), r.out());
        String out = run(home, "bash", "-c", "source ./caro-completion.bash;"
                + " COMP_WORDS=(caro doc); COMP_CWORD=1; COMP_LINE='caro doc'; COMP_POINT=8; _complete_caro 2>/dev/null; echo \"${COMPREPLY[@]}\";"
                + " COMP_WORDS=(caro doctor --j); COMP_CWORD=2; COMP_LINE='caro doctor --j'; COMP_POINT=15; _complete_caro 2>/dev/null; echo \"${COMPREPLY[@]}\"");
        assertEquals("doctor\n--json\n", out);
    }

    @Test
    void fishAndZshCompletionAreGenerated() {
        CaroRunner caro = new CaroRunner(home);
        CaroRunner.Run fish = caro.run("completion", "fish");
        assertEquals(0, fish.exitCode());
        assertTrue(fish.out().contains("complete -c caro -n __fish_use_subcommand -a explain -d 'Breaks a shell command down: "), fish.out());
        assertTrue(fish.out().contains("complete -c caro -n __fish_use_subcommand -s x -l execute -d 'Run the command if the safety mode allows it.'\n"), fish.out());
        assertTrue(fish.out().contains("complete -c caro -n '__fish_seen_subcommand_from history' -s n -r -d 'How many entries (default 20).'\n"), fish.out());
        CaroRunner.Run zsh = caro.run("completion", "zsh");
        assertTrue(zsh.out().startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"));
    }

    @Test
    void theManualPageRendersWithMan() throws Exception {
        CaroRunner.Run r = new CaroRunner(home).run("man");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith(".TH CARO 1 "), r.out());
        assertTrue(r.out().contains(".TP\n\\fB\\-x\\fR, \\fB\\-\\-execute\\fR\nRun the command if the safety mode allows it.\n"), r.out());
        assumeTrue(installed("man"));
        Path page = home.resolve("caro.1");
        Files.writeString(page, r.out());
        String text = run(home, "sh", "-c", "MANWIDTH=100 MANPAGER=cat man -l caro.1 | col -b 2>/dev/null || MANWIDTH=100 MANPAGER=cat man -l caro.1");
        assertTrue(text.contains("caro - Turns a request in plain language into one shell command"), text);
        assertTrue(text.contains("caro doctor"), text);
        assertTrue(text.contains("-x, --execute"), text);
        assertTrue(text.contains("7  caro doctor found a FAIL"), text);
    }
}
