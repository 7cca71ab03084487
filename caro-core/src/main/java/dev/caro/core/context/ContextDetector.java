package dev.caro.core.context;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.OsFamily;
import dev.caro.api.context.ShellKind;
import dev.caro.api.context.Userland;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Works out where commands will run: OS, distribution, userland, shell, working directory and
 * which notable tools are on the PATH. Reads only system properties, a few environment variables
 * and {@code /etc/os-release}; never runs a program, so it costs a millisecond or two.
 */
public final class ContextDetector {

    /** Programs whose presence changes what a good answer is. */
    static final List<String> NOTABLE_TOOLS = List.of(
            "git", "find", "fd", "rg", "grep", "sed", "awk", "gawk", "jq", "curl", "wget", "tar", "zip", "unzip",
            "gzip", "xz", "zstd", "7z", "rsync", "ssh", "docker", "podman", "kubectl", "systemctl", "journalctl",
            "ss", "netstat", "lsof", "ip", "ifconfig", "du", "df", "ps", "top", "htop", "brew", "apt", "dnf",
            "yum", "pacman", "apk", "python3", "node", "java", "psql", "mysql", "sqlite3", "gsed", "gfind");

    private final Map<String, String> env;
    private final Map<String, String> props;
    private final Path osRelease;

    public ContextDetector(Map<String, String> env, Map<String, String> systemProperties, Path osRelease) {
        this.env = env;
        this.props = systemProperties;
        this.osRelease = osRelease;
    }

    /** A detector for this process. */
    public static ContextDetector current() {
        Map<String, String> props = Map.of(
                "os.name", System.getProperty("os.name", ""),
                "os.version", System.getProperty("os.version", ""),
                "os.arch", System.getProperty("os.arch", ""),
                "user.dir", System.getProperty("user.dir", ""),
                "user.home", System.getProperty("user.home", ""),
                "user.name", System.getProperty("user.name", ""));
        return new ContextDetector(System.getenv(), props, Path.of("/etc/os-release"));
    }

    /**
     * Detects the context.
     *
     * @param shellOverride the shell chosen with {@code --shell} or config, or null to detect it
     */
    public ExecutionContext detect(ShellKind shellOverride) {
        return detect(shellOverride, true);
    }

    /**
     * The context for judging a command ({@code caro check}): as {@link #detect}, without the
     * distribution and the tools on the {@code PATH}, which only the prompt uses. Scanning the
     * {@code PATH} for every notable tool was about a tenth of a {@code caro check}.
     */
    public ExecutionContext detectForJudging(ShellKind shellOverride) {
        return detect(shellOverride, false);
    }

    private ExecutionContext detect(ShellKind shellOverride, boolean forPrompt) {
        OsFamily os = os(props.getOrDefault("os.name", ""));
        Set<String> tools = forPrompt ? tools(os) : Set.of();
        ShellKind shell = shellOverride != null ? shellOverride : shell(os);
        String user = props.getOrDefault("user.name", "");
        return new ExecutionContext(os, forPrompt ? distro(os) : "", props.getOrDefault("os.arch", ""), shell,
                userland(os, tools), props.getOrDefault("user.dir", "/"), props.getOrDefault("user.home", "/"),
                user, os == OsFamily.WINDOWS ? false : "root".equals(user), tools);
    }

    static OsFamily os(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.contains("linux")) {
            return OsFamily.LINUX;
        }
        if (n.contains("mac") || n.contains("darwin")) {
            return OsFamily.MACOS;
        }
        if (n.contains("windows")) {
            return OsFamily.WINDOWS;
        }
        if (n.contains("bsd")) {
            return OsFamily.BSD;
        }
        return OsFamily.OTHER;
    }

    ShellKind shell(OsFamily os) {
        if (os == OsFamily.WINDOWS) {
            return env.containsKey("PSModulePath") ? ShellKind.POWERSHELL : ShellKind.CMD;
        }
        return ShellKind.fromName(env.getOrDefault("SHELL", "")).orElse(ShellKind.SH);
    }

    Userland userland(OsFamily os, Set<String> tools) {
        switch (os) {
            case LINUX:
                return isBusybox() ? Userland.BUSYBOX : Userland.GNU;
            case MACOS:
            case BSD:
                return Userland.BSD;
            case WINDOWS:
                return Userland.WINDOWS;
            default:
                return Userland.UNKNOWN;
        }
    }

    private boolean isBusybox() {
        try {
            Path ls = Path.of("/bin/ls");
            return Files.isSymbolicLink(ls) && Files.readSymbolicLink(ls).toString().contains("busybox");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    String distro(OsFamily os) {
        if (os == OsFamily.MACOS) {
            return "macOS " + props.getOrDefault("os.version", "");
        }
        if (os != OsFamily.LINUX || osRelease == null) {
            return props.getOrDefault("os.name", "") + " " + props.getOrDefault("os.version", "");
        }
        try {
            String id = "";
            String version = "";
            for (String line : Files.readAllLines(osRelease)) {
                if (line.startsWith("ID=")) {
                    id = unquote(line.substring(3));
                } else if (line.startsWith("VERSION_ID=")) {
                    version = unquote(line.substring(11));
                }
            }
            return (id + " " + version).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && (t.startsWith("\"") || t.startsWith("'")) ? t.substring(1, t.length() - 1) : t;
    }

    Set<String> tools(OsFamily os) {
        Set<String> found = new TreeSet<>();
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        String[] dirs = path.split(File.pathSeparator);
        for (String tool : NOTABLE_TOOLS) {
            for (String dir : dirs) {
                if (dir.isEmpty()) {
                    continue;
                }
                try {
                    Path p = Path.of(dir, os == OsFamily.WINDOWS ? tool + ".exe" : tool);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        found.add(tool);
                        break;
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // a malformed PATH entry; skip it
                }
            }
        }
        return found;
    }
}
