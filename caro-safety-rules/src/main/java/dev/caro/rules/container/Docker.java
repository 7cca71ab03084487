package dev.caro.rules.container;

import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.Origin;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.Substitutions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads docker/podman command lines: the verb path ({@code volume rm}) and whether arguments are "everything". */
final class Docker {

    static final Set<String> ENGINES = Set.of("docker", "podman", "nerdctl");

    private Docker() {}

    /** The non-option words after the program: {@code [system, prune]}, {@code [volume, rm, x]}. */
    static List<String> words(SimpleCommand c) {
        List<String> out = new ArrayList<>();
        for (Word w : c.args()) {
            String v = w.value();
            if (!v.startsWith("-")) {
                out.add(v.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Whether the arguments come from a listing of all containers/volumes/images ($(docker ps -aq), xargs). */
    static boolean fedEverything(SimpleCommand c, RuleContext ctx, String listing) {
        for (Word w : c.args()) {
            if (w.unknownExpansion()) {
                for (String inner : Substitutions.innerTexts(w.source())) {
                    for (SimpleCommand s : ctx.parse(inner).commands()) {
                        if (lists(s, listing)) {
                            return true;
                        }
                    }
                }
            }
        }
        if (c.origin() == Origin.XARGS || c.wrappers().contains("xargs")) {
            for (SimpleCommand u : c.upstream()) {
                if (lists(u, listing)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code s} is e.g. {@code docker ps -aq} / {@code docker volume ls -q} / {@code docker images -q} without a dangling filter. */
    private static boolean lists(SimpleCommand s, String listing) {
        if (!ENGINES.contains(Names.of(s))) {
            return false;
        }
        List<String> w = words(s);
        String line = String.join(" ", s.argValues());
        if (line.contains("dangling=true") || line.contains("status=exited") || line.contains("label=")
                || line.contains("name=") || line.contains("ancestor=")) {
            return false;
        }
        return switch (listing) {
            case "containers" -> w.contains("ps") || (w.contains("container") && (w.contains("ls") || w.contains("list")));
            case "volumes" -> w.contains("volume") && (w.contains("ls") || w.contains("list"));
            case "images" -> w.contains("images") || (w.contains("image") && (w.contains("ls") || w.contains("list")));
            default -> false;
        };
    }

    static boolean force(SimpleCommand c) {
        return Args.has(c, "f", "--force");
    }
}
