package dev.caro.backend.offline;

import java.util.ArrayList;
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
            Map.entry("modifed", "modified"), Map.entry("modfied", "modified"), Map.entry("cant", "cannot"));

    /** Common words that must never be "corrected". */
    private static final Set<String> KEEP = Set.of(
            "that", "this", "what", "when", "where", "which", "with", "from", "into", "have", "been", "them",
            "than", "then", "they", "their", "there", "over", "under", "only", "each", "every", "some", "same",
            "size", "line", "lines", "word", "words", "name", "names", "like", "just", "also", "more", "most",
            "less", "last", "first", "next", "week", "weeks", "days", "hour", "hours", "year", "years", "time",
            "times", "made", "make", "take", "file", "files", "mode", "node", "host", "hosts", "port", "ports",
            "user", "users", "list", "lists", "show", "shows", "find", "kind", "mine", "main", "test", "tests",
            "data", "date", "path", "paths", "text", "tree", "free", "used", "uses", "open", "real", "read",
            "head", "tail", "sort", "save", "send", "keep", "kill", "ping", "pull", "push", "diff", "tags");

    /** Words after these are names (users, branches, processes), never typos. */
    private static final Pattern PROTECT = Pattern.compile(
            "(?i)\\b(?:user|named|called|group|author|branch|process|by|as|of|kill|pgrep|pkill)\\s+$");

    private final Set<String> vocabulary;

    TextNormalizer(Set<String> vocabulary) {
        this.vocabulary = Set.copyOf(vocabulary);
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
        StringBuilder out = new StringBuilder();
        Matcher w = WORD.matcher(text);
        int pos = 0;
        while (w.find()) {
            out.append(text, pos, w.start());
            String word = w.group();
            boolean partOfToken = (w.start() > 0 && isTokenChar(text.charAt(w.start() - 1)))
                    || (w.end() < text.length() && isTokenChar(text.charAt(w.end())));
            boolean protectedName = PROTECT.matcher(text.substring(0, w.start())).find();
            String fixed = partOfToken || protectedName ? word : correct(word);
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

    private String correct(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String mapped = TYPOS.get(lower);
        if (mapped != null) {
            return mapped;
        }
        if (lower.length() < 4 || !word.equals(lower) || vocabulary.contains(lower) || KEEP.contains(lower)
                || Words.NUMBERS.containsKey(lower)) {
            return word;
        }
        String found = null;
        for (String v : vocabulary) {
            if (v.length() >= 4 && Math.abs(v.length() - lower.length()) <= 1 && plausibleTypo(lower, v)) {
                if (found != null && !found.equals(v)) {
                    return word; // ambiguous correction: leave it
                }
                found = v;
            }
        }
        return found == null ? word : found;
    }

    /**
     * Whether {@code typed} is a likely slip for {@code word}: swapped letters anywhere, or for
     * longer words one missing, extra or wrong letter. Plural and singular forms are different
     * words, not typos ("second" is not "seconds", "side" is not "size").
     */
    static boolean plausibleTypo(String typed, String word) {
        if (typed.equals(word) || word.equals(typed + "s") || typed.equals(word + "s")) {
            return false;
        }
        if (typed.length() == word.length() && isSwap(typed, word)) {
            return true;
        }
        return typed.length() >= 6 && word.length() >= 6 && distanceAtMostOne(typed, word);
    }

    private static boolean isSwap(String a, String b) {
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    /** Damerau-Levenshtein distance of at most one (one insertion, deletion, substitution or swap). */
    static boolean distanceAtMostOne(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int la = a.length();
        int lb = b.length();
        if (la == lb) {
            int i = 0;
            while (i < la && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        if (Math.abs(la - lb) != 1) {
            return false;
        }
        String shorter = la < lb ? a : b;
        String longer = la < lb ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
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
