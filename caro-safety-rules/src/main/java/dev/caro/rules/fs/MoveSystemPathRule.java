package dev.caro.rules.fs;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.SensitiveFiles;
import dev.caro.rules.internal.Targets;
import dev.caro.rules.internal.Writes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * mv of the root, a top-level system directory or the home directory, or anything onto /dev/null;
 * mv or rename of a file the system cannot run without ({@code /etc/passwd}, {@code /etc/sudoers},
 * {@code /etc/fstab}, {@code /boot/...}, {@code /bin/sh}).
 */
public final class MoveSystemPathRule extends BaseRule {

    private static final Set<String> RENAMES = Set.of("rename", "file-rename", "prename", "perl-rename", "rename.ul");
    private static final Set<String> COMMAND_NAMES = Set.of("mv", "gmv", "rename", "file-rename", "prename", "perl-rename",
            "rename.ul");
    /** Perl rename's first operand: a Perl expression ({@code s/a/b/}, {@code y/A-Z/a-z/}, {@code $_ .= ".bak"}). */
    private static final LazyPattern PERL_EXPRESSION = LazyPattern.of("^(?:s|y|tr)\\W|\\$_|;");

    private static final Set<String> VALUE_OPTS = Set.of("-t", "--target-directory", "-S", "--suffix");
    private static final Set<String> ESSENTIAL = Set.of("/etc", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32",
            "/boot", "/var", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/share",
            "/var/lib", "/root", "/home", "/opt", "/srv", "/dev", "/proc", "/sys", "/run", "/usr/local");

    public MoveSystemPathRule() {
        super("caro.fs.move-system-path", "Moving system or home directories, or files the system cannot run without, away;"
                + " or anything onto /dev/null", RiskLevel.CRITICAL,
                "Moving a system directory breaks every program that needs it; without /etc/passwd, /etc/sudoers, /etc/fstab,"
                        + " /boot or /bin/sh nobody can log in, sudo fails or the machine does not boot; and moving a file onto"
                        + " /dev/null destroys the file and /dev/null. Copy what you need instead (cp /etc/passwd /etc/passwd.bak),"
                        + " and delete only what you meant.",
                List.of("mv /etc /dev/null", "sudo mv /usr/lib /usr/lib.bak", "mv ~ /tmp/oldhome",
                        "mv notes.txt /dev/null", "sudo mv /bin /bin.old", "sudo mv /etc/passwd /etc/passwd.bak",
                        "sudo rename 's/$/.old/' /etc/sudoers", "doas mv /etc/fstab /root/"),
                List.of("mv a.txt b.txt", "mv build/app.jar dist/", "sudo mv /etc/nginx/sites-available/app.conf /etc/nginx/sites-enabled/",
                        "mv ~/Downloads/report.pdf .", "mv passwd.txt old/", "rename 's/\\.txt$/.md/' *.txt",
                        "sudo rename -n 's/$/.bak/' /etc/passwd"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        if (RENAMES.contains(name(c))) {
            return renamed(c, ctx);
        }
        if (!name(c).equals("mv") && !name(c).equals("gmv")) {
            return List.of();
        }
        Optional<Word> dest = Writes.destination(c, VALUE_OPTS);
        boolean toNull = dest.isPresent() && dest.get().value().equals("/dev/null");
        List<Finding> out = new ArrayList<>();
        for (Word w : Writes.sources(c, VALUE_OPTS)) {
            PathKind k = Targets.kind(c, w, ctx);
            String abs = w.literal() ? Targets.absolute(c, ctx, w.value()) : "";
            if (abs.startsWith("/var/lib/") && !toNull) {
                continue; // moving a database's data directory to another disk is routine (with the service stopped)
            }
            boolean essential = k == PathKind.ROOT || k == PathKind.HOME || ESSENTIAL.contains(abs);
            boolean program = !abs.isEmpty() && (dev.caro.rules.internal.SensitiveFiles.inBinaryDir(abs)
                    || dev.caro.rules.internal.SensitiveFiles.lookup(abs).map(m -> m.risk().atLeast(RiskLevel.HIGH)).orElse(false));
            if (toNull) {
                report(out, essential || k == PathKind.SYSTEM ? RiskLevel.CRITICAL : RiskLevel.HIGH,
                        "Moves " + Targets.describe(k, w) + " onto /dev/null, destroying it and replacing /dev/null.", w.span());
            } else if (essential) {
                report(out, k == PathKind.HOME ? RiskLevel.HIGH : RiskLevel.CRITICAL,
                        "Moves " + Targets.describe(k, w) + " away, which breaks everything that relies on it.", w.span());
            } else if (!abs.isEmpty() && SensitiveFiles.vital(abs).isPresent()) {
                report(out, RiskLevel.CRITICAL, "Moves " + away(abs), w.span());
            } else if (program && !abs.startsWith("/usr/local/")) {
                report(out, RiskLevel.HIGH, "Moves the system file " + abs + " away, which breaks what depends on it.", w.span());
            } else if (!abs.isEmpty()) {
                // /etc/resolv.conf, /etc/hosts: DNS and name lookups stop until it is put back
                dev.caro.rules.internal.SensitiveFiles.lookup(abs).filter(m -> m.path().equals(abs)).ifPresent(m -> report(out,
                        RiskLevel.MODERATE, "Moves " + m.what() + " (" + abs + ") away, which breaks what reads it.", w.span()));
            }
        }
        return out;
    }

    /**
     * rename of vital files: Perl's {@code rename EXPR FILES} (every file, since the expression is
     * not run here) or util-linux's {@code rename FROM TO FILES} (the files whose path contains FROM).
     * {@code -n}/{@code --no-act}/{@code --nono} only prints what it would do.
     */
    private List<Finding> renamed(SimpleCommand c, RuleContext ctx) {
        if (Args.has(c, "n", "--no-act", "--nono", "--dry-run", "--just-print")) {
            return List.of();
        }
        boolean perlWithE = c.hasArg("-e") || c.hasArg("-E");
        List<Word> ops = Args.operands(c, Set.of("-e", "-E"));
        List<Word> files;
        String from = null;
        if (perlWithE) {
            files = ops;
        } else if (!ops.isEmpty() && PERL_EXPRESSION.matcher(ops.get(0).value()).find()) {
            files = ops.subList(1, ops.size());
        } else if (ops.size() >= 3) {
            from = ops.get(0).value();
            files = ops.subList(2, ops.size());
        } else {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Word w : files) {
            String abs = w.literal() ? Targets.absolute(c, ctx, w.value()) : "";
            if (!abs.isEmpty() && SensitiveFiles.vital(abs).isPresent() && (from == null || !from.isEmpty() && w.value().contains(from))) {
                report(out, RiskLevel.CRITICAL, "Renames " + away(abs), w.span());
            }
        }
        return out;
    }

    /** "the user database /etc/passwd away: nobody can log in until it is back." for a vital file. */
    private static String away(String abs) {
        SensitiveFiles.Vital v = SensitiveFiles.vital(abs).orElseThrow();
        return v.what() + " " + abs + " away: " + v.without() + " until it is back.";
    }
}
