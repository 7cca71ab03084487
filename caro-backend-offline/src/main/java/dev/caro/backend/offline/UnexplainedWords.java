package dev.caro.backend.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the words of a request that an intent leaves unexplained; the matcher drops an intent that
 * leaves one, as it drops an intent that would ignore a slot. A word is explained when it
 * overlaps a span one of the intent's {@code when}/{@code opt} patterns matched, a capture or a slot;
 * when it is a stopword or a {@link #HARMLESS} word (verbs of asking, generic nouns, fillers);
 * a word describing a time slot the request has ("modified"), or one the find expression reads
 * ("empty", "executable") when the {@code find} command holds its test; or when the intent names it: a word of
 * its patterns, commands, rendered command, id or explanation, or a word that at least two intents
 * and a tenth of the intents of its category name (so "compress" is explained for every
 * compression intent, "push" is not for {@code git branch}). Words are compared by a crude stem,
 * a request word of four letters or more (or with a digit) that starts a named word ("md5" in
 * {@code md5sum}) and a named fragment of five letters or more that starts a request word
 * ("director" in {@code director(?:y|ies)}) count too; a hyphenated word is explained when each of
 * its parts is. Any other word probably carries a meaning the command does not reflect ("without
 * crossing filesystems", "with the bearer token", "directly inside", "any capitalisation").
 * Two stricter cases: a word another matching intent {@linkplain #claims claims} is explained only
 * by the intent's own words; a {@link #NEGATIONS negation} must be named by the intent, or be part
 * of a slot, a capture or a quiet-errors phrase, whatever span covers it ("not" may also be shown by
 * a negated find test or an inverted grep: "not executable" is {@code ! -perm -u+x}).
 */
final class UnexplainedWords {

    /** Words that never change which command answers a request. */
    static final Set<String> HARMLESS = Words.set(
            // asking and showing
            "show", "shows", "list", "lists", "listing", "print", "display", "find", "get", "give", "tell", "see",
            "make", "check", "need", "want", "wanna", "like", "would", "could", "can", "should", "will", "may", "might",
            "let", "know", "look", "looking", "help", "compute", "calculate", "determine", "figure", "try", "run", "running", "use", "using", "used", "quick",
            "quickly", "real", "really", "actually", "just", "rn", "asap", "sure", "kindly", "thanks", "thank", "hey", "hi", "ok", "okay", "um", "umm", "uh", "erm", "hmm",
            "whats", "thats", "wheres", "hows", "whos", "am", "im", "ive", "id", "dont", "doesnt", "cant", "can't",
            "theyre", "youre", "theres", "heres", "were", "its",
            "out", "up", "go", "going", "put", "some", "way", "something", "anything", "everything", "somewhere",
            "anywhere", "everywhere", "whatever", "whichever", "right", "now", "currently", "current", "present",
            "presently", "again", "here", "there", "ones", "kind", "lots", "much", "many", "about", "via",
            "over", "using", "through", "across", "around", "inside", "within", "onto", "off",
            // generic nouns
            "file", "files", "folder", "folders", "directory", "directories", "dir", "dirs", "path", "paths",
            "line", "lines", "text", "content", "contents", "output", "result", "results", "thing", "things",
            "stuff", "item", "items", "entry", "entries", "name", "names", "info", "information", "details",
            // the state a request is in, not what it asks ("process 9182 is hung, kill it", "how big is X altogether")
            "hung", "stuck", "frozen", "unresponsive", "altogether",
            "machine", "computer", "box", "system", "host", "server", "pc", "laptop", "terminal", "shell",
            "command", "commands", "screen", "console", "session", "everyone", "someone", "user", "users",
            "mine", "own", "ours", "yours", "please", "pls", "plz",
            // verbs of asking ("hit URL", "send a GET request", "just say which differ", "how often each word appears")
            "say", "hit", "send", "sending", "appear", "appears", "appearing",
            // connectives and vague quantities
            "between", "along", "including", "include", "includes", "already", "either", "whether", "located",
            "lying", "sitting", "stored", "living", "grab", "fetch", "come", "comes", "returned", "returns",
            "contain", "contains", "containing", "exist", "exists", "existing", "plus", "values", "value", "data", "work", "set", "search", "searching", "most",
            "top", "first", "last", "recent", "latest", "full", "after", "before", "installed", "available",
            "runs", "gone", "eat", "eating", "hungry", "hogging", "consuming", "takes", "take",
            "taking", "uses", "extension", "extensions", "response", "reply", "linux", "grand", "form", "units",
            "order", "alphabetically", "alphabetical", "usage", "arent", "isnt", "afterwards", "afterward", "version", "entire", "overall",
            "certain", "particular", "specific",
            "properly", "property", "saying", "says", "call", "signal", "program", "programs", "binaries",
            "level", "next", "itself", "themselves", "single", "moment", "mind", "quickest", "easiest", "simplest",
            "got", "too", "also", "ill", "youll", "itll", "gimme",
            // people a purpose clause names ("so people can only delete their own files")
            "people", "others", "anyone", "anybody", "nobody", "somebody", "everybody", "been", "being");

    /**
     * Harmless words that still carry a meaning when another intent's pattern names them: "first"
     * is filler for {@code grep} unless {@code head} or {@code grep -m 1} was asked for.
     */
    static final Set<String> CLAIMABLE = Words.set("first", "last", "top", "most", "recent", "latest", "single",
            "next", "version", "alphabetically", "alphabetical", "order", "units", "level", "extension",
            "extensions", "installed", "available", "full", "entire", "grab");

    /**
     * Words that take something away from a request: the intent must name them in its own patterns,
     * commands or explanation, whatever span covers them.
     */
    static final Set<String> NEGATIONS = Words.set(MeaningWords.EXCLUSIONS, "dont", "never", "not");

    /** Names of days that a request gives the date of as well: "christmas 2025 (2025-12-25)". */
    private static final Set<String> DATED_NAMES = Words.set("christmas", "xmas", "halloween", "valentines",
            "birthday", "anniversary", "deadline", "independence", "thanksgiving", "easter");

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_'-]*");

    /**
     * Words the find expression reads from the request itself ("empty", "executable"), each with the
     * test of the {@code find} command that reflects it: "not executable" is not explained by a find
     * that tests no permission.
     */
    private static final Map<String, Pattern> FIND_WORDS = findWords();

    private static Map<String, Pattern> findWords() {
        Pattern exec = Pattern.compile(" -executable\\b| -perm [-/]?\\S*(?:x|[1357])(?!\\S)");
        Pattern hidden = Pattern.compile("'\\.\\*'|/\\.|-i?name '?\\.|-i?path '?\\S*/\\.");
        Pattern writable = Pattern.compile(" -perm | -writable\\b");
        Pattern link = Pattern.compile(" -x?type l\\b| -L ");
        Map<String, Pattern> out = new HashMap<>();
        out.put("empty", Pattern.compile(" -empty\\b"));
        out.put("executable", exec);
        out.put("executables", exec);
        out.put("hidden", hidden);
        out.put("world-writable", writable);
        out.put("writable", writable);
        out.put("symlinks", link);
        out.put("symlink", link);
        out.put("broken", Pattern.compile(" -xtype l\\b| -L .* -type l\\b|test -e"));
        return Map.copyOf(out);
    }

    /** Words that describe a time slot ("modified in the last hour"); explained when the request has one. */
    private static final Set<String> TIME_WORDS = Words.set("modified", "changed", "edited", "touched", "updated",
            "created", "altered", "written", "modifed", "old", "older", "newer", "age", "aged");

    /** Words that say a time bound is about the last access; explained when find tests the access time. */
    private static final Set<String> ACCESS_WORDS = Words.set("accessed", "opened", "read", "used");
    private static final Pattern ACCESS_TEST = Pattern.compile(" -a(?:time|min) | -newerat ");

    /**
     * Verbs that change something: however many intents of a category name one, it never counts for
     * the whole category, so "kill the process using the most cpu" is not a listing of processes.
     */
    private static final Set<String> ACTIONS = Words.set("kill", "terminate", "stop", "restart", "start", "disable",
            "enable", "delete", "remove", "move", "rename", "copy", "compress", "extract", "install", "uninstall",
            "upgrade", "update", "chmod", "chown", "reload", "mount", "unmount", "format", "encrypt", "decrypt",
            "upload", "push", "reset", "revert", "drop", "truncate", "overwrite", "replace", "shred", "wipe");

    /** Share of a category's intents that must name a word for it to count for the whole category. */
    private static final double CATEGORY_SHARE = 0.1;

    /** Share of a category's intents that must name a word for it to be generic there, even where another intent claims it. */
    private static final double GENERIC_SHARE = 0.35;

    private final List<Intent> intents;
    private final Map<String, Set<String>> byIntent = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byCategory = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> core = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> genericByCategory = new ConcurrentHashMap<>();

    /** @param intents the catalog, whose categories give the shared vocabularies */
    UnexplainedWords(List<Intent> intents) {
        this.intents = intents;
    }

    /**
     * The first word of {@code req} that {@code intent}, rendered as {@code command}, leaves unexplained, or null.
     * {@code claimed} holds the offsets of words that another matching intent, with another command,
     * {@linkplain #claims claims}: such a word is explained only by a capture, a slot, a span or the
     * intent's own words, never by being harmless or common in the category ("the first line
     * containing listen" is not {@code grep listen} while {@code head} claims "first"; "the same
     * sha256" is not {@code cmp} while {@code sha256sum} claims "sha256").
     */
    String first(Intent intent, String command, ParsedRequest req, List<int[]> spans,
            Map<String, TemplateRenderer.Capture> captures, Set<Integer> claimed) {
        List<String> words = of(intent, command, req, spans, captures, claimed);
        return words.isEmpty() ? null : words.get(0);
    }

    /**
     * The offsets of the words of {@code req} that {@code intent} claims: words inside the spans its
     * patterns matched that one of its captures covers or its own patterns, commands or explanation
     * name, other than stopwords and the generic {@link #HARMLESS} words (a {@link #CLAIMABLE} one counts).
     */
    Set<Integer> claims(Intent intent, ParsedRequest req, List<int[]> patternSpans,
            Map<String, TemplateRenderer.Capture> captures) {
        Set<Integer> out = new HashSet<>();
        List<int[]> captured = spans(captures);
        Set<String> own = null;
        Matcher w = WORD.matcher(req.text());
        while (w.find()) {
            if (!overlaps(patternSpans, w.start(), w.end())) {
                continue;
            }
            String lower = req.lower().substring(w.start(), w.end()).replace("'", "");
            if (SlotExtractor.STOP.contains(lower) || HARMLESS.contains(lower) && !CLAIMABLE.contains(lower)) {
                continue;
            }
            if (overlaps(captured, w.start(), w.end())) {
                out.add(w.start());
                continue;
            }
            if (own == null) {
                own = byIntent.computeIfAbsent(intent.id(), id -> vocabulary(intent));
            }
            if (named(own, lower)) {
                out.add(w.start());
            }
        }
        return out;
    }

    /** Every unexplained word of {@code req}, lower case, in order. */
    List<String> of(Intent intent, String command, ParsedRequest req, List<int[]> spans,
            Map<String, TemplateRenderer.Capture> captures, Set<Integer> claimed) {
        List<int[]> covered = new ArrayList<>(spans);
        for (Slot s : req.slots()) {
            covered.add(new int[] {s.start(), s.end()});
        }
        covered.addAll(spans(captures));
        boolean timed = req.slots().stream().anyMatch(s -> s.kind() == Slot.Kind.TIME);
        boolean dated = MeaningWords.ISO_DATE.matcher(req.text()).find();
        // what a negation may be part of: a slot ("skip node_modules"), a capture, "without errors" for 2>/dev/null
        List<int[]> negatable = new ArrayList<>(covered.subList(spans.size(), covered.size()));
        if (command.contains("2>/dev/null")) {
            negatable.addAll(QuietErrors.spans(req.lower()));
        }
        String text = req.text();
        List<String> out = new ArrayList<>();
        Set<String> vocabulary = null;
        Set<String> own = null;
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            String negation = req.lower().substring(w.start(), w.end());
            if (NEGATIONS.contains(negation) && !overlaps(negatable, w.start(), w.end())
                    && !named(byIntent.computeIfAbsent(intent.id(), id -> vocabulary(intent)), negation)
                    && !((negation.equals("not") || negation.equals("without")) && notShown(command, req.lower().substring(w.end())))) {
                out.add(negation); // "list files without hidden ones" is not ls -a, though ".*" spans "without"
                continue;
            }
            if (overlaps(covered, w.start(), w.end()) || w.start() > 0 && "./~-_@$«0123456789".indexOf(text.charAt(w.start() - 1)) >= 0
                    || w.end() < text.length() && "./=@".indexOf(text.charAt(w.end())) >= 0) {
                continue;
            }
            String lower = req.lower().substring(w.start(), w.end()).replace("'", "");
            if (SlotExtractor.STOP.contains(lower)
                    || timed && TIME_WORDS.contains(lower) || command.startsWith("find ") && FIND_WORDS.containsKey(lower) && FIND_WORDS.get(lower).matcher(command).find()
                    || timed && ACCESS_WORDS.contains(lower) && ACCESS_TEST.matcher(command).find()
                    || dated && DATED_NAMES.contains(lower) || MeaningWords.namedBySlot(req, lower)) {
                continue;
            }
            if (claimed.contains(w.start())) {
                if (own == null) {
                    // its own words, not those of an optional pattern that did not match ("first 5 matches")
                    own = new HashSet<>(core.computeIfAbsent(intent.id(), id -> vocabulary(intent, false)));
                    addWords(own, command);
                    own.addAll(generic(intent.category()));
                }
                if (!named(own, lower)) {
                    out.add(lower);
                }
                continue;
            }
            if (HARMLESS.contains(lower) || HARMLESS.contains(stem(lower))) {
                continue;
            }
            if (vocabulary == null) {
                vocabulary = new HashSet<>(byIntent.computeIfAbsent(intent.id(), id -> vocabulary(intent)));
                addWords(vocabulary, command);
                vocabulary.addAll(category(intent.category()));
            }
            if (!explained(vocabulary, lower)) {
                out.add(lower);
            }
        }
        return out;
    }

    /** A find test negated with {@code !}, or a grep inverted with {@code -v}. */
    private static final Pattern NEGATED_TEST = Pattern.compile("(?:^find |\\| *find ).* ! -|^grep -\\w*v");

    /** "(not folders)" after files, "not files" after directories: what {@code -type} already says. */
    private static final Pattern NOT_KIND = Pattern.compile("^ (?:(?<d>folders|directories|dirs|subdirectories|directory)|(?<f>files))\\b");

    /** "not counting subfolders", "not recursing into subdirectories": what {@code -maxdepth 1} says. */
    private static final Pattern NOT_DEEPER = Pattern.compile(
            "^ (?:counting|including|going into|descending into|recursing into|looking (?:in|into)|searching) (?:the |any )?sub ?(?:directories|folders|dirs)\\b");

    /**
     * Whether {@code command} reflects the "not" that {@code after} follows: a negated find test
     * ("not owned by alice", "not .o files", "not executable") or an inverted grep, or a kind of
     * entry the command's {@code -type} leaves out ("files (not folders)").
     */
    static boolean notShown(String command, String after) {
        if (NOT_DEEPER.matcher(after).find()) {
            return command.contains("-maxdepth 1 ");
        }
        Matcher kind = NOT_KIND.matcher(after);
        if (kind.find()) {
            return command.contains(kind.group("d") != null ? "-type f" : "-type d");
        }
        return NEGATED_TEST.matcher(command).find();
    }

    /** The words that at least two intents and a tenth of the intents of {@code category} name. */
    private Set<String> category(String category) {
        return byCategory.computeIfAbsent(category, cat -> {
            Set<String> out = new HashSet<>();
            shares(cat).forEach((word, share) -> {
                if (share >= CATEGORY_SHARE) {
                    out.add(word);
                }
            });
            return out;
        });
    }

    /**
     * The words of the category's name ("network") and the words that at least two intents and
     * {@link #GENERIC_SHARE} of the intents of {@code category} name.
     */
    private Set<String> generic(String category) {
        return genericByCategory.computeIfAbsent(category, cat -> {
            Set<String> out = new HashSet<>();
            addWords(out, cat);
            shares(cat).forEach((word, share) -> {
                if (share >= GENERIC_SHARE) {
                    out.add(word);
                }
            });
            return out;
        });
    }

    /** For each word that two or more intents of {@code category} name, the share of the category's intents naming it. */
    private Map<String, Double> shares(String category) {
        Map<String, Integer> counts = new HashMap<>();
        int size = 0;
        for (Intent i : Catalog.inCategory(intents, category)) {
            if (i.category().equals(category)) {
                size++;
                for (String word : byIntent.computeIfAbsent(i.id(), id -> vocabulary(i))) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        Map<String, Double> out = new HashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= 2 && !ACTIONS.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue() / (double) size);
            }
        }
        return out;
    }

    /** The stems of the words an intent names in its patterns, commands, explanation and id. */
    private static Set<String> vocabulary(Intent intent) {
        return vocabulary(intent, true);
    }

    /** The stems of the words an intent names, those of its optional patterns only when {@code optional}. */
    private static Set<String> vocabulary(Intent intent, boolean optional) {
        Set<String> out = new HashSet<>();
        addWords(out, intent.id());
        addWords(out, intent.explanation());
        for (List<Pattern> list : optional ? List.of(intent.when(), intent.optional()) : List.of(intent.when())) {
            for (String s : list instanceof LazyPatterns lazy ? lazy.sources() : list.stream().map(Pattern::pattern).toList()) {
                addWords(out, s);
            }
        }
        for (String t : intent.templates().values()) {
            addWords(out, t);
        }
        return out;
    }

    /**
     * Adds the stems of the words of three characters or more in {@code text} (letters, then letters,
     * digits or underscores); a letter after a backslash is a regex escape ({@code \b}), not a word.
     */
    private static void addWords(Set<String> out, String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c < 'a' || c > 'z') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isWordChar(Character.toLowerCase(text.charAt(i)))) {
                i++;
            }
            if (i - start >= 3) {
                out.add(stem(text.substring(start, i).toLowerCase(Locale.ROOT)));
            }
        }
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }

    static boolean explained(Set<String> vocabulary, String word) {
        if (word.indexOf('-') > 0) {
            for (String part : word.split("-")) {
                if (!part.isEmpty() && !SlotExtractor.STOP.contains(part) && !HARMLESS.contains(part)
                        && !explained(vocabulary, part)) {
                    return false;
                }
            }
            return true;
        }
        if (named(vocabulary, word)) {
            return true;
        }
        if (word.length() >= 4 || word.length() == 3 && word.chars().anyMatch(Character::isDigit)) {
            for (String v : vocabulary) {
                if (v.startsWith(word)) {
                    return true; // "md5" in md5sum, "gzip" in gzipped; not "kil" in kill
                }
            }
        } else if (word.length() == 3) {
            for (String suffix : new String[] {"s", "es", "ed", "ing"}) {
                if (vocabulary.contains(word + suffix)) {
                    return true; // "add" in "adds", which is too short to lose its "s" to the stem
                }
            }
        }
        return false;
    }

    /** A regex fragment such as {@code director} (from {@code director(?:y|ies)}) names the word it starts. */
    private static boolean prefixed(Set<String> vocabulary, String word) {
        for (int n = 5; n < word.length(); n++) {
            if (vocabulary.contains(word.substring(0, n)) && n >= word.length() - 3) {
                return true;
            }
        }
        return false;
    }

    static String stem(String w) {
        String s = w;
        for (String suffix : new String[] {"ing", "ed", "es", "s", "ly"}) {
            if (s.length() > suffix.length() + 3 && s.endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length());
                break;
            }
        }
        return s;
    }

    /** Whether {@code vocabulary} (stems) names {@code word}: its stem, or a fragment of five letters or more it starts with. */
    private static boolean named(Set<String> vocabulary, String word) {
        return vocabulary.contains(stem(word)) || prefixed(vocabulary, word);
    }

    private static List<int[]> spans(Map<String, TemplateRenderer.Capture> captures) {
        List<int[]> out = new ArrayList<>();
        for (TemplateRenderer.Capture c : captures.values()) {
            out.add(new int[] {c.start(), c.end()});
        }
        return out;
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] sp : spans) {
            if (start < sp[1] && end > sp[0]) {
                return true;
            }
        }
        return false;
    }
}
