package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainTest {

    @TempDir
    Path home;

    @Test
    void readsOptionsFromManualAndHelpLayouts() {
        String text = """
                NAME
                       demo - does things

                OPTIONS
                       -a, --all
                              do not ignore entries starting with .

                       --block-size=SIZE
                              with -l, scale sizes by SIZE when printing them; e.g., '--block-size=M'

                       -c     with -lt: sort by ctime. More text here.

                       -type c
                              File is of type c:

                Usage: demo [OPTION]...
                  -n, --lines=[-]NUM       print the first NUM lines
                      --color[=WHEN]       color the output WHEN
                """;
        Map<String, SystemHelp.OptionHelp> o = SystemHelp.parseOptions(text);
        assertEquals(new SystemHelp.OptionHelp("-a, --all", "do not ignore entries starting with .", false), o.get("-a"));
        assertEquals(o.get("-a"), o.get("--all"));
        assertTrue(o.get("--block-size").takesValue());
        assertEquals("with -lt: sort by ctime", o.get("-c").description());
        assertEquals(new SystemHelp.OptionHelp("-type c", "File is of type c:", true), o.get("-type"));
        assertEquals("print the first NUM lines", o.get("--lines").description());
        assertTrue(o.get("-n").takesValue());
        assertEquals(false, o.get("--color").takesValue(), "an optional value is not taken from the next word");
    }

    @Test
    void explainCommandBreaksDownPipelinesOptionsAndRedirections() {
        assumeTrue(new SystemHelp(Map.of("PATH", System.getenv("PATH"))).summary("ls").isPresent(), "needs whatis and man pages");
        CaroRunner.Run r = new CaroRunner(home).run("explain", "ls -la /tmp | grep -i txt 2>/dev/null > out.txt");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                ls -la /tmp | grep -i txt 2>/dev/null > out.txt
                  ls — list directory contents
                      -la               -l: use a long listing format; -a: do not ignore entries starting with .
                      /tmp              argument
                  | grep — print lines that match patterns
                      -i                Ignore case distinctions (the manual's words vary by system)
                      txt               argument
                      2>/dev/null       writes standard error to /dev/null, replacing its contents
                      > out.txt         writes standard output to out.txt, replacing its contents
                  Risk: SAFE
                """, r.out().replaceAll("(?m)^( {6}-i {16}[Ii]gnore case distinctions).*$", "$1 (the manual's words vary by system)"));
    }

    @Test
    void optionValuesAndSafetyFindingsAreShown() {
        assumeTrue(new SystemHelp(Map.of("PATH", System.getenv("PATH"))).summary("find").isPresent(), "needs whatis and man pages");
        CaroRunner.Run r = new CaroRunner(home).run("explain", "find . -name '*.pdf' -size +10M -exec touch {}-caro-test-high \\;");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\n      -size             File uses less than, more than or exactly n units of space, rounding up\n"
                + "      +10M              value of -size\n"), r.out());
        assertTrue(r.out().contains("\n      '*.pdf'           value of -name\n"), r.out());
        assertTrue(r.out().contains("    touch — change file timestamps  (run by find for each match)\n"), r.out());
        assertTrue(r.out().endsWith("  Risk: HIGH\n    - Marked HIGH by the test. [test.marker-risk]\n"), r.out());
    }

    @Test
    void unknownProgramsAndParseErrorsAreSaidPlainly() {
        CaroRunner.Run r = new CaroRunner(home).run("explain", "no-such-program-xyz --frob 'unclosed");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("caro could not parse all of it: "), r.out());
        CaroRunner.Run s = new CaroRunner(home).run("explain", "no-such-program-xyz --frob");
        assertEquals("""
                no-such-program-xyz --frob
                  no-such-program-xyz
                      --frob            option (no description found in the manual)
                  Risk: SAFE
                """, s.out());
    }

    @Test
    void anEmptyExplainIsAUsageError() {
        CaroRunner.Run r = new CaroRunner(home).run("explain");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals("""
                caro explain: no command given.
                Usage: caro explain 'COMMAND'   e.g. caro explain 'ls -la | grep txt > out.txt'
                """, r.err());
    }

    @Test
    void explainFlagGoesToStderrWhenPipedSoStdoutStaysTheCommand() {
        CaroRunner.Run r = new CaroRunner(home).run("-b", "test-echo", "--explain", "cmd: no-such-program-xyz --frob");
        assertEquals("no-such-program-xyz --frob\n", r.out());
        assertTrue(r.err().contains("      --frob            option (no description found in the manual)\n"), r.err());
        CaroRunner.Run t = new CaroRunner(home).terminalOutput().env("NO_COLOR", "1")
                .run("-b", "test-echo", "--explain", "cmd: no-such-program-xyz --frob");
        assertTrue(t.out().contains("  Risk: SAFE\n  no-such-program-xyz\n      --frob"), t.out());
        assertEquals("", t.err());
    }
}
