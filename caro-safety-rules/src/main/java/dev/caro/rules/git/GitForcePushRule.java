package dev.caro.rules.git;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.Origin;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.GitInvocation;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

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
                        "git push origin main --force-with-lease", "git push --force-with-lease origin HEAD:develop",
                        "git push origin :release/2.0",
                        "git push origin :refs/tags/v1.4.0", "git push --delete origin v2.0.1",
                        "git tag -l | xargs git push --delete origin", "git push --prune origin 'refs/heads/*:refs/heads/*'"),
                List.of("git push origin feature/login", "git switch feature/login-form && git push --force-with-lease",
                        "git push --force-with-lease origin feature/x", "git push -u origin HEAD", "git push origin --delete feature/old",
                        "git push --tags", "git push --dry-run --force origin main", "git push -n -f origin master",
                        "git fetch --prune origin", "git push --dry-run --prune origin 'refs/heads/*:refs/heads/*'",
                        "git tag -l | xargs -n1 echo"));
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
        List<Word> pushed = g.operands(VALUE_OPTS);
        if (g.has("", "--prune")) {
            boolean wide = g.has("", "--all", "--branches", "--tags")
                    || pushed.stream().skip(1).anyMatch(w -> w.value().contains("*"));
            report(out, wide ? RiskLevel.HIGH : RiskLevel.MODERATE, "Pushes with --prune, deleting every remote "
                    + (wide ? "branch or tag" : "ref") + " that does not exist locally.", c.span());
        }
        Optional<String> listed = listedRefs(c, pushed);
        if (listed.isPresent() && (g.has("d", "--delete") || pushed.stream().anyMatch(w -> w.value().startsWith(":")))) {
            report(out, listed.get().startsWith("every") ? RiskLevel.HIGH : RiskLevel.MODERATE,
                    "Deletes on the remote " + listed.get() + ".", c.span());
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
                        RiskLevel.HIGH, "Force-pushes the shared branch " + b + " (a lease only guards against pushes you have not fetched).",
                        c.span()));
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
                // named as the destination: main, master, develop (an unknown current branch only may be one)
                report(out, branch.equals("HEAD") ? RiskLevel.MODERATE : RiskLevel.HIGH, "Force-pushes the shared branch " + branch
                        + " (a lease only guards against pushes you have not fetched).", r.span());
            }
        }
        return out;
    }

    /** Programs that list a repository's tags or branches. */
    /** A filter in the pipeline that keeps only some of the listed refs. */
    private static final LazyPattern FILTER = LazyPattern.of("(?:^|\\|\\s*+)(?:e?grep|rg|sed|awk|head|tail|sort\\s[^|]*-u)\\b");
    private static final LazyPattern REF_LISTING = LazyPattern.of("\\bgit\\s++(?:tag|branch|for-each-ref|ls-remote|show-ref)\\b([^|)`]*+)");

    /**
     * The refs a push takes from a listing rather than by name: {@code git tag -l | xargs git push
     * --delete origin}, {@code git push origin --delete $(git tag)}. "every tag ..." when nothing but
     * the listing chooses them, "the tags ... lists" when a pattern or filter narrows the list.
     */
    private static Optional<String> listedRefs(SimpleCommand c, List<Word> pushed) {
        String listing = null;
        if (c.origin() == Origin.XARGS || c.wrappers().contains("xargs")) {
            StringBuilder up = new StringBuilder();
            for (SimpleCommand u : c.upstream()) {
                up.append(u.nameWord() == null ? "" : u.nameWord().value()).append(' ').append(String.join(" ", u.argValues())).append(" | ");
            }
            listing = up.toString();
        } else {
            for (Word w : pushed) {
                if (w.source().contains("$(") || w.source().contains("`")) {
                    listing = w.source();
                }
            }
        }
        if (listing == null) {
            return Optional.empty();
        }
        Matcher m = REF_LISTING.matcher(listing);
        if (!m.find()) {
            return Optional.empty();
        }
        String what = listing.contains(" tag") || listing.contains("refs/tags") || listing.contains("--tags") ? "tags" : "branches";
        boolean filtered = FILTER.matcher(listing).find() || listing.contains("--merged") || listing.contains("--contains")
                || m.group(1).matches(".*(?:-l|--list)\\s++\\S.*|.*\\s[^-\\s][^\\s]*\\*.*|.*--(?:points-at|no-contains)\\b.*");
        return Optional.of(filtered ? "the " + what + " the listing picks" : "every " + (what.equals("tags") ? "tag" : "branch")
                + " the listing holds (all " + what + ")");
    }
}
