package dev.caro.backend.offline;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The built-in catalog, parsed at build time into a compact resource ({@value #RESOURCE}) that a
 * request reads only the parts of it needs, so its start does not grow with the catalog:
 *
 * <ul>
 *   <li>each intent's fields as read from the {@code .intents} files, decoded when first asked
 *       for ({@link #intent});
 *   <li>the text each {@code when} pattern requires ({@link RequiredText}), and a trigram index
 *       over it: for each intent, one trigram of each string of one of its requirement lists, so
 *       that the trigrams of a request name every intent that may match it ({@link #candidates})
 *       and the others are not decoded, compiled or run;
 *   <li>each intent's category, so that an area's intents are found without decoding the others;
 *   <li>the vocabulary of the patterns ({@link Catalog#vocabulary}).
 * </ul>
 *
 * The build writes it ({@link #main}) after compiling the module; without it (a class path with no
 * build step) the catalog parses the text files as before. Safe to share between threads.
 */
public final class CatalogIndex {

    /** Where the build puts the index, beside the catalog files. */
    static final String RESOURCE = "dev/caro/backend/offline/builtin.index";

    private static final int MAGIC = 0x4341524f; // "CARO"
    private static final int VERSION = 2;

    private final byte[] b;
    private final List<String> categories;
    private final List<String> sources;
    private final List<String> vocabulary;
    private final int size;
    /** Where each intent's record offset (int) and category (count) are. */
    private final int offsets;
    private final int categoryIds;
    /** Intents that are always candidates (no requirement usable for the trigram index). */
    private final int always;
    private final int alwaysCount;
    private final int trigramCount;
    private final int trigramKeys;
    private final int postingStarts;
    private final int postings;
    private final int records;

    private CatalogIndex(byte[] b) {
        this.b = b;
        Cursor in = new Cursor(b, 0);
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IllegalStateException("the offline backend's catalog index " + RESOURCE + " is not of this build");
        }
        sources = in.readStrings();
        categories = in.readStrings();
        vocabulary = in.readStrings();
        size = in.readCount();
        offsets = in.at;
        categoryIds = offsets + 4 * size;
        alwaysCount = readCount(categoryIds + 2 * size);
        always = categoryIds + 2 * size + 2;
        trigramCount = readInt(always + 2 * alwaysCount);
        trigramKeys = always + 2 * alwaysCount + 4;
        postingStarts = trigramKeys + 8 * trigramCount;
        postings = postingStarts + 4 * (trigramCount + 1);
        records = postings + 2 * readInt(postingStarts + 4 * trigramCount);
    }

    /**
     * Writes the index of the built-in catalog on the class path into {@code args[0]} (a classes
     * directory). Fails when a built-in file does not parse or a pattern does not compile.
     */
    public static void main(String[] args) throws IOException {
        List<Intent> intents = Catalog.parseBuiltIn(CatalogIndex.class.getClassLoader());
        for (Intent i : intents) {
            for (List<Pattern> l : List.of(i.when(), i.unless(), i.optional())) {
                for (int k = 0; k < l.size(); k++) {
                    try {
                        l.get(k);
                    } catch (PatternSyntaxException e) {
                        throw new CatalogFormatException(i.source() + " [" + i.id() + "]: bad pattern: " + e.getMessage());
                    }
                }
            }
        }
        Path out = Path.of(args[0]).resolve(RESOURCE);
        Files.createDirectories(out.getParent());
        Files.write(out, write(intents));
    }

    /** The index of {@code intents}, whose patterns must be {@link LazyPatterns} (as the parser makes them). */
    static byte[] write(List<Intent> intents) {
        List<String> sources = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<List<List<String>>> required = new ArrayList<>();
        for (Intent i : intents) {
            if (!sources.contains(i.source())) {
                sources.add(i.source());
            }
            if (!categories.contains(i.category())) {
                categories.add(i.category());
            }
            List<List<String>> r = new ArrayList<>();
            for (String s : ((LazyPatterns) i.when()).sources()) {
                r.add(RequiredText.of(s));
            }
            required.add(r);
        }
        TreeMap<Long, TreeSet<Integer>> trigrams = new TreeMap<>();
        List<Integer> always = new ArrayList<>();
        index(required, trigrams, always);

        ByteArrayOutputStream recordBytes = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        try (DataOutputStream out = new DataOutputStream(recordBytes)) {
            for (int k = 0; k < intents.size(); k++) {
                offsets.add(out.size());
                writeRecord(out, intents.get(k), required.get(k), sources);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeStrings(out, sources);
            writeStrings(out, categories);
            writeStrings(out, new ArrayList<>(Catalog.of(intents).vocabulary()));
            writeCount(out, intents.size());
            for (int offset : offsets) {
                out.writeInt(offset);
            }
            for (Intent i : intents) {
                writeCount(out, categories.indexOf(i.category()));
            }
            writeCount(out, always.size());
            for (int k : always) {
                writeCount(out, k);
            }
            out.writeInt(trigrams.size());
            for (long key : trigrams.keySet()) {
                out.writeLong(key);
            }
            int start = 0;
            for (TreeSet<Integer> list : trigrams.values()) {
                out.writeInt(start);
                start += list.size();
            }
            out.writeInt(start);
            for (TreeSet<Integer> list : trigrams.values()) {
                for (int k : list) {
                    writeCount(out, k);
                }
            }
            recordBytes.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Fills the trigram index: for each intent, the requirement list (of one of its {@code when}
     * patterns) whose strings' rarest trigrams name the fewest intents, and for each of its strings
     * that rarest trigram. An intent with no list whose strings all have three characters or more
     * goes to {@code always}.
     */
    private static void index(List<List<List<String>>> required, TreeMap<Long, TreeSet<Integer>> trigrams,
            List<Integer> always) {
        Map<Long, Integer> frequency = new HashMap<>();
        for (List<List<String>> lists : required) {
            Set<Long> seen = new TreeSet<>();
            for (List<String> list : lists) {
                if (usable(list)) {
                    for (String s : list) {
                        for (int i = 0; i + 3 <= s.length(); i++) {
                            seen.add(key(s, i));
                        }
                    }
                }
            }
            for (long k : seen) {
                frequency.merge(k, 1, Integer::sum);
            }
        }
        for (int k = 0; k < required.size(); k++) {
            List<Long> best = null;
            long bestCost = Long.MAX_VALUE;
            for (List<String> list : required.get(k)) {
                if (!usable(list)) {
                    continue;
                }
                List<Long> keys = new ArrayList<>();
                long cost = 0;
                for (String s : list) {
                    long rarest = key(s, 0);
                    for (int i = 1; i + 3 <= s.length(); i++) {
                        if (frequency.get(key(s, i)) < frequency.get(rarest)) {
                            rarest = key(s, i);
                        }
                    }
                    keys.add(rarest);
                    cost += frequency.get(rarest);
                }
                if (cost < bestCost) {
                    best = keys;
                    bestCost = cost;
                }
            }
            if (best == null) {
                always.add(k);
            } else {
                for (long key : best) {
                    trigrams.computeIfAbsent(key, x -> new TreeSet<>()).add(k);
                }
            }
        }
    }

    private static boolean usable(List<String> required) {
        if (required.isEmpty()) {
            return false;
        }
        for (String s : required) {
            if (s.length() < 3) {
                return false;
            }
        }
        return true;
    }

    private static long key(String s, int i) {
        return (long) s.charAt(i) << 32 | (long) s.charAt(i + 1) << 16 | s.charAt(i + 2);
    }

    private static void writeRecord(DataOutputStream out, Intent i, List<List<String>> required, List<String> sources)
            throws IOException {
        writeString(out, i.id());
        out.writeInt(i.priority());
        writeString(out, i.explanation());
        writeCount(out, sources.indexOf(i.source()));
        writeCount(out, i.templates().size());
        for (Map.Entry<String, String> t : i.templates().entrySet()) {
            writeString(out, t.getKey());
            writeString(out, t.getValue());
        }
        List<String> allow = new ArrayList<>();
        for (Slot.Kind k : i.allow()) {
            allow.add(k.name());
        }
        writeStrings(out, allow);
        writeStrings(out, ((LazyPatterns) i.when()).sources());
        for (List<String> r : required) {
            writeStrings(out, r);
        }
        writeStrings(out, ((LazyPatterns) i.unless()).sources());
        writeStrings(out, ((LazyPatterns) i.optional()).sources());
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        writeCount(out, strings.size());
        for (String s : strings) {
            writeString(out, s);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeCount(out, bytes.length);
        out.write(bytes);
    }

    /** Counts, lengths and intent numbers take two bytes. */
    private static void writeCount(DataOutputStream out, int n) throws IOException {
        if (n > 0xffff) {
            throw new IllegalArgumentException("too large for the catalog index: " + n);
        }
        out.writeShort(n);
    }

    /** The index on {@code loader}, or null when there is none. */
    static CatalogIndex read(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            return in == null ? null : new CatalogIndex(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an index written by {@link #write}. */
    static CatalogIndex read(byte[] index) {
        return new CatalogIndex(index);
    }

    /** How many intents the index holds. */
    int size() {
        return size;
    }

    /** The vocabulary of the intents' {@code when} patterns ({@link Catalog#vocabulary}). */
    List<String> vocabulary() {
        return vocabulary;
    }

    /** The category of intent {@code k}, without decoding it. */
    String category(int k) {
        return categories.get(readCount(categoryIds + 2 * k));
    }

    /** The id of intent {@code k} (its record's first field). */
    String id(int k) {
        return new Cursor(b, records + readInt(offsets + 4 * k)).readString();
    }

    /**
     * Sets the bits of the intents whose {@code when} patterns may all find a match in a request
     * whose lower-case form is {@code lower}; the others certainly do not.
     */
    void candidates(String lower, BitSet out) {
        for (int i = 0; i < alwaysCount; i++) {
            out.set(readCount(always + 2 * i));
        }
        for (int i = 0; i + 3 <= lower.length(); i++) {
            int t = find(key(lower, i));
            if (t >= 0) {
                int end = readInt(postingStarts + 4 * (t + 1));
                for (int p = readInt(postingStarts + 4 * t); p < end; p++) {
                    out.set(readCount(postings + 2 * p));
                }
            }
        }
    }

    /** The number of trigram {@code key} in the index, or -1. */
    private int find(long key) {
        int lo = 0;
        int hi = trigramCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long k = readLong(trigramKeys + 8 * mid);
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Decodes intent {@code k}. */
    Intent intent(int k) {
        Cursor in = new Cursor(b, records + readInt(offsets + 4 * k));
        String id = in.readString();
        int priority = in.readInt();
        String explanation = in.readString();
        String source = sources.get(in.readCount());
        int templateCount = in.readCount();
        Map<String, String> templates = new LinkedHashMap<>();
        for (int t = 0; t < templateCount; t++) {
            templates.put(in.readString(), in.readString());
        }
        Set<Slot.Kind> allow = EnumSet.noneOf(Slot.Kind.class);
        for (String a : in.readStrings()) {
            allow.add(Slot.Kind.valueOf(a));
        }
        List<String> when = in.readStrings();
        List<List<String>> required = new ArrayList<>(when.size());
        for (int w = 0; w < when.size(); w++) {
            required.add(in.readStrings());
        }
        List<String> unless = in.readStrings();
        List<String> optional = in.readStrings();
        return new Intent(id, category(k), new LazyPatterns(when, required), new LazyPatterns(unless),
                new LazyPatterns(optional), priority, templates, explanation, allow, source);
    }

    private int readInt(int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }

    private long readLong(int at) {
        return (long) readInt(at) << 32 | readInt(at + 4) & 0xffffffffL;
    }

    private int readCount(int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    /** Reads ints, two-byte counts and length-prefixed UTF-8 strings in order. */
    private static final class Cursor {
        private final byte[] b;
        private int at;

        Cursor(byte[] b, int at) {
            this.b = b;
            this.at = at;
        }

        int readInt() {
            int v = (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
            at += 4;
            return v;
        }

        int readCount() {
            int v = (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
            at += 2;
            return v;
        }

        String readString() {
            int n = readCount();
            String s = new String(b, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        List<String> readStrings() {
            int n = readCount();
            if (n == 0) {
                return List.of();
            }
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = readString();
            }
            return List.of(out);
        }
    }
}
