package dev.caro.core.format;

import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import dev.caro.core.text.Json;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** YAML with the same fields as JSON; several checks become a multi-document stream. */
public final class YamlFormatter implements OutputFormatter {

    @Override
    public String id() {
        return "yaml";
    }

    @Override
    public String description() {
        return "YAML, the same fields as JSON";
    }

    @Override
    public String render(CommandResult result, FormatOptions options) {
        StringBuilder sb = new StringBuilder();
        map(sb, ResultDocuments.of(result), 0);
        return sb.toString();
    }

    @Override
    public String renderChecks(List<CheckResult> results, FormatOptions options) {
        StringBuilder sb = new StringBuilder();
        for (CheckResult r : results) {
            sb.append("---\n");
            map(sb, ResultDocuments.of(r), 0);
        }
        return sb.toString();
    }

    private static void map(StringBuilder sb, Map<?, ?> m, int indent) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            sb.append(" ".repeat(indent)).append(e.getKey()).append(':');
            value(sb, e.getValue(), indent);
        }
    }

    private static void value(StringBuilder sb, Object v, int indent) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append(" {}\n");
            } else {
                sb.append('\n');
                map(sb, m, indent + 2);
            }
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                sb.append(" []\n");
                return;
            }
            sb.append('\n');
            for (Object o : c) {
                sb.append(" ".repeat(indent + 2)).append("-");
                if (o instanceof Map<?, ?> om) {
                    // first key on the dash line, the rest aligned under it
                    StringBuilder inner = new StringBuilder();
                    map(inner, om, indent + 4);
                    sb.append(' ').append(inner.substring(indent + 4));
                } else {
                    value(sb, o, indent + 2);
                }
            }
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(' ').append(v).append('\n');
        } else {
            // JSON string syntax is valid YAML and escapes every control character.
            sb.append(' ').append(Json.quote(String.valueOf(v))).append('\n');
        }
    }
}
