package dev.caro.core.eval;

/** A dataset file cannot be read; the message names the file and line and says what to fix. */
public final class DatasetFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public DatasetFormatException(String message) {
        super(message);
    }
}
