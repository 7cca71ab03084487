package dev.caro.rules.history;

import dev.caro.api.safety.Finding;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Erasing system logs: truncating or deleting /var/log files, journalctl --vacuum to nothing, wevtutil cl, Clear-EventLog. */
public final class LogWipeRule extends BaseRule {

    private static final LazyPattern ZERO_OR_ONE = LazyPattern.of("[01]");

    private static final LazyPattern VACUUM_TIME = LazyPattern.of("(\\d+)\\s*(s|sec|second|seconds|m|min|minute|minutes|h|hour|hours|d|day|days|w|week|weeks|month|months|y|year|years|us|ms)?");
    private static final LazyPattern VACUUM_SIZE = LazyPattern.of("(\\d+)\\s*([KMGT]?)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> REMOVERS = Set.of("rm", "shred", "srm", "unlink", "truncate", "wipe");

    public LogWipeRule() {
        super("caro.history.log-wipe", "Erasing system or audit logs", RiskLevel.HIGH,
                "Logs are how you find out what went wrong or who got in; erasing them destroys that evidence."
                        + " Rotate or compress logs (logrotate, journalctl --vacuum-time=2weeks) instead.",
                List.of("sudo truncate -s0 /var/log/auth.log", "sudo journalctl --vacuum-time=1s", "wevtutil cl Security",
                        "> /var/log/syslog", "sudo rm -f /var/log/wtmp", "sudo truncate -s 0 /var/log/*.log", "Clear-EventLog -LogName Security", "sudo journalctl --vacuum-size=1K", "sudo log erase --all",
                        "sudo journalctl --vacuum-files=0"),
                List.of("sudo journalctl --vacuum-size=500M", "sudo journalctl --vacuum-time=2weeks", "tail -F /var/log/nginx/error.log",
                        "sudo logrotate -f /etc/logrotate.conf", "wevtutil qe System /c:5", "log show --last 1h", "echo started >> /var/log/myapp.log",
                        "sudo truncate -s 0 /var/log/nginx/access.log", "sudo journalctl --vacuum-files=5"));
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        switch (n) {
            case "journalctl" -> journal(c, out);
            case "wevtutil" -> {
                List<Word> ops = Args.operands(c);
                if (!ops.isEmpty() && (ops.get(0).value().equalsIgnoreCase("cl") || ops.get(0).value().equalsIgnoreCase("clear-log"))) {
                    String log = ops.size() > 1 ? ops.get(1).value() : "";
                    report(out, RiskLevel.HIGH, log.isEmpty() || log.contains("%") || log.contains("$")
                            ? "Clears Windows event logs." : "Clears the Windows " + log + " event log.", c.span());
                }
            }
            case "fsutil" -> {
                if (c.argValues().stream().anyMatch(v -> v.equalsIgnoreCase("deletejournal"))) {
                    report(out, RiskLevel.HIGH, "Deletes the NTFS change journal.", c.span());
                }
            }
            case "clear-eventlog", "remove-eventlog" -> report(out, RiskLevel.HIGH, "Clears a Windows event log.", c.span());
            case "log" -> { // macOS: log erase --all / --ttl
                List<Word> ops = Args.operands(c);
                if (!ops.isEmpty() && ops.get(0).value().equals("erase")) {
                    report(out, RiskLevel.HIGH, "Erases the macOS unified log.", c.span());
                }
            }
            case "auditctl" -> {
                if (c.hasArg("-D") || c.hasArg("-e") && c.argValues().contains("0")) {
                    report(out, RiskLevel.HIGH, "Turns off or deletes the audit rules, so nothing is recorded from now on.", c.span());
                }
            }
            default -> { }
        }
        List<Word> files = new ArrayList<>();
        if (REMOVERS.contains(n)) {
            files.addAll(Args.operands(c, Set.of("-s", "--size", "-n", "-r", "--reference")));
        }
        for (Writes.Target t : Writes.of(c)) {
            if (!t.append()) {
                files.add(t.target());
            }
        }
        for (Word w : files) {
            if (!w.literal()) {
                continue;
            }
            String abs = Targets.absolute(c, ctx, w.value());
            if (SensitiveFiles.isSecurityLog(abs)) {
                report(out, RiskLevel.HIGH, "Erases the system log " + abs + ".", w.span());
            }
        }
        return out;
    }

    private void journal(SimpleCommand c, List<Finding> out) {
        Optional<String> time = Args.value(c, null, "--vacuum-time");
        Optional<String> size = Args.value(c, null, "--vacuum-size");
        Optional<String> files = Args.value(c, null, "--vacuum-files");
        if (time.isPresent()) {
            Matcher m = VACUUM_TIME.matcher(time.get().toLowerCase(Locale.ROOT).strip());
            if (m.matches()) {
                long v = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                long seconds = switch (unit) {
                    case "us", "ms" -> 0;
                    case "m", "min", "minute", "minutes" -> v * 60;
                    case "h", "hour", "hours" -> v * 3600;
                    case "d", "day", "days" -> v * 86400;
                    case "w", "week", "weeks" -> v * 604800;
                    case "month", "months" -> v * 2592000;
                    case "y", "year", "years" -> v * 31536000;
                    default -> v;
                };
                if (seconds < 86400) {
                    report(out, RiskLevel.HIGH, "Deletes essentially all archived journal entries (--vacuum-time=" + time.get() + ").", c.span());
                }
            }
        }
        if (size.isPresent()) {
            Matcher m = VACUUM_SIZE.matcher(size.get().strip());
            if (m.matches()) {
                long v = Long.parseLong(m.group(1));
                String unit = m.group(2).toUpperCase(Locale.ROOT);
                long bytes = switch (unit) {
                    case "K" -> v * 1024;
                    case "M" -> v * 1024 * 1024;
                    case "G" -> v * 1024 * 1024 * 1024;
                    case "T" -> v * 1024L * 1024 * 1024 * 1024;
                    default -> v;
                };
                if (bytes < 10L * 1024 * 1024) {
                    report(out, RiskLevel.HIGH, "Deletes essentially all archived journal entries (--vacuum-size=" + size.get() + ").", c.span());
                }
            }
        }
        if (files.isPresent() && ZERO_OR_ONE.matcher(files.get().strip()).matches()) {
            // Like --vacuum-time=1s: every archived journal file goes (the active one is not vacuumed).
            report(out, RiskLevel.HIGH, "Deletes every archived journal file but the newest.", c.span());
        }
    }
}
