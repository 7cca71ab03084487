package dev.caro.cli.plugins;

import dev.caro.core.plugin.PluginException;
import dev.caro.core.plugin.PluginInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code caro plugins remove ID}: deletes the jar and its state. */
@Command(name = "remove", description = "Deletes an installed plugin.")
final class PluginsRemoveCommand implements Callable<Integer> {

    @ParentCommand
    PluginsCommand parent;

    @Parameters(paramLabel = "ID", description = "The plugin id (see 'caro plugins list').")
    String id;

    @Override
    public Integer call() {
        return parent.run(env -> {
            PluginInfo removed = hostCall(() -> parent.host().remove(id));
            env.out().println("Removed " + removed.id() + (removed.version().isEmpty() ? "" : " " + removed.version())
                    + " (" + removed.path() + ").");
            return 0;
        });
    }

    static PluginsFailure unknown(String id, List<PluginInfo> all) {
        return new PluginsFailure(PluginsCommand.EXIT_USAGE, all.isEmpty()
                ? "No plugin '" + id + "' is installed; no plugins are installed."
                : "No plugin '" + id + "' is installed; installed: "
                        + String.join(", ", all.stream().map(PluginInfo::id).toList()) + ".");
    }

    /** A host operation; a {@link PluginException} becomes a failure with the right exit code. */
    static PluginInfo hostCall(HostCall call) throws PluginsFailure {
        try {
            return call.run();
        } catch (PluginException e) {
            throw new PluginsFailure(e.kind() == null && e.getMessage().startsWith("No plugin '")
                    ? PluginsCommand.EXIT_USAGE : PluginsCommand.EXIT_REJECTED, e.getMessage());
        }
    }

    @FunctionalInterface
    interface HostCall {
        PluginInfo run() throws PluginException;
    }
}
