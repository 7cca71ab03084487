package dev.caro.cli;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.format.CheckResult;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.SafetyMode;
import dev.caro.api.shell.Origin;
import dev.caro.api.shell.Redirect;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.core.pipeline.Pipeline;
import dev.caro.core.shell.ShellParser;
import dev.caro.core.text.TerminalText;
import java.util.Optional;

/**
 * Breaks a command down for a person: each program in it with its {@code whatis} summary, each
 * option with the line from its manual, each argument and redirection, then the safety verdict.
 * The structure comes from caro's shell parser; the words about programs and options come from
 * the system's own documentation.
 */
final class CommandExplainer {

    private static final int LABEL = 18;

    private final Pipeline pipeline;
    private final SystemHelp help;
    private final SafetyMode mode;

    /** @param mode the safety mode whose verdict the breakdown reports */
    CommandExplainer(Pipeline pipeline, SystemHelp help, SafetyMode mode) {
        this.pipeline = pipeline;
        this.help = help;
        this.mode = mode;
    }

    /** The breakdown, several lines, each ending in a newline. */
    String explain(String command, ExecutionContext context, boolean color) {
        StringBuilder sb = new StringBuilder();
        ShellScript script = new ShellParser().parse(command, context);
        for (SimpleCommand c : script.commands()) {
            describe(sb, c, command);
        }
        script.parseError().ifPresent(e -> sb.append("  caro could not parse all of it: ").append(e.message())
                .append(" (at character ").append(e.span().start()).append(")\n"));
        CheckResult check = pipeline.check(command, context, mode);
        sb.append("  Risk: ").append(paint(check.assessment().risk().name(), check.assessment().risk(), color)).append('\n');
        for (Finding f : check.assessment().findings()) {
            sb.append("    - ").append(TerminalText.sanitize(f.message(), false)).append(" [").append(f.ruleId()).append("]\n");
        }
        for (String w : check.warnings()) {
            sb.append("    ! ").append(TerminalText.sanitize(w, false)).append('\n');
        }
        return sb.toString();
    }

    private void describe(StringBuilder sb, SimpleCommand c, String source) {
        String indent = "  " + "  ".repeat(Math.min(c.depth(), 4));
        if (c.name().isEmpty()) {
            sb.append(indent).append("(no program: only assignments or redirections)\n");
        } else {
            sb.append(indent).append(c.upstream().isEmpty() ? "" : "| ").append(show(c.name()));
            help.summary(c.name()).ifPresent(s -> sb.append(" — ").append(TerminalText.sanitize(s, false)));
            String where = where(c);
            if (!where.isEmpty()) {
                sb.append("  (").append(where).append(')');
            }
            sb.append('\n');
        }
        String inner = indent + "    ";
        for (String w : c.wrappers()) {
            line(sb, inner, w, wrapper(w));
        }
        for (Word a : c.assignments()) {
            line(sb, inner, a.source(), "sets " + a.source().split("=", 2)[0] + " for this command");
        }
        boolean endOfOptions = false;
        String valueOf = null;
        for (Word w : c.args()) {
            String v = w.value();
            if (valueOf != null) {
                line(sb, inner, w.source(), "value of " + valueOf);
                valueOf = null;
                continue;
            }
            if (!endOfOptions && v.equals("--")) {
                line(sb, inner, w.source(), "end of options: what follows are arguments");
                endOfOptions = true;
                continue;
            }
            if (!endOfOptions && w.looksLikeOption() && !c.name().isEmpty()) {
                valueOf = option(sb, inner, c.name(), w);
                continue;
            }
            line(sb, inner, w.source(), argument(w));
        }
        for (Redirect r : c.redirects()) {
            String written = c.depth() == 0 ? r.span().of(source).strip() : "";
            line(sb, inner, written.isEmpty() ? r.operator() + r.target().source() : written, redirect(r));
        }
        if (c.background()) {
            line(sb, inner, "&", "runs in the background");
        }
    }

    /** Describes one option word; returns its name when the next word is its value. */
    private String option(StringBuilder sb, String indent, String program, Word w) {
        String v = w.value();
        Optional<SystemHelp.OptionHelp> exact = help.option(program, v);
        if (exact.isPresent()) {
            line(sb, indent, w.source(), exact.get().description());
            return exact.get().takesValue() && !v.contains("=") ? v : null;
        }
        if (!v.startsWith("--") && v.length() > 2 && v.substring(1).chars().allMatch(Character::isLetterOrDigit)) {
            // Bundled short options: -la is -l and -a.
            Optional<SystemHelp.OptionHelp> first = help.option(program, "-" + v.charAt(1));
            if (first.isPresent() && first.get().takesValue()) {
                line(sb, indent, w.source(), "-" + v.charAt(1) + " " + v.substring(2) + ": " + first.get().description());
                return null;
            }
            StringBuilder parts = new StringBuilder();
            boolean any = false;
            for (char ch : v.substring(1).toCharArray()) {
                Optional<SystemHelp.OptionHelp> h = help.option(program, "-" + ch);
                any |= h.isPresent();
                parts.append(parts.length() == 0 ? "" : "; ").append('-').append(ch).append(": ")
                        .append(h.map(SystemHelp.OptionHelp::description).orElse("(not documented here)"));
            }
            if (any) {
                line(sb, indent, w.source(), parts.toString());
                return null;
            }
        }
        line(sb, indent, w.source(), "option (no description found in the manual)");
        return null;
    }

    private static String argument(Word w) {
        if (w.unknownExpansion()) {
            return "argument, expanded by the shell when it runs";
        }
        if (w.glob()) {
            return "pattern, expanded by the shell to matching file names";
        }
        return "argument";
    }

    private static String where(SimpleCommand c) {
        if (c.origin() == Origin.DIRECT) {
            return "";
        }
        return switch (c.origin()) {
            case SUBSTITUTION -> "inside a command substitution";
            case SHELL_STRING -> "run by a nested shell";
            case EVAL -> "run by eval";
            case FIND_EXEC -> "run by find for each match";
            case XARGS -> "run by xargs with its input as arguments";
            case REMOTE -> "run on the remote host";
            case PIPED_SCRIPT -> "piped into a shell as a script";
            case BODY -> "in a function or control structure";
            default -> "";
        };
    }

    private static String wrapper(String w) {
        return switch (w) {
            case "sudo", "doas", "pkexec", "su", "runas" -> "runs the command as another user (normally root)";
            case "env" -> "runs the command with a changed environment";
            case "nice" -> "runs the command at a lower priority";
            case "nohup" -> "keeps the command running after the terminal closes";
            case "time" -> "reports how long the command took";
            case "timeout" -> "stops the command after a time limit";
            case "xargs" -> "builds the command from its input";
            default -> "runs the command";
        };
    }

    static String redirect(Redirect r) {
        String target = r.target().value();
        String fd = switch (r.fd()) {
            case -1 -> "standard output and error";
            case 0 -> "standard input";
            case 1 -> "standard output";
            case 2 -> "standard error";
            default -> "file descriptor " + r.fd();
        };
        return switch (r.operator()) {
            case ">", ">|" -> "writes " + fd + " to " + target + ", replacing its contents";
            case ">>" -> "appends " + fd + " to " + target;
            case "&>" -> "writes standard output and error to " + target + ", replacing its contents";
            case "&>>" -> "appends standard output and error to " + target;
            case "<" -> "reads " + fd + " from " + target;
            case "<>" -> "opens " + target + " for reading and writing as " + fd;
            case ">&", "<&" -> target.equals("-") ? "closes " + fd
                    : target.matches("\\d+") ? "sends " + fd + " to where " + fdName(target) + " goes"
                    : "writes " + fd + " to " + target;
            case "<<", "<<-" -> "feeds the text up to " + target + " (a here-document) to standard input";
            case "<<<" -> "feeds the text " + r.target().source() + " to standard input";
            default -> "redirection";
        };
    }

    private static String fdName(String n) {
        return switch (n) {
            case "0" -> "standard input";
            case "1" -> "standard output";
            case "2" -> "standard error";
            default -> "file descriptor " + n;
        };
    }

    private static void line(StringBuilder sb, String indent, String label, String text) {
        String l = TerminalText.sanitize(label, false);
        sb.append(indent).append(l);
        sb.append(l.length() < LABEL ? " ".repeat(LABEL - l.length()) : "  ");
        sb.append(TerminalText.sanitize(text, false)).append('\n');
    }

    private static String show(String name) {
        return TerminalText.sanitize(name, false);
    }

    private static String paint(String text, RiskLevel risk, boolean color) {
        if (!color) {
            return text;
        }
        String code = switch (risk) {
            case SAFE -> "\u001b[32m";
            case MODERATE -> "\u001b[33m";
            case HIGH -> "\u001b[31m";
            case CRITICAL -> "\u001b[1;97;41m";
        };
        return code + text + "\u001b[0m";
    }
}
