package dev.caro.backend.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that change what a request means. An intent whose patterns and slots leave one of them
 * unexplained answers a different request ("delete lines with DEBUG" is not "show lines with
 * DEBUG", "commits Bob made" is not "commits"), so the matcher drops it, as it does an intent that
 * would ignore a slot.
 */
final class MeaningWords {

    /** Words that take something away from a request ("without hidden ones", "skip node_modules"). */
    static final Set<String> EXCLUSIONS = Words.set("without", "except", "excluding", "exclude", "skip", "skipping",
            "ignoring", "besides");

    /** Operations and modifiers that a command must reflect when the user says them. */
    static final Set<String> WORDS = Words.set(EXCLUSIONS,
            "delete", "deletes", "remove", "removes", "erase", "wipe", "purge", "rename", "move", "replace",
            "substitute", "update", "append", "prepend", "overwrite", "truncate", "encrypt", "decrypt", "decode",
            "upload", "install", "uninstall", "restart", "reboot", "shutdown", "mount", "unmount", "merge",
            "lower", "upper", "lowercase", "uppercase", "reverse", "reversed", "descending", "ascending", "unique",
            "duplicate", "duplicates", "nested", "case", "insensitive", "sensitive", "place", "inode", "inodes",
            "key", "keys", "remotes", "ending", "starting", "beginning", "begin", "begins", "end", "ends", "starts",
            "exact", "exactly", "literal", "literally", "whole", "dry", "oldest", "newest", "smallest", "largest",
            "biggest", "decompress", "uncompress", "unpack", "encrypted", "author", "authored", "committed", "tag", "tags",
            "staged", "unstaged", "untracked", "stash", "upstream", "tomorrow", "yesterday", "week",
            "month", "year", "hour", "hours", "minute", "minutes", "seconds", "utc", "timezone", "header",
            "headers", "column", "columns", "field", "fields", "json", "yaml", "xml", "average", "sum", "max",
            "min", "maximum", "minimum", "frequency", "often", "iso", "rfc", "numbered");

    /**
     * Phrases of ordinary words that ask for a modifier or a computation: "with line numbers" is
     * {@code grep -n}, not grep; "plus 3 years" moves a date.
     */
    private static final Pattern MODIFIERS = Pattern.compile(
            "\\bline numbers?\\b|\\b(?:with|and) (?:their |the )?numbers\\b|\\btheir numbers\\b"
            + "|\\b(?:plus|minus|add|subtract) (?:\\d+|a|an|one|two|three) (?:days?|weeks?|months?|years?|hours?|minutes?)\\b");

    /**
     * Capitalised words that name a thing rather than a person or a value, and "I'm", "I've", "I'll"
     * once normalizing dropped their apostrophe ("Im").
     */
    private static final Set<String> ACRONYMS = Words.set(
            "i", "cpu", "cpus", "ram", "pid", "pids", "http", "https", "json", "csv", "tsv", "utc", "iso", "mime",
            "ssh", "usb", "ip", "ips", "tcp", "udp", "dns", "url", "urls", "os", "gb", "mb", "kb", "tb", "pdf",
            "linux", "ubuntu", "debian", "unix", "gnu", "macos", "mac", "gpu", "api", "sql", "html", "id", "ids",
            "sha", "md5", "acl", "acls", "path", "home", "env", "git", "github", "ok", "please", "ipv4", "ipv6",
            "mx", "txt", "ns", "aaaa", "cname", "soa", "ptr", "a", "z", "utf-8", "ascii", "rss", "swap", "dir",
            "im", "ive", "ill");

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /**
     * A purpose clause at the end of a request: "... so people can only delete their own files". It
     * says why, not what, so its words do not ask for an operation; they must still be words the
     * intent names (see {@link UnexplainedWords}).
     */
    private static final Pattern PURPOSE = Pattern.compile(
            "\\bso (?:that )?(?:people|users|other users|others|everyone|everybody|anyone|anybody|nobody|no one|only"
            + "|i|we|you|they|it|he|she)\\b[^.;?!]*$");

    /** The span of the request's purpose clause, or null. */
    static int[] purposeClause(String lower) {
        Matcher m = PURPOSE.matcher(lower);
        return m.find() ? new int[] {m.start(), m.end()} : null;
    }

    /**
     * Whether {@code word} names a file or directory the request mentions: "keys" in
     * "the keys in ~/.ssh/authorized_keys", "log" in "the log error.log".
     */
    static boolean namedBySlot(ParsedRequest req, String word) {
        String w = UnexplainedWords.stem(word.toLowerCase(java.util.Locale.ROOT));
        for (Slot s : req.slots()) {
            if (s.kind() != Slot.Kind.FILE && s.kind() != Slot.Kind.DIR) {
                continue;
            }
            for (String part : s.value().toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
                if (part.length() >= 3 && (UnexplainedWords.stem(part).equals(w) || part.equals(word))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A calendar date written as ISO 8601 (2024-06-01), not part of a longer run of digits and dashes. */
    static final Pattern ISO_DATE = Pattern.compile("(?<![\\d-])\\d{4}-\\d{2}-\\d{2}(?![\\d-])");

    /** Words before a date that make it an example of a format ("formatted like 2025-03-01 14:25"). */
    private static final Pattern EXAMPLE = Pattern.compile("(?i)\\b(?:like|e\\.?g\\.?|such as|as in|as|example:?)\\s*$");

    private MeaningWords() {}

    /**
     * A calendar date the request gives (2024-06-01), a year it gives as a time, a number of six
     * digits or more, or an end of a range of lines ("lines 1-5"), that {@code command} does not contain, or null: "the unix timestamp for
     * 2024-06-01" is not the current time. A date or number given as an example of a format ("like
     * 2024-03-05 14:30", "like 20261202") is no value.
     */
    static String givenValueLeftOut(String text, String command) {
        Matcher m = ISO_DATE.matcher(text);
        while (m.find()) {
            if (!command.contains(m.group()) && !EXAMPLE.matcher(text.substring(0, m.start())).find()) {
                return m.group();
            }
        }
        m = YEAR.matcher(text);
        while (m.find()) {
            if (!command.contains(m.group("y"))) {
                return m.group();
            }
        }
        m = LINE_RANGE.matcher(text);
        while (m.find()) {
            if (!Pattern.compile("(?<!\\d)" + m.group("a") + "(?!\\d)").matcher(command).find()
                    || !Pattern.compile("(?<!\\d)" + m.group("b") + "(?!\\d)").matcher(command).find()) {
                return m.group(); // "lines 1-5 and the last 5 lines" is not tail -n 5
            }
        }
        m = LONG_NUMBER.matcher(text);
        while (m.find()) {
            if (!command.contains(m.group()) && !EXAMPLE.matcher(text.substring(0, m.start())).find()) {
                return m.group(); // "1650000000 is a unix timestamp, what is that in UTC" is not the time now
            }
        }
        return null;
    }

    /** A range of line numbers ("lines 1-5", "line 20 to 30"): the command must hold both ends. */
    private static final Pattern LINE_RANGE = Pattern.compile(
            "(?i)\\blines? (?<a>\\d{1,7}) ?(?:-|to|through|thru|until|till) ?(?<b>\\d{1,7})\\b");

    /**
     * A number of six digits or more standing alone (an epoch time, an inode, a byte count): a value
     * the command must hold as written, since no unit or rounding turns it into another number.
     */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\w.:/@-])\\d{6,}(?![\\w.:/-])");

    /** A year given as a time ("modified in 2024", "since march 2023"): the command must hold it too. */
    private static final Pattern YEAR = Pattern.compile("(?i)\\b(?:in|during|since|before|after|until|till|from|of|year"
            + "|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
            + "|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?) (?<y>(?:19|20)\\d{2})(?![\\w./:-])");

    /**
     * The first word of {@code req} that changes its meaning and lies outside {@code spans} and
     * the request's slots, or null. Such words are: the {@link #WORDS}, capitalised words inside
     * a sentence (names: "Bob", "DEBUG"), and a word right after a captured search text ("for kernel
     * panic" captured as "kernel").
     */
    static String ignored(ParsedRequest req, List<int[]> spans, Map<String, TemplateRenderer.Capture> captures) {
        return ignored(req, spans, captures, "");
    }

    /**
     * As {@link #ignored(ParsedRequest, List, Map)}, where a capitalised word that {@code command} holds as
     * a whole word is explained ("files named README": find -name README).
     */
    static String ignored(ParsedRequest req, List<int[]> spans, Map<String, TemplateRenderer.Capture> captures,
            String command) {
        List<int[]> covered = new ArrayList<>(spans);
        for (Slot s : req.slots()) {
            covered.add(new int[] {s.start(), s.end()});
        }
        for (TemplateRenderer.Capture c : captures.values()) {
            covered.add(new int[] {c.start(), c.end()});
        }
        String text = req.text();
        int[] purpose = purposeClause(req.lower());
        if (purpose != null) {
            covered.add(purpose);
        }
        Matcher phrase = MODIFIERS.matcher(req.lower());
        while (phrase.find()) {
            if (!overlapsAny(covered, phrase.start(), phrase.end())) {
                return text.substring(phrase.start(), phrase.end());
            }
        }
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            if (inside(covered, w.start(), w.end()) || w.start() > 0 && "./~-_@$«".indexOf(text.charAt(w.start() - 1)) >= 0
                    || w.end() < text.length() && "./=@".indexOf(text.charAt(w.end())) >= 0) {
                continue;
            }
            String word = w.group();
            String lower = req.lower().substring(w.start(), w.end());
            if (SlotExtractor.STOP.contains(lower)) {
                continue;
            }
            if (WORDS.contains(lower) && !namedBySlot(req, lower)) {
                return word;
            }
            boolean sentenceStart = w.start() == 0 || text.substring(0, w.start()).matches("(?s).*[.?!:;]\\s*$");
            if (!sentenceStart && Character.isUpperCase(word.charAt(0)) && !ACRONYMS.contains(lower)
                    && !Pattern.compile("(?<![\\w-])" + Pattern.quote(word) + "(?![\\w-])").matcher(command).find()) {
                return word;
            }
            if (afterCapture(captures, text, w.start()) && !UnexplainedWords.HARMLESS.contains(lower)) {
                return word;
            }
        }
        return null;
    }

    private static boolean afterCapture(Map<String, TemplateRenderer.Capture> captures, String text, int at) {
        for (Map.Entry<String, TemplateRenderer.Capture> e : captures.entrySet()) {
            TemplateRenderer.Capture c = e.getValue();
            if (!e.getKey().startsWith("pattern") && !e.getKey().equals("word")) {
                continue; // other values (a city, an algorithm) are followed by ordinary words
            }
            if (c.end() < at && text.substring(c.end(), at).equals(" ") && !c.value().contains(" ")
                    && c.value().matches("[A-Za-z][\\w-]*")) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsAny(List<int[]> spans, int start, int end) {
        for (int[] sp : spans) {
            if (start < sp[1] && end > sp[0]) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(List<int[]> spans, int start, int end) {
        for (int[] sp : spans) {
            if (start >= sp[0] && end <= sp[1]) {
                return true;
            }
        }
        return false;
    }
}
