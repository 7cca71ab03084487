package dev.caro.plugins.support;

/** Text that is not the JSON expected. */
public final class JsonException extends Exception {

    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
