package dev.caro.rules.internal;

import dev.caro.api.safety.RiskLevel;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** System files whose loss or corruption breaks logins, booting or privilege separation. */
public final class SensitiveFiles {

    /** Overwriting any of these is critical. */
    private static final Map<String, String> CRITICAL = Map.ofEntries(
            Map.entry("/etc/passwd", "the user database"),
            Map.entry("/etc/shadow", "the password hashes"),
            Map.entry("/etc/gshadow", "the group password hashes"),
            Map.entry("/etc/group", "the group database"),
            Map.entry("/etc/sudoers", "the sudo rules"),
            Map.entry("/etc/ld.so.preload", "the dynamic loader preload list"),
            Map.entry("/etc/pam.d", "the PAM login configuration"),
            Map.entry("/etc/inittab", "the init table"),
            Map.entry("/etc/nsswitch.conf", "the name service configuration"),
            Map.entry("/etc/security", "the login security settings"),
            Map.entry("/boot", "the boot files"),
            Map.entry("/etc/login.defs", "the login defaults"));

    private static final Map<String, String> HIGH = Map.ofEntries(
            Map.entry("/etc/fstab", "the filesystem table"),
            Map.entry("/etc/crypttab", "the encrypted volume table"),
            Map.entry("/etc/ssh/sshd_config", "the SSH server configuration"),
            Map.entry("/etc/ssh/sshd_config.d", "the SSH server configuration"),
            Map.entry("/etc/sudoers.d", "the sudo rules"),
            Map.entry("/etc/crontab", "the system crontab"),
            Map.entry("/etc/systemd", "the systemd configuration"),
            Map.entry("/etc/default/grub", "the boot loader settings"),
            Map.entry("/etc/grub.d", "the boot loader scripts"),
            Map.entry("/etc/network/interfaces", "the network configuration"),
            Map.entry("/etc/netplan", "the network configuration"),
            Map.entry("/etc/ld.so.conf", "the dynamic loader configuration"),
            Map.entry("/etc/selinux/config", "the SELinux configuration"),
            Map.entry("/root/.ssh/authorized_keys", "root's authorized SSH keys"),
            Map.entry("/root/.ssh", "root's SSH keys"),
            Map.entry("/var/lib/mysql", "the MySQL data files"),
            Map.entry("/var/lib/postgresql", "the PostgreSQL data files"),
            Map.entry("/var/lib/pgsql", "the PostgreSQL data files"),
            Map.entry("/var/lib/mongodb", "the MongoDB data files"),
            Map.entry("/var/lib/redis", "the Redis data files"),
            Map.entry("/var/lib/etcd", "the etcd data files"),
            Map.entry("/var/lib/elasticsearch", "the Elasticsearch data files"),

            Map.entry("/etc/machine-id", "the machine id"));

    private static final Map<String, String> MODERATE = Map.ofEntries(
            Map.entry("/etc/hosts", "the hosts file"),
            Map.entry("/etc/apt/sources.list", "the package sources"),
            Map.entry("/etc/resolv.conf", "the DNS settings"),
            Map.entry("/etc/environment", "the system environment"),
            Map.entry("/etc/profile", "the login profile"),
            Map.entry("/etc/bash.bashrc", "the system bashrc"),
            Map.entry("/etc/cron.d", "the system cron jobs"),
            Map.entry("/etc/rc.local", "the boot script"),
            Map.entry("/etc/sysctl.conf", "the kernel settings"));

    /** The dynamic loader and the C library: without them no dynamically linked program starts, sudo and the shell included. */
    private static final LazyPattern CORE_LIBRARY = LazyPattern.of(
            "/(?:usr/)?lib(?:64|32|x32)?/(?:[\\w-]+-linux-gnu/)?(?:ld-linux[\\w.-]*\\.so[.\\d]*|ld64\\.so[.\\d]*|libc\\.so[.\\d]*"
            + "|libc-[\\d.]+\\.so|libpthread\\.so[.\\d]*|libdl\\.so[.\\d]*|libm\\.so[.\\d]*)");

    /** Where binaries and libraries live; overwriting them breaks programs. */
    private static final String[] BINARY_DIRS = {"/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/lib/", "/lib64/",
        "/usr/lib/", "/usr/lib64/", "/usr/libexec/", "/lib32/", "/usr/lib32/"};

    private SensitiveFiles() {}

    /** A file the system cannot run without: what it is, and what stops when it is gone. */
    public record Vital(String what, String without) {}

    /**
     * Files the system cannot run without, with what stops when they are gone (moved, renamed or
     * deleted). Directories count with what is in them.
     */
    private static final Map<String, Vital> VITAL = Map.ofEntries(
            Map.entry("/etc/passwd", new Vital("the user database", "nobody can log in")),
            Map.entry("/etc/shadow", new Vital("the password hashes", "nobody can log in with a password")),
            Map.entry("/etc/group", new Vital("the group database", "logins and sudo fail")),
            Map.entry("/etc/sudoers", new Vital("the sudo rules", "sudo stops working")),
            Map.entry("/etc/doas.conf", new Vital("the doas rules", "doas stops working")),
            Map.entry("/etc/pam.d", new Vital("the PAM login configuration", "logins and sudo fail")),
            Map.entry("/etc/fstab", new Vital("the filesystem table", "the next boot cannot mount the filesystems")),
            Map.entry("/boot", new Vital("the boot files", "the machine no longer boots")));

    /** Programs every login, script or boot runs, by name, in any of the binary directories. */
    private static final Set<String> VITAL_PROGRAMS = Set.of("sh", "bash", "dash", "sudo", "su", "login",
            "init", "systemd", "sshd", "mount", "doas");

    /**
     * The file {@code abs} (absolute, normalized) as one the system cannot run without, or empty:
     * {@code /etc/passwd}, {@code /etc/shadow}, {@code /etc/group}, {@code /etc/sudoers},
     * {@code /etc/pam.d/...}, {@code /etc/fstab}, {@code /boot/...}, the C library and dynamic
     * loader, and {@code sh}, {@code bash}, {@code sudo}, {@code su}, {@code login}, {@code init},
     * {@code systemd}, {@code sshd}, {@code mount} in {@code /bin}, {@code /sbin}, {@code /usr/bin},
     * {@code /usr/sbin}.
     */
    public static Optional<Vital> vital(String abs) {
        for (Map.Entry<String, Vital> e : VITAL.entrySet()) {
            if (abs.equals(e.getKey()) || abs.startsWith(e.getKey() + "/")) {
                return Optional.of(e.getValue());
            }
        }
        if (CORE_LIBRARY.matcher(abs).matches()) {
            return Optional.of(new Vital("the library every program loads", "no program can start"));
        }
        int slash = abs.lastIndexOf('/');
        String dir = abs.substring(0, slash + 1);
        String base = abs.substring(slash + 1);
        if (VITAL_PROGRAMS.contains(base) && (dir.equals("/bin/") || dir.equals("/sbin/") || dir.equals("/usr/bin/")
                || dir.equals("/usr/sbin/") || dir.equals("/lib/systemd/") || dir.equals("/usr/lib/systemd/"))) {
            return Optional.of(new Vital("the program", "logins, scripts or the boot that run " + base + " fail"));
        }
        return Optional.empty();
    }


    /** A known sensitive file (or a file in a sensitive directory) and how bad overwriting it is. */
    public record Match(String path, String what, RiskLevel risk) {}

    /** Looks up an absolute, normalized path. */
    public static Optional<Match> lookup(String abs) {
        Optional<Match> m = find(CRITICAL, abs, RiskLevel.CRITICAL);
        if (m.isEmpty()) {
            m = find(HIGH, abs, RiskLevel.HIGH);
        }
        if (m.isEmpty()) {
            m = find(MODERATE, abs, RiskLevel.MODERATE);
        }
        if (m.isEmpty() && CORE_LIBRARY.matcher(abs).matches()) {
            return Optional.of(new Match(abs, "the library every program loads", RiskLevel.CRITICAL));
        }
        if (m.isEmpty()) {
            for (String d : BINARY_DIRS) {
                if (abs.startsWith(d) && abs.length() > d.length()) {
                    return Optional.of(new Match(abs, "a system program or library", RiskLevel.HIGH));
                }
            }
        }
        return m;
    }

    private static Optional<Match> find(Map<String, String> map, String abs, RiskLevel risk) {
        for (Map.Entry<String, String> e : map.entrySet()) {
            String k = e.getKey();
            if (abs.equals(k) || abs.startsWith(k + "/")) {
                return Optional.of(new Match(abs, e.getValue(), risk));
            }
        }
        return Optional.empty();
    }

    /** Whether the path is in a directory of binaries or libraries ({@code /usr/bin/...}). */
    public static boolean inBinaryDir(String abs) {
        for (String d : BINARY_DIRS) {
            if (abs.startsWith(d)) {
                return true;
            }
        }
        return abs.startsWith("/boot/");
    }

    /** Whether the path is a user's shell history file. */
    public static boolean isHistoryFile(String abs) {
        String base = abs.substring(abs.lastIndexOf('/') + 1);
        if (base.contains("history") && (base.contains("*") || base.contains("?"))) {
            return true; // ~/.*_history
        }
        return base.equals(".bash_history") || base.equals(".zsh_history") || base.equals(".history")
                || base.equals(".sh_history") || base.equals("fish_history") || base.equals(".ash_history")
                || base.equals(".ksh_history") || base.equals(".zhistory") || base.equals(".python_history")
                || base.equals(".mysql_history") || base.equals(".psql_history") || base.equals(".node_repl_history")
                || base.equals(".lesshst") || base.equals(".sqlite_history") || base.equals(".rediscli_history")
                || base.equals("ConsoleHost_history.txt");
    }

    private static final LazyPattern SECURITY_LOG = LazyPattern.of(
            "^/var/log/(?:auth\\.log|secure|syslog|messages|wtmp|btmp|lastlog|faillog|kern\\.log|audit(?:/.*)?|journal(?:/.*)?"
            + "|sudo\\.log|daemon\\.log|user\\.log|dpkg\\.log|apt(?:/.*)?|\\*|\\*\\.log|[^/]*\\*)[^/]*$|^/var/adm/.*|^/var/run/utmp$|^/run/utmp$");

    private static final LazyPattern ROTATED = LazyPattern.of("\\.(?:gz|bz2|xz|zst|old|[0-9]+)$");

    /** Whether the path is a log that records logins, privilege use or the system's own events. */
    public static boolean isSecurityLog(String abs) {
        return SECURITY_LOG.matcher(abs).matches() && !ROTATED.matcher(abs).find();
    }

    /** Whether the path is a system log ({@code /var/log/...}, wtmp, btmp, lastlog). */
    public static boolean isSystemLog(String abs) {
        return abs.equals("/var/log") || abs.startsWith("/var/log/") || abs.startsWith("/var/adm/")
                || abs.equals("/var/run/utmp") || abs.equals("/run/utmp");
    }
}
