package dev.caro.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code caro man}: caro's manual page in roff, generated from the same command model as
 * {@code --help}, so the two never disagree. Install with
 * {@code caro man > ~/.local/share/man/man1/caro.1}, or read with {@code caro man | man -l -}.
 */
@Command(name = "man", description = {"Prints caro's manual page (roff). Read it with: caro man | man -l -",
    "Install it with: mkdir -p ~/.local/share/man/man1 && caro man > ~/.local/share/man/man1/caro.1"})
final class ManPageCommand implements Callable<Integer> {

    @ParentCommand
    CaroCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        parent.session().cli().out().print(render(spec.root()));
        parent.session().cli().out().flush();
        return ExitCodes.OK;
    }

    /** The manual page for {@code root} and its subcommands. */
    static String render(CommandSpec root) {
        StringBuilder sb = new StringBuilder();
        String[] version = root.version();
        sb.append(".TH CARO 1 \"\" \"").append(esc(version.length > 0 ? version[0] : "caro")).append("\" \"User Commands\"\n");
        sb.append(".SH NAME\ncaro \\- ").append(esc(String.join(" ", root.usageMessage().description()))).append('\n');
        sb.append(".SH SYNOPSIS\n.B caro\n[\\fIOPTIONS\\fR] \\fIPROMPT\\fR...\n.br\n.B caro\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGS\\fR]\n");
        sb.append(".SH DESCRIPTION\n").append(esc("caro turns a request in plain language into one shell command for your OS and "
                + "shell, judges how dangerous it is (SAFE, MODERATE, HIGH, CRITICAL) with reasons, and runs it only when you ask. "
                + "On a terminal it offers a menu: execute, edit, explain, copy, revise or quit.")).append('\n');
        sb.append(".SH OPTIONS\n");
        options(sb, root);
        sb.append(".SH COMMANDS\n");
        for (Map.Entry<String, CommandLine> e : root.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (sub.usageMessage().hidden()) {
                continue;
            }
            sb.append(".TP\n.B caro ").append(esc(e.getKey())).append('\n')
                    .append(esc(String.join(" ", sub.usageMessage().description()))).append('\n');
            if (!sub.options().stream().allMatch(o -> o.hidden() || o.usageHelp() || o.versionHelp())) {
                sb.append(".RS\n");
                options(sb, sub);
                sb.append(".RE\n");
            }
        }
        sb.append(".SH EXIT STATUS\n.nf\n");
        for (String line : root.usageMessage().footer()) {
            sb.append(esc(line.strip())).append('\n');
        }
        sb.append(".fi\n");
        sb.append(".SH FILES\n.TP\n.I ~/.config/caro/config.toml\nsettings ($XDG_CONFIG_HOME, CARO_CONFIG)\n"
                + ".TP\n.I ~/.cache/caro\nmodels and native libraries ($XDG_CACHE_HOME)\n"
                + ".TP\n.I ~/.local/share/caro/plugins\nplugins ($XDG_DATA_HOME, CARO_PLUGINS_DIR)\n"
                + ".TP\n.I ~/.local/state/caro/history.jsonl\nhistory ($XDG_STATE_HOME)\n");
        sb.append(".SH ENVIRONMENT\nCARO_BACKEND, CARO_MODEL, CARO_SAFETY, CARO_OUTPUT, CARO_SHELL, CARO_TIMEOUT, CARO_HISTORY, NO_COLOR\n");
        sb.append(".SH SEE ALSO\n").append(esc("caro doctor, caro explain, caro init, caro completion")).append('\n');
        return sb.toString();
    }

    private static void options(StringBuilder sb, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            sb.append(".TP\n");
            StringBuilder names = new StringBuilder();
            for (String n : o.names()) {
                names.append(names.length() == 0 ? "" : ", ").append("\\fB").append(esc(n)).append("\\fR");
            }
            sb.append(names);
            if (o.arity().max() > 0) {
                sb.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
            }
            sb.append('\n').append(esc(String.join(" ", o.description()))).append('\n');
        }
    }

    /** Escapes text for roff: backslashes, dashes, and a leading dot or quote. */
    static String esc(String s) {
        String e = s.replace("\\", "\\e").replace("-", "\\-");
        return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
    }
}
