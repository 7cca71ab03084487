package dev.caro.core.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InlineShellCallsTest {

    static Stream<Arguments> calls() {
        return Stream.of(
                Arguments.of("system(\"rm -rf /home\")", List.of("rm -rf /home")),
                Arguments.of("system \"reboot\"; print 1", List.of("reboot")),
                Arguments.of("system('rm', '-rf', '/')", List.of("'rm' '-rf' '/'")),
                Arguments.of("import os; os.system('shutdown -h now')", List.of("shutdown -h now")),
                Arguments.of("subprocess.run(['rm', '-rf', '/etc'], check=True)", List.of("'rm' '-rf' '/etc'")),
                Arguments.of("subprocess.call(f\"rm -rf {d}\", shell=True)", List.of("rm -rf {d}")),
                Arguments.of("subprocess.Popen(['rm', '-rf', target])", List.of("'rm' '-rf' \"$UNKNOWN_ARGUMENT\"")),
                Arguments.of("require('child_process').execSync('mkfs.ext4 /dev/sdb')", List.of("mkfs.ext4 /dev/sdb")),
                Arguments.of("cp.spawnSync('rm', ['-rf', '/var'])", List.of("'rm' '-rf' '/var'")),
                Arguments.of("print `id`; $x = qx{rm -rf /srv}", List.of("id", "rm -rf /srv")),
                Arguments.of("%x(reboot)", List.of("reboot")),
                Arguments.of("shell_exec(\"halt\");", List.of("halt")),
                Arguments.of("print(\"system('rm -rf /')\")", List.of()),
                Arguments.of("asyncio.run(main())", List.of()),
                Arguments.of("mysystem(\"x\"); $system = 1", List.of()),
                Arguments.of("print 1 + 2", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void findsTheCommandLinesHandedToTheSystem(String code, List<String> expected) {
        assertEquals(expected, InlineShellCalls.commands(code));
    }

    @Test
    void readsTheProgramTextFromTheInterpretersOwnOptions() {
        assertEquals("system(1)", InlineShellCalls.code("perl", List.of("-w", "-le", "system(1)", "arg")));
        assertEquals("a\nb", InlineShellCalls.code("perl", List.of("-e", "a", "-e", "b")));
        assertEquals("x()", InlineShellCalls.code("python3", List.of("-Bc", "x()")));
        assertEquals("x()", InlineShellCalls.code("node", List.of("--eval", "x()")));
        assertEquals("", InlineShellCalls.code("python3", List.of("script.py", "-c", "x()")));
        assertEquals("", InlineShellCalls.code("grep", List.of("-e", "system(1)")));
    }
}
