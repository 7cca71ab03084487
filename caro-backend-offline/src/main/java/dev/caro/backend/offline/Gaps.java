package dev.caro.backend.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gaps of a catalog pattern: {@code .*} and {@code .+} between the words it looks for. A match
 * covers the words its pattern names, not the text a gap skipped ("list ... hidden" does not explain
 * "without" in "list files here without hidden ones"), so each gap is compiled as a group of its
 * own and left out of the match's spans. A gap that ends the pattern ({@code .*$}) says the rest of
 * the request belongs to the intent (a purpose clause), and stays covered.
 */
final class Gaps {

    private static final Map<String, int[]> GROUPS = new ConcurrentHashMap<>();

    private Gaps() {}

    /** {@code source} with each gap wrapped in a capturing group; the pattern matches the same text. */
    static String mark(String source) {
        StringBuilder out = new StringBuilder(source.length() + 8);
        boolean inClass = false;
        int n = source.length();
        for (int i = 0; i < n; i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < n) {
                out.append(c).append(source.charAt(++i));
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                out.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                continue;
            }
            if (c == '.' && i + 1 < n && (source.charAt(i + 1) == '*' || source.charAt(i + 1) == '+')) {
                int end = i + 2;
                if (end < n && source.charAt(end) == '?') {
                    end++;
                }
                if (end < n && source.charAt(end) == '$') {
                    out.append(source, i, end); // ".*$" takes the rest of the request on purpose
                    i = end - 1;
                    continue;
                }
                out.append('(').append(source, i, end).append(')');
                i = end - 1;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The numbers of the groups of {@code p} that are gaps ({@code (.*)}, {@code (.+?)}...). */
    static int[] groups(Pattern p) {
        return GROUPS.computeIfAbsent(p.pattern(), Gaps::scan);
    }

    private static int[] scan(String source) {
        List<Integer> out = new ArrayList<>();
        boolean inClass = false;
        int group = 0;
        int n = source.length();
        for (int i = 0; i < n; i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                boolean capturing = i + 1 >= n || source.charAt(i + 1) != '?'
                        || source.startsWith("?<", i + 1) && i + 3 < n && Character.isLetter(source.charAt(i + 3));
                if (capturing) {
                    group++;
                    if (source.startsWith("(.*)", i) || source.startsWith("(.*?)", i) || source.startsWith("(.+)", i)
                            || source.startsWith("(.+?)", i)) {
                        out.add(group);
                    }
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Adds the parts of {@code m}'s match outside its gaps to {@code spans}. */
    static void addSpans(Pattern p, Matcher m, List<int[]> spans) {
        int at = m.start();
        for (int g : groups(p)) {
            if (m.start(g) >= at) {
                if (m.start(g) > at) {
                    spans.add(new int[] {at, m.start(g)});
                }
                at = m.end(g);
            }
        }
        if (m.end() > at || m.end() == m.start()) {
            spans.add(new int[] {at, m.end()});
        }
    }

    /** {@code spans} less the range {@code [start, end)}. */
    static List<int[]> without(List<int[]> spans, int start, int end) {
        List<int[]> out = new ArrayList<>();
        for (int[] sp : spans) {
            if (end <= sp[0] || start >= sp[1]) {
                out.add(sp);
                continue;
            }
            if (sp[0] < start) {
                out.add(new int[] {sp[0], start});
            }
            if (end < sp[1]) {
                out.add(new int[] {end, sp[1]});
            }
        }
        return out;
    }
}
