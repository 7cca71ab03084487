package dev.caro.api.context;

import dev.caro.api.Stable;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/** The shell that will interpret a command. */
@Stable(since = "1.0")
public enum ShellKind {
    SH("sh", true), BASH("bash", true), ZSH("zsh", true), FISH("fish", false),
    POWERSHELL("powershell", false), CMD("cmd", false);

    private final String id;
    private final boolean posix;

    ShellKind(String id, boolean posix) {
        this.id = id;
        this.posix = posix;
    }

    /** Lower-case name used on the command line, in config and JSON. */
    public String id() { return id; }

    /** Whether the shell accepts POSIX sh syntax ({@code sh}, {@code bash}, {@code zsh}). */
    public boolean posix() { return posix; }

    /**
     * Resolves a shell name or executable path ({@code /bin/bash}, {@code pwsh}, {@code dash})
     * to a kind; empty when it is not a shell caro knows.
     */
    public static Optional<ShellKind> fromName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String base = name.strip();
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1).toLowerCase(Locale.ROOT);
        if (base.endsWith(".exe")) {
            base = base.substring(0, base.length() - 4);
        }
        if (base.startsWith("-")) {
            base = base.substring(1); // login shells show up as "-bash"
        }
        switch (base) {
            case "sh": case "dash": case "ash": case "ksh": case "mksh": case "posix":
                return Optional.of(SH);
            case "bash": return Optional.of(BASH);
            case "zsh": return Optional.of(ZSH);
            case "fish": return Optional.of(FISH);
            case "pwsh": case "powershell": case "powershell_ise": return Optional.of(POWERSHELL);
            case "cmd": return Optional.of(CMD);
            default: return Optional.empty();
        }
    }

    /** The accepted names, for error messages: {@code sh, bash, zsh, fish, powershell, cmd}. */
    public static String names() {
        StringJoiner out = new StringJoiner(", "); // a loop, not a stream: this runs at every start
        for (ShellKind k : values()) {
            out.add(k.id());
        }
        return out.toString();
    }
}
