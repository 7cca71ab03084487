package dev.caro.rules.internal;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression compiled the first time it is used. Every built-in rule is created when
 * caro starts, but a command runs only the few rules whose command names it uses: compiling all
 * the rules' patterns in static initialisers was a large part of {@code caro check}'s start.
 * A test compiles every rule's patterns, so a malformed one still fails the build.
 *
 * <p>Safe to share between threads: two threads may both compile it, and get equal patterns.
 */
public final class LazyPattern {

    private final String regex;
    private final int flags;
    private volatile Pattern compiled;

    private LazyPattern(String regex, int flags) {
        this.regex = Objects.requireNonNull(regex);
        this.flags = flags;
    }

    /** As {@link Pattern#compile(String)}, on first use. */
    public static LazyPattern of(String regex) {
        return new LazyPattern(regex, 0);
    }

    /** As {@link Pattern#compile(String, int)}, on first use. */
    public static LazyPattern of(String regex, int flags) {
        return new LazyPattern(regex, flags);
    }

    /** The compiled pattern, compiling it now if no one has. */
    public Pattern get() {
        Pattern p = compiled;
        if (p == null) {
            p = Pattern.compile(regex, flags);
            compiled = p;
        }
        return p;
    }

    /** As {@link Pattern#matcher(CharSequence)}. */
    public Matcher matcher(CharSequence input) {
        return get().matcher(input);
    }

    /** As {@link Pattern#split(CharSequence)}. */
    public String[] split(CharSequence input) {
        return get().split(input);
    }

    /** Whether it has been compiled yet; for tests. */
    boolean isCompiled() {
        return compiled != null;
    }

    @Override
    public String toString() {
        return regex;
    }
}
