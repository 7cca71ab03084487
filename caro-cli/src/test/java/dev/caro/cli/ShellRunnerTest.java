package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.context.ShellKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellRunnerTest {

    @TempDir
    Path dir;

    @Test
    void eachShellGetsItsOwnCommandLine() {
        Map<String, String> env = Map.of("PATH", dir.toString());
        assertEquals(List.of("bash", "-c", "ls"), ShellRunner.argv(ShellKind.BASH, "ls", env));
        assertEquals(List.of("zsh", "-c", "ls"), ShellRunner.argv(ShellKind.ZSH, "ls", env));
        assertEquals(List.of("fish", "-c", "ls"), ShellRunner.argv(ShellKind.FISH, "ls", env));
        assertEquals(List.of("sh", "-c", "ls"), ShellRunner.argv(ShellKind.SH, "ls", env));
        assertEquals(List.of("cmd.exe", "/c", "dir"), ShellRunner.argv(ShellKind.CMD, "dir", env));
        assertEquals(List.of("powershell", "-NoProfile", "-Command", "Get-ChildItem"),
                ShellRunner.argv(ShellKind.POWERSHELL, "Get-ChildItem", env), "Windows PowerShell when pwsh is missing");
    }

    @Test
    void powerShellCoreIsPreferredWhenInstalled() throws Exception {
        Path pwsh = Files.writeString(dir.resolve("pwsh"), "#!/bin/sh\n");
        assertTrue(pwsh.toFile().setExecutable(true));
        assertEquals("pwsh", ShellRunner.argv(ShellKind.POWERSHELL, "Get-ChildItem", Map.of("PATH", dir.toString())).get(0));
    }

    @Test
    void aMissingShellIsReportedWithWhatToDo() {
        CaroRunner.Run r = new CaroRunner(dir).run("-b", "test-echo", "-s", "fish", "-x", "cmd: echo hi");
        if (Executables.find("fish", Map.of("PATH", System.getenv("PATH"))).isEmpty()) {
            assertEquals(ExitCodes.USAGE, r.exitCode());
            assertTrue(r.err().startsWith("caro: cannot start fish to run the command ("), r.err());
            assertTrue(r.err().endsWith("); install it or choose another shell with --shell\n"), r.err());
        } else {
            assertEquals(0, r.exitCode(), r.err());
        }
    }
}
