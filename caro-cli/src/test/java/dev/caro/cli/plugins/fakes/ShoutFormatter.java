package dev.caro.cli.plugins.fakes;

import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import java.util.List;
import java.util.Locale;

/** A formatter packed into test plugin jars. */
public class ShoutFormatter implements OutputFormatter {

    @Override
    public String id() {
        return "shout";
    }

    @Override
    public String description() {
        return "Upper case";
    }

    @Override
    public String render(CommandResult result, FormatOptions options) {
        return result.command().toUpperCase(Locale.ROOT) + "\n";
    }

    @Override
    public String renderChecks(List<CheckResult> results, FormatOptions options) {
        return "";
    }
}
