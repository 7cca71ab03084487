package dev.caro.cli;

import dev.caro.cli.plugins.PluginsCommand;
import dev.caro.cli.plugins.PluginsEnvironment;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * caro's subcommands, registered on demand. picocli builds the model of every registered command
 * (reflection over each class, its options and nested commands) before parsing, which cost more
 * than the rest of {@code caro --version}. So a command line gets only the subcommands it names;
 * the root's help and the generators that describe the whole tree get all of them.
 */
final class Subcommands {

    /** In the order {@code caro --help} lists them. */
    static final List<String> NAMES = List.of("check", "backends", "config", "models", "eval", "explain", "init",
            "completion", "doctor", "daemon", "history", "man", "plugins");

    /** Subcommands that describe the whole command tree. */
    private static final List<String> NEED_ALL = List.of("completion", "man");

    private Subcommands() {}

    /** Registers every subcommand. */
    static void registerAll(CommandLine cl, CaroCommand root, CliEnvironment env) {
        for (String name : NAMES) {
            register(cl, name, root, env);
        }
    }

    /**
     * Registers what {@code args} can reach: picocli recognizes a subcommand name anywhere before
     * {@code --}, so every such word counts; the root's {@code --help} lists them all.
     */
    static void registerFor(CommandLine cl, CaroCommand root, CliEnvironment env, String... args) {
        List<String> named = new java.util.ArrayList<>();
        boolean help = false;
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (NAMES.contains(arg) && !named.contains(arg)) {
                named.add(arg);
            } else if (named.isEmpty() && isHelp(arg)) {
                help = true;
            }
        }
        if (help || named.stream().anyMatch(NEED_ALL::contains)) {
            registerAll(cl, root, env);
            return;
        }
        for (String name : NAMES) {
            if (named.contains(name)) {
                register(cl, name, root, env);
            }
        }
    }

    /** {@code -h}, {@code --help}, or a cluster of short flags with {@code h} ({@code -hV}). */
    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.matches("-[A-Za-z]*h[A-Za-z]*") && !arg.startsWith("--");
    }

    private static void register(CommandLine cl, String name, CaroCommand root, CliEnvironment env) {
        Object command = switch (name) {
            case "check" -> CheckCommand.class;
            case "backends" -> BackendsCommand.class;
            case "config" -> ConfigCommand.class;
            case "models" -> ModelsCommand.class;
            case "eval" -> EvalCommand.class;
            case "explain" -> ExplainCommand.class;
            case "init" -> InitCommand.class;
            case "completion" -> CompletionCommand.class;
            case "doctor" -> DoctorCommand.class;
            case "daemon" -> DaemonCommand.class;
            case "history" -> HistoryCommand.class;
            case "man" -> ManPageCommand.class;
            case "plugins" -> new PluginsCommand(new PluginsEnvironment(env.env(), env.in(), env.out(), env.err(),
                    env.stdinTerminal(), env.paths().pluginsDir(), pluginRepository(root)));
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
        cl.addSubcommand(name, command);
    }

    /** The Maven repository for {@code caro plugins install G:A:V}, read only when that command runs. */
    private static Supplier<Optional<String>> pluginRepository(CaroCommand root) {
        return () -> root.session().config().get("plugins.repository");
    }
}
