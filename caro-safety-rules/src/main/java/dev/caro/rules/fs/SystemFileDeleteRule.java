package dev.caro.rules.fs;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.PowerShellSyntax;
import dev.caro.rules.internal.SensitiveFiles;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Non-recursive rm, unlink or rmdir of essential system files, or of every file under /, a system directory or home. */
public final class SystemFileDeleteRule extends BaseRule {

    private static final Set<String> NAMES = Set.of("rm", "grm", "unlink", "rmdir", "srm");

    public SystemFileDeleteRule() {
        super("caro.fs.system-file-delete", "Deleting essential system files or every file in a system or home directory",
                RiskLevel.CRITICAL,
                "Without these files the system cannot log anyone in, boot or run programs. Edit the file with"
                        + " the proper tool (vipw, visudo) or restore it from a package instead of deleting it.",
                List.of("sudo rm -f /etc/passwd", "rm /etc/shadow", "unlink /usr/bin/sudo", "rm -f /*",
                        "rm ~/*", "sudo rm /etc/*", "rm -f /boot/vmlinuz-6.1.0-18-amd64", "sudo rm /lib/x86_64-linux-gnu/libc.so.6"),
                List.of("rm notes.txt", "rm -f /tmp/lockfile", "sudo rm /etc/nginx/sites-enabled/default",
                        "rm ~/Downloads/setup.exe", "unlink ./current", "rmdir empty-dir"));
    }

    @Override
    public Set<String> commandNames() {
        return NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        if (!NAMES.contains(n) || PowerShellSyntax.style(c)) {
            return List.of();
        }
        if ((n.equals("rm") || n.equals("grm")) && Args.has(c, "rR", "--recursive")) {
            return List.of(); // the recursive-delete rule judges these
        }
        List<Finding> out = new ArrayList<>();
        for (Word w : Args.operands(c)) {
            PathKind k = Targets.kind(c, w, ctx);
            if (w.literal() && !Targets.insideHome(c, ctx, w.value())) {
                String abs = Targets.absolute(c, ctx, w.value());
                Optional<SensitiveFiles.Match> m = SensitiveFiles.lookup(abs);
                Optional<SensitiveFiles.Vital> vital = SensitiveFiles.vital(abs);
                if (vital.isPresent() && !n.equals("rmdir")) {
                    report(out, RiskLevel.CRITICAL, "Deletes " + vital.get().what() + " " + Targets.display(w) + ": "
                            + vital.get().without() + ".", w.span());
                    continue;
                }
                if (m.isPresent() && !n.equals("rmdir")) {
                    report(out, m.get().risk(), "Deletes " + m.get().what() + " " + Targets.display(w) + ".", w.span());
                    continue;
                }
            }
            if (n.equals("rmdir")) {
                continue; // rmdir only removes empty directories
            }
            if (k == PathKind.ROOT) {
                report(out, RiskLevel.HIGH, "Deletes every file directly under the root directory (" + Targets.display(w) + ").", w.span());
            } else if ((k == PathKind.SYSTEM || k == PathKind.HOME) && w.glob()) {
                report(out, RiskLevel.HIGH, "Deletes every file in " + Targets.describe(k, w) + ".", w.span());
            }
        }
        return out;
    }
}
