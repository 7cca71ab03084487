package dev.caro.api.context;

import dev.caro.api.Stable;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a command is meant to run. Backends use it to pick the right syntax, safety rules use it
 * to classify paths. It never carries environment values, tokens or file contents, so it is safe
 * to send to a remote backend.
 *
 * @param os the operating system family
 * @param distro distribution or product name, e.g. {@code "debian 12"}, {@code "macOS 15.1"}; empty if unknown
 * @param arch CPU architecture as the JVM names it, e.g. {@code amd64}, {@code aarch64}
 * @param shell the shell that will interpret the command
 * @param userland GNU or BSD core utilities
 * @param cwd the absolute working directory the command runs in
 * @param home the user's home directory (absolute)
 * @param user the user name; empty if unknown
 * @param root whether the user is root / Administrator
 * @param tools names of notable programs found on the {@code PATH} (e.g. {@code git}, {@code rg},
 *     {@code fd}, {@code docker}); an unordered set, never null
 */
@Stable(since = "1.0")
public record ExecutionContext(
        OsFamily os,
        String distro,
        String arch,
        ShellKind shell,
        Userland userland,
        String cwd,
        String home,
        String user,
        boolean root,
        Set<String> tools) {

    public ExecutionContext {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(userland, "userland");
        distro = distro == null ? "" : distro;
        arch = arch == null ? "" : arch;
        cwd = Objects.requireNonNull(cwd, "cwd");
        home = Objects.requireNonNull(home, "home");
        user = user == null ? "" : user;
        tools = Set.copyOf(tools == null ? Set.of() : tools);
    }

    /** Whether {@code tool} was found on the PATH. */
    public boolean hasTool(String tool) {
        return tools.contains(tool);
    }

    /** A copy that targets another shell. */
    public ExecutionContext withShell(ShellKind newShell) {
        return new ExecutionContext(os, distro, arch, newShell, userland, cwd, home, user, root, tools);
    }

    /** A copy with another working directory. */
    public ExecutionContext withCwd(String newCwd) {
        return new ExecutionContext(os, distro, arch, shell, userland, newCwd, home, user, root, tools);
    }

    /** A copy with another userland. */
    public ExecutionContext withUserland(Userland newUserland) {
        return new ExecutionContext(os, distro, arch, shell, newUserland, cwd, home, user, root, tools);
    }

    /** A copy with another operating system family. */
    public ExecutionContext withOs(OsFamily newOs) {
        return new ExecutionContext(newOs, distro, arch, shell, userland, cwd, home, user, root, tools);
    }

    /** A typical Linux/GNU/bash context, for tests and examples. */
    public static ExecutionContext linux(String cwd, String home) {
        return new ExecutionContext(OsFamily.LINUX, "", "amd64", ShellKind.BASH, Userland.GNU, cwd, home,
                "user", false, new TreeSet<>(Set.of("find", "grep", "sed", "awk", "tar", "git", "du", "ps")));
    }
}
