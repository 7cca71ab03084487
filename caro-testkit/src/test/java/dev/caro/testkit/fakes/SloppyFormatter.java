package dev.caro.testkit.fakes;

import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import java.util.List;

/** Breaks the formatter contract: bad id, raw model output, no newline, not registered. */
public class SloppyFormatter implements OutputFormatter {

    @Override
    public String id() {
        return "Sloppy Format";
    }

    @Override
    public String description() {
        return "";
    }

    @Override
    public String render(CommandResult result, FormatOptions options) {
        return result.command();
    }

    @Override
    public String renderChecks(List<CheckResult> results, FormatOptions options) {
        return null;
    }
}
