package dev.caro.rules.git;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.Origin;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.GitInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** git branch -D (force delete, even unmerged work), and deleting shared branches or refs. */
public final class GitBranchDeleteRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("git");

    public GitBranchDeleteRule() {
        super("caro.git.branch-force-delete", "Force-deleting branches, including unmerged work", RiskLevel.HIGH,
                "git branch -D deletes a branch even when its commits are merged nowhere else. Use git branch -d,"
                        + " which refuses to delete unmerged work, or push the branch somewhere first.",
                List.of("git branch -D feature/spike", "git branch --delete --force old", "git branch -D main",
                        "git update-ref -d refs/heads/master", "git branch -d -f experiment"),
                List.of("git branch -d feature/old-spike", "git branch -a", "git branch --merged", "git branch -m old new",
                        "git branch new-feature"));
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
        if (g.subcommand().equals("branch")) {
            boolean forceDelete = g.has("D") || (g.has("d", "--delete") && g.has("f", "--force"));
            if (!forceDelete) {
                return out;
            }
            List<Word> ops = g.operands(Set.of("-u", "--set-upstream-to"));
            if (ops.isEmpty() && (c.origin() == Origin.XARGS || c.wrappers().contains("xargs"))) {
                report(out, RiskLevel.MODERATE, "Force-deletes every branch read from the pipe, merged or not.", c.span());
            }
            for (Word w : ops) {
                boolean shared = GitInvocation.isSharedBranch(w.value());
                report(out, shared ? RiskLevel.HIGH : RiskLevel.MODERATE, "Force-deletes the branch " + w.value()
                        + (shared ? ", a shared branch," : "") + " even if its commits are not merged anywhere.", w.span());
            }
        } else if (g.subcommand().equals("update-ref") && g.has("d", "--delete") || g.subcommand().equals("update-ref") && g.hasArg("-d")) {
            for (Word w : g.operands(Set.of("-m"))) {
                String ref = (w.value().startsWith("refs/heads/") ? w.value().substring(11) : w.value());
                report(out, GitInvocation.isSharedBranch(ref) ? RiskLevel.HIGH : RiskLevel.MODERATE,
                        "Deletes the ref " + w.value() + " directly, bypassing every safety check.", w.span());
                break;
            }
        }
        return out;
    }
}
