package dev.caro.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.api.backend.CommandCandidate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Extraction from realistic small-model answers. */
class CommandExtractorTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("plain fenced block", """
                        ```bash
                        find . -name '*.pdf' -size +10M
                        ```""", List.of("find . -name '*.pdf' -size +10M")),
                Arguments.of("fence with prose around it", """
                        Sure! Here is the command you need:

                        ```sh
                        du -sh * | sort -rh | head -n 5
                        ```

                        This lists the five largest entries.""", List.of("du -sh * | sort -rh | head -n 5")),
                Arguments.of("fence without language and a shell prompt", """
                        ```
                        $ ls -la
                        ```""", List.of("ls -la")),
                Arguments.of("fenced session with output lines", """
                        ```console
                        $ df -h /
                        Filesystem      Size  Used Avail Use% Mounted on
                        /dev/sda1        50G   20G   28G  42% /
                        ```""", List.of("df -h /")),
                Arguments.of("truncated fence (budget ran out)", """
                        ```bash
                        grep -rn "TODO" src/""", List.of("grep -rn \"TODO\" src/")),
                Arguments.of("several commands in one block, comments skipped", """
                        ```bash
                        # go to the folder
                        cd logs
                        tail -n 50 app.log
                        ```""", List.of("cd logs", "tail -n 50 app.log")),
                Arguments.of("two fenced blocks", """
                        Use this:
                        ```bash
                        ps aux --sort=-%mem | head
                        ```
                        or on BSD:
                        ```bash
                        ps aux -m | head
                        ```""", List.of("ps aux --sort=-%mem | head", "ps aux -m | head")),
                Arguments.of("numbered list with backticks", """
                        1. `git status`
                        2. `git log --oneline -5`""", List.of("git status", "git log --oneline -5")),
                Arguments.of("numbered list without backticks", """
                        1. find . -type f -empty
                        2. Then delete them if you want.""", List.of("find . -type f -empty")),
                Arguments.of("JSON answer", """
                        {"command": "tar -czf backup.tar.gz docs", "explanation": "Archives docs."}""",
                        List.of("tar -czf backup.tar.gz docs")),
                Arguments.of("JSON with escapes inside prose", """
                        Result: {"command": "grep -c \\"error\\" app.log"}""", List.of("grep -c \"error\" app.log")),
                Arguments.of("bare command line", "ls -lh --sort=size", List.of("ls -lh --sort=size")),
                Arguments.of("prose then a command line", """
                        To count lines in all Python files, run:
                        $ wc -l *.py""", List.of("wc -l *.py")),
                Arguments.of("inline command in a sentence", "You can run `df -h /` to see free space.",
                        List.of("df -h /")),
                Arguments.of("backslash continuation", """
                        ```bash
                        find . -type f \\
                          -name '*.log' -mtime +7
                        ```""", List.of("find . -type f -name '*.log' -mtime +7")),
                Arguments.of("chat control token left at the end", "```bash\nuname -a\n```<|im_end|>",
                        List.of("uname -a")),
                Arguments.of("PowerShell prompt", "```powershell\nPS C:\\Users\\me> Get-Process | Sort-Object CPU\n```",
                        List.of("Get-Process | Sort-Object CPU")),
                Arguments.of("gibberish from a confused model", "find*-x`\uFFFD\uFFFDo&=", List.of()),
                Arguments.of("control characters inside a fence", "```sh\nls \u0007\u0001x\n```", List.of()),
                Arguments.of("environment assignment first", "FOO=1 make test", List.of("FOO=1 make test")),
                Arguments.of("only prose", "I'm sorry, I cannot help with that request.", List.of()),
                Arguments.of("empty", "", List.of()),
                Arguments.of("whitespace and an empty fence", "  \n```bash\n```\n", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void extractsCommands(String name, String raw, List<String> expected) {
        assertEquals(expected, CommandExtractor.extract(raw).stream().map(CommandCandidate::command).toList());
    }

    @Test
    void proseAroundAFenceBecomesTheExplanation() {
        List<CommandCandidate> c = CommandExtractor.extract("""
                This shows the 10 biggest files:
                ```bash
                du -ah . | sort -rh | head -n 10
                ```""");
        assertEquals("This shows the 10 biggest files:", c.get(0).explanation());
    }

    @Test
    void jsonExplanationIsKept() {
        List<CommandCandidate> c = CommandExtractor.extract("{\"command\": \"pwd\", \"explanation\": \"Prints the folder.\"}");
        assertEquals("Prints the folder.", c.get(0).explanation());
    }

    @Test
    void nullGivesNothing() {
        assertEquals(List.of(), CommandExtractor.extract(null));
    }
}
