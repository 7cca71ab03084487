package dev.caro.cli.plugins;

import dev.caro.core.plugin.PluginInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code caro plugins disable ID}: keeps the jar, stops loading it. */
@Command(name = "disable", description = "Switches a plugin off without removing it.")
final class PluginsDisableCommand implements Callable<Integer> {

    @ParentCommand
    PluginsCommand parent;

    @Parameters(paramLabel = "ID", description = "The plugin id (see 'caro plugins list').")
    String id;

    @Override
    public Integer call() {
        return parent.run(env -> {
            PluginInfo p = PluginsRemoveCommand.hostCall(() -> parent.host().disable(id));
            env.out().println("Disabled " + p.id() + "; it stays installed ('caro plugins enable " + p.id()
                    + "' switches it back on).");
            if (p.provides().safetyRules()) {
                env.out().println("Its " + p.provides().rules().size() + " safety rules no longer check commands.");
            }
            return 0;
        });
    }
}
