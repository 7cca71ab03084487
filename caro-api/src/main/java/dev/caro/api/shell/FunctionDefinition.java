package dev.caro.api.shell;

import dev.caro.api.Stable;
import java.util.List;
import java.util.Objects;

/**
 * A shell function definition, e.g. the {@code :} in {@code :(){ :|:& };:}.
 *
 * @param name the function name
 * @param body the simple commands of its body, in order
 * @param span the whole definition in the original text
 */
@Stable(since = "1.0")
public record FunctionDefinition(String name, List<SimpleCommand> body, Span span) {

    public FunctionDefinition {
        Objects.requireNonNull(name, "name");
        body = List.copyOf(body);
        Objects.requireNonNull(span, "span");
    }
}
