package dev.caro.cli;

/**
 * caro's exit codes (documented in README.md). With {@code -x}, when the command runs, caro exits
 * with the command's own exit code instead.
 */
public final class ExitCodes {

    /** The command was generated (and, with -x, ran and succeeded), or check found it SAFE. */
    public static final int OK = 0;
    /** An unexpected internal error; please report it. */
    public static final int INTERNAL = 1;
    /** Bad command line: empty prompt, unknown option, backend, format, shell or safety level. */
    public static final int USAGE = 2;
    /** The configuration file or a CARO_* variable is invalid or unreadable. */
    public static final int CONFIG = 3;
    /** No backend could produce a command. */
    public static final int GENERATION_FAILED = 4;
    /** The safety mode blocked execution, or it needs a confirmation that could not be asked. */
    public static final int BLOCKED = 5;
    /** The user declined to run the command. */
    public static final int DECLINED = 6;
    /** {@code caro doctor}: at least one check failed. */
    public static final int DOCTOR_FAILED = 7;
    /** {@code caro plugins}: the plugin was rejected, or could not be downloaded or verified. */
    public static final int PLUGIN_REJECTED = 8;
    /** {@code caro check}: the most dangerous command checked is MODERATE. */
    public static final int CHECK_MODERATE = 10;
    /** {@code caro check}: the most dangerous command checked is HIGH. */
    public static final int CHECK_HIGH = 11;
    /** {@code caro check}: the most dangerous command checked is CRITICAL. */
    public static final int CHECK_CRITICAL = 12;
    /** Interrupted with Ctrl-C. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
