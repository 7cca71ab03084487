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
import dev.caro.rules.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fork bombs in any spelling: a function that starts copies of itself in the background or in a
 * pipe, an endless loop that backgrounds work, fork loops in perl/python/ruby, {@code %0|%0}, and
 * PowerShell loops that start processes forever.
 */
public final class ForkBombRule extends BaseRule {

    private static final Pattern ENDLESS_LOOP = Pattern.compile(
            "(?s)\\b(?:while\\s+(?:true|:|\\[\\s*1\\s*\\]|\\[\\[\\s*1\\s*\\]\\]|\\(\\(\\s*1\\s*\\)\\))|until\\s+false"
            + "|for\\s*\\(\\(\\s*;\\s*;\\s*\\)\\))\\s*;?\\s*do\\b.*&\\s*;?\\s*done\\b");
    private static final Pattern CODE_FORK = Pattern.compile("\\bfork\\b|os\\.fork|Process\\.fork|pcntl_fork|child_process");
    private static final Pattern CODE_LOOP = Pattern.compile(
            "while|\\bfor\\b|\\bloop\\b|until|iter\\(|\\.\\.|\\.times|itertools\\.count|setInterval|repeat");
    private static final Pattern PS_LOOP = Pattern.compile(
            "(?is)\\b(?:while\\s*\\(\\s*\\$true\\s*\\)|for\\s*\\(\\s*;\\s*;\\s*\\)|do\\s*\\{)[^}]*\\b(start-process|saps|start|"
            + "powershell|pwsh|cmd)\\b");
    private static final Pattern CMD_LOOP = Pattern.compile("(?is)for\\s+/l\\s+%+\\w\\s+in\\s*\\(\\s*\\d+\\s*,\\s*0\\s*,\\s*\\d+\\s*\\)\\s*do\\s+start\\b"
            + "|start\\s+%0.*goto|:\\w+\\s*[&\\n]\\s*start\\s+.*goto");
    /** For text caro could not parse (e.g. zsh's f(){f|f&}): a function whose body pipes or backgrounds itself. */
    private static final Pattern FORK_TEXT = Pattern.compile(
            "([\\w:.%]+)\\s*\\(\\s*\\)\\s*\\{\\s*\\1\\s*(?:\\|\\s*\\1|&\\s*;?\\s*\\1)");
    private static final Pattern BATCH_BOMB = Pattern.compile("%0\\s*\\|\\s*%0");

    public ForkBombRule() {
        super("caro.process.fork-bomb", "Fork bombs and endless process spawning", RiskLevel.CRITICAL,
                "A fork bomb fills the process table until the machine stops responding and must be hard-reset."
                        + " Never run it; to test limits, use a container with a pids limit.",
                List.of(":(){ :|:& };:", "bomb() { bomb | bomb & }; bomb", "b() { b & b & }; b",
                        "perl -e 'fork() for (1..1e6)'", "python3 -c \"import os;[os.fork() for _ in iter(int,1)]\"",
                        "while true; do sleep 1 & done", "ruby -e 'loop { fork }'", "%0|%0"),
                List.of("echo ':(){ :|:& };:' | wc -c", "countdown() { echo $1; }; countdown 3",
                        "while true; do date; sleep 5; done", "python3 -c 'import os; print(os.cpu_count())'",
                        "perl -ne 'print if /fork/' src/*.c", "./server & ./worker &"));
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
        if (out.isEmpty() && (loopBody || !script.parsed()) && ENDLESS_LOOP.matcher(src).find()) {
            report(out, RiskLevel.CRITICAL, "An endless loop starts background processes without limit.",
                    new dev.caro.api.shell.Span(0, src.length()));
        }
        if (out.isEmpty() && !script.parsed() && FORK_TEXT.matcher(src).find()) {
            report(out, RiskLevel.CRITICAL, "A function that starts copies of itself without end (a fork bomb).",
                    new dev.caro.api.shell.Span(0, src.length()));
        }
        if (out.isEmpty() && !startsWithPrinter(src) && CMD_LOOP.matcher(src).find()) {
            report(out, RiskLevel.CRITICAL, "An endless cmd.exe loop starts new windows without limit.",
                    new dev.caro.api.shell.Span(0, src.length()));
        }
        if (out.isEmpty() && !startsWithPrinter(src) && PS_LOOP.matcher(src).find()) {
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
        return out;
    }

    private static boolean startsWithPrinter(String src) {
        String s = src.stripLeading().toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("echo ") || s.startsWith("printf ") || s.startsWith("write-host") || s.startsWith("#")
                || s.startsWith("grep ") || s.startsWith("cat ");
    }
}
