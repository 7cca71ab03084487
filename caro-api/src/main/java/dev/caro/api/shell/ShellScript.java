package dev.caro.api.shell;

import dev.caro.api.Stable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole command line as parsed: every simple command at every nesting level (flattened, in
 * source order), the function definitions, and whether parsing succeeded.
 *
 * @param source the original text
 * @param commands every simple command, top level and unfolded nested ones
 * @param functions function definitions found anywhere
 * @param parseError when the text could not be parsed completely, what went wrong; caro judges
 *     such input at least HIGH regardless of the rules
 */
@Stable(since = "1.0")
public record ShellScript(String source, List<SimpleCommand> commands, List<FunctionDefinition> functions,
        Optional<ParseError> parseError) {

    public ShellScript {
        Objects.requireNonNull(source, "source");
        commands = List.copyOf(commands);
        functions = List.copyOf(functions);
        parseError = parseError == null ? Optional.empty() : parseError;
    }

    /** Whether the whole text was understood. */
    public boolean parsed() {
        return parseError.isEmpty();
    }

    /**
     * Why a text could not be parsed.
     *
     * @param message short description, e.g. {@code "unterminated single quote"}
     * @param span where the problem starts
     */
    @Stable(since = "1.0")
    public record ParseError(String message, Span span) {}
}
