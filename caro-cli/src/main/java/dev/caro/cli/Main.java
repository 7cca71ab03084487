package dev.caro.cli;

import dev.caro.api.CaroApi;
import dev.caro.core.config.ConfigException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import dev.caro.cli.plugins.PluginsCommand;
import dev.caro.cli.plugins.PluginsEnvironment;
import picocli.CommandLine;

/** The {@code caro} program. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(CliEnvironment.system(out, err), args);
        out.flush();
        err.flush();
        // Native model libraries may leave non-daemon threads behind; end the process explicitly.
        System.exit(code);
    }

    /** Runs caro with {@code args} in {@code env} and returns the exit code. */
    public static int run(CliEnvironment env, String... args) {
        CaroCommand root = new CaroCommand(env);
        CommandLine cl = commandLine(root, env);
        try {
            return cl.execute(args);
        } finally {
            root.session().close();
            env.out().flush();
            env.err().flush();
        }
    }

    static CommandLine commandLine(CaroCommand root, CliEnvironment env) {
        CommandLine cl = new CommandLine(root);
        cl.addSubcommand(new PluginsCommand(new PluginsEnvironment(env.env(), env.in(), env.out(), env.err(),
                env.stdinTerminal(), env.paths().pluginsDir(), pluginRepository(root))));
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, env.err()));
        cl.setParameterExceptionHandler((ex, args) -> {
            env.err().println("caro: " + ex.getMessage());
            env.err().println("Try 'caro --help' for usage.");
            return ExitCodes.USAGE;
        });
        cl.getCommandSpec().version(CaroApi.CARO_VERSION == null ? "caro" : "caro " + CaroApi.CARO_VERSION
                + " (API " + CaroApi.VERSION + ", Java " + System.getProperty("java.version") + ")");
        return cl;
    }

    /** The Maven repository for {@code caro plugins install G:A:V}, read only when that command runs. */
    private static java.util.function.Supplier<java.util.Optional<String>> pluginRepository(CaroCommand root) {
        return () -> root.session().config().get("plugins.repository");
    }

    /** Maps an exception from any command to a message and a documented exit code. */
    static int handle(Exception ex, PrintWriter err) {
        if (ex instanceof UsageException) {
            err.println("caro: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        if (ex instanceof ConfigException) {
            err.println("caro: " + ex.getMessage());
            return ExitCodes.CONFIG;
        }
        if (ex instanceof InterruptedException) {
            err.println("caro: interrupted");
            return ExitCodes.INTERRUPTED;
        }
        err.println("caro: internal error: " + ex);
        err.println("Please report it with the output of 'caro --version' and the command you ran.");
        if (System.getenv("CARO_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return ExitCodes.INTERNAL;
    }
}
