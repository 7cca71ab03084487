package dev.caro.core.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.OsFamily;
import dev.caro.api.context.ShellKind;
import dev.caro.api.context.Userland;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextDetectorTest {

    @TempDir
    Path dir;

    private Map<String, String> props(String os) {
        return Map.of("os.name", os, "os.version", "14.5", "os.arch", "aarch64", "user.dir", "/work/p",
                "user.home", "/Users/ana", "user.name", "ana");
    }

    @Test
    void detectsLinuxWithDistroShellAndTools() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        for (String tool : new String[] {"git", "rg"}) {
            Path t = Files.createFile(bin.resolve(tool));
            Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createFile(bin.resolve("jq")); // not executable: not a tool
        Path osRelease = Files.writeString(dir.resolve("os-release"), "NAME=\"Debian GNU/Linux\"\nID=debian\nVERSION_ID=\"12\"\n");
        ContextDetector d = new ContextDetector(Map.of("SHELL", "/usr/bin/zsh", "PATH", bin + ":/nonexistent"),
                props("Linux"), osRelease);
        ExecutionContext c = d.detect(null);
        assertEquals(OsFamily.LINUX, c.os());
        assertEquals("debian 12", c.distro());
        assertEquals(ShellKind.ZSH, c.shell());
        assertEquals(Userland.GNU, c.userland());
        assertEquals(Set.of("git", "rg"), c.tools());
        assertEquals("/work/p", c.cwd());
        assertFalse(c.root());
    }

    @Test
    void judgingSkipsTheDistroAndTheToolsButKeepsTheRest() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path git = Files.createFile(bin.resolve("git"));
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path osRelease = Files.writeString(dir.resolve("os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        ContextDetector d = new ContextDetector(Map.of("SHELL", "/usr/bin/zsh", "PATH", bin.toString()),
                Map.of("os.name", "Linux", "os.arch", "amd64", "user.dir", "/work/p", "user.home", "/root",
                        "user.name", "root"), osRelease);
        ExecutionContext full = d.detect(null);
        ExecutionContext judging = d.detectForJudging(null);
        assertEquals(Set.of("git"), full.tools());
        assertEquals(new ExecutionContext(full.os(), "", full.arch(), full.shell(), full.userland(), full.cwd(),
                full.home(), full.user(), full.root(), Set.of()), judging);
        assertTrue(judging.root());
        assertEquals(ShellKind.FISH, d.detectForJudging(ShellKind.FISH).shell());
    }

    @Test
    void macIsBsdUserlandAndTheShellOverrideWins() {
        ContextDetector d = new ContextDetector(Map.of("SHELL", "/bin/zsh"), props("Mac OS X"), null);
        ExecutionContext c = d.detect(ShellKind.FISH);
        assertEquals(OsFamily.MACOS, c.os());
        assertEquals(Userland.BSD, c.userland());
        assertEquals("macOS 14.5", c.distro());
        assertEquals(ShellKind.FISH, c.shell());
    }

    @Test
    void windowsPicksPowerShellWhenItsModulePathIsSet() {
        assertEquals(ShellKind.POWERSHELL, new ContextDetector(Map.of("PSModulePath", "C:\\x"), props("Windows 11"), null)
                .detect(null).shell());
        assertEquals(ShellKind.CMD, new ContextDetector(Map.of(), props("Windows 11"), null).detect(null).shell());
    }

    @Test
    void unknownShellFallsBackToSh() {
        assertEquals(ShellKind.SH, new ContextDetector(Map.of("SHELL", "/bin/tcsh"), props("Linux"), null).detect(null).shell());
        assertTrue(ShellKind.fromName("-bash").isPresent());
    }
}
