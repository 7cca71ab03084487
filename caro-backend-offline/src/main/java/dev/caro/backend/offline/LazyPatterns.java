package dev.caro.backend.offline;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

/**
 * The patterns of one intent key, each compiled the first time it is read. Most intents are ruled
 * out by their first {@code when} pattern, so compiling every pattern of the built-in catalog up
 * front was most of an offline request's start; the built-in catalog's patterns are checked by a
 * test instead. Safe to share between threads: a pattern compiled twice is the same pattern.
 */
final class LazyPatterns extends AbstractList<Pattern> implements RandomAccess {

    private final List<String> sources;
    private final List<List<String>> required;
    private final AtomicReferenceArray<Pattern> compiled;

    LazyPatterns(List<String> sources) {
        this(sources, List.of());
    }

    /**
     * @param sources the regular expressions
     * @param required for each expression, the text one piece of which a match needs
     *     ({@link RequiredText}); empty when not known
     */
    LazyPatterns(List<String> sources, List<List<String>> required) {
        this.sources = List.copyOf(sources);
        this.required = required.isEmpty() ? List.of() : List.copyOf(required);
        if (!this.required.isEmpty() && this.required.size() != this.sources.size()) {
            throw new IllegalArgumentException("one requirement per pattern");
        }
        this.compiled = new AtomicReferenceArray<>(this.sources.size());
    }

    @Override
    public Pattern get(int index) {
        Pattern p = compiled.get(index);
        if (p == null) {
            p = Pattern.compile(Gaps.mark(sources.get(index)), Pattern.CASE_INSENSITIVE);
            compiled.set(index, p);
        }
        return p;
    }

    @Override
    public int size() {
        return sources.size();
    }

    /**
     * False when one of the patterns cannot find a match in a text whose lower-case form is
     * {@code lower}, because the text lacks what that pattern requires; compiles nothing. True
     * means the patterns must be tried.
     */
    boolean mayAllFind(String lower) {
        for (int i = 0; i < required.size(); i++) {
            if (!RequiredText.mayMatch(required.get(i), lower)) {
                return false;
            }
        }
        return true;
    }

    /** What each pattern requires ({@link RequiredText}); empty when not known. */
    List<List<String>> required() {
        return required;
    }

    /** The regular expressions as written, without compiling them. */
    List<String> sources() {
        return sources;
    }
}
