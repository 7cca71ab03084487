package dev.caro.cli;

import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.ShellKind;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.SafetyMode;
import dev.caro.api.safety.SafetyRule;
import dev.caro.core.config.CaroConfig;
import dev.caro.core.config.ConfigKey;
import dev.caro.core.config.Settings;
import dev.caro.core.history.HistoryFile;
import dev.caro.core.pipeline.BackendEnvironments;
import dev.caro.core.plugin.LoadedPlugins;
import dev.caro.core.plugin.PluginHost;
import dev.caro.core.plugin.PluginInfo;
import dev.caro.core.plugin.PluginProblem;
import dev.caro.core.pipeline.Pipeline;
import dev.caro.core.registry.Registry;
import dev.caro.core.registry.RegistryProblem;
import dev.caro.core.registry.UnknownNameException;
import dev.caro.core.safety.SafetyEngine;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The parts one caro invocation needs, built on first use so that commands pay only for what they
 * touch: the config file, the settings, the registry of built-ins and plugins, the pipeline.
 */
final class Session implements AutoCloseable {

    private final CliEnvironment cli;
    private final Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
    private CaroConfig config;
    private Settings settings;
    private Registry registry;
    private Pipeline pipeline;
    private PluginHost plugins;
    private Optional<String> executionRefusal = Optional.empty();
    private DownloadProgress progress;
    private HistoryRecorder history;
    private boolean noDaemon;
    private boolean pluginRules;

    Session(CliEnvironment cli) {
        this.cli = cli;
    }

    CliEnvironment cli() {
        return cli;
    }

    /** Records a command-line value; it beats environment and config. */
    void flag(ConfigKey key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }

    /**
     * {@code --no-daemon}: backends see {@code CARO_NO_DAEMON=1}, the variable that turns the
     * background model server off, so the flag and the variable are one setting.
     */
    void noDaemon(boolean on) {
        noDaemon = on;
    }

    /** The environment variables backends see. */
    Map<String, String> backendEnv() {
        if (!noDaemon) {
            return cli.env();
        }
        Map<String, String> env = new HashMap<>(cli.env());
        env.put("CARO_NO_DAEMON", "1");
        return env;
    }

    CaroConfig config() {
        if (config == null) {
            config = CaroConfig.load(cli.paths().configFile());
        }
        return config;
    }

    Settings settings() {
        if (settings == null) {
            settings = Settings.resolve(flags, cli.env(), config());
        }
        return settings;
    }

    Registry registry() {
        if (registry == null) {
            // A broken extension is skipped, but never silently; a built-in is checked (and
            // reported) when its kind is first used, so a command pays only for what it touches.
            registry = Registry.discover(Session.class.getClassLoader(), new Consumer<>() {
                @Override
                public void accept(RegistryProblem p) { // a class, not a lambda: see loadPlugins
                    cli.err().println("caro: skipped " + p.source() + ": " + p.message());
                }
            });
            loadPlugins(registry);
        }
        return registry;
    }

    /**
     * Adds the extensions of installed, enabled plugins. The host creates no class loader when the
     * plugins directory holds no jar, so a plain install pays nothing for the plugin system; the
     * built-ins' ids, which plugin extensions may not reuse, are gathered only when a plugin starts.
     */
    private void loadPlugins(Registry r) {
        // Classes and loops, not lambdas: this runs at every start, and linking the first lambda
        // is a few milliseconds of a check, each later one most of one.
        plugins = PluginHost.open(cli.paths().pluginsDir(), new Supplier<>() {
            @Override
            public Set<String> get() {
                Set<String> builtIns = new HashSet<>();
                for (ModelBackendProvider b : r.backends()) {
                    builtIns.add(b.id());
                }
                for (SafetyRule x : r.rules()) {
                    builtIns.add(x.id());
                }
                for (OutputFormatter f : r.formatters()) {
                    builtIns.add(f.id());
                }
                return builtIns;
            }
        });
        LoadedPlugins loaded = plugins.load();
        for (ModelBackendProvider backend : loaded.backends()) {
            r.addBackend(backend, false);
        }
        for (SafetyRule rule : loaded.rules()) {
            pluginRules |= r.addRule(rule, false);
        }
        for (OutputFormatter formatter : loaded.formatters()) {
            r.addFormatter(formatter, false);
        }
        for (PluginProblem p : loaded.problems()) {
            cli.err().println("caro: plugin " + p.plugin() + ": " + p.message());
        }
        executionRefusal = loaded.executionRefusal();
    }

    /** The installed plugins after {@link #registry()} loaded them (status STARTED, FAILED, DISABLED). */
    List<PluginInfo> installedPlugins() {
        registry();
        return plugins == null ? List.of() : plugins.list();
    }

    /** Why commands may not run (a safety plugin failed to load); empty when they may. */
    Optional<String> executionRefusal() {
        registry();
        return executionRefusal;
    }

    SafetyMode safetyMode() {
        String v = settings().get(ConfigKey.SAFETY).orElse("moderate");
        Optional<SafetyMode> mode = SafetyMode.parse(v);
        if (mode.isEmpty()) {
            throw new UsageException("unknown safety mode '" + v + "'; choose one of: " + SafetyMode.names());
        }
        return mode.get();
    }

    Optional<ShellKind> shell() {
        Optional<String> v = settings().get(ConfigKey.SHELL);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ShellKind.fromName(v.get()).orElseThrow(() -> new UsageException(
                "unknown shell '" + v.get() + "'; choose one of: " + ShellKind.names())));
    }

    OutputFormatter formatter() {
        String id = settings().get(ConfigKey.OUTPUT).orElse("plain");
        try {
            return registry().formatter(id);
        } catch (UnknownNameException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The backend the user chose, validated; empty means "by rank". */
    Optional<String> backend() {
        Optional<String> v = settings().get(ConfigKey.BACKEND);
        if (v.isPresent()) {
            try {
                registry().backend(v.get());
            } catch (UnknownNameException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return v;
    }

    Duration timeout() {
        return Duration.ofSeconds(Long.parseLong(settings().get(ConfigKey.TIMEOUT).orElse("60")));
    }

    ExecutionContext context() {
        return cli.detector().detect(shell().orElse(null));
    }

    /**
     * The context for judging a command the user gave: without the distribution and the tools on
     * the PATH (only the prompt uses them), unless a plugin's safety rules are loaded; they may
     * look at anything in the context.
     */
    ExecutionContext judgingContext() {
        registry();
        return pluginRules ? context() : cli.detector().detectForJudging(shell().orElse(null));
    }

    FormatOptions formatOptions(boolean quiet, boolean verbose) {
        return new FormatOptions(cli.stdoutTerminal(), cli.color(), quiet, verbose);
    }

    SafetyEngine safetyEngine() {
        return new SafetyEngine(registry().rules());
    }

    Pipeline pipeline() {
        if (pipeline == null) {
            BackendEnvironments envs = new BackendEnvironments(config(), cli.paths(), backendEnv(),
                    settings().get(ConfigKey.MODEL), progress());
            Registry r = registry();
            pipeline = new Pipeline(r, safetyEngine(), envs, executionRefusal);
        }
        return pipeline;
    }

    /** Shows backends' downloads and model loading on standard error. */
    DownloadProgress progress() {
        if (progress == null) {
            progress = new DownloadProgress(cli);
        }
        return progress;
    }

    /** Records generated and executed commands unless history is turned off. */
    HistoryRecorder history() {
        if (history == null) {
            boolean on = !settings().get(ConfigKey.HISTORY).orElse("true").equals("false");
            history = new HistoryRecorder(HistoryFile.in(cli.paths().stateDir()), on, cli);
        }
        return history;
    }

    @Override
    public void close() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (plugins != null) {
            plugins.close();
        }
    }
}
