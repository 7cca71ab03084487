package dev.caro.cli.plugins;

import dev.caro.core.plugin.PluginHost;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caro plugins}: lists (the default) and manages plugin jars. Never loads plugin classes:
 * every subcommand works from the jars' manifests, so a broken plugin cannot break it.
 *
 * <p>Exit codes: 0 success, {@value #EXIT_USAGE} bad argument (unknown id, unreadable source),
 * {@value #EXIT_DECLINED} declined at the prompt, {@value #EXIT_REJECTED} the plugin was rejected
 * or could not be downloaded or verified.
 */
@Command(name = "plugins", description = "Lists and manages plugins: backends, safety rules and formats from jars.",
        subcommands = {PluginsListCommand.class, PluginsInstallCommand.class, PluginsRemoveCommand.class,
            PluginsEnableCommand.class, PluginsDisableCommand.class, PluginsInfoCommand.class})
public final class PluginsCommand implements Callable<Integer> {

    public static final int EXIT_USAGE = 2;
    public static final int EXIT_DECLINED = 6;
    public static final int EXIT_REJECTED = 8;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per plugin and line.")
    boolean json;

    private PluginsEnvironment environment;

    /** For picocli's default factory: the real process environment. */
    public PluginsCommand() {}

    /** With an explicit environment (the CLI's wiring, tests). */
    public PluginsCommand(PluginsEnvironment environment) {
        this.environment = environment;
    }

    PluginsEnvironment environment() {
        if (environment == null) {
            environment = PluginsEnvironment.system(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return environment;
    }

    PluginHost host() {
        // Built-in ids only matter when plugins load; these commands never load them.
        return PluginHost.open(environment().pluginsDir(), Set.of());
    }

    @Override
    public Integer call() {
        return PluginsListCommand.list(this, json);
    }

    /** Runs {@code body}, printing a failure as {@code caro: MESSAGE} and returning its exit code. */
    int run(Body body) {
        PluginsEnvironment env = environment();
        try {
            return body.run(env);
        } catch (PluginsFailure e) {
            env.err().println("caro: " + e.getMessage());
            return e.exitCode();
        } finally {
            env.out().flush();
            env.err().flush();
        }
    }

    /** A subcommand's work. */
    @FunctionalInterface
    interface Body {
        int run(PluginsEnvironment env) throws PluginsFailure;
    }
}
