package dev.caro.core.shell;

import dev.caro.api.shell.Word;
import java.util.List;
import java.util.Set;

/**
 * Programs that run another program given as their arguments ({@code sudo rm ...}), and how to
 * skip their own options to find it. Tables are static and precomputed; no regular expressions.
 */
final class Wrappers {

    private Wrappers() {}

    /** Wrappers that run the command with more privileges. */
    static final Set<String> ELEVATING = Set.of("sudo", "doas", "pkexec", "su", "runas", "gsudo", "run0", "runuser");

    static final Set<String> NAMES = Set.of("sudo", "doas", "pkexec", "run0", "gsudo", "env", "command", "builtin",
            "exec", "nohup", "nice", "ionice", "time", "timeout", "stdbuf", "busybox", "chroot", "strace", "ltrace",
            "xargs", "setsid", "unbuffer", "taskset", "chrt", "caffeinate", "torsocks", "proxychains",
            "proxychains4", "catchsegv", "flatpak-spawn", "firejail", "systemd-run", "coproc", "unshare", "setpriv",
            "screen", "flock");

    static boolean isWrapper(String name) {
        return NAMES.contains(name);
    }

    /**
     * Index of the wrapped program's word in {@code words}, where {@code words.get(at)} is the
     * wrapper itself; -1 when this use of the wrapper runs no other program ({@code command -v},
     * {@code sudo -l}, {@code nice} alone). {@code NAME=value} words the wrapper sets are added to
     * {@code assignments}.
     */
    static int wrapped(String name, List<Word> words, int at, List<Word> assignments) {
        int i = at + 1;
        switch (name) {
            case "sudo":
                i = skipOptions(words, i, "ugpChrtUDTR", Set.of("--user", "--group", "--prompt", "--close-from",
                        "--role", "--type", "--other-user", "--chdir", "--chroot", "--command-timeout", "--host"));
                if (i < 0 || hasFlag(words, at + 1, i, "lvVe", Set.of("--list", "--validate", "--version",
                        "--edit"))) {
                    return -1;
                }
                return skipAssignments(words, i, assignments);
            case "doas":
                return skipOptions(words, i, "uC", Set.of());
            case "pkexec":
                return skipOptions(words, i, "", Set.of("--user"));
            case "run0":
                return skipOptions(words, i, "uDg", Set.of("--user", "--group", "--chdir", "--unit",
                        "--property", "--description", "--slice", "--nice", "--setenv"));
            case "gsudo":
            case "caffeinate":
            case "firejail":
            case "torsocks":
            case "catchsegv":
            case "flatpak-spawn":
            case "unbuffer":
            case "coproc":
            case "setsid":
            case "nohup":
            case "builtin":
                return skipOptions(words, i, name.equals("caffeinate") ? "tw" : "", Set.of());
            case "proxychains":
            case "proxychains4":
                return skipOptions(words, i, "f", Set.of());
            case "unshare":
                return skipOptions(words, i, "SGRwt", Set.of("--setuid", "--setgid", "--root", "--wd", "--propagation",
                        "--setgroups", "--map-user", "--map-group", "--map-users", "--map-groups", "--kill-child"));
            case "setpriv":
                return skipOptions(words, i, "", Set.of("--reuid", "--regid", "--ruid", "--euid", "--rgid", "--egid",
                        "--groups", "--inh-caps", "--ambient-caps", "--bounding-set", "--securebits", "--pdeathsig",
                        "--selinux-label", "--apparmor-profile", "--landlock-access", "--landlock-rule"));
            case "screen":
                // screen -dmS NAME CMD ...; -r, -ls, -X (attach, list, send a command) run nothing new.
                i = skipOptions(words, i, "SctpelhT", Set.of("-Logfile"));
                return hasFlag(words, at + 1, Math.max(i, at + 1), "rRxX", Set.of("-ls", "-list", "-wipe")) ? -1 : i;
            case "flock": {
                // flock [-w SECS] FILE CMD ...; the -c STRING form is a shell string, unfolded elsewhere.
                i = skipOptions(words, i, "wE", Set.of("--timeout", "--conflict-exit-code"));
                if (i < 0 || i + 1 >= words.size()) {
                    return -1;
                }
                String next = words.get(i + 1).value();
                return next.equals("-c") || next.equals("--command") || next.matches("\\d+") ? -1 : i + 1;
            }
            case "systemd-run":
                return skipOptions(words, i, "pEMHu", Set.of("--unit", "--property", "--description", "--slice",
                        "--setenv", "--uid", "--gid", "--nice", "--working-directory", "--on-calendar",
                        "--on-active", "--machine", "--host"));
            case "env": {
                while (i < words.size()) {
                    String v = words.get(i).value();
                    if (v.equals("--") || v.equals("-")) {
                        i++;
                        break;
                    }
                    if (v.equals("-u") || v.equals("-C") || v.equals("-S") || v.equals("--unset")
                            || v.equals("--chdir") || v.equals("--split-string")) {
                        i += 2;
                    } else if (v.startsWith("-") && v.length() > 1) {
                        i++;
                    } else {
                        break;
                    }
                }
                return skipAssignments(words, i, assignments);
            }
            case "command":
                if (hasFlag(words, i, Math.min(words.size(), i + 3), "vV", Set.of())) {
                    return -1;
                }
                return skipOptions(words, i, "", Set.of());
            case "exec":
                return skipOptions(words, i, "a", Set.of());
            case "nice": {
                while (i < words.size()) {
                    String v = words.get(i).value();
                    if (v.equals("-n") || v.equals("--adjustment")) {
                        i += 2;
                    } else if (v.startsWith("-") && v.length() > 1 && !v.equals("--")) {
                        i++; // -n10, -10, --adjustment=5
                    } else {
                        if (v.equals("--")) {
                            i++;
                        }
                        break;
                    }
                }
                return i;
            }
            case "ionice":
                i = skipOptions(words, i, "cnpPu", Set.of("--class", "--classdata", "--pid", "--pgid", "--uid"));
                return hasFlag(words, at + 1, Math.max(i, at + 1), "pPu", Set.of("--pid", "--pgid", "--uid")) ? -1 : i;
            case "time":
                return skipOptions(words, i, "fo", Set.of("--format", "--output"));
            case "timeout":
                i = skipOptions(words, i, "sk", Set.of("--signal", "--kill-after"));
                return i < 0 || i >= words.size() ? -1 : i + 1; // skip DURATION
            case "stdbuf":
                return skipOptions(words, i, "ioe", Set.of("--input", "--output", "--error"));
            case "busybox":
                if (i < words.size() && words.get(i).value().startsWith("-")) {
                    return -1;
                }
                return i;
            case "chroot":
                i = skipOptions(words, i, "", Set.of("--userspec", "--groups"));
                return i < 0 || i >= words.size() ? -1 : i + 1; // skip NEWROOT
            case "strace":
            case "ltrace":
                i = skipOptions(words, i, "eopsuEPIaXOSUAbl", Set.of("--output", "--attach", "--user", "--env",
                        "--trace", "--signal", "--string-limit"));
                return hasFlag(words, at + 1, Math.max(i, at + 1), "p", Set.of("--attach")) ? -1 : i;
            case "xargs":
                return skipXargsOptions(words, i);
            case "taskset": {
                boolean list = false;
                while (i < words.size() && words.get(i).value().startsWith("-")) {
                    String v = words.get(i).value();
                    if (v.contains("p")) {
                        return -1;
                    }
                    list |= v.contains("c");
                    i++;
                }
                return i + 1 < words.size() || list ? i + 1 : -1; // skip MASK or LIST
            }
            case "chrt":
                i = skipOptions(words, i, "T P D", Set.of("--sched-runtime", "--sched-period", "--sched-deadline"));
                return i < 0 || i >= words.size() ? -1 : i + 1; // skip PRIORITY
            default:
                return -1;
        }
    }

    /**
     * Skips the options of a wrapper: short clusters ({@code -Eu root}), long options, and
     * {@code --}. {@code argShort} lists the short options that take an argument; {@code argLong}
     * the long ones (when written without {@code =}).
     */
    static int skipOptions(List<Word> words, int i, String argShort, Set<String> argLong) {
        while (i < words.size()) {
            String v = words.get(i).value();
            if (v.equals("--")) {
                return i + 1;
            }
            if (v.startsWith("--")) {
                i += argLong.contains(v) ? 2 : 1;
                continue;
            }
            if (v.length() > 1 && v.charAt(0) == '-') {
                boolean takesNext = false;
                for (int k = 1; k < v.length(); k++) {
                    if (argShort.indexOf(v.charAt(k)) >= 0) {
                        takesNext = k == v.length() - 1; // otherwise the argument is attached
                        break;
                    }
                }
                i += takesNext ? 2 : 1;
                continue;
            }
            return i;
        }
        return i;
    }

    private static int skipXargsOptions(List<Word> words, int i) {
        while (i < words.size()) {
            String v = words.get(i).value();
            if (v.equals("--")) {
                return i + 1;
            }
            if (v.startsWith("--")) {
                boolean arg = v.equals("--arg-file") || v.equals("--delimiter") || v.equals("--max-args")
                        || v.equals("--max-procs") || v.equals("--max-chars") || v.equals("--process-slot-var");
                i += arg ? 2 : 1;
                continue;
            }
            if (v.length() > 1 && v.charAt(0) == '-') {
                boolean takesNext = false;
                for (int k = 1; k < v.length(); k++) {
                    char c = v.charAt(k);
                    if ("aEdILnPs".indexOf(c) >= 0) {
                        takesNext = k == v.length() - 1;
                        break;
                    }
                    if ("iel".indexOf(c) >= 0) {
                        break; // optional argument, only when attached
                    }
                }
                i += takesNext ? 2 : 1;
                continue;
            }
            return i;
        }
        return i;
    }

    /** The replacement string of {@code xargs -I R} / {@code -i} / {@code --replace}, or null. */
    static String xargsReplacement(List<Word> words, int from, int to) {
        for (int i = from; i < to; i++) {
            String v = words.get(i).value();
            if (v.equals("-I") && i + 1 < to) {
                return words.get(i + 1).value();
            }
            if (v.startsWith("-I") && v.length() > 2) {
                return v.substring(2);
            }
            if (v.equals("-i") || v.equals("--replace")) {
                return "{}";
            }
            if (v.startsWith("-i") && v.length() > 2) {
                return v.substring(2);
            }
            if (v.startsWith("--replace=")) {
                return v.substring("--replace=".length());
            }
        }
        return null;
    }

    private static boolean hasFlag(List<Word> words, int from, int to, String shortFlags, Set<String> longFlags) {
        for (int i = from; i < to && i < words.size(); i++) {
            String v = words.get(i).value();
            if (v.startsWith("--")) {
                int eq = v.indexOf('=');
                if (longFlags.contains(eq < 0 ? v : v.substring(0, eq))) {
                    return true;
                }
            } else if (v.length() > 1 && v.charAt(0) == '-') {
                for (int k = 1; k < v.length(); k++) {
                    if (shortFlags.indexOf(v.charAt(k)) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int skipAssignments(List<Word> words, int i, List<Word> assignments) {
        while (i >= 0 && i < words.size() && isAssignment(words.get(i).value())) {
            assignments.add(words.get(i));
            i++;
        }
        return i;
    }

    static boolean isAssignment(String v) {
        int eq = v.indexOf('=');
        return eq > 0 && SyntaxParser.isName(v, 0, eq);
    }
}
