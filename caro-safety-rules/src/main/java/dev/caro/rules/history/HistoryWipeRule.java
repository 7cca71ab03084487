package dev.caro.rules.history;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.SensitiveFiles;
import dev.caro.rules.internal.Targets;
import dev.caro.rules.internal.Writes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Wiping or disabling shell history: history -c, deleting or emptying history files, unset HISTFILE, HISTSIZE=0. */
public final class HistoryWipeRule extends BaseRule {

    private static final Set<String> REMOVERS = Set.of("rm", "shred", "srm", "wipe", "unlink", "truncate");
    private static final LazyPattern HIST_VAR_OFF = LazyPattern.of("^(HISTFILE=(/dev/null)?|HISTSIZE=0|HISTFILESIZE=0|SAVEHIST=0"
            + "|HISTFILE=\"\"|HISTFILE='')$");

    public HistoryWipeRule() {
        super("caro.history.wipe", "Wiping or disabling shell history", RiskLevel.MODERATE,
                "Clearing history removes the record of what was run on this machine, which hides mistakes and"
                        + " intrusions alike. To keep one command out of history, start it with a space (HISTCONTROL=ignorespace).",
                List.of("history -c", "history -c; rm -f ~/.bash_history", "unset HISTFILE", "export HISTFILE=/dev/null",
                        ": > \"$HISTFILE\"", "HISTSIZE=0", "ln -sf /dev/null ~/.bash_history", "shred -u ~/.zsh_history",
                        "cat /dev/null > ~/.bash_history", "Clear-History"),
                List.of("history | grep docker", "printf 'history file: %s\\n' \"$HISTFILE\"", "export HISTSIZE=10000",
                        "cp ~/.bash_history ~/history-backup.txt", "history 20", "echo unset HISTFILE"));
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        if (n.equals("history") && (Args.hasShort(c, 'c') || Args.hasShort(c, 'd') && c.args().size() > 1 && c.args().get(1).value().contains("-"))) {
            report(out, RiskLevel.MODERATE, "Clears the shell's command history.", c.span());
        }
        if (n.equals("clear-history") || n.equals("clhy")) {
            report(out, RiskLevel.MODERATE, "Clears the PowerShell session's command history.", c.span());
        }
        if (n.equals("unset")) {
            for (Word w : c.args()) {
                if (w.value().equals("HISTFILE")) {
                    report(out, RiskLevel.MODERATE, "Stops this shell from saving its history.", w.span());
                }
            }
        }
        String line = String.join(" ", c.argValues()).toLowerCase(java.util.Locale.ROOT);
        if ((n.equals("remove-item") || n.equals("ri") || n.equals("del") || n.equals("rm") || n.equals("clear-content"))
                && (line.contains("historysavepath") || line.contains("consolehost_history"))
                || n.equals("set-psreadlineoption") && line.contains("savenothing")) {
            report(out, RiskLevel.MODERATE, "Deletes or disables the PowerShell command history.", c.span());
        }
        if (n.equals("history") && c.hasArg("-w") && c.hasArg("/dev/null")) {
            report(out, RiskLevel.MODERATE, "Discards the shell's command history.", c.span());
        }
        if (n.equals("set") && c.hasArg("+o") && c.hasArg("history")) {
            report(out, RiskLevel.MODERATE, "Turns history recording off.", c.span());
        }
        List<Word> assigns = new ArrayList<>(c.assignments());
        if (n.equals("export") || n.equals("declare") || n.equals("typeset") || n.equals("readonly") || n.equals("local")) {
            assigns.addAll(c.args());
        }
        for (Word a : assigns) {
            if (HIST_VAR_OFF.matcher(a.source()).matches() || HIST_VAR_OFF.matcher(a.value()).matches()) {
                report(out, RiskLevel.MODERATE, "Disables history with " + a.source() + ".", a.span());
            }
        }
        List<Word> files = new ArrayList<>();
        if (REMOVERS.contains(n)) {
            files.addAll(Args.operands(c, Set.of("-s", "--size", "-n", "--iterations")));
        }
        if (n.equals("ln") && c.argValues().contains("/dev/null")) {
            files.addAll(Args.operands(c));
        }
        for (Writes.Target t : Writes.of(c)) {
            if (!t.append() && !n.equals("cp")) {
                files.add(t.target());
            }
        }
        for (Word w : files) {
            if (isHistory(c, ctx, w)) {
                report(out, RiskLevel.MODERATE, "Erases the shell history file " + Targets.display(w) + ".", w.span());
            }
        }
        return out;
    }

    private static boolean isHistory(SimpleCommand c, RuleContext ctx, Word w) {
        String src = w.source();
        if (src.contains("$HISTFILE") || src.contains("${HISTFILE}")) {
            return true;
        }
        if (!w.literal()) {
            return false;
        }
        return SensitiveFiles.isHistoryFile(Targets.absolute(c, ctx, w.value()));
    }
}
