package dev.caro.core.prompt;

import dev.caro.api.backend.CommandCandidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts commands from what a model wrote. Small models rarely follow a format exactly, so
 * this reads, in order: JSON with a {@code "command"} field, fenced code blocks (also one cut off
 * before its closing fence), commands in backticks, then the first line that looks like a command
 * rather than prose. Numbered or bulleted lists and shell prompts ({@code $ }) are stripped.
 */
public final class CommandExtractor {

    // Only the opening of a JSON string value: the value itself is scanned by hand, since a
    // regex loop over escapes recurses once per character and overflows on long answers.
    private static final Pattern JSON_COMMAND = Pattern.compile("\"(?:command|cmd)\"\\s*:\\s*\"");
    private static final Pattern JSON_EXPLANATION = Pattern.compile("\"(?:explanation|description)\"\\s*:\\s*\"");
    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*(```|~~~)[^\\n`]*\\n(.*?)(?:^[ \\t]*\\1[ \\t]*$|\\z)",
            Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern LIST_MARK = Pattern.compile("^(?:\\d{1,2}[.)]|[-*\u2022])\\s+");
    private static final Pattern PROMPT = Pattern.compile("^(?:\\$|%|>|PS [^>]*>|PS>)\\s+");
    private static final Pattern CONTROL = Pattern.compile("<\\|[A-Za-z0-9_]{1,40}\\|>|</?s>");
    private static final Pattern FIRST_WORD = Pattern.compile("^(?:[A-Za-z0-9_./~+=-]+|\\[\\[?|\\(\\(?|\\{|!)(?:\\s|$)");
    /** Undecodable bytes or control characters: what a confused model emits, never a command. */
    private static final Pattern GARBLED = Pattern.compile("[\uFFFD\\x00-\\x08\\x0B-\\x1F\\x7F]");

    /** First words of English sentences, which are not commands. */
    private static final Set<String> PROSE = Set.of("a", "an", "and", "as", "here", "here's", "heres", "i", "if",
            "in", "it", "note", "note:", "of", "please", "sure", "sure,", "the", "then", "this", "that", "these",
            "those", "to", "use", "using", "you", "your", "we", "with", "certainly", "certainly!", "sure!",
            "explanation", "explanation:", "command", "command:", "output", "output:", "answer", "answer:",
            "run", "try", "for", "it's", "alternatively", "alternatively,", "or", "assuming", "example",
            "example:", "step", "first", "first,", "next", "finally", "be", "make", "since", "because",
            "unfortunately", "i'm", "sorry");

    /**
     * Longest answer read. A model's answer is bounded by its token budget (a few KB); reading more
     * would only let a runaway answer exhaust the regex engine's stack.
     */
    static final int MAX_ANSWER_CHARS = 32_000;

    private CommandExtractor() {}

    /** Commands found in {@code raw}, best first; empty when there is none. Never null. */
    public static List<CommandCandidate> extract(String raw) {
        if (raw == null) {
            return List.of();
        }
        String bounded = raw.length() > MAX_ANSWER_CHARS ? raw.substring(0, MAX_ANSWER_CHARS) : raw;
        String text = CONTROL.matcher(bounded.replace("\r\n", "\n")).replaceAll("").strip();
        if (text.isEmpty()) {
            return List.of();
        }
        Map<String, String> found = new LinkedHashMap<>();
        fromJson(text, found);
        if (found.isEmpty()) {
            fromFences(text, found);
        }
        String prose = FENCE.matcher(text).replaceAll("\n").strip();
        if (found.isEmpty()) {
            fromInline(prose, found);
        }
        if (found.isEmpty()) {
            fromLines(prose, found);
        }
        String explanation = explanation(prose);
        List<CommandCandidate> out = new ArrayList<>();
        found.forEach((command, own) -> out.add(CommandCandidate.of(command, own.isEmpty() ? explanation : own)));
        return List.copyOf(out);
    }

    private static void fromJson(String text, Map<String, String> found) {
        if (!text.contains("{")) {
            return;
        }
        Matcher m = JSON_COMMAND.matcher(text);
        Matcher e = JSON_EXPLANATION.matcher(text);
        String explanation = "";
        if (e.find()) {
            int end = jsonStringEnd(text, e.end());
            explanation = end < 0 ? "" : unescapeJson(text.substring(e.end(), end)).strip();
        }
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int end = jsonStringEnd(text, m.end());
            if (end < 0) {
                break;
            }
            add(found, unescapeJson(text.substring(m.end(), end)), explanation);
            from = end + 1;
        }
    }

    /** Index of the quote closing the JSON string whose content starts at {@code from}; -1 if unclosed. */
    private static int jsonStringEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static void fromFences(String text, Map<String, String> found) {
        Matcher m = FENCE.matcher(text);
        while (m.find()) {
            List<String> lines = joinContinuations(m.group(2));
            // A block that shows a session ("$ cmd" then its output) holds commands only after prompts.
            boolean session = lines.stream().anyMatch(l -> l.strip().startsWith("$ "));
            for (String line : lines) {
                String l = line.strip();
                if (session && !l.startsWith("$ ")) {
                    continue;
                }
                if (l.isEmpty() || (l.startsWith("#") && !l.startsWith("#!")) || l.startsWith("//")
                        || l.startsWith("REM ") || l.startsWith("::")) {
                    continue;
                }
                add(found, stripPrompt(l), "");
            }
        }
    }

    private static void fromInline(String prose, Map<String, String> found) {
        Matcher m = INLINE.matcher(prose);
        while (m.find()) {
            String c = stripPrompt(m.group(1).strip());
            // A lone word in backticks is usually a file or option name, not a command.
            if (c.contains(" ") && looksLikeCommand(c)) {
                add(found, c, "");
            }
        }
    }

    private static void fromLines(String prose, Map<String, String> found) {
        for (String line : joinContinuations(prose)) {
            String l = stripPrompt(LIST_MARK.matcher(line.strip()).replaceFirst("")).strip();
            if (looksLikeCommand(l)) {
                add(found, l, "");
                return; // in prose, only the first command-like line is trustworthy
            }
        }
    }

    static boolean looksLikeCommand(String line) {
        if (line.isEmpty() || !FIRST_WORD.matcher(line).find()) {
            return false;
        }
        String first = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (PROSE.contains(first) || first.endsWith(":")) {
            return false;
        }
        // Sentences end with a full stop after a word; commands rarely do.
        if (line.matches(".*[A-Za-z]{2,}[.!?]$") && line.split("\\s+").length > 3) {
            return false;
        }
        return !(line.endsWith(":"));
    }

    /** Lines of {@code block}, with backslash-continued lines joined into one. */
    private static List<String> joinContinuations(String block) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            String l = current.length() == 0 ? line.stripTrailing() : line.strip();
            if (l.endsWith("\\")) {
                current.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            current.append(l);
            lines.add(current.toString().replaceAll(" {2,}", " "));
            current.setLength(0);
        }
        if (current.length() > 0) {
            lines.add(current.toString().strip());
        }
        return lines;
    }

    private static String stripPrompt(String line) {
        return PROMPT.matcher(line).replaceFirst("");
    }

    private static void add(Map<String, String> found, String command, String explanation) {
        String c = command.strip();
        if (!c.isEmpty() && !GARBLED.matcher(c).find()) {
            found.putIfAbsent(c, explanation);
        }
    }

    /** The first prose sentence, as the explanation; empty when there is none. */
    private static String explanation(String prose) {
        for (String line : prose.split("\n")) {
            String l = LIST_MARK.matcher(line.strip()).replaceFirst("").strip();
            if (l.length() > 8 && !looksLikeCommand(stripPrompt(l)) && !l.startsWith("{")) {
                String sentence = INLINE.matcher(l).replaceAll("$1");
                return sentence.length() > 200 ? sentence.substring(0, 197) + "..." : sentence;
            }
        }
        return "";
    }

    private static String unescapeJson(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9A-Fa-f]{4}")) {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        sb.append("\\u"); // not an escape: keep the text as the model wrote it
                    }
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }
}
