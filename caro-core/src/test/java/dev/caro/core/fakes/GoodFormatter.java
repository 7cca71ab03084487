package dev.caro.core.fakes;

import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import java.util.List;

/** A working formatter registered beside a broken one. */
public final class GoodFormatter implements OutputFormatter {

    @Override
    public String id() { return "test-good"; }

    @Override
    public String description() { return "test"; }

    @Override
    public String render(CommandResult result, FormatOptions options) { return result.command(); }

    @Override
    public String renderChecks(List<CheckResult> results, FormatOptions options) { return ""; }
}
