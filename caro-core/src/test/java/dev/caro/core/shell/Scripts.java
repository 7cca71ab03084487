package dev.caro.core.shell;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parsing and compact rendering of scripts for table-driven tests. */
final class Scripts {

    static final ExecutionContext CONTEXT = ExecutionContext.linux("/home/user/project", "/home/user");
    private static final ShellParser PARSER = new ShellParser();

    private Scripts() {}

    static ShellScript parse(String text) {
        return PARSER.parse(text, CONTEXT);
    }

    static ShellScript parse(String text, ExecutionContext context) {
        return PARSER.parse(text, context);
    }

    /** One line per command: {@code origin: name [arg] [arg]}, depth-first in source order. */
    static List<String> render(ShellScript script) {
        List<String> out = new ArrayList<>();
        for (SimpleCommand c : script.commands()) {
            out.add(render(c));
        }
        return out;
    }

    static String render(SimpleCommand c) {
        StringBuilder sb = new StringBuilder(c.origin().name().toLowerCase(Locale.ROOT)).append(": ").append(c.name());
        for (Word w : c.args()) {
            sb.append(" [").append(w.value()).append(']');
        }
        return sb.toString();
    }

    /** The only command named {@code name}. */
    static SimpleCommand only(ShellScript script, String name) {
        List<SimpleCommand> found = script.commands().stream().filter(c -> c.name().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + name + " in " + render(script));
        }
        return found.get(0);
    }
}
