package dev.caro.cli.plugins;

import dev.caro.core.plugin.PluginInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code caro plugins enable ID}. */
@Command(name = "enable", description = "Switches a plugin on again.")
final class PluginsEnableCommand implements Callable<Integer> {

    @ParentCommand
    PluginsCommand parent;

    @Parameters(paramLabel = "ID", description = "The plugin id (see 'caro plugins list').")
    String id;

    @Override
    public Integer call() {
        return parent.run(env -> {
            PluginInfo p = PluginsRemoveCommand.hostCall(() -> parent.host().enable(id));
            env.out().println("Enabled " + p.id() + "; it loads from the next run on.");
            return 0;
        });
    }
}
