package dev.caro.rules.network;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Serving the whole filesystem, a system directory or the home directory over HTTP. */
public final class ServeFilesystemRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("python*", "pypy*", "php");

    public ServeFilesystemRule() {
        super("caro.network.serve-filesystem", "Serving the root, system or home directory over the network", RiskLevel.HIGH,
                "Anyone who can reach the port can download keys, password hashes and private files. Serve only a"
                        + " folder made for sharing, bound to 127.0.0.1.",
                List.of("sudo python3 -m http.server 80 --directory /", "python3 -m http.server -d ~ 8000",
                        "cd / && python3 -m http.server", "php -S 0.0.0.0:8080 -t /etc"),
                List.of("python3 -m http.server 8000", "python3 -m http.server --directory ./public", "php -S localhost:8000",
                        "python3 -m http.server -d site 9000"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        Optional<Word> dir = Optional.empty();
        if (Names.isPython(n) && (c.hasArg("http.server") || c.hasArg("SimpleHTTPServer"))) {
            for (int i = 0; i + 1 < c.args().size(); i++) {
                String v = c.args().get(i).value();
                if (v.equals("-d") || v.equals("--directory")) {
                    dir = Optional.of(c.args().get(i + 1));
                }
            }
            for (Word w : c.args()) {
                if (w.value().startsWith("--directory=")) {
                    dir = Optional.of(dev.caro.rules.internal.Args.derived(w, w.value().substring(12)));
                }
            }
        } else if (n.equals("php") && c.hasArg("-S")) {
            dir = Args.value(c, "-t", null).flatMap(v -> c.args().stream().filter(w -> w.value().equals(v)).findFirst());
        } else {
            return out;
        }
        String where;
        PathKind k;
        if (dir.isPresent()) {
            k = Targets.kind(c, dir.get(), ctx);
            where = Targets.describe(k, dir.get());
        } else {
            String cwd = c.cwd().orElse(ctx.execution().cwd());
            k = ctx.classify(cwd);
            where = Targets.describe(k, cwd);
        }
        if (k == PathKind.ROOT || k == PathKind.SYSTEM || k == PathKind.HOME) {
            report(out, RiskLevel.HIGH, "Serves " + where + " over HTTP to anyone who can connect.", c.span());
        }
        return out;
    }
}
