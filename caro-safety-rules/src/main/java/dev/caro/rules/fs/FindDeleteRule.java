package dev.caro.rules.fs;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.FindInvocation;
import dev.caro.rules.internal.FindRisk;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code find ... -delete} or {@code -exec rm/shred/truncate} starting at the root, a system directory or home. */
public final class FindDeleteRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("find", "gfind", "bfs", "fd", "fdfind");

    private static final Set<String> REMOVERS = Set.of("rm", "unlink", "rmdir", "srm", "shred", "truncate", "wipe", "grm");

    public FindDeleteRule() {
        super("caro.fs.find-delete", "find that deletes or empties files under the root, system or home directories",
                RiskLevel.CRITICAL,
                "find deletes everything it matches, with no undo. Run it with -print first, start it from a"
                        + " narrower directory, and add -name or -path tests before -delete.",
                List.of("find / -delete", "env LC_ALL=C find /var -mindepth 1 -delete",
                        "find / -mindepth 1 -maxdepth 1 -exec rm -rf {} +", "sudo find /boot -type f -delete",
                        "find ~ -type f -exec shred -u {} \\;", "find .. -maxdepth 1 -name 'tmp-*' -exec rm -rf {} +",
                        "find /var/log -type f -exec truncate -s 0 {} +"),
                List.of("find . -name '*.tmp' -delete", "find /tmp -name 'pytest-*' -exec rm -rf {} +",
                        "find / -xdev -perm -4000 -type f", "find ~ -name '*.pyc' -delete",
                        "find /var/log -name '*.gz' -mtime +30 -delete", "find . -maxdepth 2 -name '*.rej' -type f -delete"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        Optional<FindInvocation> parsed = FindInvocation.of(c);
        if (parsed.isEmpty()) {
            return List.of();
        }
        FindInvocation f = parsed.get();
        boolean recursive = false;
        boolean empties = false;
        boolean destructive = f.deletes();
        List<String> names = f.execNames();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (REMOVERS.contains(n)) {
                destructive = true;
                empties |= n.equals("truncate") || n.equals("shred") || n.equals("wipe");
                for (Word w : f.execs().get(i)) {
                    String v = w.value();
                    if ((v.startsWith("-") && !v.startsWith("--") && (v.contains("r") || v.contains("R")))
                            || v.equals("--recursive")) {
                        recursive = true;
                    }
                }
            }
        }
        if (!destructive) {
            return List.of();
        }
        String verb = empties ? "Empties or shreds" : "Deletes";
        List<Finding> out = new ArrayList<>();
        for (Word root : f.roots()) {
            PathKind k = Targets.kind(c, root, ctx);
            String abs = root.literal() ? Targets.absolute(c, ctx, root.value()) : null;
            RiskLevel r = FindRisk.of(k, abs, f, recursive, empties);
            if (r == RiskLevel.SAFE && root.literal() && Targets.leavesCwd(root.value())) {
                r = RiskLevel.MODERATE; // find .. reaches the folders beside this one, wherever it is
            }
            if (k == PathKind.OUTSIDE_CWD && abs != null && !f.narrowed() && Targets.personalFolder(c, ctx, abs)) {
                r = RiskLevel.HIGH; // ~/Documents, ~/.ssh: a whole folder of the person's own files
            }
            report(out, r, verb + " " + (f.narrowed() ? "the matching files under " : "everything under ")
                    + Targets.describe(k, root) + ".", root.span());
        }
        return out;
    }
}
