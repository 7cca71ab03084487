package dev.caro.cli.plugins;

import dev.caro.core.plugin.PluginInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code caro plugins info ID}: everything the jar says about itself. */
@Command(name = "info", description = "Shows one plugin: descriptor, what it provides, state, problems.")
final class PluginsInfoCommand implements Callable<Integer> {

    @ParentCommand
    PluginsCommand parent;

    @Parameters(paramLabel = "ID", description = "The plugin id (see 'caro plugins list').")
    String id;

    @Override
    public Integer call() {
        return parent.run(env -> {
            List<PluginInfo> all = parent.host().list();
            PluginInfo p = all.stream().filter(i -> i.id().equals(id)).findFirst()
                    .orElseThrow(() -> PluginsRemoveCommand.unknown(id, all));
            print(env.out(), p);
            return 0;
        });
    }

    static void print(PrintWriter out, PluginInfo p) {
        out.println(p.id() + " " + p.version() + (p.provider().isEmpty() ? "" : " by " + p.provider()));
        if (!p.description().isEmpty()) {
            out.println("  " + p.description());
        }
        out.println("  state:      " + p.status().id());
        if (!p.requires().isEmpty()) {
            out.println("  requires:   caro API " + p.requires());
        }
        if (!p.dependencies().isEmpty()) {
            out.println("  needs:      " + String.join(", ", p.dependencies()));
        }
        out.println("  provides:   " + p.provides().summary());
        p.provides().backends().forEach(c -> out.println("    backend   " + c));
        p.provides().rules().forEach(c -> out.println("    rule      " + c));
        p.provides().formatters().forEach(c -> out.println("    formatter " + c));
        out.println("  path:       " + p.path());
        p.problem().ifPresent(why -> out.println("  problem:    " + why));
    }
}
