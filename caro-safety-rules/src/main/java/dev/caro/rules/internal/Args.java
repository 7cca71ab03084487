package dev.caro.rules.internal;

import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads options the way GNU and BSD tools do: bundled short flags ({@code -rf}, {@code -f -r}),
 * long options with unambiguous abbreviations ({@code --recursive}, {@code --recur}), values
 * attached or separate ({@code -oFILE}, {@code -o FILE}, {@code --output=FILE}) and {@code --}.
 */
public final class Args {

    private Args() {}

    /** Whether a word is a bundle of short options: {@code -rf}, not {@code --x}, not {@code -}. */
    public static boolean isShortBundle(String v) {
        return v.length() > 1 && v.charAt(0) == '-' && v.charAt(1) != '-';
    }

    /** Whether short flag {@code flag} appears in any bundle before {@code --}. */
    public static boolean hasShort(SimpleCommand c, char flag) {
        for (Word w : c.args()) {
            String v = w.value();
            if (v.equals("--")) {
                return false;
            }
            if (isShortBundle(v) && v.indexOf(flag, 1) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether long option {@code --name} (or an abbreviation of at least 3 letters, or {@code --name=...}) appears. */
    public static boolean hasLong(SimpleCommand c, String name) {
        for (Word w : c.args()) {
            String v = w.value();
            if (v.equals("--")) {
                return false;
            }
            if (longMatches(v, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code arg} spells long option {@code name} (given with its dashes). */
    public static boolean longMatches(String arg, String name) {
        if (!arg.startsWith("--") || arg.length() < 3) {
            return false;
        }
        int eq = arg.indexOf('=');
        String key = (eq < 0 ? arg : arg.substring(0, eq)).toLowerCase(Locale.ROOT);
        return key.equals(name) || (key.length() >= 5 && name.startsWith(key));
    }

    /** Whether any of the short flags in {@code shorts} or any of the long names appears. */
    public static boolean has(SimpleCommand c, String shorts, String... longs) {
        for (int i = 0; i < shorts.length(); i++) {
            if (hasShort(c, shorts.charAt(i))) {
                return true;
            }
        }
        for (String l : longs) {
            if (hasLong(c, l)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some argument equals {@code value}, ignoring case. */
    public static boolean hasWordIgnoreCase(SimpleCommand c, String value) {
        for (Word w : c.args()) {
            if (w.value().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Values of an option in every spelling: {@code -o V}, {@code -oV} (when {@code shortOpt} is one
     * letter), {@code --output=V}, {@code --output V}. Either name may be null.
     */
    public static List<String> values(SimpleCommand c, String shortOpt, String longOpt) {
        List<String> out = new ArrayList<>();
        List<Word> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (v.equals("--")) {
                break;
            }
            String next = i + 1 < args.size() ? args.get(i + 1).value() : null;
            if (shortOpt != null && v.equals(shortOpt)) {
                if (next != null) {
                    out.add(next);
                    i++;
                }
            } else if (shortOpt != null && shortOpt.length() == 2 && isShortBundle(v) && v.startsWith(shortOpt)
                    && v.length() > 2) {
                out.add(v.substring(2));
            } else if (longOpt != null && v.startsWith(longOpt + "=")) {
                out.add(v.substring(longOpt.length() + 1));
            } else if (longOpt != null && v.equals(longOpt)) {
                if (next != null) {
                    out.add(next);
                    i++;
                }
            }
        }
        return out;
    }

    /** Like {@link #value} but also accepts the option at the end of a bundle: {@code -qO FILE}, {@code -sSLo FILE}. */
    public static Optional<String> valueBundled(SimpleCommand c, String shortOpt, String longOpt) {
        Optional<String> v = value(c, shortOpt, longOpt);
        if (v.isPresent() || shortOpt == null) {
            return v;
        }
        List<Word> args = c.args();
        for (int i = 0; i + 1 < args.size(); i++) {
            String a = args.get(i).value();
            if (isShortBundle(a) && a.length() > 2 && a.charAt(a.length() - 1) == shortOpt.charAt(1)) {
                return Optional.of(args.get(i + 1).value());
            }
        }
        return Optional.empty();
    }

    /** The first value of an option, see {@link #values}. */
    public static Optional<String> value(SimpleCommand c, String shortOpt, String longOpt) {
        List<String> v = values(c, shortOpt, longOpt);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * The operands: arguments that are not options, skipping the value that follows any option in
     * {@code valueOptions} (exact spelling, e.g. {@code -t}, {@code --target-directory}).
     * Everything after {@code --} is an operand; a lone {@code -} is an operand.
     */
    public static List<Word> operands(SimpleCommand c, Set<String> valueOptions) {
        return operands(c.args(), valueOptions);
    }

    /** {@link #operands(SimpleCommand, Set)} over a slice of words. */
    public static List<Word> operands(List<Word> args, Set<String> valueOptions) {
        List<Word> out = new ArrayList<>();
        boolean endOfOptions = false;
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String v = w.value();
            if (endOfOptions) {
                out.add(w);
            } else if (v.equals("--")) {
                endOfOptions = true;
            } else if (v.startsWith("-") && v.length() > 1 && !w.unknownExpansion()) {
                if (valueOptions.contains(v)) {
                    i++;
                }
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** Operands with no value-taking options. */
    public static List<Word> operands(SimpleCommand c) {
        return operands(c, Set.of());
    }

    /** The first argument that is not an option (e.g. a subcommand), or empty. */
    public static Optional<Word> firstOperand(SimpleCommand c, Set<String> valueOptions) {
        List<Word> ops = operands(c, valueOptions);
        return ops.isEmpty() ? Optional.empty() : Optional.of(ops.get(0));
    }

    /** A word standing for {@code value} at the same place as {@code at}, e.g. the path in {@code of=/dev/sda}. */
    public static Word derived(Word at, String value) {
        return new Word(at.source(), value, at.quoted(), at.unknownExpansion(), at.glob(), at.span());
    }

    /** Lower-cased argument values. */
    public static List<String> lowerValues(SimpleCommand c) {
        List<String> out = new ArrayList<>(c.args().size());
        for (Word w : c.args()) {
            out.add(w.value().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Whether a PowerShell-style parameter ({@code -Recurse}, {@code -r}, {@code -rec}) naming {@code param} is present. */
    public static boolean hasPsParam(SimpleCommand c, String param, int minPrefix) {
        String p = param.toLowerCase(Locale.ROOT);
        for (Word w : c.args()) {
            String v = w.value().toLowerCase(Locale.ROOT);
            if (!v.startsWith("-") || v.startsWith("--") || v.length() < 2) {
                continue;
            }
            String key = v.substring(1);
            int colon = key.indexOf(':');
            if (colon > 0) {
                key = key.substring(0, colon);
            }
            if (key.equals(p) || (key.length() >= minPrefix && p.startsWith(key))) {
                return true;
            }
        }
        return false;
    }

    /** The value following PowerShell parameter {@code -param} (exact name, any case), or after {@code -param:}. */
    public static Optional<Word> psValue(SimpleCommand c, String param) {
        List<Word> args = c.args();
        String p = "-" + param.toLowerCase(Locale.ROOT);
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value().toLowerCase(Locale.ROOT);
            if (v.equals(p) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            if (v.startsWith(p + ":")) {
                return Optional.of(derived(args.get(i), args.get(i).value().substring(p.length() + 1)));
            }
        }
        return Optional.empty();
    }
}
