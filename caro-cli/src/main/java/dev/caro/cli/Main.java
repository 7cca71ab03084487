package dev.caro.cli;

import dev.caro.api.CaroApi;
import dev.caro.core.config.ConfigException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** The {@code caro} program. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = runHere(args);
        if (code >= 0) {
            // Native model libraries may leave non-daemon threads behind; end the process explicitly.
            System.exit(code);
        }
    }

    /**
     * Runs caro in this process on its real streams and environment, as {@link #main} does, and
     * returns the exit code, or -1 after {@code --version} or {@code --help}, which start no
     * thread and end by returning from {@code main}: on Java 21+ {@code System.exit} looks up the
     * JDK's logger for {@code java.lang.Runtime} (some 15 classes and a lambda; on Java 25 a
     * {@code ServiceLoader} scan), a noticeable part of a start that only prints a line.
     */
    static int runHere(String[] args) {
        if (!isVersionRequest(args) && !RootHelp.isRequest(args)) {
            ClassPathWarmer.start(Main.class.getClassLoader()); // every other line looks up the built-ins
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        if (isVersionRequest(args)) {
            // Before the environment: its variables, paths and terminal are not needed for one line.
            out.println(version());
            out.flush();
            return -1;
        }
        if (RootHelp.isRequest(args)) {
            Optional<String> help = RootHelp.stored();
            if (help.isPresent()) {
                out.print(help.get());
                out.flush();
                return -1; // as for the version
            }
        }
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(CliEnvironment.system(out, err), args);
        out.flush();
        err.flush();
        return code;
    }

    /** Runs caro with {@code args} in {@code env} and returns the exit code. */
    public static int run(CliEnvironment env, String... args) {
        if (isVersionRequest(args)) {
            // The commonest probe of an installation; building picocli's model would triple its cost.
            env.out().println(version());
            env.out().flush();
            return ExitCodes.OK;
        }
        if (RootHelp.isRequest(args)) {
            Optional<String> help = RootHelp.stored(); // picocli would build the model of every subcommand
            if (help.isPresent()) {
                env.out().print(help.get());
                env.out().flush();
                return ExitCodes.OK;
            }
        }
        CaroCommand root = new CaroCommand(env);
        try {
            Optional<Callable<Integer>> simple = SimpleCommandLine.parse(root, args);
            if (simple.isPresent()) {
                return callSimple(simple.get(), env);
            }
            CommandLine cl = new CommandLine(root);
            Subcommands.registerFor(cl, root, env, args);
            configure(cl, env); // after registering: picocli applies settings only to the commands it has then
            return cl.execute(args);
        } finally {
            root.session().close();
            env.out().flush();
            env.err().flush();
        }
    }

    private static boolean isVersionRequest(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** Calls a command {@link SimpleCommandLine} parsed, as picocli's execute would. */
    private static int callSimple(Callable<Integer> command, CliEnvironment env) {
        try {
            return command.call();
        } catch (Exception e) {
            return handle(e, env.err());
        }
    }

    /** The whole command tree, every subcommand registered. */
    static CommandLine commandLine(CaroCommand root, CliEnvironment env) {
        CommandLine cl = new CommandLine(root);
        Subcommands.registerAll(cl, root, env);
        return configure(cl, env);
    }

    private static CommandLine configure(CommandLine cl, CliEnvironment env) {
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, env.err()));
        cl.setParameterExceptionHandler((ex, args) -> {
            env.err().println("caro: " + ex.getMessage());
            env.err().println("Try 'caro --help' for usage.");
            return ExitCodes.USAGE;
        });
        cl.getCommandSpec().version(version());
        return cl;
    }

    /** What {@code caro --version} prints. */
    static String version() {
        return CaroApi.CARO_VERSION == null ? "caro" : "caro " + CaroApi.CARO_VERSION
                + " (API " + CaroApi.VERSION + ", Java " + System.getProperty("java.version") + ")";
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
