package dev.caro.cli;

import dev.caro.core.config.CaroConfig;
import dev.caro.core.config.ConfigKey;
import dev.caro.core.config.ConfigWriter;
import dev.caro.core.config.Settings;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code caro config show|get|set|path}. */
@Command(name = "config", description = "Shows or changes settings in config.toml.",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Get.class, ConfigCommand.Set.class, ConfigCommand.PathCmd.class})
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    CaroCommand parent;

    @Override
    public Integer call() {
        return show(parent.session());
    }

    static int show(Session session) {
        CliEnvironment env = session.cli();
        Settings settings = session.settings();
        env.out().println("# " + session.config().file());
        for (ConfigKey key : ConfigKey.values()) {
            Optional<Settings.Value> v = settings.value(key);
            if (v.isPresent()) {
                env.out().printf("%-8s = %-24s # from %s%n", key.key(), '"' + v.get().value() + '"', source(v.get().source(), key));
            } else {
                env.out().printf("# %-6s   (not set) %s%n", key.key(), key.description());
            }
        }
        for (Map.Entry<String, String> e : session.config().all().entrySet()) {
            if (e.getKey().contains(".")) {
                env.out().printf("%s = \"%s\"%n", e.getKey(), e.getValue());
            }
        }
        env.out().flush();
        return ExitCodes.OK;
    }

    private static String source(Settings.Source s, ConfigKey key) {
        return switch (s) {
            case FLAG -> "command line";
            case ENVIRONMENT -> key.envVar();
            case CONFIG_FILE -> "config file";
        };
    }

    @Command(name = "show", description = "Shows the effective settings and where each comes from (default).")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Override
        public Integer call() {
            return show(parent.parent.session());
        }
    }

    @Command(name = "get", description = "Prints one setting's effective value; exit 1 when unset.")
    static final class Get implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Parameters(paramLabel = "KEY", description = "backend, model, safety, output, shell, timeout, history, or backends.ID.NAME")
        String key;

        @Override
        public Integer call() {
            Session session = parent.parent.session();
            Optional<ConfigKey> known = ConfigKey.of(key);
            Optional<String> value;
            if (known.isPresent()) {
                value = session.settings().get(known.get());
            } else if (key.startsWith("backends.") || key.startsWith("plugins.")) {
                value = session.config().get(key);
            } else {
                throw new UsageException("unknown key '" + key + "'; valid keys: " + ConfigKey.names() + ", backends.ID.NAME, plugins.repository");
            }
            if (value.isEmpty()) {
                session.cli().err().println("caro: '" + key + "' is not set");
                return 1;
            }
            session.cli().out().println(value.get());
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", description = "Sets a key in config.toml, keeping the rest of the file.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        public Integer call() {
            Session session = parent.parent.session();
            java.nio.file.Path file = session.cli().paths().configFile();
            ConfigWriter.set(file, key, value);
            CaroConfig.load(file);
            session.cli().err().println("set " + key + " = " + value + " in " + file);
            return ExitCodes.OK;
        }
    }

    @Command(name = "path", description = "Prints the path of config.toml.")
    static final class PathCmd implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Override
        public Integer call() {
            Session session = parent.parent.session();
            session.cli().out().println(session.cli().paths().configFile());
            return ExitCodes.OK;
        }
    }
}
