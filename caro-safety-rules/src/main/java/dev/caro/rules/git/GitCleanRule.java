package dev.caro.rules.git;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.GitInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** git clean -f: deletes untracked (and with -x, ignored) files, which git cannot bring back. */
public final class GitCleanRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("git");

    public GitCleanRule() {
        super("caro.git.clean", "git clean -f, which deletes untracked and ignored files", RiskLevel.HIGH,
                "Untracked files were never committed, so git cannot restore them. Run git clean -n first to see"
                        + " what would go, or stash them with git stash -u.",
                List.of("git clean -fdx", "git clean -d -x --force --force", "git clean -f", "git clean -ffdX", "git restore . && git clean -fd"),
                List.of("git clean -n", "git clean -ndx", "git clean --dry-run -fdx", "git status --ignored", "git clean -i"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    /** Whether the same line also throws away the tracked changes: checkout -- ., restore ., reset --hard. */
    private static boolean alsoDiscards(SimpleCommand clean, RuleContext ctx) {
        for (SimpleCommand c : ctx.script().commands()) {
            Optional<GitInvocation> g = c == clean ? Optional.empty() : GitInvocation.of(c);
            if (g.isPresent()) {
                String sub = g.get().subcommand();
                if ((sub.equals("checkout") || sub.equals("restore")) && (g.get().hasArg(".") || g.get().hasArg(":/"))
                        || sub.equals("reset") && g.get().has("", "--hard")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        Optional<GitInvocation> g = GitInvocation.of(c);
        if (g.isEmpty() || !g.get().subcommand().equals("clean")) {
            return List.of();
        }
        GitInvocation gi = g.get();
        if (!gi.has("f", "--force") || gi.has("n", "--dry-run") || gi.has("i", "--interactive")) {
            return List.of();
        }
        boolean ignored = gi.has("xX");
        boolean dirs = gi.has("d");
        long forces = gi.args().stream().filter(w -> w.value().equals("--force") || w.value().equals("-f")).count()
                + gi.args().stream().filter(w -> w.value().startsWith("-") && !w.value().startsWith("--")
                        && w.value().chars().filter(ch -> ch == 'f').count() >= 2).count() * 2;
        List<Finding> out = new ArrayList<>();
        if (alsoDiscards(c, ctx)) {
            report(out, RiskLevel.HIGH, "Together with discarding every change, deletes all untracked work: nothing uncommitted"
                    + " is left (like git reset --hard plus the untracked files).", c.span());
            return out;
        }
        report(out, forces >= 2 ? RiskLevel.HIGH : RiskLevel.MODERATE, "Deletes every untracked file"
                + (dirs ? " and directory" : "") + (ignored ? ", including ignored ones such as .env and local config," : "")
                + (forces >= 2 ? " and nested repositories" : "") + " in the working tree.", c.span());
        return out;
    }
}
