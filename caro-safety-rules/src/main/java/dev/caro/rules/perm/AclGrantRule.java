package dev.caro.rules.perm;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** ACL grants of write access on system directories: setfacl -m o::rwx, icacls /grant Everyone:F, takeown /r. */
public final class AclGrantRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("setfacl", "icacls", "cacls", "takeown");

    private static final LazyPattern LEADING_F = LazyPattern.of("(?i)^/f\\s+");

    private static final Set<String> SETFACL_VALUE_OPTS = Set.of("-m", "--modify", "-M", "--modify-file", "-x",
            "--remove", "-X", "--remove-file", "--set", "--set-file", "--restore");
    private static final LazyPattern WRITE_ENTRY = LazyPattern.of("(?i)(?:^|,)\\s*(?:d(?:efault)?:)?(o|other|u|user|g|group|m|mask)(?::[^:,]*)?:[r-]*w");
    private static final LazyPattern WINDOWS_SYSTEM = LazyPattern.of("(?i)^[\"']?([a-z]:\\\\?[\"']?$|[a-z]:\\\\(windows|program files|programdata|users)|%systemroot%|%windir%|%programfiles%|\\$env:(windir|systemroot|programfiles))");

    /** The drive's root or Windows' own folder (System32 and the rest), as opposed to programs' and users' folders. */
    private static final LazyPattern WINDOWS_OS = LazyPattern.of("(?i)^[\"']?([a-z]:\\\\?[\"']?$|[a-z]:\\\\windows|%systemroot%|%windir%|\\$env:(windir|systemroot))");

    public AclGrantRule() {
        super("caro.perm.acl-grant", "Granting broad write access through ACLs (setfacl, icacls, takeown)",
                RiskLevel.CRITICAL,
                "An ACL that lets other users write to system directories hands them control of the machine."
                        + " Grant the narrowest access to the one account or group that needs it.",
                List.of("sudo setfacl -R -m u:guest:rwx /etc", "sudo setfacl -R -m o::rwx /var/www",
                        "setfacl -m o::rw /etc/shadow", "takeown /f C:\\Windows\\System32 /r /d y",
                        "icacls C:\\Windows /grant \"Everyone:(OI)(CI)M\" /T", "sudo setfacl -R -m o::rwx /usr",
                        "icacls C:\\Windows\\System32 /reset /T /Q", "icacls C:\\ /reset /T /C /Q"),
                List.of("setfacl -m u:deploy:rx ./releases", "getfacl /etc", "setfacl -m u:ana:rw ./notes.txt",
                        "setfacl -R -m g:devs:rwX ./shared", "icacls C:\\ /save acl-backup.txt /T", "icacls D:\\projects\\app /reset /T"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        if (n.equals("setfacl")) {
            List<String> specs = new ArrayList<>(Args.values(c, "-m", "--modify"));
            specs.addAll(Args.values(c, null, "--set"));
            boolean grantsWrite = false;
            boolean others = false;
            for (String s : specs) {
                java.util.regex.Matcher m = WRITE_ENTRY.matcher(s);
                while (m.find()) {
                    grantsWrite = true;
                    others |= m.group(1).toLowerCase(Locale.ROOT).startsWith("o");
                }
            }
            if (!grantsWrite) {
                return out;
            }
            boolean recursive = Args.has(c, "R", "--recursive");
            for (Word w : Args.operands(c, SETFACL_VALUE_OPTS)) {
                PathKind k = Targets.kind(c, w, ctx);
                // Everyone writing to / or a whole system tree is chmod -R o+w on it: critical, as the permissions rules judge it.
                RiskLevel r = switch (k) {
                    case ROOT -> others ? RiskLevel.CRITICAL : RiskLevel.HIGH;
                    case SYSTEM -> others ? (recursive ? RiskLevel.CRITICAL : RiskLevel.MODERATE) : RiskLevel.HIGH;
                    case HOME, UNKNOWN -> RiskLevel.MODERATE;
                    case OUTSIDE_CWD -> others && recursive ? RiskLevel.MODERATE : RiskLevel.SAFE;
                    default -> RiskLevel.SAFE;
                };
                if (w.value().startsWith("/etc/shadow") || w.value().startsWith("/etc/sudoers")) {
                    r = others ? RiskLevel.CRITICAL : RiskLevel.HIGH;
                }
                report(out, r, "Grants " + (others ? "every user" : "another account") + " write access to "
                        + Targets.describe(k, w) + (recursive ? " and everything under it." : "."), w.span());
            }
        } else if (n.equals("icacls") || n.equals("cacls")) {
            List<String> tokens = cmdTokens(c);
            String line = String.join(" ", tokens);
            String target = tokens.isEmpty() ? "" : tokens.get(0);
            if (WINDOWS_SYSTEM.matcher(target).find()
                    && line.toLowerCase(Locale.ROOT).contains("/grant") && EveryoneGrant.in(line)) {
                boolean os = WINDOWS_OS.matcher(target).find();
                report(out, os ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Gives every user control over the system folder "
                        + target + (os ? ", so any program can replace Windows' own files." : "."), c.span());
            } else if (WINDOWS_OS.matcher(target).find()
                    && line.toLowerCase(Locale.ROOT).contains("/reset") && line.toLowerCase(Locale.ROOT).contains("/t")) {
                report(out, RiskLevel.CRITICAL, "Resets the permissions of every file under " + target
                        + " to inherited defaults, removing Windows' own protections.", c.span());
            }
        } else if (n.equals("takeown")) {
            List<String> tokens = cmdTokens(c);
            String line = String.join(" ", c.args().stream().map(Word::source).toList());
            int f = tokens.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList().indexOf("/f");
            if (WINDOWS_SYSTEM.matcher(LEADING_F.matcher(line).replaceFirst("")).find()
                    || f >= 0 && f + 1 < tokens.size() && WINDOWS_SYSTEM.matcher(tokens.get(f + 1)).find()) {
                report(out, RiskLevel.HIGH, "Takes ownership of a Windows system folder.", c.span());
            }
        }
        return out;
    }

    /**
     * The arguments as cmd.exe sees them: a POSIX shell reads {@code C:\ /reset} as one word with an
     * escaped space, but for cmd.exe the backslash ends the path {@code C:\} and {@code /reset} is a switch.
     */
    private static List<String> cmdTokens(SimpleCommand c) {
        List<String> out = new ArrayList<>();
        for (Word w : c.args()) {
            out.addAll(List.of(w.source().split("(?<=\\\\) ")));
        }
        return out;
    }
}
