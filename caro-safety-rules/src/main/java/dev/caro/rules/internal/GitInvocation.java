package dev.caro.rules.internal;

import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code git} command split into its subcommand and the subcommand's arguments, skipping
 * git's own options ({@code -C dir}, {@code -c key=value}, {@code --no-pager} ...).
 *
 * @param subcommand e.g. {@code push}
 * @param args the words after the subcommand
 */
public record GitInvocation(String subcommand, List<Word> args) {

    private static final Set<String> GLOBAL_WITH_VALUE = Set.of("-C", "-c", "--git-dir", "--work-tree",
            "--namespace", "--exec-path", "--config-env", "--super-prefix");
    private static final LazyPattern SHARED_BRANCH = LazyPattern.of(
            "(?i)(?:refs/heads/)?(?:main|master|develop|development|dev|trunk|stable|prod|production|staging|live"
            + "|release(?:[/-].*)?|releases/.*|gh-pages)");

    /** Parses a command named git; empty for anything else or a bare {@code git}. */
    public static Optional<GitInvocation> of(SimpleCommand c) {
        if (!Names.of(c).equals("git")) {
            return Optional.empty();
        }
        List<Word> a = c.args();
        for (int i = 0; i < a.size(); i++) {
            String v = a.get(i).value();
            if (GLOBAL_WITH_VALUE.contains(v)) {
                i++;
                continue;
            }
            if (v.equals("--help")) {
                return Optional.empty(); // git --help [subcommand] shows a manual page
            }
            if (v.startsWith("-")) {
                continue;
            }
            List<Word> rest = a.subList(i + 1, a.size());
            for (Word w : rest) {
                if (w.value().equals("--")) {
                    break;
                }
                if (w.value().equals("--help")) {
                    return Optional.empty(); // git SUBCOMMAND --help shows its manual page and does nothing else
                }
            }
            return Optional.of(new GitInvocation(v.toLowerCase(Locale.ROOT), rest));
        }
        return Optional.empty();
    }

    /** Whether a branch name is one that others share: main, master, develop, release/*, production ... */
    public static boolean isSharedBranch(String branch) {
        return SHARED_BRANCH.matcher(branch).matches();
    }

    /** Whether a bundle or long option is present among the subcommand's arguments. */
    public boolean has(String shorts, String... longs) {
        for (Word w : args) {
            String v = w.value();
            if (v.equals("--")) {
                break;
            }
            if (Args.isShortBundle(v)) {
                for (int i = 0; i < shorts.length(); i++) {
                    if (v.indexOf(shorts.charAt(i), 1) > 0) {
                        return true;
                    }
                }
            }
            for (String l : longs) {
                if (Args.longMatches(v, l)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an argument equals {@code value} exactly. */
    public boolean hasArg(String value) {
        for (Word w : args) {
            if (w.value().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The non-option arguments. */
    public List<Word> operands(Set<String> valueOptions) {
        return Args.operands(args, valueOptions);
    }
}
