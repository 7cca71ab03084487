package dev.caro.api.shell;

import dev.caro.api.Stable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One simple command after normalization: wrappers removed, the program name reduced to its
 * plain form ({@code /bin/rm}, {@code \rm}, {@code "rm"}, {@code r''m} all become {@code rm}).
 *
 * @param name the normalized program name (base name, no quotes); empty for a pure assignment
 *     or redirection such as {@code > file}
 * @param nameWord the word that named the program, as written
 * @param args the arguments after the name, as words
 * @param redirects the redirections of this command
 * @param assignments {@code NAME=value} prefixes, as words of the form {@code NAME=value}
 * @param wrappers the wrapper programs removed in front of the name, outermost first, e.g.
 *     {@code [sudo, nice]}
 * @param elevated whether a privilege wrapper ({@code sudo}, {@code doas}, {@code su -c},
 *     {@code pkexec}, {@code runas}) runs it
 * @param origin how the command was reached
 * @param depth nesting depth: 0 at top level, +1 per unfolded layer
 * @param upstream the commands whose output is piped into this one in its pipeline, nearest last;
 *     empty when nothing is piped in
 * @param stdinText literal text fed to standard input when caro knows it (here-document,
 *     here-string, or {@code echo}/{@code printf} of literal text piped in)
 * @param background whether it runs in the background ({@code &})
 * @param cwd the working directory at this point when caro can track it ({@code cd} with a
 *     literal path), empty when unknown
 * @param span the command's extent in the original text
 */
@Stable(since = "1.0")
public record SimpleCommand(
        String name,
        Word nameWord,
        List<Word> args,
        List<Redirect> redirects,
        List<Word> assignments,
        List<String> wrappers,
        boolean elevated,
        Origin origin,
        int depth,
        List<SimpleCommand> upstream,
        Optional<String> stdinText,
        boolean background,
        Optional<String> cwd,
        Span span) {

    public SimpleCommand {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
        redirects = List.copyOf(redirects);
        assignments = List.copyOf(assignments);
        wrappers = List.copyOf(wrappers);
        Objects.requireNonNull(origin, "origin");
        upstream = List.copyOf(upstream);
        stdinText = stdinText == null ? Optional.empty() : stdinText;
        cwd = cwd == null ? Optional.empty() : cwd;
        Objects.requireNonNull(span, "span");
    }

    /** The argument values in order. */
    public List<String> argValues() {
        List<String> out = new ArrayList<>(args.size()); // a loop: rules call this on every check
        for (Word w : args) {
            out.add(w.value());
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether any argument's value equals {@code value}. */
    public boolean hasArg(String value) {
        for (Word w : args) {
            if (w.value().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a program named {@code program} feeds this command through a pipe. */
    public boolean pipedFrom(String program) {
        for (SimpleCommand c : upstream) {
            if (c.name().equals(program)) {
                return true;
            }
        }
        return false;
    }
}
