package dev.caro.testkit.fakes;

import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import java.util.List;

/** Keeps the formatter contract: escapes control characters, ends with a newline. */
public class TidyFormatter implements OutputFormatter {

    @Override
    public String id() {
        return "tidy";
    }

    @Override
    public String description() {
        return "The command, control characters escaped";
    }

    @Override
    public String render(CommandResult result, FormatOptions options) {
        return clean(result.command()) + "\n";
    }

    @Override
    public String renderChecks(List<CheckResult> results, FormatOptions options) {
        StringBuilder b = new StringBuilder();
        results.forEach(r -> b.append(clean(r.assessment().command())).append('\n'));
        return b.toString();
    }

    private static String clean(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x20 || c == 0x7f ? "?" : String.valueOf((char) c)));
        return b.toString();
    }
}
