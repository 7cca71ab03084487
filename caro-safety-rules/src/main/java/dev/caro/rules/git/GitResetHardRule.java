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

/** git reset --hard: throws away uncommitted work and can drop commits. */
public final class GitResetHardRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("git");

    public GitResetHardRule() {
        super("caro.git.reset-hard", "git reset --hard, which discards uncommitted work", RiskLevel.HIGH,
                "Uncommitted changes are gone for good, and commits you move away from are only in the reflog."
                        + " Stash first (git stash -u), or use git reset --keep, which refuses to drop local changes.",
                List.of("git reset --hard", "git fetch origin && git reset --hard @{u}", "git reset --hard HEAD~3",
                        "(cd ~/src/api && git reset --hard HEAD@{2})", "git -C ../repo reset --hard origin/main"),
                List.of("git reset --soft \"$(git merge-base HEAD main)\"", "git reset HEAD file.txt", "git reset --keep HEAD~1",
                        "git log --oneline", "echo git reset --hard"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        Optional<GitInvocation> g = GitInvocation.of(c);
        if (g.isEmpty() || !g.get().subcommand().equals("reset") || !g.get().has("", "--hard")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        List<Word> ops = g.get().operands(java.util.Set.of());
        String to = ops.isEmpty() ? "HEAD" : ops.get(0).value();
        report(out, RiskLevel.HIGH, "Resets the working tree to " + to + ", discarding every uncommitted change.", c.span());
        return out;
    }
}
