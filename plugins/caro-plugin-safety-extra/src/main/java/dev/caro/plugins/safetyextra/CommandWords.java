package dev.caro.plugins.safetyextra;

import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The positional arguments of a command (subcommands, names), skipping options and their values. */
final class CommandWords {

    private CommandWords() {}

    /**
     * Arguments that are not options. {@code valueOptions} lists options that take the next word
     * as their value (unless written {@code --opt=value}); after {@code --} everything is positional.
     */
    static List<Word> positionals(SimpleCommand command, Set<String> valueOptions) {
        List<Word> out = new ArrayList<>();
        List<Word> args = command.args();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            if (!optionsEnded && w.value().equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && w.looksLikeOption()) {
                if (valueOptions.contains(w.value()) && i + 1 < args.size()) {
                    i++;
                }
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** Whether the command has option {@code name}, alone or as {@code name=value}. */
    static boolean hasOption(SimpleCommand command, String name) {
        for (Word w : command.args()) {
            if (w.value().equals(name) || w.value().startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    /** The value of {@code --opt value} or {@code --opt=value}, or null. */
    static Word optionValue(SimpleCommand command, String name) {
        List<Word> args = command.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (v.equals(name) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (v.startsWith(name + "=")) {
                Word w = args.get(i);
                return new Word(w.source(), v.substring(name.length() + 1), w.quoted(), w.unknownExpansion(),
                        w.glob(), w.span());
            }
        }
        return null;
    }

    static String valueOr(List<Word> words, int index, String fallback) {
        return index < words.size() ? words.get(index).value() : fallback;
    }
}
