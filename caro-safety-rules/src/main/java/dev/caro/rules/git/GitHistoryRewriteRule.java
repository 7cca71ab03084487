package dev.caro.rules.git;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.GitInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Rewriting history or destroying recovery points: filter-branch, filter-repo, reflog expire, gc --prune=now, stash clear. */
public final class GitHistoryRewriteRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("git");

    public GitHistoryRewriteRule() {
        super("caro.git.history-rewrite", "Rewriting history or expiring the reflog and pruning", RiskLevel.HIGH,
                "These rewrite every commit or remove the reflog that lets you undo mistakes. Make a backup clone"
                        + " (or a bundle) first, and never expire the reflog to fix a problem.",
                List.of("git filter-branch -f --tree-filter 'rm -f config/secrets.yml' HEAD", "git filter-repo --path secrets --invert-paths",
                        "git reflog expire --expire=now --all", "git gc --prune=now --aggressive", "git stash clear"),
                List.of("git reflog | head -n 15", "git gc", "git stash list", "git log --all --oneline", "git stash pop",
                        "git filter-branch --help", "git --help reset"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        Optional<GitInvocation> parsed = GitInvocation.of(c);
        if (parsed.isEmpty()) {
            return List.of();
        }
        GitInvocation g = parsed.get();
        List<Finding> out = new ArrayList<>();
        switch (g.subcommand()) {
            case "filter-branch", "filter-repo" -> report(out, RiskLevel.HIGH, "Rewrites every commit with git "
                    + g.subcommand() + "; the old history is lost once the backup refs go.", c.span());
            case "reflog" -> {
                if (!g.args().isEmpty() && (g.args().get(0).value().equals("expire") || g.args().get(0).value().equals("delete"))) {
                    boolean now = g.args().stream().map(Word::value).anyMatch(v -> v.contains("=now") || v.contains("=all")
                            || v.contains("=0") || v.equals("--expire-unreachable=now"));
                    report(out, now ? RiskLevel.HIGH : RiskLevel.MODERATE, "Expires the reflog, removing the record"
                            + " needed to recover lost commits.", c.span());
                }
            }
            case "gc", "prune" -> {
                boolean now = g.args().stream().map(Word::value).anyMatch(v -> v.equals("--prune=now") || v.equals("--prune=all")
                        || v.equals("--expire=now") || v.equals("--expire") );
                if (now || (g.subcommand().equals("prune") && g.args().isEmpty())) {
                    report(out, RiskLevel.MODERATE, "Prunes unreachable commits now, so lost work can no longer be recovered.", c.span());
                }
            }
            case "stash" -> {
                if (!g.args().isEmpty() && g.args().get(0).value().equals("clear")) {
                    report(out, RiskLevel.MODERATE, "Deletes every stash at once.", c.span());
                }
            }
            default -> { }
        }
        return out;
    }
}
