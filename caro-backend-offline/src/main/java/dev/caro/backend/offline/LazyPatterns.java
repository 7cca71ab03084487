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
    private final AtomicReferenceArray<Pattern> compiled;

    LazyPatterns(List<String> sources) {
        this.sources = List.copyOf(sources);
        this.compiled = new AtomicReferenceArray<>(this.sources.size());
    }

    @Override
    public Pattern get(int index) {
        Pattern p = compiled.get(index);
        if (p == null) {
            p = Pattern.compile(sources.get(index), Pattern.CASE_INSENSITIVE);
            compiled.set(index, p);
        }
        return p;
    }

    @Override
    public int size() {
        return sources.size();
    }

    /** The regular expressions as written, without compiling them. */
    List<String> sources() {
        return sources;
    }
}
