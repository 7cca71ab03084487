package dev.caro.plugins.markdown;

import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Finding;
import java.util.List;

/**
 * Renders results as Markdown for notes, tickets and chat: the command in a fenced {@code sh}
 * block, the verdict on one line, findings as a table. Never emits ANSI colour; control
 * characters from model output are shown as visible escapes.
 */
public final class MarkdownFormatter implements OutputFormatter {

    @Override
    public String id() {
        return "markdown";
    }

    @Override
    public String description() {
        return "Markdown: the command in a fenced block, the verdict and findings as a table";
    }

    @Override
    public String render(CommandResult r, FormatOptions options) {
        StringBuilder b = new StringBuilder();
        if (options.quiet()) {
            fence(b, r.command());
            return b.toString();
        }
        b.append("**Request:** ").append(inline(r.prompt())).append("\n\n");
        fence(b, r.command());
        if (!r.explanation().isBlank()) {
            b.append('\n').append(inline(r.explanation())).append('\n');
        }
        b.append('\n');
        verdict(b, r.assessment(), r.decision().name().toLowerCase(java.util.Locale.ROOT));
        if (options.verbose()) {
            b.append("**Backend:** `").append(code(r.backend())).append("` in ").append(r.elapsed().toMillis())
                    .append(" ms\n");
        }
        findings(b, r.assessment());
        for (String w : r.warnings()) {
            b.append("\n> **Warning:** ").append(inline(w)).append('\n');
        }
        if (!r.alternatives().isEmpty()) {
            b.append("\n**Alternatives:**\n\n");
            for (String alt : r.alternatives()) {
                b.append("- `").append(code(alt)).append("`\n");
            }
        }
        return b.toString();
    }

    @Override
    public String renderChecks(List<CheckResult> results, FormatOptions options) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            CheckResult c = results.get(i);
            if (i > 0) {
                b.append('\n');
            }
            fence(b, c.assessment().command());
            b.append('\n');
            verdict(b, c.assessment(), c.decision().name().toLowerCase(java.util.Locale.ROOT));
            findings(b, c.assessment());
            for (String w : c.warnings()) {
                b.append("\n> **Warning:** ").append(inline(w)).append('\n');
            }
        }
        return b.toString();
    }

    private static void verdict(StringBuilder b, Assessment a, String decision) {
        b.append("**Risk:** ").append(a.risk().id()).append(" · **Decision:** ").append(decision);
        if (!a.parsed()) {
            b.append(" · could not be parsed");
        }
        b.append('\n');
    }

    private static void findings(StringBuilder b, Assessment a) {
        if (a.findings().isEmpty()) {
            return;
        }
        b.append("\n| Risk | Rule | Finding |\n|---|---|---|\n");
        for (Finding f : a.findings()) {
            b.append("| ").append(f.risk().id()).append(" | `").append(code(f.ruleId())).append("` | ")
                    .append(cell(f.message())).append(" |\n");
        }
    }

    /** A fenced block longer than any backtick run inside the command, so it cannot be closed early. */
    private static void fence(StringBuilder b, String command) {
        int longest = 0;
        int run = 0;
        for (char c : command.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        b.append(fence).append("sh\n").append(visible(command, true)).append('\n').append(fence).append('\n');
    }

    private static String inline(String text) {
        return visible(text, false);
    }

    private static String code(String text) {
        return visible(text, false).replace("`", "'");
    }

    private static String cell(String text) {
        return visible(text, false).replace("|", "\\|");
    }

    /** Control characters (escape sequences from a model) become visible {@code \xNN}; newlines are kept only in code. */
    static String visible(String text, boolean keepNewlines) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && keepNewlines) {
                b.append(c);
            } else if (c == '\n' || c == '\t') {
                b.append(' ');
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
