package dev.caro.rules.process;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.Origin;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Span;
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

    private static final Set<String> COMMAND_NAMES = Set.of("kill", "killall5", "pkill", "killall", "pgrep", "taskkill", "stop-process", "spps",
            "wmic", "foreach-object", "%", "invoke-cimmethod", "invoke-wmimethod");

    private static final LazyPattern NEGATIVE_PID = LazyPattern.of("-\\d{2,}");
    /** A taskkill filter every process passes: status running or not responding aside, any pid. */
    private static final LazyPattern EVERY_STATUS = LazyPattern.of("^\\s*(?:status\\s+(?:eq\\s+running|ne\\s+\\w+)|pid\\s+(?:gt|ge)\\s+0)\\s*$");
    /** A taskkill filter on the account Windows itself runs as. */
    private static final LazyPattern SYSTEM_ACCOUNT = LazyPattern.of("username\\s+eq\\s+(?:nt authority\\\\)?system\\b");

    private static final Set<String> VITAL = Set.of("sshd", "systemd", "init", "dbus-daemon", "dbus", "xorg", "xwayland",
            "gnome-shell", "plasmashell", "kwin_x11", "kwin_wayland", "gdm", "gdm3", "lightdm", "sddm", "login",
            "systemd-logind", "systemd-journald", "systemd-udevd", "networkmanager", "bash", "zsh", "sh", "sudo",
            "polkitd", "agetty", "launchd", "windowserver", "loginwindow", "kernel_task", "dockerd", "containerd", "kubelet");
    /** Processes without which the whole system stops: init and the services every login depends on. */
    private static final Set<String> SYSTEM_CORE = Set.of("systemd", "init", "launchd", "dbus-daemon", "dbus",
            "systemd-logind", "systemd-journald", "systemd-udevd", "udevd", "kernel_task");
    /** Databases: SIGKILL skips their clean shutdown, forcing crash recovery and dropping every connection. */
    private static final Set<String> DATA_SERVICES = Set.of("postgres", "postgresql", "mysqld", "mysql", "mariadbd", "mariadb",
            "mongod", "redis-server", "elasticsearch", "etcd", "kafka", "clickhouse-server", "cassandra");
    /** Runtimes whose name matches every program written for them: SIGKILL to all of them hits unrelated work. */
    private static final Set<String> RUNTIMES = Set.of("java", "python", "python3", "python2", "node", "ruby", "perl", "php",
            "php-fpm", "dotnet", "beam.smp", "erl");
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
                        "taskkill /F /IM lsass.exe", "Get-Process | Stop-Process -Force", "sudo pkill -KILL -f java",
                        "pgrep . | xargs -r kill", "kill -9 $(pgrep -f '.*')", "sudo pkill -KILL -x systemd-journald",
                        "taskkill /F /FI \"USERNAME eq SYSTEM\"", "killall -KILL mysqld",
                        "ps -ef | grep node | awk '{print $2}' | xargs kill -9", "wmic process where \"name='winlogon.exe'\" call terminate",
                        "Get-CimInstance Win32_Process | ForEach-Object { $_.Terminate() }", "pgrep -f node | xargs kill -KILL",
                        "taskkill /F /FI \"STATUS eq RUNNING\"", "sudo pkill -f python", "Get-Process -Name csrss | Stop-Process -Force",
                        "for pid in $(ps -e -o pid=); do kill -KILL $pid; done", "kill -9 $$"),
                List.of("kill -s INT 48213", "kill -TERM \"$(cat app.pid)\"", "kill -0 1234", "kill %1",
                        "pkill -USR1 nginx", "pkill -HUP -x sshd", "pkill -f 'node server.js'", "killall firefox", "Stop-Process -Id 4312",
                        "ps aux | grep defunct | awk '{print $2}' | xargs kill -9",
                        "killall postgres", "wmic process where \"name='notepad.exe'\" call terminate",
                        "Get-WmiObject Win32_Process -Filter \"Name='notepad.exe'\" | ForEach-Object { $_.Terminate() }",
                        "pkill -TERM -u \"$USER\" -f 'vite dev'", "pkill -f 'python manage.py runserver'", "Get-Process -Name notepad | Stop-Process", "kill -TERM $$",
                        "for pid in $(pgrep -f worker.py); do kill $pid; done"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    /** {@code for p in $(ps -eo pid); do kill -9 "$p"; done}: a loop over every pid on the system that kills each. */
    private static final LazyPattern KILL_LOOP = LazyPattern.of(
            "\\bfor\\s++(\\w++)\\s++in\\s++(?:\\$\\(|`)\\s*+(?:sudo\\s++)?ps\\s++(?:-e|-A|aux|ax)[^)`|]*+[)`]\\s*+;?\\s*+do\\b"
            + "[^;]*?\\bkill\\b[^;]*?\\$\\{?\\1\\b");

    @Override
    public List<Finding> evaluate(dev.caro.api.shell.ShellScript script, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (SimpleCommand c : script.commands()) {
            out.addAll(evaluate(c, ctx));
        }
        String src = script.source();
        if (out.isEmpty() && src.contains("for") && src.contains("kill") && KILL_LOOP.matcher(src).find()) {
            report(out, RiskLevel.CRITICAL, "Loops over every process on the system and kills each one.", new Span(0, src.length()));
        }
        return out;
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
            case "wmic" -> wmic(c, out);
            case "foreach-object", "%", "invoke-cimmethod", "invoke-wmimethod" -> wmiTerminate(c, out);
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
            } else if (t.source().equals("$$") || t.source().equals("\"$$\"")) {
                report(out, kill9(signal) ? RiskLevel.MODERATE : RiskLevel.SAFE, "Kills this shell with SIG" + signal
                        + ", so it exits without saving its history.", t.span());
            } else if (v.equals("0")) {
                report(out, RiskLevel.MODERATE, "Sends SIG" + signal + " to every process in this shell's process group.", t.span());
            } else if (v.equals("1") && !signal.equals("HUP") && !signal.equals("1")) {
                report(out, RiskLevel.CRITICAL, "Sends SIG" + signal + " to init (pid 1), which brings the system down.", t.span());
            } else if (t.unknownExpansion()) {
                for (String inner : Substitutions.innerTexts(t.source())) {
                    pidSources(ctx.parse(inner).commands(), signal, t.span(), out);
                }
            }
        }
        if (targets.isEmpty() && (c.origin() == Origin.XARGS || c.wrappers().contains("xargs"))) {
            pidSources(c.upstream(), signal, c.span(), out);
        }
    }

    /**
     * Judges the commands whose output becomes kill's pids (a substitution, or what feeds xargs):
     * every process listed by ps, a pgrep pattern that matches everything, all of a user's
     * processes, or a process the system needs.
     */
    private void pidSources(List<SimpleCommand> cmds, String signal, Span span, List<Finding> out) {
        if (listsAllProcesses(cmds)) {
            report(out, RiskLevel.CRITICAL, "Sends SIG" + signal + " to every process on the system.", span);
            return;
        }
        Optional<String> grepped = grepped(cmds);
        if (grepped.isPresent() && kill9(signal)) {
            String target = Names.normalize(grepped.get());
            if (VITAL.contains(target)) {
                report(out, vitalRisk(target), "Sends SIG" + signal + " to every " + grepped.get()
                        + " process, which the system or your session needs.", span);
            } else if (DATA_SERVICES.contains(target) || RUNTIMES.contains(target)) {
                report(out, forceKillRisk(target), forceKillMessage(grepped.get(), target), span);
            }
        }
        for (SimpleCommand s : cmds) {
            String sn = Names.of(s);
            if (!sn.equals("pgrep") && !sn.equals("pidof")) {
                continue;
            }
            List<Word> patterns = Args.operands(s, PKILL_VALUE_OPTS);
            Optional<String> owner = sn.equals("pgrep") ? Args.value(s, "-u", "--euid").or(() -> Args.value(s, "-U", "--uid"))
                    : Optional.empty();
            if (owner.isPresent() && patterns.isEmpty()) {
                boolean root = owner.get().equals("root") || owner.get().equals("0");
                report(out, root ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Sends SIG" + signal + " to every process owned by "
                        + owner.get() + ".", span);
            }
            if (!patterns.isEmpty()) {
                String p = patterns.get(patterns.size() - 1).value();
                String target = Names.normalize(p);
                if (sn.equals("pgrep") && matchesEverything(p)) {
                    report(out, RiskLevel.CRITICAL, "The pattern '" + p + "' matches every process, so this signals them all.", span);
                } else if (VITAL.contains(target)) {
                    report(out, vitalRisk(p), "Sends SIG" + signal + " to " + p + ", which the system or your session needs.", span);
                } else if (kill9(signal) && (DATA_SERVICES.contains(target) || RUNTIMES.contains(target))) {
                    report(out, forceKillRisk(target), forceKillMessage(p, target), span);
                }
            }
        }
    }

    private static RiskLevel forceKillRisk(String target) {
        return DATA_SERVICES.contains(target) ? RiskLevel.HIGH : RiskLevel.MODERATE;
    }

    private static String forceKillMessage(String shown, String target) {
        return DATA_SERVICES.contains(target)
                ? "Force-kills " + shown + " without a clean shutdown: crash recovery, dropped connections, possible data loss."
                : "Force-kills every " + shown + " program at once, not just the one you mean, with no chance to clean up.";
    }

    private static boolean kill9(String signal) {
        return signal.equals("KILL") || signal.equals("9");
    }

    /**
     * The word a {@code ps ... | grep WORD} pipeline selects processes by (the last grep that is not
     * {@code -v}), when the list comes from ps; empty otherwise.
     */
    private static Optional<String> grepped(List<SimpleCommand> cmds) {
        boolean ps = false;
        String word = null;
        for (SimpleCommand u : cmds) {
            String n = Names.of(u);
            ps |= n.equals("ps");
            if (n.equals("grep") || n.equals("egrep") || n.equals("fgrep")) {
                List<Word> ops = Args.operands(u, Set.of("-e", "-f", "-m", "-A", "-B", "-C"));
                if (!Args.hasShort(u, 'v') && !Args.hasLong(u, "--invert-match") && !ops.isEmpty()) {
                    word = ops.get(0).value();
                }
            }
        }
        return ps && word != null ? Optional.of(word) : Optional.empty();
    }

    /** A pgrep/pkill pattern every process name or command line matches. */
    private static boolean matchesEverything(String p) {
        return p.equals(".") || p.equals(".*") || p.isEmpty() || p.equals("^") || p.equals(".+") || p.equals("$") || p.equals("^.*$");
    }

    /** Critical for the processes the whole system stands on (init, its journal, login and device managers); high for the rest. */
    private static RiskLevel vitalRisk(String name) {
        return SYSTEM_CORE.contains(Names.normalize(name)) ? RiskLevel.CRITICAL : RiskLevel.HIGH;
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
        if (user.isPresent() && Args.operands(c, PKILL_VALUE_OPTS).isEmpty()) { // a pattern narrows it to some of them
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
                report(out, vitalRisk(target), "Kills every " + w.value() + " process, which the system or your session needs.", w.span());
                return;
            }
            if (kill9 && (DATA_SERVICES.contains(target) || RUNTIMES.contains(target))) {
                report(out, forceKillRisk(target), forceKillMessage(w.value(), target), w.span());
                return;
            }
        }
        if (user.isEmpty() && !reloadOnly && !probeOnly(c) && c.elevated()) {
            for (Word w : Args.operands(c, PKILL_VALUE_OPTS)) {
                String target = Names.normalize(w.value());
                if (RUNTIMES.contains(target)) {
                    // with sudo: every program written in it, other users' and services' included, not the one meant
                    report(out, RiskLevel.MODERATE, "Stops every " + w.value() + " process on the machine, other users' and services' too, not just the one you mean.",
                            w.span());
                    return;
                }
            }
        }
        boolean full = Args.hasShort(c, 'f') || Args.hasLong(c, "--full");
        for (Word w : Args.operands(c, PKILL_VALUE_OPTS)) {
            String p = w.value();
            if (n.equals("pkill") && matchesEverything(p)
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

    /** Signal 0 ({@code pkill -0}, {@code killall -s 0}): only checks that the processes exist. */
    private static boolean probeOnly(SimpleCommand c) {
        return c.hasArg("-0") || Args.value(c, "-s", "--signal").map(v -> v.equals("0")).orElse(false);
    }

    private void taskkill(SimpleCommand c, List<Finding> out) {
        List<Word> a = c.args();
        for (int i = 0; i + 1 < a.size(); i++) {
            String v = a.get(i).value().toLowerCase(Locale.ROOT);
            String next = a.get(i + 1).value().toLowerCase(Locale.ROOT);
            if (v.equals("/im")) {
                String image = image(next);
                if (WINDOWS_VITAL.contains(image) || image.equals("*")) {
                    report(out, RiskLevel.CRITICAL, "Kills the Windows system process " + next + ", which forces a restart.", c.span());
                }
            }
            if (v.equals("/fi") && EVERY_STATUS.matcher(next).find()) {
                report(out, RiskLevel.CRITICAL, "Kills every running process, Windows' own included.", c.span());
            }
            if (v.equals("/fi") && next.contains("username")) {
                boolean system = SYSTEM_ACCOUNT.matcher(next).find();
                report(out, system ? RiskLevel.CRITICAL : RiskLevel.HIGH, system
                        ? "Kills every process the system account runs, which crashes Windows." : "Kills every process of a user.", c.span());
            }
        }
    }

    /** {@code wmic process [where "name='csrss.exe'"] call terminate} (or {@code delete}). */
    private void wmic(SimpleCommand c, List<Finding> out) {
        List<String> a = new ArrayList<>();
        for (Word w : c.args()) {
            a.add(w.value().toLowerCase(Locale.ROOT));
        }
        if (a.isEmpty() || !a.get(0).equals("process") || !(a.contains("terminate") || a.contains("delete"))) {
            return;
        }
        int where = a.indexOf("where");
        if (where < 0) {
            report(out, RiskLevel.CRITICAL, "Terminates every process on the machine.", c.span());
            return;
        }
        String clause = where + 1 < a.size() ? a.get(where + 1) : "";
        for (String vital : WINDOWS_VITAL) {
            if (clause.contains("'" + vital + ".exe'") || clause.contains("'" + vital + "'")) {
                report(out, RiskLevel.CRITICAL, "Terminates the Windows system process " + vital + ", which crashes Windows.", c.span());
                return;
            }
        }
    }

    /**
     * {@code Get-WmiObject Win32_Process | ForEach-Object { $_.Terminate() }} and the CIM form: every
     * process terminated, unless a filter (-Filter, -Query, Where-Object) picks some.
     */
    private void wmiTerminate(SimpleCommand c, List<Finding> out) {
        StringBuilder own = new StringBuilder();
        for (Word w : c.args()) {
            own.append(w.value().toLowerCase(Locale.ROOT)).append(' ');
        }
        if (own.indexOf("terminate") < 0) {
            return;
        }
        boolean allProcesses = false;
        for (SimpleCommand u : c.upstream()) {
            String un = name(u);
            if (un.equals("where-object") || un.equals("where") || un.equals("?")) {
                return;
            }
            if (un.equals("get-wmiobject") || un.equals("gwmi") || un.equals("get-ciminstance") || un.equals("gcim")) {
                boolean filtered = Args.psValue(u, "Filter").isPresent() || Args.psValue(u, "Query").isPresent();
                for (Word w : u.args()) {
                    allProcesses |= w.value().equalsIgnoreCase("win32_process") && !filtered;
                }
            }
        }
        if (allProcesses) {
            report(out, RiskLevel.CRITICAL, "Terminates every process on the machine through WMI.", c.span());
        }
    }

    /** A Windows process name as the vital list spells it: lower case, trimmed, without ".exe". */
    private static String image(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".exe") ? n.substring(0, n.length() - 4) : n;
    }

    private void stopProcess(SimpleCommand c, List<Finding> out) {
        Optional<Word> nameParam = Args.psValue(c, "Name");
        for (SimpleCommand u : c.upstream()) {
            String un = name(u);
            Optional<Word> listed = un.equals("get-process") || un.equals("gps") || un.equals("ps") ? Args.psValue(u, "Name")
                    .or(() -> Args.operands(u).isEmpty() ? Optional.empty() : Optional.of(Args.operands(u).get(0))) : Optional.empty();
            if (listed.isPresent() && nameParam.isEmpty()) {
                for (String part : listed.get().value().toLowerCase(Locale.ROOT).split(",")) {
                    String image = image(part);
                    if (WINDOWS_VITAL.contains(image)) {
                        report(out, RiskLevel.CRITICAL, "Stops every " + image + " process, which crashes Windows.", c.span());
                        return;
                    }
                }
            }
        }
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
