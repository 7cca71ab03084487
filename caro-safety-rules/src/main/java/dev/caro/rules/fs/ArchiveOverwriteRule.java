package dev.caro.rules.fs;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Unpacking an archive over the root or a system directory ({@code tar -xpf rootfs.tar -C /}, {@code tar
 * --overwrite -xzf etc.tgz -C /etc}, {@code unzip -o pkg.zip -d /usr}, {@code cpio -idmu} after {@code cd /},
 * {@code dpkg-deb -x pkg.deb /}): every file in the archive replaces the
 * system's own copy, whatever the archive holds. Subdirectories where software is installed by hand
 * ({@code /usr/local}, {@code /opt}, {@code /etc/nginx}) stay safe.
 */
public final class ArchiveOverwriteRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("tar", "gtar", "bsdtar", "unzip", "7z", "7za", "7zz", "cpio",
            "dpkg-deb");
    private static final Set<String> TARS = Set.of("tar", "gtar", "bsdtar");
    /** The directories whose files the system runs on; an archive unpacked right into one replaces them. */
    private static final Set<String> SYSTEM_DIRS = Set.of("/", "/etc", "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64",
            "/libx32", "/boot", "/var", "/var/lib", "/root", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/libexec",
            "/etc/ssh", "/etc/pam.d", "/etc/sudoers.d", "/etc/systemd", "/etc/systemd/system", "/lib/systemd", "/usr/lib/systemd",
            "/etc/default", "/etc/security");
    /** tar options that keep existing files. */
    private static final Set<String> KEEP = Set.of("--keep-old-files", "--skip-old-files", "--keep-newer-files", "--keep-directory-symlink");

    public ArchiveOverwriteRule() {
        super("caro.fs.archive-overwrite", "Unpacking an archive over the root or a system directory", RiskLevel.HIGH,
                "Every file in the archive replaces the system's copy (passwd, sudoers, libraries, programs), with no"
                        + " backup. List it first (tar -tvf, unzip -l), unpack it into an empty directory and copy what you need.",
                List.of("sudo tar -xpf rootfs-backup.tar -C /", "sudo tar --overwrite -xzf etc-snapshot.tgz -C /etc",
                        "sudo tar xzf backup.tgz --directory=/", "sudo unzip -o overlay.zip -d /etc", "cd / && sudo tar -xf /tmp/full.tar",
                        "sudo bsdtar -xf image.tar -C /usr", "cd / && sudo cpio -idmu < backup.cpio", "sudo dpkg-deb -x pkg.deb /"),
                List.of("tar -xzf release.tgz -C ./vendor", "sudo tar -C /usr/local -xzf go1.22.linux-amd64.tar.gz",
                        "sudo tar -czf /backup/etc.tgz -C / etc", "tar -tvf rootfs-backup.tar -C /", "sudo tar -xzf conf.tgz -C /etc/nginx",
                        "unzip -l overlay.zip", "sudo tar -xkf rootfs.tar -C /", "unzip archive.zip -d /tmp/x",
                        "dpkg-deb -x pkg.deb ./pkg", "cpio -it < backup.cpio"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        String dir;
        RiskLevel risk = RiskLevel.HIGH;
        Word at;
        if (TARS.contains(n)) {
            if (!extracts(c) || keeps(c)) {
                return out;
            }
            Optional<Word> d = tarDirectory(c);
            at = d.orElse(null);
            dir = d.map(Word::value).orElse(c.cwd().orElse(null)); // without -C: where an earlier cd went
        } else if (n.equals("unzip")) {
            if (Args.hasShort(c, 'l') || Args.hasShort(c, 't') || Args.hasShort(c, 'n') || Args.hasShort(c, 'p')
                    || Args.hasShort(c, 'Z') || Args.hasShort(c, 'v')) {
                return out; // lists, tests, never overwrites, or prints
            }
            at = null;
            dir = null;
            List<Word> args = c.args();
            for (int i = 0; i < args.size(); i++) {
                String v = args.get(i).value();
                if (v.equals("-d") && i + 1 < args.size()) {
                    at = args.get(i + 1);
                    dir = at.value();
                } else if (v.startsWith("-d") && v.length() > 2) {
                    at = args.get(i);
                    dir = v.substring(2);
                }
            }
            dir = dir == null ? c.cwd().orElse(null) : dir;
            risk = Args.hasShort(c, 'o') ? RiskLevel.HIGH : RiskLevel.MODERATE; // without -o, unzip asks before replacing
        } else if (n.equals("cpio")) {
            if (!Args.has(c, "i", "--extract") || Args.hasShort(c, 't') || Args.hasLong(c, "--list")) {
                return out;
            }
            Optional<String> d = Args.value(c, "-D", "--directory");
            at = null;
            dir = d.orElse(c.cwd().orElse(null));
            // without -u, cpio keeps files newer than the archive's copies
            risk = Args.has(c, "u", "--unconditional") ? RiskLevel.HIGH : RiskLevel.MODERATE;
        } else if (n.equals("dpkg-deb")) {
            List<Word> ops = Args.operands(c);
            if (!Args.has(c, "xXR", "--extract", "--vextract", "--raw-extract") || ops.size() < 2) {
                return out;
            }
            at = ops.get(ops.size() - 1);
            dir = at.value();
        } else {
            if (c.args().isEmpty() || !(c.args().get(0).value().equals("x") || c.args().get(0).value().equals("e"))) {
                return out;
            }
            at = null;
            dir = c.cwd().orElse(null);
            for (Word w : c.args()) {
                if (w.value().startsWith("-o") && w.value().length() > 2) {
                    at = w;
                    dir = w.value().substring(2);
                }
            }
            risk = c.args().stream().anyMatch(w -> w.value().equals("-y") || w.value().equals("-aoa")) ? RiskLevel.HIGH : RiskLevel.MODERATE;
        }
        if (dir == null || dir.isEmpty() || at != null && !at.literal()) {
            return out;
        }
        String abs = Targets.collapse(Targets.absolute(c, ctx, dir));
        if (SYSTEM_DIRS.contains(abs)) {
            report(out, risk, "Unpacks the archive over " + (abs.equals("/") ? "the root directory /" : "the system directory " + abs)
                    + ", replacing system files with whatever it holds.", at == null ? c.span() : at.span());
        }
        return out;
    }

    /** Whether tar extracts: {@code -x}, {@code --extract}, {@code --get}, or an old-style first word holding x ({@code xzf}). */
    private static boolean extracts(SimpleCommand c) {
        if (Args.has(c, "x", "--extract", "--get")) {
            return true;
        }
        if (c.args().isEmpty()) {
            return false;
        }
        String first = c.args().get(0).value();
        return !first.startsWith("-") && first.matches("[A-Za-z]*x[A-Za-z]*") && first.length() <= 8;
    }

    private static boolean keeps(SimpleCommand c) {
        if (c.argValues().stream().anyMatch(KEEP::contains)) {
            return true;
        }
        if (Args.hasShort(c, 'k')) {
            return true;
        }
        String first = c.args().isEmpty() ? "" : c.args().get(0).value();
        return !first.startsWith("-") && first.contains("k") && first.contains("x");
    }

    /** tar's {@code -C DIR}, {@code -CDIR}, {@code --directory DIR}, {@code --directory=DIR}; the last one wins. */
    private static Optional<Word> tarDirectory(SimpleCommand c) {
        Word dir = null;
        List<Word> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if ((v.equals("-C") || v.equals("--directory") || v.equals("--cd")) && i + 1 < args.size()) {
                dir = args.get(i + 1);
            } else if (v.startsWith("--directory=")) {
                dir = Args.derived(args.get(i), v.substring("--directory=".length()));
            } else if (v.startsWith("-C") && v.length() > 2) {
                dir = Args.derived(args.get(i), v.substring(2));
            } else if (v.startsWith("-") && !v.startsWith("--") && v.endsWith("C") && v.length() > 2 && i + 1 < args.size()) {
                dir = args.get(i + 1); // -xzfC? rare, but -xC DIR bundles the C last
            }
        }
        return Optional.ofNullable(dir);
    }
}
