package dev.caro.api.backend;

import dev.caro.api.Stable;

/**
 * A backend failed. The message is shown to the user as is: make it short and say what to do
 * ({@code "Ollama is not reachable at http://localhost:11434: start it with 'ollama serve'"}).
 */
@Stable(since = "1.0")
public class BackendException extends Exception {

    private static final long serialVersionUID = 1L;

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
