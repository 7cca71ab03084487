package dev.caro.core.format;

import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import dev.caro.core.text.Json;
import java.util.List;

/** One compact JSON object per result and line (JSON Lines when several commands are checked). */
public final class JsonFormatter implements OutputFormatter {

    @Override
    public String id() {
        return "json";
    }

    @Override
    public String description() {
        return "JSON, one object per line (schema in docs/output.md)";
    }

    @Override
    public String render(CommandResult result, FormatOptions options) {
        return Json.write(ResultDocuments.of(result)) + "\n";
    }

    @Override
    public String renderChecks(List<CheckResult> results, FormatOptions options) {
        StringBuilder sb = new StringBuilder();
        for (CheckResult r : results) {
            sb.append(Json.write(ResultDocuments.of(r))).append('\n');
        }
        return sb.toString();
    }
}
