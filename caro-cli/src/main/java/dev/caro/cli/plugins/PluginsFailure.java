package dev.caro.cli.plugins;

/** A {@code caro plugins} operation failed; the message is user-facing, the exit code documented. */
final class PluginsFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    PluginsFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
