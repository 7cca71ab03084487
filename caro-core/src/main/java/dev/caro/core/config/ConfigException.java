package dev.caro.core.config;

/** The configuration file cannot be read or holds an invalid value. The message names file, line and key. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
