package dev.caro.core.format;

import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Decision;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.core.text.TerminalText;
import java.util.List;

/**
 * Text for people and pipes. Piped or quiet, a generated command is printed alone so that
 * {@code $(caro -q "...")} works; on a terminal it comes with its explanation, a risk line (in
 * color unless {@code NO_COLOR}) and the reasons.
 */
public final class PlainFormatter implements OutputFormatter {

    private static final String RESET = "\u001b[0m";

    @Override
    public String id() {
        return "plain";
    }

    @Override
    public String description() {
        return "the command alone when piped; with explanation and risk on a terminal (default)";
    }

    @Override
    public String render(CommandResult r, FormatOptions o) {
        if (o.quiet() || !o.terminal()) {
            return r.command() + "\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(o.color() ? "\u001b[1m" + r.command() + RESET : r.command()).append('\n');
        if (!r.explanation().isBlank()) {
            sb.append("  ").append(TerminalText.sanitize(r.explanation(), false)).append('\n');
        }
        riskLine(sb, r.assessment(), r.decision(), r.mode().id(), o);
        for (String w : r.warnings()) {
            sb.append("  ! ").append(TerminalText.sanitize(w, false)).append('\n');
        }
        if (o.verbose()) {
            sb.append("  backend: ").append(r.backend()).append(", ").append(r.elapsed().toMillis()).append(" ms\n");
            for (String alt : r.alternatives()) {
                sb.append("  alternative: ").append(TerminalText.sanitize(alt, false)).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String renderChecks(List<CheckResult> results, FormatOptions o) {
        StringBuilder sb = new StringBuilder();
        for (CheckResult r : results) {
            String command = TerminalText.sanitize(r.assessment().command(), false);
            sb.append(paint(String.format("%-8s", r.assessment().risk().name()), r.assessment().risk(), o))
                    .append("  ").append(command).append('\n');
            if (o.quiet()) {
                continue;
            }
            for (Finding f : r.assessment().findings()) {
                sb.append("  ").append(f.risk().name().toLowerCase()).append("  ")
                        .append(TerminalText.sanitize(f.message(), false))
                        .append("  [").append(f.ruleId()).append(" @").append(f.span().start()).append('-')
                        .append(f.span().end()).append("]\n");
            }
            for (String w : r.warnings()) {
                sb.append("  ! ").append(TerminalText.sanitize(w, false)).append('\n');
            }
            if (r.decision() != Decision.ALLOW) {
                sb.append("  ").append(decisionText(r.decision(), r.mode().id())).append('\n');
            }
        }
        return sb.toString();
    }

    private static void riskLine(StringBuilder sb, Assessment a, Decision d, String mode, FormatOptions o) {
        sb.append("  Risk: ").append(paint(a.risk().name(), a.risk(), o));
        if (d != Decision.ALLOW) {
            sb.append(" — ").append(decisionText(d, mode));
        }
        sb.append('\n');
        for (Finding f : a.findings()) {
            sb.append("    - ").append(TerminalText.sanitize(f.message(), false)).append(" [").append(f.ruleId()).append("]\n");
        }
    }

    static String decisionText(Decision d, String mode) {
        switch (d) {
            case CONFIRM: return "asks for confirmation before running (" + mode + " mode)";
            case CONFIRM_TYPED: return "runs only after you type 'yes' (" + mode + " mode)";
            case BLOCK: return "blocked in " + mode + " mode; caro will not run it";
            default: return "allowed";
        }
    }

    private static String paint(String text, RiskLevel risk, FormatOptions o) {
        if (!o.color()) {
            return text;
        }
        String code = switch (risk) {
            case SAFE -> "\u001b[32m";
            case MODERATE -> "\u001b[33m";
            case HIGH -> "\u001b[31m";
            case CRITICAL -> "\u001b[1;97;41m";
        };
        return code + text + RESET;
    }
}
