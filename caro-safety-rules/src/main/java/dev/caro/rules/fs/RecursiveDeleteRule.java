package dev.caro.rules.fs;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.Origin;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.FindInvocation;
import dev.caro.rules.internal.FindRisk;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.PowerShellSyntax;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code rm -r} of the root, system directories, the home directory, unknown paths or paths outside the project. */
public final class RecursiveDeleteRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("rm", "grm");

    private static final Set<String> RM = Set.of("rm", "grm", "rm.exe");
    private static final Set<String> LISTERS = Set.of("ls", "echo", "printf");
    private static final LazyPattern BARE_VARIABLE = LazyPattern.of(
            "\"?\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?\"?");
    private static final LazyPattern TEMP_NAME = LazyPattern.of(
            "(?i)tmp|temp|scratch|cache|build|dist|out\\b|staging_dir|workdir");
    private static final LazyPattern LIST_SEPARATORS = LazyPattern.of("(?:\\s|\\x00|\\\\0)+");
    /** A directory right under the root (/data, /backup): a mount point or a whole volume more often than not. */
    private static final LazyPattern TOP_LEVEL = LazyPattern.of("/[^/]+/?");
    private static final LazyPattern ROTATED_LOG = LazyPattern.of(
            "/var/log/.*\\.(?:gz|bz2|xz|zst|old|[0-9]+)");
    private static final LazyPattern CACHE = LazyPattern.of(
            "/(?:\\.cache|var/cache|tmp|temp|scratch|Library/Caches|\\.npm|\\.Trash|\\.local/share/Trash|node_modules|__pycache__|\\.pytest_cache|\\.mypy_cache|\\.tox|\\.next|\\.nuxt|\\.parcel-cache|\\.turbo|DerivedData|\\.npm/_cacache|\\.gradle/caches|\\.cargo/registry/cache|\\.yarn/cache|\\.pnpm-store|\\.m2/repository|\\.nuget/packages|\\.ccache|go/pkg/mod/cache)(?:/|$)");

    public RecursiveDeleteRule() {
        super("caro.fs.recursive-delete", "Recursive deletes of the root, system, home or unknown paths",
                RiskLevel.CRITICAL,
                "rm -r cannot be undone. Delete a narrower path inside your project, or move it to the trash"
                        + " (gio trash, trash-put) so it can be restored.",
                List.of("rm -rf /", "sudo /usr/bin/rm -r --force --no-preserve-root -- /", "rm -rf ~",
                        "rm -f -r -- \"$HOME\"/*", "rm --recursive --force /etc/systemd", "rm -rf \"$BUILD_DIR\"/",
                        "rm -rf ../other-project", "rm -rf .git", "rm -rf ~/Documents ~/Pictures"),
                List.of("rm -rf ./build", "rm -rf node_modules dist .cache", "rm -r /tmp/scratch",
                        "echo rm -rf /", "rm -f notes.txt", "rm -rf \"$(mktemp -d)\"", "rm -ri ~/Downloads/old"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        if (!RM.contains(name(c)) || PowerShellSyntax.style(c)) {
            return List.of();
        }
        boolean recursive = Args.has(c, "rR", "--recursive");
        boolean noPreserve = Args.hasLong(c, "--no-preserve-root");
        if (!recursive && !noPreserve) {
            if (c.origin() == Origin.XARGS && c.upstream().stream().anyMatch(u -> FindInvocation.of(u).isPresent())) {
                List<Finding> out = new ArrayList<>();
                piped(c, ctx, out, false);
                return out;
            }
            return List.of();
        }
        boolean interactive = Args.hasShort(c, 'i') && !Args.hasShort(c, 'f') && !Args.hasLong(c, "--force");
        List<Finding> out = new ArrayList<>();
        List<Word> ops = Args.operands(c);
        if (noPreserve) {
            report(out, RiskLevel.CRITICAL, "Turns off rm's safeguard for / with --no-preserve-root.", c.span());
        }
        for (Word w : ops) {
            if (w.value().indexOf('\u0000') >= 0) {
                // xargs -0 input that caro resolved: several NUL-separated paths in one word
                for (String p : w.value().split("\u0000")) {
                    if (!p.isBlank()) {
                        PathKind pk = ctx.classify(p);
                        report(out, Targets.destructionRisk(pk), "Recursively deletes " + Targets.describe(pk, p) + ".", w.span());
                    }
                }
                continue;
            }
            PathKind k;
            Word target = w;
            if (w.value().contains("{}")) {
                if (c.origin() == Origin.XARGS && (w.value().equals("{}") || c.upstream().stream().anyMatch(u -> FindInvocation.of(u).isPresent()))) {
                    piped(c, ctx, out, true); // judge what the pipeline lists
                    continue;
                }
                if (c.origin() != Origin.XARGS) {
                    continue; // find -exec: the find-delete rule judges find's starting points
                }
                target = Args.derived(w, w.value().replace("{}", "*")); // xargs -I{}: every entry listed
                k = ctx.classify(target.value());
            } else {
                k = Targets.kind(c, w, ctx);
            }
            RiskLevel r = Targets.destructionRisk(k);
            if (w.source().startsWith("\"${") && w.source().contains(":?") || w.source().startsWith("${") && w.source().contains(":?")) {
                r = RiskLevel.SAFE; // ${DIR:?} stops the shell when DIR is unset or empty
            }
            if (k == PathKind.UNKNOWN && BARE_VARIABLE.matcher(w.source()).matches()) {
                // an unset "$X" makes rm fail harmlessly; only "$X"/ or $X/* can become / or home
                r = TEMP_NAME.matcher(w.source()).find() ? RiskLevel.SAFE : RiskLevel.MODERATE;
            }
            String resolved = w.literal() ? w.value() : Targets.resolve(c, w, ctx).orElse(null);
            String dir = resolved == null ? null : resolved.equals("*") ? "." : resolved.endsWith("/*") ? resolved.substring(0, resolved.length() - 2) : resolved;
            if (r.compareTo(RiskLevel.HIGH) < 0 && dir != null && !dir.contains("*") && !dir.isEmpty()
                    && Targets.ancestorOfCwd(c, ctx, dir)) {
                report(out, RiskLevel.HIGH, "Recursively deletes " + Targets.absolute(c, ctx, dir)
                        + ", which contains the working directory.", w.span());
                continue;
            }
            if (k == PathKind.SYSTEM && w.literal() && ROTATED_LOG.matcher(w.value()).matches()) {
                r = RiskLevel.SAFE; // old, rotated log archives
            }
            if ((k == PathKind.OUTSIDE_CWD || k == PathKind.SYSTEM && w.value().startsWith("/var/cache/")) && w.literal()
                    && CACHE.matcher(w.value()).find() && !personalScratch(c, ctx, w.value())) {
                r = RiskLevel.SAFE; // caches are rebuilt on demand
            }
            if (r == RiskLevel.SAFE && !interactive && w.literal() && Targets.leavesCwd(w.value())
                    && !CACHE.matcher("/" + w.value()).find()) {
                // ../other-project is another project whatever the parent is (even when it is /tmp)
                report(out, RiskLevel.MODERATE, "Recursively deletes " + w.value() + ", outside the working directory.", w.span());
                continue;
            }
            if (interactive && r == RiskLevel.MODERATE) {
                r = RiskLevel.SAFE; // rm -ri asks before each file
            }
            if (r == RiskLevel.MODERATE && k == PathKind.OUTSIDE_CWD && dir != null && Targets.personalFolder(c, ctx, dir)) {
                report(out, RiskLevel.HIGH, "Recursively deletes " + Targets.absolute(c, ctx, dir)
                        + ", a whole folder of your own files in the home directory.", w.span());
                continue;
            }
            if (r == RiskLevel.MODERATE && k == PathKind.OUTSIDE_CWD && dir != null
                    && TOP_LEVEL.matcher(Targets.absolute(c, ctx, dir)).matches()) {
                report(out, RiskLevel.HIGH, "Recursively deletes " + Targets.absolute(c, ctx, dir)
                        + (resolved.endsWith("/*") ? "/*" : "") + ", a top-level directory (often a whole volume of data).", w.span());
                continue;
            }
            if (isGitDir(w.value())) {
                report(out, RiskLevel.HIGH, "Recursively deletes the repository data " + Targets.display(w)
                        + ", losing its history and reflog.", w.span());
            }
            report(out, r, "Recursively deletes " + Targets.describe(k, target) + ".", w.span());
        }
        if (ops.isEmpty() && (c.origin() == Origin.XARGS || c.wrappers().contains("xargs"))) {
            piped(c, ctx, out, true);
        }
        return out;
    }

    /** {@code ... | xargs rm -rf}: judge what the pipeline produces. */
    private void piped(SimpleCommand c, RuleContext ctx, List<Finding> out, boolean recursive) {
        List<SimpleCommand> up = c.upstream();
        for (SimpleCommand u : up) {
            String n = Names.of(u);
            String line = String.join(" ", u.argValues());
            if (n.equals("getent") || line.contains("/etc/passwd") || (n.equals("ls") && line.contains("/home"))) {
                report(out, RiskLevel.CRITICAL, "Recursively deletes every user's home directory listed by "
                        + n + ".", c.span());
                return;
            }
            Optional<FindInvocation> f = FindInvocation.of(u);
            if (f.isPresent()) {
                List<Word> roots = f.get().roots();
                for (Word root : roots) {
                    PathKind k = Targets.kind(u, root, ctx);
                    String abs = root.literal() ? Targets.absolute(u, ctx, root.value()) : null;
                    report(out, FindRisk.of(k, abs, f.get(), recursive, false), "Deletes what find lists under "
                            + Targets.describe(k, root) + ".", c.span());
                }
                return;
            }
            if (LISTERS.contains(n)) {
                for (Word w : Args.operands(u)) {
                    PathKind k = Targets.kind(u, w, ctx);
                    report(out, Targets.destructionRisk(k), "Recursively deletes " + Targets.describe(k, w) + ".", c.span());
                }
                return;
            }
        }
        if (c.stdinText().isPresent()) {
            boolean any = false;
            for (String p : LIST_SEPARATORS.split(c.stdinText().get())) {
                if (!p.isBlank() && !p.startsWith("-")) {
                    PathKind k = ctx.classify(p.strip());
                    report(out, Targets.destructionRisk(k), "Recursively deletes " + Targets.describe(k, p.strip()) + ".", c.span());
                    any = true;
                }
            }
            if (any) {
                return;
            }
        }
        {
            report(out, RiskLevel.MODERATE, "Recursively deletes paths read from a pipe; caro cannot see which.", c.span());
        }
    }

    /** A temp-sounding folder right in the home directory ({@code ~/tmp}, {@code ~/scratch}): the person's own files, not a cache. */
    private static final LazyPattern HOME_SCRATCH = LazyPattern.of("(?i)(?:tmp|temp|scratch)(?:/\\*?)?");

    /**
     * Whether {@code path} is {@code ~/tmp}, {@code ~/temp} or {@code ~/scratch} itself (or all it holds): a folder
     * kept by hand, unlike /tmp. Something deeper inside ({@code ~/tmp/scratch}) is the throwaway it is named for.
     */
    private static boolean personalScratch(SimpleCommand c, RuleContext ctx, String path) {
        String home = Targets.collapse(ctx.execution().home());
        String abs = Targets.absolute(c, ctx, path);
        return !home.equals("/") && abs.startsWith(home + "/") && HOME_SCRATCH.matcher(abs.substring(home.length() + 1)).matches();
    }

    private static boolean isGitDir(String v) {
        return v.equals(".git") || v.endsWith("/.git") || v.startsWith(".git/") || v.contains("/.git/")
                || v.equals(".git/");
    }
}
