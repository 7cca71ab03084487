package dev.caro.core.shell;

import static dev.caro.core.shell.Scripts.only;
import static dev.caro.core.shell.Scripts.parse;
import static dev.caro.core.shell.Scripts.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.shell.Redirect;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShellParserTest {

    static Stream<Arguments> commandLines() {
        return Stream.of(
                Arguments.of("ls -la", List.of("direct: ls [-la]")),
                Arguments.of("echo 'a b' \"c $HOME\" d\\ e", List.of("direct: echo [a b] [c /home/user] [d e]")),
                Arguments.of("echo \"a\\\"b\" 'it''s' \"\\$x\"", List.of("direct: echo [a\"b] [its] [$x]")),
                Arguments.of("printf $'tab\\there\\x21\\n'", List.of("direct: printf [tab\there!\n]")),
                Arguments.of("ls \\\n  -l \\\n  /tmp", List.of("direct: ls [-l] [/tmp]")),
                Arguments.of("ls # && rm -rf /", List.of("direct: ls")),
                Arguments.of("# sudo rm -rf /  <- example of what not to do", List.of()),
                Arguments.of("echo a#b", List.of("direct: echo [a#b]")),
                Arguments.of("a && b || c; d & e | f |& g\nh",
                        List.of("direct: a", "direct: b", "direct: c", "direct: d", "direct: e", "direct: f",
                                "direct: g", "direct: h")),
                Arguments.of("(cd /tmp; rm x) && { ls; pwd; }",
                        List.of("direct: cd [/tmp]", "direct: rm [x]", "direct: ls", "direct: pwd")),
                Arguments.of("echo $(date +%s) `whoami`",
                        List.of("substitution: date [+%s]", "substitution: whoami",
                                "direct: echo [$(date +%s)] [`whoami`]")),
                Arguments.of("echo \"$(echo \"inner $(id -u)\")\"",
                        List.of("substitution: id [-u]", "substitution: echo [inner $(id -u)]",
                                "direct: echo [$(echo \"inner $(id -u)\")]")),
                Arguments.of("diff <(ls a) <(ls b)",
                        List.of("substitution: ls [a]", "substitution: ls [b]", "direct: diff [<(ls a)] [<(ls b)]")),
                Arguments.of("cat <<EOF\nrm -rf /\n$(whoami)\nEOF\necho done",
                        List.of("substitution: whoami", "direct: cat", "direct: echo [done]")),
                Arguments.of("cat <<'EOF' > notes.txt\nrm -rf / $(reboot)\nEOF", List.of("direct: cat")),
                Arguments.of("cat <<-\tEND\n\tline\n\tEND\nls", List.of("direct: cat", "direct: ls")),
                Arguments.of("A=1 B=\"two words\" env", List.of("direct: env")),
                Arguments.of("if [ -f x ]; then rm x; elif true; then :; else echo no; fi",
                        List.of("body: [ [-f] [x] []]", "body: rm [x]", "body: true", "body: :", "body: echo [no]")),
                Arguments.of("while read -r line; do echo \"$line\"; done < list.txt",
                        List.of("body: read [-r] [line]", "body: echo [$line]")),
                Arguments.of("until false\ndo\n  sleep 1\ndone", List.of("body: false", "body: sleep [1]")),
                Arguments.of("for f in *.log; do gzip \"$f\"; done", List.of("body: gzip [*.log]")),
                Arguments.of("for ((i = 0; i < 3; i++)); do echo $i; done", List.of("body: echo [$i]")),
                Arguments.of("select x in a b; do echo $x; break; done",
                        List.of("body: echo [a]", "body: break", "body: echo [b]", "body: break")),
                Arguments.of("case \"$1\" in\n  start|up) run ;;\n  (stop) halt --now;;\n  *) echo usage;;\nesac",
                        List.of("body: run", "body: halt [--now]", "body: echo [usage]")),
                Arguments.of("greet() { echo hi; }; greet", List.of("body: echo [hi]", "direct: greet")),
                Arguments.of("function clean { rm -rf build; }", List.of("body: rm [-rf] [build]")),
                Arguments.of("function clean() (rm -rf build)", List.of("body: rm [-rf] [build]")),
                Arguments.of(":(){ :|:& };:", List.of("body: :", "body: :", "direct: :")),
                Arguments.of("[[ -f a && $x == \"y z\" || ( -d b ) ]] && ls",
                        List.of("direct: [[ [-f] [a] [&&] [$x] [==] [y z] [||] [(] [-d] [b] [)] []]]", "direct: ls")),
                Arguments.of("(( n > 3 )) && echo big", List.of("direct: echo [big]")),
                Arguments.of("! grep -q x f && echo missing", List.of("direct: grep [-q] [x] [f]", "direct: echo [missing]")),
                Arguments.of("time { sleep 1; }", List.of("direct: sleep [1]")),
                Arguments.of("arr=(one two) && echo ${arr[0]}", List.of("direct: ", "direct: echo [${arr[0]}]")),
                Arguments.of("ls @(a|b) !(c)", List.of("direct: ls [@(a|b)] [!(c)]")),
                Arguments.of("echo {a,b}.txt ~ ~/x ~root", List.of("direct: echo [{a,b}.txt] [/home/user] [/home/user/x] [/root]")),
                Arguments.of("x=~/bin:~/sbin; echo $x", List.of("direct: ", "direct: echo [/home/user/bin:/home/user/sbin]")),
                Arguments.of("echo $((1 + 2)) ${#HOME} $? $$ $1", List.of("direct: echo [$((1 + 2))] [10] [$?] [$$] [$1]")),
                Arguments.of("ls;;", List.of("direct: ls")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void parsesRealCommandLines(String text, List<String> expected) {
        ShellScript script = parse(text);
        if (!text.equals("ls;;")) {
            assertTrue(script.parsed(), () -> "unexpected parse error " + script.parseError());
        }
        assertEquals(expected, render(script));
    }

    @Test
    void recordsRedirectionsWithDescriptors() {
        SimpleCommand c = only(parse("cmd 2>&1 >out &>all <in 3<>f >|clob >>log 2>>err &>>both <&0 4>&-"), "cmd");
        List<String> redirects = c.redirects().stream().map(r -> r.fd() + r.operator() + r.target().value()).toList();
        assertEquals(List.of("2>&1", "1>out", "-1&>all", "0<in", "3<>f", "1>|clob", "1>>log", "2>>err", "-1&>>both",
                "0<&0", "4>&-"), redirects);
        assertEquals(List.of(false, true, true, false, true, true, true, true, true, false, false),
                c.redirects().stream().map(Redirect::writesFile).toList());
    }

    @Test
    void keepsHereDocumentBodiesAndHereStrings() {
        SimpleCommand cat = only(parse("cat <<'EOF' | wc -l\nrm -rf /\nEOF"), "cat");
        Redirect doc = cat.redirects().get(0);
        assertEquals("<<", doc.operator());
        assertEquals("EOF", doc.target().value());
        assertEquals("rm -rf /\n", doc.hereDocument().orElseThrow());
        assertEquals("rm -rf /\n", cat.stdinText().orElseThrow());

        SimpleCommand tr = only(parse("tr a-z A-Z <<< \"hello $USER\""), "tr");
        assertTrue(tr.redirects().get(0).feedsText());
        assertEquals("hello $USER\n", tr.stdinText().orElseThrow());
    }

    @Test
    void spansPointAtTheCommandsAndWords() {
        String text = "cd /tmp && sudo rm -rf \"$D\"/x | tee log";
        ShellScript s = parse(text);
        SimpleCommand rm = only(s, "rm");
        assertEquals("sudo rm -rf \"$D\"/x", rm.span().of(text));
        assertEquals("\"$D\"/x", rm.args().get(1).span().of(text));
        assertEquals("\"$D\"/x", rm.args().get(1).source());
        assertEquals("rm", rm.nameWord().span().of(text));
        assertEquals("tee log", only(s, "tee").span().of(text));
    }

    @Test
    void nestedScriptsPointIntoTheirStringWhenTheOffsetIsKnown() {
        String text = "bash -c 'rm -rf /srv' && sh -c \"echo \\\"$X\\\"; reboot\"";
        ShellScript s = parse(text);
        assertEquals("rm -rf /srv", only(s, "rm").span().of(text));
        assertEquals("/srv", only(s, "rm").args().get(1).span().of(text));
        // Escapes make the string differ from its source, so its commands point at the whole word.
        assertEquals("\"echo \\\"$X\\\"; reboot\"", only(s, "reboot").span().of(text));
    }

    @Test
    void wordFlagsDescribeQuotingGlobsAndUnknownExpansions() {
        SimpleCommand c = only(parse("rm *.log 'a*' \"$DIR\"/x ~/y"), "rm");
        Word glob = c.args().get(0);
        Word quotedStar = c.args().get(1);
        Word unknown = c.args().get(2);
        Word home = c.args().get(3);
        assertTrue(glob.glob());
        assertFalse(glob.quoted());
        assertFalse(quotedStar.glob());
        assertTrue(quotedStar.quoted());
        assertTrue(unknown.unknownExpansion());
        assertEquals("$DIR/x", unknown.value());
        assertTrue(home.literal());
        assertEquals("/home/user/y", home.value());
    }

    @Test
    void reportsTheFunctionsItFinds() {
        ShellScript s = parse(":(){ :|:& };:");
        assertEquals(1, s.functions().size());
        assertEquals(":", s.functions().get(0).name());
        assertEquals(2, s.functions().get(0).body().size());
        assertTrue(s.functions().get(0).body().get(1).background());
        assertEquals(List.of(":"), s.functions().get(0).body().get(1).upstream().stream().map(SimpleCommand::name).toList());
    }

    static Stream<Arguments> brokenInput() {
        return Stream.of(
                Arguments.of("echo 'oops", "unterminated single quote"),
                Arguments.of("echo \"oops", "unterminated double quote"),
                Arguments.of("echo $'oops", "unterminated $' quote"),
                Arguments.of("echo `date", "unterminated backquote"),
                Arguments.of("echo $(date", "missing ')' to close '$('"),
                Arguments.of("echo ${HOME", "missing '}' to close '${'"),
                Arguments.of("ls |", "the command ends after '|'"),
                Arguments.of("ls &&", "the command ends after '&&'"),
                Arguments.of("if true; then ls", "missing 'fi' to close the if"),
                Arguments.of("while true; do ls", "missing 'done' to close the while loop"),
                Arguments.of("for x in a b", "missing 'do' in the for loop"),
                Arguments.of("case x in a) ls;;", "missing 'esac' to close the case"),
                Arguments.of("{ ls", "missing '}' to close the group"),
                Arguments.of("(ls", "missing ')' to close the subshell"),
                Arguments.of("ls )", "unexpected ')'"),
                Arguments.of("fi", "unexpected 'fi'"),
                Arguments.of("; ls", "unexpected ';'"),
                Arguments.of("cat >", "missing the target of '>'"),
                Arguments.of("bash -c 'echo \"x'", "in a shell -c string: unterminated double quote"),
                Arguments.of("x".repeat(SyntaxParser.MAX_LENGTH + 1),
                        "the command is too long to check (over 100000 characters)"),
                Arguments.of("$(".repeat(200), "the command is nested too deeply to check"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenInput")
    void reportsWhyInputIsUnparseable(String text, String message) {
        ShellScript s = parse(text);
        assertFalse(s.parsed());
        assertEquals(message, s.parseError().orElseThrow().message());
        assertTrue(s.parseError().get().span().end() <= text.length());
    }

    @Test
    void keepsTheCommandsItUnderstoodBeforeAnError() {
        assertEquals(List.of("direct: rm [-rf] [/]", "direct: echo [oops]"), render(parse("rm -rf /; echo 'oops")));
    }
}
