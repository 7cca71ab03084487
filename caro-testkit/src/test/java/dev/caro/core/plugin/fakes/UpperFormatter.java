package dev.caro.core.plugin.fakes;

import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import java.util.List;
import java.util.Locale;

/** Prints the command in upper case. */
public class UpperFormatter implements OutputFormatter {

    @Override
    public String id() {
        return "fake-upper";
    }

    @Override
    public String description() {
        return "The command, shouting";
    }

    @Override
    public String render(CommandResult result, FormatOptions options) {
        return result.command().toUpperCase(Locale.ROOT) + "\n";
    }

    @Override
    public String renderChecks(List<CheckResult> results, FormatOptions options) {
        StringBuilder b = new StringBuilder();
        results.forEach(r -> b.append(r.assessment().command().toUpperCase(Locale.ROOT)).append('\n'));
        return b.toString();
    }
}
