package dev.caro.rules.git;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.GitInvocation;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pushes that rewrite or delete remote history: --force, +refspec, --mirror, --delete and :branch.
 * A lease-protected force push to a personal branch is fine; to a shared branch it is not.
 */
public final class GitForcePushRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("git");

    private static final Set<String> VALUE_OPTS = Set.of("-o", "--push-option", "--repo", "--receive-pack", "--exec");

    public GitForcePushRule() {
        super("caro.git.force-push", "Force pushes and remote branch deletions on shared branches", RiskLevel.HIGH,
                "A force push replaces the remote branch, so commits others pushed are lost for everyone. Push to"
                        + " your own branch, or use --force-with-lease on a branch only you work on.",
                List.of("git push --force origin main", "git push -f", "git push origin +HEAD:master",
                        "git push --delete origin master develop", "git push --mirror origin",
                        "git push --force --no-verify origin \"$(git branch --show-current)\":main",
                        "git push origin main --force-with-lease", "git push origin :release/2.0",
                        "git push origin :refs/tags/v1.4.0", "git push --delete origin v2.0.1"),
                List.of("git push origin feature/login", "git switch feature/login-form && git push --force-with-lease",
                        "git push --force-with-lease origin feature/x", "git push -u origin HEAD", "git push origin --delete feature/old",
                        "git push --tags", "git push --dry-run --force origin main", "git push -n -f origin master"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    /** A release tag's name: v1.2.3, 2.0, release-4.1. */
    private static final LazyPattern TAG_NAME = LazyPattern.of("(?:v|release-?)?\\d+(?:\\.\\d+)+(?:[-+.][\\w.]+)?");

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        Optional<GitInvocation> parsed = GitInvocation.of(c);
        if (parsed.isEmpty() || !parsed.get().subcommand().equals("push")) {
            return List.of();
        }
        GitInvocation g = parsed.get();
        List<Finding> out = new ArrayList<>();
        if (g.has("n", "--dry-run")) {
            return out; // reports what it would do, changes nothing
        }
        if (g.has("", "--mirror")) {
            report(out, RiskLevel.HIGH, "Mirrors to the remote, deleting every remote branch and tag missing locally.", c.span());
            return out;
        }
        boolean force = g.has("f", "--force");
        boolean lease = g.has("", "--force-with-lease", "--force-if-includes");
        boolean delete = g.has("d", "--delete");
        List<Word> ops = g.operands(VALUE_OPTS);
        List<Word> refspecs = ops.size() > 1 ? ops.subList(1, ops.size()) : List.of();
        if (refspecs.isEmpty() && !delete) {
            if (force) {
                String current = CurrentBranch.before(c, ctx.script()).orElse(null);
                boolean shared = current == null || GitInvocation.isSharedBranch(current);
                report(out, shared ? RiskLevel.HIGH : RiskLevel.MODERATE, "Force-pushes "
                        + (current == null ? "the current branch, which may be a shared one," : current)
                        + " over the remote copy.", c.span());
            } else if (lease) {
                CurrentBranch.before(c, ctx.script()).filter(GitInvocation::isSharedBranch).ifPresent(b -> report(out,
                        RiskLevel.MODERATE, "Force-pushes the shared branch " + b + " (with a lease).", c.span()));
            }
            return out;
        }
        for (Word r : refspecs) {
            String spec = r.value();
            boolean plus = spec.startsWith("+");
            String s = plus ? spec.substring(1) : spec;
            int colon = s.lastIndexOf(':');
            String dst = colon >= 0 ? s.substring(colon + 1) : s;
            boolean deletes = delete || (colon == 0);
            if (dst.equals("HEAD") || dst.isEmpty() && !deletes) {
                dst = CurrentBranch.before(c, ctx.script()).orElse("HEAD");
            }
            String branch = dst.startsWith("refs/heads/") ? dst.substring("refs/heads/".length()) : dst;
            boolean shared = GitInvocation.isSharedBranch(branch) || branch.equals("HEAD");
            if (deletes && (dst.startsWith("refs/tags/") || delete && TAG_NAME.matcher(dst).matches())) {
                report(out, RiskLevel.MODERATE, "Deletes the published tag " + dst.replace("refs/tags/", "")
                        + " on the remote; anyone who fetched it keeps the old one.", r.span());
            } else if (deletes) {
                if (shared) {
                    report(out, RiskLevel.HIGH, "Deletes the shared branch " + branch + " on the remote.", r.span());
                }
            } else if (force || plus) {
                report(out, shared ? RiskLevel.HIGH : RiskLevel.MODERATE, "Force-pushes over the remote branch " + branch + ".", r.span());
            } else if (lease && shared) {
                report(out, RiskLevel.MODERATE, "Force-pushes the shared branch " + branch + " (with a lease).", r.span());
            }
        }
        return out;
    }
}
