package dev.caro.core.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.api.context.ShellKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellCompatibilityTest {

    private final SafetyEngine engine = new SafetyEngine(List.of());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[[ -f x ]] && echo y | [[ ]] is bash syntax; in sh use [ ] (test).",
        "a=(1 2 3) | Arrays are bash syntax; sh has no arrays.",
        "function f { ls; } | The function keyword is bash syntax; in sh write name() { ...; }.",
        "diff <(ls a) <(ls b) | <( ) process substitution is bash syntax; in sh use a pipe or a temporary file.",
        "echo {1..5} | {a..b} ranges are bash syntax; in sh use seq.",
        "echo $'a\\tb' | $'...' quoting is bash syntax; in sh use printf to make special characters.",
        "[ \"$a\" == b ] | == inside [ ] is bash syntax; in sh compare with =.",
        "make &> build.log | &> is bash syntax; in sh write >file 2>&1.",
        "source ~/.profile | source is bash syntax; in sh use . file.",
        "grep x <<< \"$v\" | <<< here-strings are bash syntax; in sh pipe the text with printf instead."
    })
    void warnsAboutBashismsUnderSh(String command, String warning) {
        assertEquals(List.of(warning), engine.shellWarnings(command, ShellKind.SH));
        assertEquals(List.of(), engine.shellWarnings(command, ShellKind.BASH));
    }

    @Test
    void warnsAboutPipeAmpersandUnderSh() {
        assertEquals(List.of("|& is bash syntax; in sh write 2>&1 |."), engine.shellWarnings("make |& tee log", ShellKind.SH));
    }

    @Test
    void warnsAboutAndOrUnderPowerShell() {
        assertEquals(List.of("&& and || need PowerShell 7 or later; in Windows PowerShell 5.1 use ; and check $?"
                + " instead."), engine.shellWarnings("npm ci && npm test", ShellKind.POWERSHELL));
    }

    @Test
    void posixCommandsAreFineUnderSh() {
        assertEquals(List.of(), engine.shellWarnings("[ -f x ] && . ./env.sh; f() { ls >out 2>&1; }; echo '{1..5}'",
                ShellKind.SH));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FOO=1 make | VAR=value before a command needs fish 3.1 or later; otherwise use env VAR=value command.",
        "FOO=1 | fish sets variables with set NAME value, not NAME=value.",
        "export PATH=$PATH:/opt/bin | In fish write set -gx NAME value instead of export NAME=value.",
        "test $? -eq 0 | fish uses $status instead of $?.",
        "for f in *.txt; do wc -l $f; done | fish ends if, for, while and case blocks with end, not then/do/done/fi/esac.",
        "echo `date` | fish does not support backticks; use (command) instead.",
        "echo ${HOME} | fish writes variables as $NAME or {$NAME}, not ${NAME}.",
        "[[ -d x ]] | fish has no [[ ]]; use test or [ ].",
        "echo $((1+2)) | fish has no $(( )) arithmetic; use math."
    })
    void warnsAboutPosixSyntaxUnderFish(String command, String warning) {
        assertEquals(List.of(warning), engine.shellWarnings(command, ShellKind.FISH));
    }

    @Test
    void fishHereDocumentsAndModernSyntax() {
        assertEquals(List.of("fish has no here-documents; pipe the text with printf instead."),
                engine.shellWarnings("cat <<EOF\nhi\nEOF", ShellKind.FISH));
        assertEquals(List.of(), engine.shellWarnings("ls && echo $(date) || env FOO=1 make", ShellKind.FISH));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "export NODE_ENV=production | PowerShell sets environment variables with $env:NAME = 'value', not export.",
        "rm -rf build | rm -rf does not work in PowerShell; use Remove-Item -Recurse -Force.",
        "ls ~/.ssh | ~ is expanded by PowerShell cmdlets but not by other programs; use $HOME instead.",
        "FOO=1 node app.js | PowerShell cannot set a variable in front of a command; set $env:NAME first.",
        "make 2>/dev/null | /dev/null does not exist on Windows; redirect to $null instead.",
        "echo $(date) | $( ) is a subexpression in PowerShell, not sh command substitution; check it does what you expect."
    })
    void warnsAboutPosixSyntaxUnderPowerShell(String command, String warning) {
        assertEquals(List.of(warning), engine.shellWarnings(command, ShellKind.POWERSHELL));
    }

    @Test
    void powerShellCommandsAreFineUnderPowerShell() {
        assertEquals(List.of(), engine.shellWarnings(
                "Get-ChildItem -Recurse | Where-Object { $_.Length -gt 1MB } | Remove-Item -Force", ShellKind.POWERSHELL));
    }

    @Test
    void warnsAboutPosixSyntaxUnderCmd() {
        assertEquals(List.of("cmd.exe has no $( ) command substitution; use for /f or PowerShell.",
                "cmd.exe sets variables with set NAME=value, not export.",
                "cmd.exe does not treat single quotes as quotes; use double quotes."),
                engine.shellWarnings("export D=$(date); echo 'x'", ShellKind.CMD));
    }
}
