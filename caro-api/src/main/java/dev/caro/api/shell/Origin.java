package dev.caro.api.shell;

import dev.caro.api.Stable;

/** How a simple command was reached in the original text. */
@Stable(since = "1.0")
public enum Origin {
    /** Written directly in the command line (possibly in a pipeline, list, subshell or group). */
    DIRECT,
    /** Inside {@code $( )}, backticks or {@code <( )} / {@code >( )}. */
    SUBSTITUTION,
    /** The string argument of {@code sh|bash|zsh -c}. */
    SHELL_STRING,
    /** The arguments of {@code eval}. */
    EVAL,
    /** {@code find -exec}, {@code -execdir}, {@code -ok}. */
    FIND_EXEC,
    /** The command run by {@code xargs}, {@code parallel} and similar. */
    XARGS,
    /** A command run on another host through {@code ssh}. */
    REMOTE,
    /** Text piped, here-string'ed or here-doc'ed into a shell. */
    PIPED_SCRIPT,
    /** The body of a shell function or a control structure (if, for, while, case). */
    BODY
}
