package dev.caro.core.pipeline;

import java.util.List;

/** No backend produced a command. The message says what each one did and what to try next. */
public class GenerationFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> attempts;

    public GenerationFailedException(String message, List<String> attempts) {
        super(message);
        this.attempts = List.copyOf(attempts);
    }

    /** One line per backend tried: {@code "offline: not confident about this request"}. */
    public List<String> attempts() {
        return attempts;
    }
}
