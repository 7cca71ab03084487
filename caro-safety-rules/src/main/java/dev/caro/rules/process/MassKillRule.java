package dev.caro.rules.process;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.Origin;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.Substitutions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Killing every process, init, a whole user's processes, or processes the system needs (sshd, systemd, lsass). */
public final class MassKillRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("kill", "killall5", "pkill", "killall", "pgrep", "taskkill", "stop-process", "spps");

    private static final LazyPattern NEGATIVE_PID = LazyPattern.of("-\\d{2,}");

    private static final Set<String> VITAL = Set.of("sshd", "systemd", "init", "dbus-daemon", "dbus", "xorg", "xwayland",
            "gnome-shell", "plasmashell", "kwin_x11", "kwin_wayland", "gdm", "gdm3", "lightdm", "sddm", "login",
            "systemd-logind", "systemd-journald", "systemd-udevd", "networkmanager", "bash", "zsh", "sh", "sudo",
            "polkitd", "agetty", "launchd", "windowserver", "loginwindow", "kernel_task", "dockerd", "containerd", "kubelet");
    private static final Set<String> DATA_SERVICES = Set.of("postgres", "postgresql", "mysqld", "mariadbd", "mongod",
            "redis-server", "elasticsearch", "etcd", "kafka", "java");
    private static final Set<String> WINDOWS_VITAL = Set.of("lsass", "csrss", "wininit", "winlogon", "smss",
            "services", "svchost", "system", "dwm");
    private static final Set<String> PKILL_VALUE_OPTS = Set.of("-u", "-U", "-g", "-G", "-P", "-s", "-t", "-F",
            "--signal", "--euid", "--uid", "--pgroup", "--group", "--parent", "--session", "--terminal", "--pidfile",
            "--ns", "--nslist", "-o", "-n", "--older", "--younger", "-y");

    public MassKillRule() {
        super("caro.process.mass-kill", "Killing every process, init, a user's whole session or vital system processes",
                RiskLevel.CRITICAL,
                "Killing these takes down the session or the whole system and loses unsaved work. Kill the one"
                        + " process you mean by its pid (kill PID) or an exact name.",
                List.of("kill -9 -1", "kill -KILL 1", "sudo killall5 -9", "sudo pkill -9 -u root",
                        "pkill -KILL -u \"$(id -un)\"", "sudo pkill --signal KILL -x sshd", "ps -e -o pid= | xargs -n 50 sudo kill -s KILL",
                        "taskkill /F /IM lsass.exe", "Get-Process | Stop-Process -Force", "sudo pkill -KILL -f java"),
                List.of("kill -s INT 48213", "kill -TERM \"$(cat app.pid)\"", "kill -0 1234", "kill %1",
                        "pkill -USR1 nginx", "pkill -HUP -x sshd", "pkill -f 'node server.js'", "killall firefox", "Stop-Process -Id 4312",
                        "ps aux | grep defunct | awk '{print $2}' | xargs kill -9"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        switch (n) {
            case "kill" -> kill(c, ctx, out);
            case "killall5" -> report(out, RiskLevel.CRITICAL, "Sends a signal to every process on the system.", c.span());
            case "pkill", "killall", "pgrep" -> {
                if (!n.equals("pgrep")) {
                    pkill(c, n, out);
                }
            }
            case "taskkill" -> taskkill(c, out);
            case "stop-process", "spps" -> stopProcess(c, out);
            default -> { }
        }
        return out;
    }

    private void kill(SimpleCommand c, RuleContext ctx, List<Finding> out) {
        String signal = "TERM";
        List<Word> targets = new ArrayList<>();
        List<Word> args = c.args();
        boolean end = false;
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (!end && v.equals("--")) {
                end = true;
            } else if (!end && (v.equals("-s") || v.equals("-n") || v.equals("--signal")) && i + 1 < args.size()) {
                signal = args.get(++i).value().toUpperCase(Locale.ROOT);
            } else if (!end && v.startsWith("-") && v.length() > 1 && !v.equals("-1") && !NEGATIVE_PID.matcher(v).matches()) {
                if (v.equals("-l") || v.equals("-L") || v.equals("--list")) {
                    return;
                }
                signal = v.substring(1).toUpperCase(Locale.ROOT);
            } else {
                targets.add(args.get(i));
            }
        }
        signal = signal.startsWith("SIG") ? signal.substring(3) : signal;
        if (signal.equals("0")) {
            return;
        }
        for (Word t : targets) {
            String v = t.value();
            if (v.equals("-1")) {
                report(out, RiskLevel.CRITICAL, "Sends SIG" + signal + " to every process you can signal (kill -1).", t.span());
            } else if (v.equals("0")) {
                report(out, RiskLevel.MODERATE, "Sends SIG" + signal + " to every process in this shell's process group.", t.span());
            } else if (v.equals("1") && !signal.equals("HUP") && !signal.equals("1")) {
                report(out, RiskLevel.CRITICAL, "Sends SIG" + signal + " to init (pid 1), which brings the system down.", t.span());
            } else if (t.unknownExpansion()) {
                for (String inner : Substitutions.innerTexts(t.source())) {
                    List<SimpleCommand> cmds = ctx.parse(inner).commands();
                    if (listsAllProcesses(cmds)) {
                        report(out, RiskLevel.CRITICAL, "Sends SIG" + signal + " to every process on the system.", t.span());
                    }
                    for (SimpleCommand s : cmds) {
                        String sn = Names.of(s);
                        Optional<String> owner = sn.equals("pgrep") ? Args.value(s, "-u", "--euid").or(() -> Args.value(s, "-U", "--uid"))
                                : Optional.empty();
                        if (owner.isPresent() && Args.operands(s, PKILL_VALUE_OPTS).isEmpty()) {
                            boolean root = owner.get().equals("root") || owner.get().equals("0");
                            report(out, root ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Sends SIG" + signal + " to every process owned by "
                                    + owner.get() + ".", t.span());
                        }
                        if ((sn.equals("pidof") || sn.equals("pgrep")) && !Args.operands(s).isEmpty()
                                && VITAL.contains(Names.normalize(Args.operands(s).get(Args.operands(s).size() - 1).value()))) {
                            report(out, RiskLevel.HIGH, "Sends SIG" + signal + " to " + Args.operands(s).get(Args.operands(s).size() - 1).value()
                                    + ", which the system or your session needs.", t.span());
                        }
                    }
                }
            }
        }
        if (targets.isEmpty() && (c.origin() == Origin.XARGS || c.wrappers().contains("xargs")) && listsAllProcesses(c.upstream())) {
            report(out, RiskLevel.CRITICAL, "Sends SIG" + signal + " to every process listed by ps, i.e. all of them.", c.span());
        }
    }

    /** Whether a pipeline lists every pid without filtering: {@code ps -e}, {@code ps aux}, {@code ps -A} with no grep. */
    private static boolean listsAllProcesses(List<SimpleCommand> cmds) {
        boolean ps = false;
        for (SimpleCommand u : cmds) {
            String n = Names.of(u);
            if (n.equals("grep") || n.equals("egrep") || n.equals("fgrep") || n.equals("rg") || n.equals("pgrep")) {
                return false;
            }
            if (n.equals("awk") && u.args().stream().anyMatch(w -> w.value().contains("/") || w.value().contains("==")
                    || w.value().contains("~"))) {
                return false;
            }
            if (n.equals("ps")) {
                List<String> a = u.argValues();
                ps |= a.stream().anyMatch(v -> v.equals("-e") || v.equals("-A") || v.equals("aux") || v.equals("ax")
                        || v.equals("-ef") || v.equals("-eo") || v.equals("axo") || v.startsWith("-e") && !v.startsWith("--"));
                if (u.hasArg("-u") || u.hasArg("-p") || u.hasArg("-C") || u.hasArg("--pid")) {
                    return false;
                }
            }
        }
        return ps;
    }

    /**
     * The value of {@code -U}/{@code --uid}, except where the "option" is really the leading signal:
     * {@code pkill -USR1 nginx} sends SIGUSR1, it does not select the user "SR1".
     */
    private static Optional<String> uid(SimpleCommand c) {
        List<String> values = Args.values(c, "-U", "--uid");
        if (!values.isEmpty() && !c.args().isEmpty()) {
            String first = c.args().get(0).value();
            if (isSignal(first) && first.startsWith("-U") && values.get(0).equals(first.substring(2))) {
                values = values.subList(1, values.size());
            }
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static final Set<String> SIGNAL_NAMES = Set.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "IOT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "POLL", "PWR", "SYS", "EMT", "INFO");

    /** {@code -HUP}, {@code -SIGUSR1}, {@code -9}: a signal given the old way, as the first argument. */
    static boolean isSignal(String arg) {
        if (arg.length() < 2 || arg.charAt(0) != '-') {
            return false;
        }
        String s = signalName(arg.substring(1));
        return s.chars().allMatch(Character::isDigit) || SIGNAL_NAMES.contains(s);
    }

    /** {@code sigusr1} and {@code USR1} alike: upper case, without the SIG prefix. */
    private static String signalName(String signal) {
        String s = signal.toUpperCase(Locale.ROOT);
        return s.startsWith("SIG") ? s.substring(3) : s;
    }

    /** Signals daemons take as "reload" or "reopen logs" rather than "stop": HUP, USR1, USR2, WINCH, CONT. */
    private static final Set<String> RELOAD_SIGNALS = Set.of("HUP", "USR1", "USR2", "WINCH", "CONT", "1", "10", "12");

    private static boolean reloadSignal(SimpleCommand c) {
        if (c.args().isEmpty()) {
            return false;
        }
        String first = c.args().get(0).value();
        String signal = isSignal(first) ? first.substring(1) : Args.value(c, "-s", "--signal").orElse("");
        return RELOAD_SIGNALS.contains(signalName(signal));
    }

    private void pkill(SimpleCommand c, String n, List<Finding> out) {
        boolean kill9 = false;
        for (Word w : c.args()) {
            String v = w.value().toUpperCase(Locale.ROOT);
            if (v.equals("-9") || v.equals("-KILL") || v.equals("-SIGKILL") || v.equals("KILL") || v.equals("9")
                    || v.equals("SIGKILL") || v.equals("--SIGNAL=KILL") || v.equals("--SIGNAL=9") || v.equals("-S9")) {
                kill9 = true;
            }
        }
        Optional<String> user = Args.value(c, "-u", "--euid").or(() -> uid(c))
                .or(() -> Args.value(c, null, "--user"));
        if (user.isPresent()) {
            String u = user.get();
            boolean root = u.equals("root") || u.equals("0");
            report(out, root ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Kills every process of the user " + u
                    + (root ? ", which takes the system down." : ", including the current session."), c.span());
            return;
        }
        boolean reloadOnly = reloadSignal(c);
        for (Word w : Args.operands(c, PKILL_VALUE_OPTS)) {
            String target = Names.normalize(w.value());
            if (VITAL.contains(target) && !reloadOnly) {
                report(out, RiskLevel.HIGH, "Kills every " + w.value() + " process, which the system or your session needs.", w.span());
                return;
            }
            if (kill9 && DATA_SERVICES.contains(target)) {
                report(out, RiskLevel.MODERATE, "Force-kills " + w.value() + " without a clean shutdown, which can corrupt its data.", w.span());
                return;
            }
        }
        boolean full = Args.hasShort(c, 'f') || Args.hasLong(c, "--full");
        for (Word w : Args.operands(c, PKILL_VALUE_OPTS)) {
            String p = w.value();
            if (full && (p.equals(".") || p.equals(".*") || p.isEmpty() || p.equals("^") || p.equals(".+"))
                    || n.equals("killall") && Args.hasShort(c, 'r') && (p.equals(".") || p.equals(".*"))) {
                report(out, RiskLevel.CRITICAL, "The pattern '" + p + "' matches every process, so this kills them all.", w.span());
                return;
            }
        }
        if (kill9 && c.elevated() && full) {
            report(out, RiskLevel.MODERATE, "Force-kills, as root, every process whose command line matches the pattern.", c.span());
        }
        if (n.equals("killall") && Args.operands(c, PKILL_VALUE_OPTS).isEmpty() && Args.has(c, "", "--user")) {
            report(out, RiskLevel.HIGH, "Kills every process of a user.", c.span());
        }
    }

    private void taskkill(SimpleCommand c, List<Finding> out) {
        List<Word> a = c.args();
        for (int i = 0; i + 1 < a.size(); i++) {
            String v = a.get(i).value().toLowerCase(Locale.ROOT);
            String next = a.get(i + 1).value().toLowerCase(Locale.ROOT);
            if (v.equals("/im")) {
                String image = next.endsWith(".exe") ? next.substring(0, next.length() - 4) : next;
                if (WINDOWS_VITAL.contains(image) || image.equals("*")) {
                    report(out, RiskLevel.CRITICAL, "Kills the Windows system process " + next + ", which forces a restart.", c.span());
                }
            }
            if (v.equals("/fi") && next.contains("username")) {
                report(out, RiskLevel.HIGH, "Kills every process of a user.", c.span());
            }
        }
    }

    private void stopProcess(SimpleCommand c, List<Finding> out) {
        Optional<Word> nameParam = Args.psValue(c, "Name");
        if (nameParam.isPresent()) {
            for (String part : nameParam.get().value().toLowerCase(Locale.ROOT).split(",")) {
                if (WINDOWS_VITAL.contains(part.strip()) || part.strip().equals("*")) {
                    report(out, RiskLevel.CRITICAL, "Stops the Windows system process " + part.strip() + ".", c.span());
                }
            }
            return;
        }
        if (Args.psValue(c, "Id").isPresent() || Args.psValue(c, "InputObject").isPresent()) {
            return;
        }
        for (SimpleCommand u : c.upstream()) {
            String un = name(u);
            if (un.equals("where-object") || un.equals("where") || un.equals("?") || un.equals("select-object")) {
                return;
            }
        }
        for (SimpleCommand u : c.upstream()) {
            String un = name(u);
            if ((un.equals("get-process") || un.equals("gps") || un.equals("ps")) && Args.operands(u).isEmpty()
                    && Args.psValue(u, "Name").isEmpty() && Args.psValue(u, "Id").isEmpty()) {
                report(out, RiskLevel.CRITICAL, "Stops every running process.", c.span());
            }
        }
    }
}
