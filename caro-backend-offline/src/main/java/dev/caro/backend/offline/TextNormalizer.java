package dev.caro.backend.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans a request before matching: pulls out quoted strings (replaced by markers such as
 * {@code «0»}), drops apostrophes ("what's" becomes "whats", which is how people type it anyway)
 * and corrects typos against the catalog's vocabulary.
 */
final class TextNormalizer {

    private static final Pattern QUOTED = Pattern.compile(
            "(\\{[^{}]*\"[^{}]*\\})|\"([^\"]+)\"|“([^”]+)”|`([^`]+)`|(?<![\\p{Alnum}])'([^']+)'(?![\\p{Alnum}])|‘([^’]+)’");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    /** "bigger then", "older then": the common slip for "than" after a comparative. */
    private static final Pattern COMPARATIVE_THEN = Pattern.compile(
            "(?i)\\b(bigger|larger|smaller|greater|heavier|lighter|older|newer|younger|more|less|fewer|longer|shorter"
            + "|other|rather) then\\b");

    /** Typos too far from the right word for edit distance 1, or too short to risk it. */
    private static final Map<String, String> TYPOS = Map.ofEntries(
            Map.entry("fnd", "find"), Map.entry("fidn", "find"), Map.entry("serach", "search"),
            Map.entry("seach", "search"), Map.entry("lsit", "list"), Map.entry("dirs", "directories"),
            Map.entry("dir", "directory"), Map.entry("folders", "directories"), Map.entry("folder", "directory"),
            Map.entry("subfolders", "subdirectories"), Map.entry("subfolder", "subdirectory"),
            Map.entry("subdirs", "subdirectories"), Map.entry("subdir", "subdirectory"),
            Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("u", "you"), Map.entry("ur", "your"),
            Map.entry("w/", "with"), Map.entry("w/o", "without"), Map.entry("thru", "through"),
            Map.entry("recursivly", "recursively"), Map.entry("recusively", "recursively"),
            Map.entry("teh", "the"), Map.entry("hwo", "how"), Map.entry("procs", "processes"), Map.entry("proc", "process"),
            Map.entry("mins", "minutes"), Map.entry("min", "minute"), Map.entry("hrs", "hours"),
            Map.entry("hr", "hour"), Map.entry("secs", "seconds"), Map.entry("sec", "second"),
            Map.entry("cwd", "current directory"), Map.entry("pwd", "current directory"),
            Map.entry("todays", "today"), Map.entry("gigs", "gb"), Map.entry("gig", "gb"),
            Map.entry("megs", "mb"), Map.entry("meg", "mb"), Map.entry("mem", "memory"), Map.entry("ram", "memory"),
            Map.entry("repo", "repository"), Map.entry("biggets", "biggest"), Map.entry("lagest", "largest"),
            Map.entry("modifed", "modified"), Map.entry("modfied", "modified"), Map.entry("cant", "cannot"), Map.entry("extrat", "extract"), Map.entry("extact", "extract"), Map.entry("exract", "extract"),
            Map.entry("kil", "kill"), Map.entry("nums", "numbers"),
            Map.entry("sytem", "system"), Map.entry("lst", "list"), Map.entry("filenames", "file names"),
            Map.entry("filename", "file name"),
            Map.entry("compres", "compress"), Map.entry("compess", "compress"), Map.entry("comress", "compress"),
            Map.entry("orignal", "original"));

    /**
     * Everyday words, never "corrected": real words one slip away from a catalog word ("fastest" is
     * not "fattest", "form" is not "from"). Written here by hand, for requests to a shell.
     */
    static final Set<String> EVERYDAY = Words.set(
            "able", "about", "above", "absolute", "access", "accessed", "according", "account", "accounts",
            "across", "action", "active", "actual", "actually", "added", "adding", "after", "again", "against",
            "agent", "ages", "alert", "alias", "aliases", "alive", "allow", "allowed", "almost", "alone", "along",
            "already", "alright", "also", "although", "always", "among", "amount", "angle", "angles", "another",
            "answer", "anyone", "anything", "anyway", "anywhere", "apart", "apply", "area", "areas", "around",
            "array", "article", "asked", "asking", "attach", "attached", "attempt", "attempts", "audio", "author",
            "auto", "away", "back", "backed", "backup", "backups", "banked", "bare", "base", "based", "bash",
            "basic", "batch", "bear", "beat", "became", "because", "become", "been", "before", "began", "begin",
            "behind", "being", "believe", "below", "best", "better", "between", "beyond", "big", "bigger",
            "biggest", "binary", "bits", "black", "blacks", "blank", "block", "blocks", "blue", "body", "boot",
            "both", "bottom", "bound", "boundary", "boxes", "brand", "break", "bright", "bring", "broken", "browse",
            "bucket", "buffer", "build", "built", "bunch", "busy", "button", "byte", "bytes", "cache", "call",
            "called", "came", "camera", "cannot", "card", "care", "careful", "carefully", "caring", "case", "cased",
            "cases", "cause", "caused", "causing", "center", "certain", "chain", "chance", "chances", "change",
            "changed", "changes", "chapter", "character", "characters", "charge", "charged", "charges", "chart",
            "charts", "cheap", "check", "checked", "child", "choice", "choose", "chosen", "chunk", "claim", "class",
            "classes", "clean", "cleaner", "cleans", "clear", "clearer", "clearly", "click", "client", "clock",
            "cloned", "cloning", "close", "closed", "closer", "closes", "code", "coded", "coding", "cold", "color",
            "colors", "colour", "column", "come", "comes", "coming", "command", "commands", "comment", "common",
            "company", "compare", "compute", "computer", "computers", "computes", "config", "connect", "contain",
            "containers", "content", "context", "continue", "control", "copies", "copy", "core", "correct", "cost",
            "could", "count", "counted", "counter", "country", "couple", "course", "cover", "crash", "crashed",
            "create", "created", "creating", "current", "custom", "daily", "dark", "data", "date", "dates", "days",
            "dead", "deal", "dear", "decide", "deep", "default", "define", "delay", "delete", "deleted", "depth",
            "design", "detail", "details", "device", "devices", "dialog", "died", "diff", "differ", "different",
            "directors", "dirty", "disk", "display", "docs", "does", "doing", "done", "dose", "double", "down",
            "draft", "drive", "driver", "drop", "dropped", "during", "each", "earlier", "early", "easily", "east",
            "easy", "edge", "edit", "edited", "editor", "effect", "either", "else", "email", "empty", "ends",
            "enough", "enter", "entire", "entry", "equal", "error", "errors", "even", "event", "events", "ever",
            "every", "exact", "exactly", "example", "except", "exist", "existed", "existing", "exists", "exited",
            "exiting", "expect", "expire", "expired", "export", "extra", "face", "fact", "fail", "failed",
            "failing", "fails", "fair", "fall", "falling", "false", "family", "fast", "faster", "fastest", "fatal",
            "favorite", "feature", "feel", "feet", "fetch", "fewer", "field", "fields", "file", "filed", "files",
            "filing", "fill", "filled", "filler", "final", "finally", "find", "fine", "finish", "finished",
            "finishes", "fire", "firing", "first", "fixed", "flag", "flags", "flat", "float", "folder", "font",
            "force", "form", "format", "formed", "former", "forms", "forward", "found", "frame", "free", "fresh",
            "friend", "from", "front", "full", "fully", "function", "further", "future", "game", "gave", "general",
            "gets", "give", "given", "gives", "giving", "glad", "global", "goes", "going", "gone", "good", "got",
            "grab", "great", "green", "group", "grow", "guess", "guide", "half", "hand", "handle", "happen",
            "happened", "hard", "hash", "have", "head", "header", "heavy", "held", "hello", "help", "here",
            "hidden", "high", "higher", "hint", "hold", "holds", "home", "hope", "host", "hosts", "hour", "hours",
            "house", "however", "huge", "idea", "ideal", "ignore", "image", "images", "import", "inner", "input",
            "insert", "inside", "instead", "into", "issue", "issues", "item", "items", "itself", "join", "joined",
            "jump", "just", "keep", "kept", "keys", "kill", "kind", "know", "known", "label", "labeled", "lacked",
            "large", "larger", "largest", "last", "lasted", "lasting", "late", "later", "latest", "leave", "left",
            "legacy", "length", "less", "letter", "letters", "level", "light", "like", "likely", "liking", "limit",
            "limits", "line", "lines", "lining", "link", "linked", "links", "list", "lists", "little", "live",
            "lively", "load", "loaded", "loading", "local", "locale", "locals", "located", "locates", "location",
            "lock", "locked", "logged", "login", "long", "longer", "look", "looks", "lose", "loss", "lost", "lots",
            "loud", "lower", "made", "mail", "main", "major", "make", "makers", "makes", "managers", "many", "mark",
            "marked", "match", "matched", "matches", "maybe", "mean", "means", "meant", "media", "member", "memory",
            "menu", "merge", "message", "method", "middle", "might", "mind", "mine", "minor", "minus", "miss",
            "missing", "mode", "model", "modern", "month", "months", "more", "morning", "most", "mostly", "mount",
            "move", "moved", "much", "must", "name", "named", "names", "near", "nearly", "need", "needed", "needs",
            "never", "newer", "newest", "news", "next", "nice", "night", "node", "none", "normal", "note", "noted",
            "notes", "nothing", "notice", "noting", "number", "numbers", "object", "often", "okay", "older",
            "oldest", "once", "ones", "online", "only", "open", "opened", "order", "other", "others", "outer",
            "output", "outside", "over", "overly", "owner", "page", "pages", "pair", "paper", "part", "parts",
            "pass", "passed", "past", "paste", "path", "paths", "pattern", "pause", "people", "percent", "perhaps",
            "period", "person", "phone", "pick", "piece", "ping", "place", "plain", "plan", "plus", "point",
            "points", "policy", "poll", "pool", "port", "ports", "post", "power", "preferred", "press", "pretty",
            "prior", "private", "probably", "problem", "process", "produce", "program", "project", "proper",
            "properly", "property", "public", "pull", "pure", "push", "quick", "quickly", "quiet", "quietly",
            "quite", "quota", "quote", "race", "raise", "random", "range", "rate", "rather", "reach", "read",
            "ready", "real", "really", "reason", "recent", "record", "records", "recount", "reduce", "remain",
            "remote", "remover", "repeat", "replayed", "replaying", "reply", "report", "repost", "reprint",
            "request", "require", "resent", "reset", "resort", "rest", "result", "results", "resync", "return",
            "reverse", "revert", "reverted", "rewrote", "right", "role", "room", "root", "rooting", "round",
            "route", "router", "routers", "routes", "rule", "rules", "safe", "same", "sample", "save", "saved",
            "saying", "scale", "scaled", "scan", "scheduled", "score", "scored", "screen", "script", "search",
            "second", "section", "secure", "seen", "select", "self", "sell", "sells", "send", "sent", "server",
            "service", "session", "sets", "setting", "settings", "setup", "several", "shape", "share", "sharp",
            "sheet", "shell", "short", "should", "show", "shown", "shows", "side", "sign", "signal", "signed",
            "simple", "since", "single", "size", "sized", "skip", "slow", "small", "smaller", "smart", "soft",
            "some", "someone", "something", "sometimes", "soon", "sorry", "sort", "sorted", "sound", "source",
            "space", "spare", "special", "speed", "spend", "split", "spot", "stack", "stacks", "stage", "staged",
            "stand", "standard", "start", "started", "state", "stated", "states", "status", "stay", "stayed",
            "staying", "step", "still", "stop", "stopped", "store", "stored", "story", "strict", "string", "strong",
            "style", "such", "suggest", "summary", "super", "support", "sure", "swap", "switch", "sync", "system",
            "table", "tags", "tail", "tailing", "take", "taken", "takes", "task", "tasks", "team", "tell", "temp",
            "term", "terms", "test", "tests", "text", "than", "thank", "thanks", "that", "their", "them", "then",
            "there", "these", "they", "thing", "things", "think", "thinks", "this", "those", "though", "threats",
            "three", "through", "time", "times", "tiny", "title", "today", "together", "token", "told", "took",
            "tool", "tools", "total", "touch", "traced", "tracing", "track", "trail", "trailing", "training", "treat", "treated", "treating",
            "trash", "tree", "tried", "true", "trust", "trying", "turn", "turned", "type", "typed", "types",
            "unblock", "undated", "under", "undo", "unit", "unites", "units", "unless", "unloads", "until",
            "update", "updated", "upper", "usage", "used", "useful", "user", "users", "uses", "using", "usual",
            "usually", "valid", "value", "values", "very", "view", "visible", "wait", "want", "wanted", "warn",
            "warning", "warnings", "watch", "water", "week", "weekly", "weeks", "weird", "well", "went", "were",
            "what", "whatever", "when", "where", "whether", "which", "while", "white", "whole", "whose", "wide",
            "will", "window", "with", "within", "without", "word", "words", "work", "worked", "worker", "working",
            "works", "world", "would", "write", "written", "wrong", "year", "yearly", "years", "young", "your",
            "yours");

    /**
     * Words after these are names (users, branches, processes) or the text to look for
     * ("lines that mention eror" may well look for the typo), never typos.
     */
    private static final Pattern PROTECT = Pattern.compile(
            "(?i)\\b(?:user|named|called|group|author|branch|process|by|as|of|kill|pgrep|pkill"
            + "|contain|contains|containing|mention|mentions|mentioning|matching|saying|says|word|string)\\s+$");

    private final Set<String> targets;
    /**
     * The known words by first letter and length ({@link #key}), made on the first word to correct:
     * a slip keeps the first letter and changes the length by one at most, so a typo is compared
     * with a few dozen words, and a request with no unknown word costs nothing.
     */
    private volatile Map<Integer, List<String>> candidates;

    /**
     * A normalizer correcting typos towards {@code vocabulary}. {@link #EVERYDAY} words are never
     * corrected nor corrected to, but a typo as close to one of them as to a vocabulary word is
     * ambiguous ("beta" is not corrected to "beat").
     */
    TextNormalizer(Set<String> vocabulary) {
        this.targets = Set.copyOf(vocabulary);
    }

    private boolean known(String lower) {
        return targets.contains(lower) || EVERYDAY.contains(lower);
    }

    private static int key(char first, int length) {
        return first * 64 + Math.min(length, 63);
    }

    private Map<Integer, List<String>> candidates() {
        Map<Integer, List<String>> m = candidates;
        if (m == null) {
            m = new HashMap<>();
            for (String w : targets) {
                m.computeIfAbsent(key(w.charAt(0), w.length()), k -> new ArrayList<>()).add(w);
            }
            for (String w : EVERYDAY) {
                if (!targets.contains(w)) {
                    m.computeIfAbsent(key(w.charAt(0), w.length()), k -> new ArrayList<>()).add(w);
                }
            }
            candidates = m;
        }
        return m;
    }

    /** The cleaned request. */
    Normalized normalize(String prompt) {
        List<String> quotes = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        Matcher m = QUOTED.matcher(prompt.strip());
        int last = 0;
        String s = prompt.strip();
        while (m.find()) {
            String q = null;
            for (int g = 1; g <= m.groupCount() && q == null; g++) {
                q = m.group(g);
            }
            sb.append(s, last, m.start());
            sb.append('«').append(quotes.size()).append('»');
            quotes.add(q);
            last = m.end();
        }
        sb.append(s.substring(last));
        String text = sb.toString().replace("’", "'").replaceAll("(?<=\\p{Alpha})'(?=\\p{Alpha})", "")
                .replaceAll("\\s+", " ").strip();
        // A trailing '?' or '.' is punctuation, not part of a file name; the dot of a numeric prefix such as
        // "lines that start with 10." or "begin with 192.168." is part of the text.
        if (!text.matches("(?i).*\\b(?:start|starts|starting|begin|begins|beginning) with \\d{1,3}(?:\\.\\d{1,3}){0,2}\\.")) {
            text = text.replaceAll("[?!.]+$", "").strip();
        }
        boolean[] corrected = {false};
        String compared = COMPARATIVE_THEN.matcher(text).replaceAll("$1 than"); // "bigger then 2G": than
        if (!compared.equals(text)) {
            corrected[0] = true;
            text = compared;
        }
        StringBuilder out = new StringBuilder();
        Matcher w = WORD.matcher(text);
        int pos = 0;
        while (w.find()) {
            out.append(text, pos, w.start());
            String word = w.group();
            boolean partOfToken = w.start() > 0 && isTokenChar(text.charAt(w.start() - 1))
                    || w.end() < text.length() && isTokenChar(text.charAt(w.end()));
            String fixed = partOfToken ? word : correct(word);
            if (!fixed.equals(word) && PROTECT.matcher(text.substring(0, w.start())).find()) {
                fixed = word; // a name, or the text to look for
            }
            if (!fixed.equals(word)) {
                corrected[0] = true;
            }
            out.append(fixed);
            pos = w.end();
        }
        out.append(text.substring(pos));
        return new Normalized(out.toString(), List.copyOf(quotes), corrected[0]);
    }

    private static boolean isTokenChar(char c) {
        return c == '.' || c == '/' || c == '_' || c == '-' || c == '~' || c == '*' || c == '@' || c == ':'
                || Character.isDigit(c) || c == '«' || c == '»' || c == '$' || c == '=';
    }

    /**
     * The word {@code word} stands for: itself when it is known, short, a number or capitalised
     * (a name); else the one known word it is a {@linkplain #slip likely slip} for, of the likeliest
     * kind found; itself again when there are several of that kind.
     */
    private String correct(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String mapped = TYPOS.get(lower);
        if (mapped != null) {
            return mapped;
        }
        if (lower.length() < 4 || !word.equals(lower) || known(lower) || Words.NUMBERS.containsKey(lower)
                || formOfKnown(lower)) {
            return word;
        }
        Map<Integer, List<String>> index = candidates();
        String[] best = new String[SLIPS];
        int[] count = new int[SLIPS];
        for (int len = lower.length() - 1; len <= lower.length() + 1; len++) {
            for (String v : index.getOrDefault(key(lower.charAt(0), len), List.of())) {
                int kind = slip(lower, v);
                if (kind > 0) {
                    best[kind] = v;
                    count[kind]++;
                }
            }
        }
        // The likeliest kind of slip decides: "projcet" is "project" (swapped), not "projcect";
        // "servce" is "service" (left out), not "serve". Two words of that kind: left alone.
        String found = null;
        for (int kind = 1; kind < SLIPS && found == null; kind++) {
            if (count[kind] > 1) {
                return word;
            }
            found = best[kind];
        }
        if (found == null || !targets.contains(found)) {
            return word; // no word, or an everyday word the catalog does not know
        }
        return TYPOS.getOrDefault(found, found);
    }

    private static final String[] SUFFIXES = {"s", "es", "d", "ed", "ing", "er", "ers", "ly", "est", "ies", "ied"};

    /**
     * Whether {@code lower} is a known word with an ending: "picked", "exiting", "deciding",
     * "stopped", "copies". Such a word is real, however close it is to another known word
     * ("picked" and "packed", "exiting" and "editing").
     */
    private boolean formOfKnown(String lower) {
        for (String suffix : SUFFIXES) {
            int n = lower.length() - suffix.length();
            if (n < 3 || !lower.endsWith(suffix)) {
                continue;
            }
            String base = lower.substring(0, n);
            if (known(base) || suffix.startsWith("i") && known(base + "y")
                    || suffix.charAt(0) != 's' && suffix.charAt(0) != 'l' && known(base + "e")
                    || suffix.charAt(0) != 's' && base.charAt(n - 1) == base.charAt(n - 2)
                            && known(base.substring(0, n - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code typed} (four letters or more) is a likely slip for {@code word}, one edit away:
     * <ul>
     *   <li>two neighbouring letters swapped ("jounral", "cpoy");
     *   <li>with the first letter right, a letter left out: a vowel, an {@code h} or one of a double
     *       letter ("serch", "wich", "eror", "compresion"); any letter when eight or more were typed
     *       ("enviroment");
     *   <li>with the first letter right and six letters or more typed, a letter too many, repeating
     *       one beside it or on a key next to one beside it ("searrch", "searcxh"), or a wrong one,
     *       on a key next to the right one or a vowel for a vowel ("executible").
     * </ul>
     * Other letters mostly make a different word ("pure" and "purge", "seen" and "seven",
     * "reverted" and "reversed", "cloned" and "closed"); so does a last letter ("located" and
     * "locate", "second" and "seconds", "router" and "routes") or one before a plural's s ("makers"
     * and "makes").
     */
    static boolean plausibleTypo(String typed, String word) {
        return slip(typed, word) > 0;
    }

    /** Kinds of slip, likeliest first, as {@link #slip} numbers them (0: none). */
    private static final int SWAPPED = 1;
    private static final int LEFT_OUT = 2;
    private static final int MISTYPED = 3;
    private static final int SLIPS = 4;

    /**
     * The kind of {@linkplain #plausibleTypo slip} that turns {@code word} into {@code typed}:
     * {@value #SWAPPED} two letters swapped, {@value #LEFT_OUT} a letter left out,
     * {@value #MISTYPED} a letter too many or a wrong one; 0 when it is no likely slip.
     */
    static int slip(String typed, String word) {
        int lt = typed.length();
        int lw = word.length();
        if (lt < 4 || typed.equals(word) || Math.abs(lt - lw) > 1) {
            return 0;
        }
        if (lt == lw && isSwap(typed, word)) {
            return SWAPPED; // the first two letters too: "cpoy", "sohw"
        }
        if (typed.charAt(0) != word.charAt(0)) {
            return 0;
        }
        int i = 0; // the first difference
        while (i < lt && i < lw && typed.charAt(i) == word.charAt(i)) {
            i++;
        }
        if (i >= Math.min(lt, lw) - (lt == lw ? 1 : 0)
                || lt != lw && i == Math.min(lt, lw) - 1 && typed.charAt(lt - 1) == 's') {
            return 0; // only the last letter differs, or the one before a plural's s ("makers", "makes")
        }
        boolean likely;
        if (lw == lt + 1) { // a letter left out
            char c = word.charAt(i);
            likely = typed.substring(i).equals(word.substring(i + 1)) && (lt >= 8 || "aeiouyh".indexOf(c) >= 0
                    || word.charAt(i - 1) == c || word.charAt(i + 1) == c);
            return likely ? LEFT_OUT : 0;
        }
        if (lt < 6) {
            return 0;
        }
        if (lt == lw + 1) { // a letter too many
            char c = typed.charAt(i);
            likely = typed.substring(i + 1).equals(word.substring(i))
                    && (near(c, typed.charAt(i - 1)) || near(c, typed.charAt(i + 1)));
        } else { // a wrong letter
            char c = typed.charAt(i);
            char right = word.charAt(i);
            likely = typed.substring(i + 1).equals(word.substring(i + 1))
                    && (near(c, right) || "aeiou".indexOf(c) >= 0 && "aeiou".indexOf(right) >= 0);
        }
        return likely ? MISTYPED : 0;
    }

    private static final String[] KEY_ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

    /** Whether {@code a} and {@code b} are the same key or neighbours on a QWERTY keyboard. */
    static boolean near(char a, char b) {
        if (a == b) {
            return true;
        }
        int ra = row(a);
        int rb = row(b);
        if (ra < 0 || rb < 0 || Math.abs(ra - rb) > 1) {
            return false;
        }
        int ca = KEY_ROWS[ra].indexOf(a);
        int cb = KEY_ROWS[rb].indexOf(b);
        // each row sits about half a key right of the one above it
        return ra == rb ? Math.abs(ca - cb) == 1 : ra < rb ? cb == ca || cb == ca - 1 : ca == cb || ca == cb - 1;
    }

    private static int row(char c) {
        for (int r = 0; r < KEY_ROWS.length; r++) {
            if (KEY_ROWS[r].indexOf(c) >= 0) {
                return r;
            }
        }
        return -1;
    }

    private static boolean isSwap(String a, String b) {
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    /**
     * A cleaned request.
     *
     * @param text the request with quoted strings replaced by {@code «n»} markers
     * @param quotes the quoted strings, in order
     * @param corrected whether a typo was corrected
     */
    record Normalized(String text, List<String> quotes, boolean corrected) {}
}
