package dev.caro.api.context;

import dev.caro.api.Stable;

/**
 * Which flavour of the core utilities is installed. It decides option spellings such as
 * {@code sed -i ''} (BSD) versus {@code sed -i} (GNU), or {@code find -printf} (GNU only).
 */
@Stable(since = "1.0")
public enum Userland {
    GNU("gnu"), BSD("bsd"), BUSYBOX("busybox"), WINDOWS("windows"), UNKNOWN("unknown");

    private final String id;

    Userland(String id) { this.id = id; }

    /** Lower-case name used in config, JSON and messages. */
    public String id() { return id; }
}
