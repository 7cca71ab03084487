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

/** Discarding every uncommitted change at once: git checkout -- ., git restore ., git checkout -f. */
public final class GitDiscardChangesRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("git");

    private static final Set<String> EVERYTHING = Set.of(".", ":/", "*", "./", ":(top)", "-A");

    public GitDiscardChangesRule() {
        super("caro.git.discard-changes", "Discarding all uncommitted changes (checkout -- ., restore .)", RiskLevel.HIGH,
                "Changes that were never committed or stashed cannot be recovered. Stash them first (git stash -u)"
                        + " or restore only the files you mean.",
                List.of("git checkout -- .", "git restore .", "git checkout .", "git checkout -f main", "git restore --worktree :/",
                        "git restore -SW ."),
                List.of("git checkout -- README.md", "git restore --staged .", "git checkout main", "git restore src/app.js",
                        "git checkout -b feature/x"));
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
        boolean all = false;
        for (Word w : g.args()) {
            all |= EVERYTHING.contains(w.value());
        }
        switch (g.subcommand()) {
            case "checkout" -> {
                if (all || g.has("f", "--force")) {
                    report(out, RiskLevel.MODERATE, "Overwrites every modified file in the working tree, discarding uncommitted changes.", c.span());
                }
            }
            case "rm" -> {
                if (all && g.has("r") && !g.has("", "--cached") && !g.has("n", "--dry-run")) {
                    report(out, RiskLevel.MODERATE, "Deletes every tracked file from the working tree and the index.", c.span());
                }
            }
            case "restore" -> {
                boolean staged = g.has("S", "--staged");
                boolean worktree = g.has("W", "--worktree");
                if (all && staged && worktree) {
                    // Both the index and the files: what git reset --hard does, staged work included.
                    report(out, RiskLevel.HIGH, "Restores every file and the index, discarding all staged and unstaged changes"
                            + " (like git reset --hard).", c.span());
                } else if (all && !staged) {
                    report(out, RiskLevel.MODERATE, "Restores every file in the working tree, discarding uncommitted changes.", c.span());
                }
            }
            default -> { }
        }
        return out;
    }
}
