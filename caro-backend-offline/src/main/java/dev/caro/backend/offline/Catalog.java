package dev.caro.backend.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The intents the offline backend knows. Built-in intents live in the files of {@link #BUILT_IN}
 * (one per area, so that people working on different areas edit different files); further
 * catalogs are found at {@value #EXTENSION_PATH} on the class loader, so a plugin jar adds
 * intents by shipping such a file. Ids must be unique: a plugin intent that reuses an id is
 * rejected, and built-ins keep their meaning.
 *
 * <p>The build parses the built-in files once into a {@link CatalogIndex}; when it is on the class
 * path the built-in intents are read from it, each when first needed, and {@link #candidates}
 * leaves out those a request cannot match, so a request's cost does not grow with the catalog.
 * Plugin catalogs are parsed as they are found.
 */
final class Catalog {

    /** The built-in catalog files, read in this order. */
    static final List<String> BUILT_IN = List.of(
            "dev/caro/backend/offline/builtin.intents",
            "dev/caro/backend/offline/files.intents",
            "dev/caro/backend/offline/text.intents",
            "dev/caro/backend/offline/system.intents");
    static final String EXTENSION_PATH = "META-INF/caro/offline/catalog.intents";

    private static final Set<String> KEYS = Set.of(
            "category", "when", "unless", "opt", "priority", "gnu", "bsd", "fish", "powershell", "explain", "allow");

    private final List<Intent> intents;
    private final List<String> problems;
    /** The built-in intents' index, or null when they were parsed from the text files. */
    private final CatalogIndex index;

    private Catalog(List<Intent> intents, List<String> problems, CatalogIndex index) {
        this.intents = index == null ? List.copyOf(intents) : new Indexed(index, intents);
        this.problems = List.copyOf(problems);
        this.index = index;
    }

    /** Every intent, built-in ones first, in catalog order; built-in ones are decoded when first read. */
    List<Intent> intents() {
        return intents;
    }

    /**
     * The intents, in catalog order, whose {@code when} patterns may all find a match in a request
     * whose lower-case form is {@code lower}; with the index, the built-in intents the request's
     * trigrams rule out are left out (and not decoded). Every other intent is included.
     */
    List<Intent> candidates(String lower) {
        if (index == null) {
            return intents;
        }
        BitSet bits = new BitSet(intents.size());
        index.candidates(lower, bits);
        bits.set(index.size(), intents.size()); // extension intents: no index
        List<Intent> out = new ArrayList<>(bits.cardinality());
        for (int k = bits.nextSetBit(0); k >= 0; k = bits.nextSetBit(k + 1)) {
            out.add(intents.get(k));
        }
        return out;
    }

    /** The intents of {@code intents} (a catalog's) in {@code category}, decoding no other indexed one. */
    static List<Intent> inCategory(List<Intent> intents, String category) {
        Indexed indexed = intents instanceof Indexed i ? i : null;
        List<Intent> out = new ArrayList<>();
        for (int k = 0; k < intents.size(); k++) {
            String c = indexed != null ? indexed.category(k) : intents.get(k).category();
            if (c.equals(category)) {
                out.add(intents.get(k));
            }
        }
        return out;
    }

    /** The built-in intents of an index, each decoded when first read, then the extension intents. */
    private static final class Indexed extends AbstractList<Intent> implements RandomAccess {
        private final CatalogIndex index;
        private final List<Intent> extensions;
        private final AtomicReferenceArray<Intent> decoded;

        Indexed(CatalogIndex index, List<Intent> extensions) {
            this.index = index;
            this.extensions = List.copyOf(extensions);
            this.decoded = new AtomicReferenceArray<>(index.size());
        }

        @Override
        public Intent get(int k) {
            if (k >= index.size()) {
                return extensions.get(k - index.size());
            }
            Intent i = decoded.get(k);
            if (i == null) {
                decoded.compareAndSet(k, null, index.intent(k));
                i = decoded.get(k);
            }
            return i;
        }

        String category(int k) {
            return k < index.size() ? index.category(k) : extensions.get(k - index.size()).category();
        }

        @Override
        public int size() {
            return index.size() + extensions.size();
        }
    }

    /** Catalog files that were skipped and why (duplicate ids, syntax errors in plugin files). */
    List<String> problems() {
        return problems;
    }

    /** Loads the built-in catalog (which must be valid) and every extension catalog on the loader. */
    static Catalog load(ClassLoader loader) {
        return load(loader, List.of(loader));
    }

    /**
     * Loads the built-in catalog from {@code loader} and extension catalogs from every loader in
     * {@code extensionLoaders} (each file once).
     */
    static Catalog load(ClassLoader loader, List<ClassLoader> extensionLoaders) {
        return fromFiles(loader, extensionFiles(extensionLoaders));
    }

    /**
     * Loads the built-in catalog from {@code loader} and the extension catalog files already found
     * ({@link #extensionFiles}).
     */
    static Catalog fromFiles(ClassLoader loader, List<URL> extensionFiles) {
        CatalogIndex index = CatalogIndex.read(loader);
        Map<String, Intent> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> builtInIds = null;
        if (index == null) {
            for (Intent i : parseBuiltIn(loader)) {
                byId.put(i.id(), i);
            }
        }
        for (URL url : extensionFiles) {
            String where = url.toString();
            try (InputStream in = url.openStream()) {
                List<Intent> parsed = parse(read(in), where);
                if (index != null && builtInIds == null) {
                    builtInIds = new java.util.HashSet<>();
                    for (int k = 0; k < index.size(); k++) {
                        builtInIds.add(index.id(k));
                    }
                }
                for (Intent i : parsed) {
                    if (builtInIds != null && builtInIds.contains(i.id()) || byId.putIfAbsent(i.id(), i) != null) {
                        problems.add(where + ": intent " + i.id() + " already exists; skipped");
                    }
                }
            } catch (IOException | CatalogFormatException e) {
                problems.add(where + ": " + e.getMessage() + "; file skipped");
            }
        }
        return new Catalog(new ArrayList<>(byId.values()), problems, index);
    }

    /**
     * Parses the built-in catalog files on {@code loader}; they must be valid. The build keeps
     * the result in the {@link CatalogIndex}, which {@link #load} reads instead when it is there.
     */
    static List<Intent> parseBuiltIn(ClassLoader loader) {
        Map<String, Intent> byId = new LinkedHashMap<>();
        for (String file : BUILT_IN) {
            try (InputStream in = loader.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("the offline backend's catalog " + file + " is missing");
                }
                for (Intent i : parse(read(in), file, true)) {
                    if (byId.putIfAbsent(i.id(), i) != null) {
                        throw new CatalogFormatException(file + ": duplicate intent id " + i.id());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** A catalog of exactly these intents, for tests. */
    static Catalog of(List<Intent> intents) {
        return new Catalog(intents, List.of(), null);
    }

    /** The extension catalog files on these loaders, each once, in load order. */
    static List<URL> extensionFiles(List<ClassLoader> loaders) {
        Map<String, URL> byName = new LinkedHashMap<>();
        for (ClassLoader l : loaders) {
            for (URL u : extensions(l)) {
                byName.putIfAbsent(u.toString(), u);
            }
        }
        return List.copyOf(byName.values());
    }

    private static List<URL> extensions(ClassLoader loader) {
        try {
            Enumeration<URL> e = loader.getResources(EXTENSION_PATH);
            return e == null ? List.of() : Collections.list(e);
        } catch (IOException ex) {
            return List.of();
        }
    }

    private static String read(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Parses catalog text: blocks that start with {@code [intent.id]}, followed by
     * {@code key: value} lines; {@code #} starts a comment line; a line starting with whitespace
     * continues the previous value.
     */
    static List<Intent> parse(String text, String source) {
        return parse(text, source, false);
    }

    /**
     * Parses catalog text; with {@code lazy} the patterns are compiled when first used (for the
     * built-in catalog, whose patterns a test compiles), otherwise here, so that a plugin file with a
     * bad pattern is rejected as a whole.
     */
    static List<Intent> parse(String text, String source, boolean lazy) {
        List<Intent> out = new ArrayList<>();
        String id = null;
        int idLine = 0;
        Map<String, List<String>> values = new LinkedHashMap<>();
        String lastKey = null;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String header = headerId(trimmed);
            if (header != null) {
                if (id != null) {
                    out.add(build(id, values, source, idLine, lazy));
                }
                id = header;
                idLine = n + 1;
                values = new LinkedHashMap<>();
                lastKey = null;
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && lastKey != null) {
                List<String> l = values.get(lastKey);
                l.set(l.size() - 1, l.get(l.size() - 1) + " " + trimmed);
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (id == null || colon < 0) {
                throw new CatalogFormatException(source + ":" + (n + 1) + ": expected [intent.id] or key: value");
            }
            String key = trimmed.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new CatalogFormatException(source + ":" + (n + 1) + ": unknown key '" + key + "'; known: "
                        + new TreeSet<>(KEYS));
            }
            List<String> list = values.get(key);
            if (list == null) {
                list = new ArrayList<>();
                values.put(key, list);
            }
            list.add(trimmed.substring(colon + 1).strip());
            lastKey = key;
        }
        if (id != null) {
            out.add(build(id, values, source, idLine, lazy));
        }
        return out;
    }

    /**
     * The id of a header line {@code [intent.id]} (lower-case letters, digits, {@code .}, {@code _}
     * and {@code -}, starting with a letter or digit), or null for any other line. By hand: a
     * regular expression per line was a tenth of loading the built-in catalog.
     */
    static String headerId(String line) {
        int n = line.length();
        if (n < 3 || line.charAt(0) != '[' || line.charAt(n - 1) != ']') {
            return null;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = line.charAt(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alnum && (i == 1 || c != '.' && c != '_' && c != '-')) {
                return null;
            }
        }
        return line.substring(1, n - 1);
    }

    private static Intent build(String id, Map<String, List<String>> v, String source, int line, boolean lazy) {
        String where = source + ":" + line + " [" + id + "]";
        if (!v.containsKey("when") || !v.containsKey("gnu")) {
            throw new CatalogFormatException(where + ": needs at least one 'when' and a 'gnu' template");
        }
        Map<String, String> templates = new LinkedHashMap<>();
        for (String k : List.of("gnu", "bsd", "fish", "powershell")) {
            if (v.containsKey(k)) {
                String t = v.get(k).get(0);
                if (t.equals(Intent.NONE) && !k.equals("bsd")) {
                    throw new CatalogFormatException(where + ": '" + Intent.NONE + "' (no command) is only for 'bsd'");
                }
                templates.put(k, t);
            }
        }
        Set<Slot.Kind> allow = EnumSet.noneOf(Slot.Kind.class);
        for (String a : v.getOrDefault("allow", List.of())) {
            for (String k : a.split("[,\\s]+")) {
                if (!k.isBlank()) {
                    try {
                        allow.add(Slot.Kind.valueOf(k.strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new CatalogFormatException(where + ": unknown slot kind '" + k + "' in allow");
                    }
                }
            }
        }
        int priority;
        try {
            priority = Integer.parseInt(v.getOrDefault("priority", List.of("0")).get(0));
        } catch (NumberFormatException e) {
            throw new CatalogFormatException(where + ": priority must be a whole number");
        }
        return new Intent(id, v.getOrDefault("category", List.of("other")).get(0),
                patterns(v.get("when"), where, lazy), patterns(v.getOrDefault("unless", List.of()), where, lazy),
                patterns(v.getOrDefault("opt", List.of()), where, lazy), priority, templates,
                v.getOrDefault("explain", List.of("")).get(0), allow, source);
    }

    private static List<Pattern> patterns(List<String> sources, String where, boolean lazy) {
        if (lazy) {
            return new LazyPatterns(sources);
        }
        List<Pattern> out = new ArrayList<>();
        for (String s : sources) {
            try {
                out.add(Pattern.compile(Gaps.mark(s), Pattern.CASE_INSENSITIVE));
            } catch (PatternSyntaxException e) {
                throw new CatalogFormatException(where + ": bad pattern " + s + ": " + e.getDescription());
            }
        }
        return out;
    }

    /**
     * Words of the catalog, for typo correction: the whole words its patterns ({@code when},
     * {@code unless}, {@code opt}) can match ({@link PatternWords}: {@code \\bannotat(?:ed|e)}
     * gives "annotated" and "annotate", not the stem) and the words of four letters or more of its
     * explanations. Worked out by the build for the built-in intents ({@link CatalogIndex}); read
     * by hand, as a regular expression over every pattern would slow a user catalog's start.
     */
    Set<String> vocabulary() {
        Set<String> words = new TreeSet<>();
        int from = 0;
        if (index != null) {
            words.addAll(index.vocabulary()); // the built-in intents', worked out by the build
            from = index.size();
        }
        for (int k = from; k < intents.size(); k++) {
            Intent intent = intents.get(k);
            for (String p : intent.allSources()) {
                PatternWords.addTo(p, words);
            }
            addWords(intent.explanation(), words);
        }
        return words;
    }

    /**
     * Adds the words of plain text: each run of four or more letters a-z (either case, stored in
     * lower case) with no letter, digit or {@code _} either side.
     */
    static void addWords(String text, Set<String> words) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean letters = true;
            while (i < n && isWordChar(text.charAt(i))) {
                char c = Character.toLowerCase(text.charAt(i));
                letters &= c >= 'a' && c <= 'z';
                i++;
            }
            if (letters && i - start >= 4) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** What {@code \\b} counts as part of a word. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
