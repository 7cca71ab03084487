package dev.caro.api.context;

import dev.caro.api.Stable;

/** The operating system family a command targets. */
@Stable(since = "1.0")
public enum OsFamily {
    LINUX("linux"), MACOS("macos"), BSD("bsd"), WINDOWS("windows"), OTHER("other");

    private final String id;

    OsFamily(String id) { this.id = id; }

    /** Lower-case name used in config, JSON and messages. */
    public String id() { return id; }
}
