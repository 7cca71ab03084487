package dev.caro.rules.internal;

import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.List;
import java.util.Optional;

/** The program text given on the command line to an interpreter: {@code python -c}, {@code perl -e}, {@code node -e} ... */
public final class InlineCode {

    private InlineCode() {}

    /** The inline code of {@code c}, or empty when it runs a script file or reads standard input. */
    public static Optional<String> of(SimpleCommand c) {
        String n = Names.of(c);
        List<Word> a = c.args();
        if (Names.isPython(n)) {
            return after(a, "-c", true);
        }
        switch (n) {
            case "perl", "ruby", "lua" -> {
                return after(a, "-e", true).or(() -> after(a, "-E", true));
            }
            case "node", "nodejs", "deno", "bun" -> {
                return after(a, "-e", false).or(() -> after(a, "--eval", false)).or(() -> after(a, "-p", false))
                        .or(() -> after(a, "eval", false));
            }
            case "php" -> {
                return after(a, "-r", false);
            }
            case "awk", "gawk", "mawk", "nawk" -> {
                List<Word> ops = Args.operands(c, java.util.Set.of("-F", "-v", "-f"));
                return ops.isEmpty() ? Optional.empty() : Optional.of(ops.get(0).value());
            }
            case "pwsh", "powershell" -> {
                return after(a, "-command", false).or(() -> after(a, "-c", false));
            }
            default -> {
                if (Names.SHELLS.contains(n)) {
                    return after(a, "-c", true);
                }
                return Optional.empty();
            }
        }
    }

    /**
     * The word after option {@code opt}; with {@code bundles}, also after a bundle ending in its
     * letter ({@code -le}, {@code -xc}) and the text attached to it ({@code -e'code'}).
     */
    private static Optional<String> after(List<Word> a, String opt, boolean bundles) {
        for (int i = 0; i < a.size(); i++) {
            String v = a.get(i).value();
            if (v.equalsIgnoreCase(opt) || (bundles && Args.isShortBundle(v) && opt.length() == 2
                    && v.charAt(v.length() - 1) == opt.charAt(1) && v.chars().skip(1).allMatch(Character::isLetter))) {
                if (i + 1 < a.size()) {
                    StringBuilder sb = new StringBuilder(a.get(i + 1).value());
                    return Optional.of(sb.toString());
                }
                return Optional.empty();
            }
            if (bundles && opt.length() == 2 && v.startsWith(opt) && v.length() > 2) {
                return Optional.of(v.substring(2));
            }
        }
        return Optional.empty();
    }
}
