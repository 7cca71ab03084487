package dev.caro.rules.fs;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** rsync --delete into the root, a top-level system directory or the home directory: everything missing from the source goes. */
public final class RsyncDeleteRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("rsync");

    private static final Set<String> VALUE_OPTS = Set.of("-e", "--rsh", "--exclude", "--include", "--filter", "-f",
            "--exclude-from", "--include-from", "--files-from", "--backup-dir", "--suffix", "--chmod", "--chown", "-T",
            "--temp-dir", "--log-file", "--password-file", "--port", "--partial-dir", "--compare-dest", "--link-dest");

    public RsyncDeleteRule() {
        super("caro.fs.rsync-delete", "rsync --delete into the root, system or home directory", RiskLevel.CRITICAL,
                "With --delete, rsync removes everything in the destination that the source lacks; an empty or wrong"
                        + " source wipes the destination. Run it with --dry-run first and sync into a dedicated folder.",
                List.of("sudo rsync -a --delete /tmp/empty/ /etc/", "rsync -a --delete ./empty/ ~/", "rsync -a --delete-before src/ /",
                        "sudo rsync -aH --del backup/ /usr/"),
                List.of("rsync -av --delete ./site/ deploy@web01:/var/www/site/", "rsync -av --delete ~/Music/ /media/usb/Music/",
                        "rsync -a --delete --dry-run empty/ /etc/", "rsync -av src/ /etc/myapp/", "rsync -a --delete build/ ./dist/"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        if (!name(c).equals("rsync")) {
            return List.of();
        }
        boolean delete = c.argValues().stream().anyMatch(v -> v.equals("--del") || v.startsWith("--delete"));
        if (!delete || Args.has(c, "n", "--dry-run", "--list-only")) {
            return List.of();
        }
        List<Word> ops = Args.operands(c, VALUE_OPTS);
        List<Finding> out = new ArrayList<>();
        if (ops.size() < 2) {
            return out;
        }
        Word dest = ops.get(ops.size() - 1);
        String v = dest.value();
        if (v.contains(":") && !v.startsWith("/")) {
            return out; // a remote destination
        }
        PathKind k = Targets.kind(c, dest, ctx);
        String abs = dest.literal() ? Targets.absolute(c, ctx, v) : "";
        boolean topSystem = k == PathKind.SYSTEM && abs.split("/").length <= 3 && !abs.startsWith("/var/www")
                && !abs.startsWith("/srv/") && !abs.startsWith("/opt/") && !abs.startsWith("/mnt/") && !abs.startsWith("/media/");
        // From an empty folder, or onto every user's home at once, the sync is a recursive delete of the destination.
        String src = ops.get(ops.size() - 2).source();
        boolean wipe = src.contains("mktemp") || src.contains("empty") || abs.matches("/(?:home|Users)/?");
        RiskLevel r = switch (k) {
            case ROOT -> RiskLevel.CRITICAL;
            case HOME -> wipe ? RiskLevel.CRITICAL : RiskLevel.HIGH;
            case SYSTEM -> topSystem ? (wipe ? RiskLevel.CRITICAL : RiskLevel.HIGH) : RiskLevel.SAFE;
            case UNKNOWN -> RiskLevel.MODERATE;
            // an empty source wipes the folder: ~/Documents is a person's own files, elsewhere outside the project a plain delete
            case OUTSIDE_CWD -> !wipe ? RiskLevel.SAFE : !abs.isEmpty() && Targets.personalFolder(c, ctx, abs) ? RiskLevel.HIGH
                    : RiskLevel.MODERATE;
            default -> RiskLevel.SAFE;
        };
        report(out, r, "Syncs into " + Targets.describe(k, dest) + " with --delete, removing everything the source lacks.", dest.span());
        return out;
    }
}
