package dev.caro.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The everyday command lines, a request ({@code caro -b offline "list files"}) and
 * {@code caro check 'rm -rf /'}, parsed without picocli. Building picocli's model of a command
 * (annotations, reflection, method handles, all interpreted) cost about half of such a start.
 * <p>
 * Only lines picocli would parse the same way are taken: each option exactly as declared, at
 * most once, a value after each value option, words that are neither options nor subcommand
 * names. Anything else ({@code --opt=value}, clustered flags, {@code --}, {@code @file},
 * {@code --help}, an unknown or repeated option, a missing value, a subcommand other than a
 * leading {@code check}) is left to picocli, which also reports the errors. A test holds both
 * parsers to the same result.
 */
final class SimpleCommandLine {

    private SimpleCommandLine() {}

    /** The command to call with its options set, or empty when picocli must parse {@code args}. */
    static Optional<Callable<Integer>> parse(CaroCommand root, String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@") || arg.equals("--") || (i > 0 && Subcommands.NAMES.contains(arg))) {
                return Optional.empty();
            }
        }
        if (args.length > 0 && args[0].equals("check")) {
            return check(root, args);
        }
        if (args.length > 0 && Subcommands.NAMES.contains(args[0])) {
            return Optional.empty();
        }
        return request(root, args);
    }

    private static Optional<Callable<Integer>> request(CaroCommand root, String[] args) {
        List<String> words = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                words.add(arg);
                continue;
            }
            String option = canonical(arg, ROOT_OPTIONS);
            if (option == null || !seen.add(option)) {
                return Optional.empty();
            }
            if (takesValue(option, ROOT_VALUES)) {
                if (!isValue(args, i + 1)) {
                    return Optional.empty();
                }
                String value = args[++i];
                switch (option) {
                    case "--prompt" -> root.prompt = value;
                    case "--shell" -> root.shell(value);
                    case "--backend" -> root.backend(value);
                    case "--model" -> root.model(value);
                    case "--safety" -> root.safety(value);
                    case "--output" -> root.output(value);
                    case "--timeout" -> root.timeout(value);
                    default -> throw new IllegalStateException(option);
                }
                continue;
            }
            switch (option) {
                case "--execute" -> root.execute = true;
                case "--dry-run" -> root.dryRun = true;
                case "--yes" -> root.yes = true;
                case "--explain" -> root.explain = true;
                case "--verbose" -> root.verbose = true;
                case "--quiet" -> root.quiet = true;
                default -> throw new IllegalStateException(option);
            }
        }
        root.words = words;
        return Optional.of(root);
    }

    private static Optional<Callable<Integer>> check(CaroCommand root, String[] args) {
        CheckCommand check = new CheckCommand();
        check.parent = root;
        List<String> words = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || arg.equals("-")) { // '-' alone: the commands are on standard input
                words.add(arg);
                continue;
            }
            String option = canonical(arg, CHECK_OPTIONS);
            if (option == null || !seen.add(option)) {
                return Optional.empty();
            }
            if (takesValue(option, CHECK_VALUES)) {
                if (!isValue(args, i + 1)) {
                    return Optional.empty();
                }
                String value = args[++i];
                switch (option) {
                    case "--output" -> check.output = value;
                    case "--safety" -> check.safety = value;
                    case "--shell" -> check.shell = value;
                    default -> throw new IllegalStateException(option);
                }
                continue;
            }
            switch (option) {
                case "--json" -> check.json = true;
                case "--quiet" -> check.quiet = true;
                default -> throw new IllegalStateException(option);
            }
        }
        check.words = words;
        return Optional.of(check);
    }

    /** Short and long names, pairwise: {@code {short, long}} or {@code {long}}. */
    private static final String[][] ROOT_OPTIONS = {
        {"-p", "--prompt"}, {"-s", "--shell"}, {"-b", "--backend"}, {"-m", "--model"}, {"--safety"},
        {"-o", "--output"}, {"--timeout"}, {"-x", "--execute"}, {"--dry-run"}, {"-y", "--yes"}, {"--explain"},
        {"-v", "--verbose"}, {"-q", "--quiet"}};
    private static final List<String> ROOT_VALUES = List.of("--prompt", "--shell", "--backend", "--model", "--safety",
            "--output", "--timeout");
    private static final String[][] CHECK_OPTIONS = {
        {"--json"}, {"-o", "--output"}, {"--safety"}, {"-s", "--shell"}, {"-q", "--quiet"}};
    private static final List<String> CHECK_VALUES = List.of("--output", "--safety", "--shell");

    /** The long name of option {@code arg}, or null when {@code arg} is not exactly one of {@code options}. */
    private static String canonical(String arg, String[][] options) {
        for (String[] names : options) {
            for (String name : names) {
                if (name.equals(arg)) {
                    return names[names.length - 1];
                }
            }
        }
        return null;
    }

    private static boolean takesValue(String option, List<String> valueOptions) {
        return valueOptions.contains(option);
    }

    /** An option's value must be there and must not look like an option (picocli may reject it). */
    private static boolean isValue(String[] args, int i) {
        return i < args.length && !args[i].startsWith("-");
    }
}
