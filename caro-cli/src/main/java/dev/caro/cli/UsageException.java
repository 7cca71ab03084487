package dev.caro.cli;

/** The command line is wrong; the message says how. Exit code {@link ExitCodes#USAGE}. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
