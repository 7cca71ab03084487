package dev.caro.api.format;

import dev.caro.api.Stable;
import java.util.List;

/**
 * Renders results as text. Found through {@link java.util.ServiceLoader} (built-ins and plugins
 * alike); needs a public no-argument constructor and must be stateless.
 *
 * <p>Formatters write no terminal control sequences unless {@link FormatOptions#color()} is set,
 * and must neutralize control characters coming from model output. They never print anything
 * themselves: caro writes the returned text.
 */
@Stable(since = "1.0")
public interface OutputFormatter {

    /**
     * Unique id selected with {@code -o/--output}: {@code plain}, {@code json}, {@code yaml},
     * {@code markdown}, ... Lower case; built-ins have short ids, plugins should use a
     * distinctive one.
     */
    String id();

    /** One line for listings. */
    String description();

    /** Renders a generated command. The text should end with a newline. */
    String render(CommandResult result, FormatOptions options);

    /** Renders the verdicts of {@code caro check}, one per command checked. */
    String renderChecks(List<CheckResult> results, FormatOptions options);
}
