package dev.caro.core.fakes;

import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import java.util.List;

/** A formatter whose constructor fails, as a broken extension would. */
public final class ThrowingFormatter implements OutputFormatter {

    public ThrowingFormatter() {
        throw new IllegalStateException("broken on purpose");
    }

    @Override
    public String id() { return "test-throwing"; }

    @Override
    public String description() { return ""; }

    @Override
    public String render(CommandResult result, FormatOptions options) { return ""; }

    @Override
    public String renderChecks(List<CheckResult> results, FormatOptions options) { return ""; }
}
