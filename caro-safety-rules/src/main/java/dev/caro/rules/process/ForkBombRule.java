package dev.caro.rules.process;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.FunctionDefinition;
import dev.caro.api.shell.Origin;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.InlineCode;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Fork bombs in any spelling: a function that starts copies of itself in the background or in a
 * pipe, an endless loop that backgrounds work, fork loops in perl/python/ruby, {@code %0|%0}, and
 * PowerShell loops that start processes forever.
 */
public final class ForkBombRule extends BaseRule {

    // The whole-text patterns below run on every command line, also on text caro could not parse
    // (up to 100,000 characters), so each is matched in linear time: a loop header is looked for
    // once and what must follow it is searched from its end, instead of one ".*" scan per header;
    // whitespace runs are possessive so a long run is never re-split.
    /** An endless shell loop header up to its {@code do}. */
    private static final LazyPattern ENDLESS_HEADER = LazyPattern.of(
            "\\b(?:while\\s++(?:true|:|\\[\\s*+1\\s*+\\]|\\[\\[\\s*+1\\s*+\\]\\]|\\(\\(\\s*+1\\s*+\\)\\))|until\\s++false"
            + "|for\\s*+\\(\\(\\s*+;\\s*+;\\s*+\\)\\))\\s*+;?\\s*+do\\b");
    /** A background job that ends the loop body: {@code & done}. */
    private static final LazyPattern BACKGROUND_DONE = LazyPattern.of("&\\s*+;?\\s*+done\\b");
    private static final LazyPattern CODE_FORK = LazyPattern.of("\\bfork\\b|os\\.fork|Process\\.fork|pcntl_fork|child_process");
    private static final LazyPattern CODE_LOOP = LazyPattern.of(
            "while|\\bfor\\b|\\bloop\\b|until|iter\\(|\\.\\.|\\.times|itertools\\.count|setInterval|repeat");
    /** An endless PowerShell loop header; a process start must follow before the next closing brace. */
    private static final LazyPattern PS_HEADER = LazyPattern.of(
            "(?i)\\b(?:while\\s*+\\(\\s*+\\$true\\s*+\\)|for\\s*+\\(\\s*+;\\s*+;\\s*+\\)|do\\s*+\\{)");
    private static final LazyPattern PS_START = LazyPattern.of(
            "(?i)\\b(?:start-process|saps|start-job|sajb|start-threadjob|start|powershell|pwsh|cmd)\\b");
    /** {@code 1..[int]::MaxValue | ForEach-Object { Start-Job ... }}: a PowerShell range too long to ever finish. */
    private static final LazyPattern PS_HUGE_RANGE = LazyPattern.of(
            "(?i)\\d++\\s*+\\.\\.\\s*+(?:\\[(?:int|int32|int64|long|uint32)\\]::maxvalue|\\d{7,}+|\\d++e\\d++)\\s*+\\|\\s*+(?:foreach-object|foreach|%)\\s*+\\{");
    /** {@code yes 'sleep 600 &' | bash}: an endless stream of backgrounded commands fed to a shell. */
    private static final LazyPattern ENDLESS_INTO_SHELL = LazyPattern.of(
            "(?:^|[;&|(]\\s*+)yes\\s++(['\"])[^'\"\\n&]*+&[^'\"\\n]*+\\1\\s*+\\|\\s*+(?:sudo\\s++)?(?:ba|da|z|k|mk)?sh\\b");
    /**
     * An input that never ends, or runs to hundreds of thousands of lines, feeding xargs: {@code yes |},
     * {@code seq inf |}, {@code seq 1 1000000 |}, {@code cat /dev/zero |}.
     */
    private static final LazyPattern ENDLESS_INTO_XARGS = LazyPattern.of(
            "(?:^|[;&|(]\\s*+)(?:yes|seq\\s++(?:inf(?:inity)?|(?:-?\\d++\\s++){0,2}(?:\\d{6,}+|\\d++e\\d++))|cat\\s++/dev/(?:zero|urandom))\\b[^|;&\\n]*+\\|\\s*+xargs\\b((?:[^|;&\\n]|&(?!&))*+)");
    /** A script that starts copies of itself: {@code "$0" & "$0"}, {@code $0 | $0}, {@code sh "$0" && sh "$0"}. */
    private static final LazyPattern SELF_SPAWN = LazyPattern.of(
            "(?:(?:ba|da|z|k)?sh\\s++)?\"?(?:\\$0|\\$\\{0\\}|\\$\\{?BASH_SOURCE(?:\\[0\\])?\\}?)\"?\\s*+(?:&&?|\\|\\|?)\\s*+"
            + "(?:(?:ba|da|z|k)?sh\\s++)?\"?(?:\\$0|\\$\\{0\\}|\\$\\{?BASH_SOURCE(?:\\[0\\])?\\}?)");
    /** Starting a process without waiting for it: Popen, spawn, a backgrounded system(). */
    private static final LazyPattern CODE_SPAWN = LazyPattern.of("\\bPopen\\s*+\\(|os\\.spawn\\w*|posix_spawn|\\bProcess\\s*+\\("
            + "|Process\\.spawn|\\bspawn\\s*+\\(|\\bsystem\\s*+\\(?\\s*+[\"'][^\"'\\n]*&\\s*+[\"']");
    /** A loop that never ends by itself: while True, for(;;), loop, itertools.count, a count in the millions. */
    private static final LazyPattern CODE_ENDLESS = LazyPattern.of("\\bwhile\\s*+\\(?\\s*+(?:True|1|true|!0)\\s*+\\)?\\s*+[:{]"
            + "|\\bwhile\\s*+\\(?\\s*+(?:True|1|true)\\b|for\\s*+\\(\\s*+;\\s*+;\\s*+\\)|\\bloop\\s*+(?:do\\b|\\{)"
            + "|iter\\s*+\\(\\s*+int\\s*+,\\s*+1\\s*+\\)|itertools\\.count|Float::INFINITY|\\buntil\\s++false|\\d{7,}|\\b1e\\d++|10\\s*+\\*\\*\\s*+\\d");
    /** xargs running without a limit on parallel jobs, or whose command leaves each job in the background. */
    private static final LazyPattern UNBOUNDED_XARGS = LazyPattern.of("(?:-P\\s*+0\\b|--max-procs[= ]0\\b|&\\s*+['\"])");
    /** {@code for /l %i in (1,0,2) do start}: a cmd.exe loop that never ends. */
    private static final LazyPattern CMD_ENDLESS_FOR = LazyPattern.of(
            "(?i)for\\s++/l\\s++%++\\w\\s++in\\s*+\\(\\s*+\\d++\\s*+,\\s*+0\\s*+,\\s*+\\d++\\s*+\\)\\s*+do\\s++start\\b");
    /** {@code start %0}: the batch file starts itself; a loop when a {@code goto} follows. */
    private static final LazyPattern CMD_START_SELF = LazyPattern.of("(?i)start\\s++%0");
    /** {@code :label & start ...}: a labelled start; a loop when a {@code goto} follows. */
    private static final LazyPattern CMD_LABEL_START = LazyPattern.of("(?i):\\w++(?:\\s*+&|[^\\S\\n]*+\\n)\\s*+start\\s");
    private static final LazyPattern BATCH_BOMB = LazyPattern.of("%0\\s*\\|\\s*%0");

    public ForkBombRule() {
        super("caro.process.fork-bomb", "Fork bombs and endless process spawning", RiskLevel.CRITICAL,
                "A fork bomb fills the process table until the machine stops responding and must be hard-reset."
                        + " Never run it; to test limits, use a container with a pids limit.",
                List.of(":(){ :|:& };:", "bomb() { bomb | bomb & }; bomb", "b() { b & b & }; b",
                        "perl -e 'fork() for (1..1e6)'", "python3 -c \"import os;[os.fork() for _ in iter(int,1)]\"",
                        "while true; do sleep 1 & done", "ruby -e 'loop { fork }'", "%0|%0",
                        "seq inf | xargs -P0 -n1 sh -c 'sleep 600'", "seq 500000 | xargs -P 0 -I{} sleep 900", "1..1000000000 | % { Start-Process notepad }",
                        "echo '$0 | $0 &' > x.sh && sh x.sh", "yes 'ping -c1 10.0.0.1 &' | sh",
                        "printf '%s\\n' '#!/bin/sh' '\"$0\" & \"$0\"' > r.sh && chmod +x r.sh && ./r.sh",
                        "python3 -c 'import subprocess\nwhile True: subprocess.Popen([\"sleep\", \"60\"])'"),
                List.of("echo ':(){ :|:& };:' | wc -c", "countdown() { echo $1; }; countdown 3",
                        "while true; do date; sleep 5; done", "python3 -c 'import os; print(os.cpu_count())'",
                        "perl -ne 'print if /fork/' src/*.c", "./server & ./worker &",
                        "yes | head -n 3 | xargs -n1 echo", "seq 1 1000000 | xargs -n 1000 echo | wc -l", "1..5 | ForEach-Object { Start-Job { Get-Date } }",
                        "printf 'echo \"$0\" started &\\n' > log.sh", "yes 'y' | sh ./install.sh",
                        "python3 -c 'import subprocess; subprocess.Popen([\"make\", \"watch\"])'",
                        "python3 -c 'import subprocess\nfor f in [\"a\", \"b\"]: subprocess.run([\"gzip\", f])'"));
    }

    @Override
    public List<Finding> evaluate(ShellScript script, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (FunctionDefinition f : script.functions()) {
            int calls = 0;
            boolean spawned = false;
            for (SimpleCommand c : f.body()) {
                if (c.name().equals(f.name())) {
                    calls++;
                    spawned |= c.background() || !c.upstream().isEmpty();
                    for (SimpleCommand u : c.upstream()) {
                        spawned |= u.name().equals(f.name());
                    }
                }
            }
            if (calls >= 2 || spawned) {
                report(out, RiskLevel.CRITICAL, "The function " + f.name()
                        + " starts copies of itself without end (a fork bomb).", f.span());
            }
        }
        boolean loopBody = false;
        for (SimpleCommand c : script.commands()) {
            out.addAll(evaluate(c, ctx));
            loopBody |= c.origin() == Origin.BODY;
        }
        String src = script.source();
        if (out.isEmpty() && (loopBody || !script.parsed()) && endlessBackgroundLoop(src)) {
            report(out, RiskLevel.CRITICAL, "An endless loop starts background processes without limit.",
                    new dev.caro.api.shell.Span(0, src.length()));
        }
        if (out.isEmpty() && !script.parsed() && SelfCallingFunction.in(src)) {
            report(out, RiskLevel.CRITICAL, "A function that starts copies of itself without end (a fork bomb).",
                    new dev.caro.api.shell.Span(0, src.length()));
        }
        if (out.isEmpty() && !startsWithPrinter(src) && endlessCmdLoop(src)) {
            report(out, RiskLevel.CRITICAL, "An endless cmd.exe loop starts new windows without limit.",
                    new dev.caro.api.shell.Span(0, src.length()));
        }
        if (out.isEmpty() && (src.contains("$0") || src.contains("${0}") || src.contains("BASH_SOURCE")) && SELF_SPAWN.matcher(src).find() && runsAScript(script)) {
            report(out, RiskLevel.CRITICAL, "Writes and runs a script that starts two copies of itself each time (a fork bomb).",
                    new dev.caro.api.shell.Span(0, src.length()));
        }
        if (out.isEmpty() && src.contains("yes") && ENDLESS_INTO_SHELL.matcher(src).find()) {
            report(out, RiskLevel.CRITICAL, "yes feeds the shell background jobs forever, so processes pile up without limit.",
                    new dev.caro.api.shell.Span(0, src.length()));
        }
        if (out.isEmpty() && !startsWithPrinter(src) && src.contains("xargs") && endlessXargs(src)) {
            report(out, RiskLevel.CRITICAL, "Endless input makes xargs start processes without limit (a fork bomb).",
                    new dev.caro.api.shell.Span(0, src.length()));
        }
        if (out.isEmpty() && !startsWithPrinter(src) && src.contains("..") && PS_HUGE_RANGE.matcher(src).find()
                && startsAfterRange(src)) {
            report(out, RiskLevel.CRITICAL, "A PowerShell loop over billions of numbers starts a process or job for each one.",
                    new dev.caro.api.shell.Span(0, src.length()));
        }
        if (out.isEmpty() && !startsWithPrinter(src) && endlessPowerShellLoop(src)) {
            report(out, RiskLevel.CRITICAL, "An endless PowerShell loop starts new processes without limit.",
                    new dev.caro.api.shell.Span(0, src.length()));
        }
        return out;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        String n = name(c);
        if (n.equals("%0") && c.upstream().stream().anyMatch(u -> u.name().equals("%0"))) {
            report(out, RiskLevel.CRITICAL, "A batch file that starts two copies of itself on every run (%0|%0).", c.span());
        }
        if (n.equals("%0") && c.args().size() >= 2 && BATCH_BOMB.matcher(String.join("", c.argValues())).find()) {
            report(out, RiskLevel.CRITICAL, "A batch file that starts copies of itself without end.", c.span());
        }
        Optional<String> code = InlineCode.of(c);
        if (code.isPresent() && !Names.SHELLS.contains(n) && !n.startsWith("awk") && CODE_FORK.matcher(code.get()).find()
                && CODE_LOOP.matcher(code.get()).find()) {
            report(out, RiskLevel.CRITICAL, "The " + n + " one-liner forks in a loop (a fork bomb).", c.span());
        }
        if (out.isEmpty() && code.isPresent() && !Names.SHELLS.contains(n) && !n.startsWith("awk")
                && CODE_SPAWN.matcher(code.get()).find() && CODE_ENDLESS.matcher(code.get()).find()
                && !code.get().contains(".wait(") && !code.get().contains(".communicate(") && !code.get().contains("waitpid")) {
            report(out, RiskLevel.CRITICAL, "The " + n + " one-liner starts new processes in an endless loop without"
                    + " waiting for them (a fork bomb).", c.span());
        }
        return out;
    }

    /** Whether the line runs a script file: {@code ./x.sh}, {@code sh x.sh}, {@code bash x}. */
    private static boolean runsAScript(ShellScript script) {
        for (SimpleCommand c : script.commands()) {
            if (c.nameWord() != null && c.nameWord().value().contains("/") && !c.name().startsWith("/usr/")
                    && !c.name().startsWith("/bin/")
                    || Names.SHELLS.contains(Names.of(c)) && !c.args().isEmpty() && !c.args().get(0).value().startsWith("-")) {
                return true;
            }
        }
        return false;
    }

    /** {@code yes | xargs -P 0 ...}: an endless producer feeding xargs with unlimited parallel jobs or backgrounded ones. */
    private static boolean endlessXargs(String src) {
        Matcher m = ENDLESS_INTO_XARGS.matcher(src);
        while (m.find()) {
            if (UNBOUNDED_XARGS.matcher(m.group(1)).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a process or job start follows the huge range's block opening, before it closes. */
    private static boolean startsAfterRange(String src) {
        Matcher range = PS_HUGE_RANGE.matcher(src);
        if (!range.find()) {
            return false;
        }
        Matcher start = PS_START.matcher(src);
        start.region(range.end(), src.length());
        return start.find();
    }

    /** {@code while true; do ... & done}: the first header leaves the most text for the {@code & done}. */
    private static boolean endlessBackgroundLoop(String src) {
        Matcher header = ENDLESS_HEADER.matcher(src);
        return header.find() && BACKGROUND_DONE.matcher(src).find(header.end());
    }

    /**
     * A loop header followed by a process start before the next {@code &#125;}: checked once per
     * brace-delimited stretch, from its first header, which sees the most text.
     */
    private static boolean endlessPowerShellLoop(String src) {
        if (src.indexOf('(') < 0 && src.indexOf('{') < 0) {
            return false; // every header has one; most command lines skip compiling the expressions
        }
        Matcher header = PS_HEADER.matcher(src);
        Matcher start = PS_START.matcher(src);
        int from = 0;
        while (from < src.length() && header.find(from)) {
            int close = src.indexOf('}', header.end());
            int end = close < 0 ? src.length() : close;
            start.region(header.end(), end);
            if (start.find()) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    /** A never-ending {@code for /l}, or a restart of the batch file with a {@code goto} after it. */
    private static boolean endlessCmdLoop(String src) {
        if (src.indexOf('(') >= 0 && CMD_ENDLESS_FOR.matcher(src).find()) { // "in (": skip it cheaply
            return true;
        }
        int lastGoto = lastIndexOfIgnoreCase(src, "goto");
        if (lastGoto < 0) {
            return false;
        }
        Matcher self = CMD_START_SELF.matcher(src);
        Matcher label = CMD_LABEL_START.matcher(src);
        return self.find() && self.end() <= lastGoto || label.find() && label.end() <= lastGoto;
    }

    private static int lastIndexOfIgnoreCase(String text, String word) {
        for (int i = text.length() - word.length(); i >= 0; i--) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithPrinter(String src) {
        int i = 0;
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
            i++;
        }
        for (String p : PRINTERS) {
            if (src.regionMatches(true, i, p, 0, p.length())) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> PRINTERS = List.of("echo ", "printf ", "write-host", "#", "grep ", "cat ");
}
