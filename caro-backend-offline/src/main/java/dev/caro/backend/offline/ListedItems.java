package dev.caro.backend.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists of like items in a request: "9911 and 9912", "a.txt, b.txt and c.txt", "10.0.0.1 or
 * 10.0.0.2", "HTTP_PROXY and HTTPS_PROXY". A command that uses one item of such a list and leaves out another answers only part
 * of the request, so the matcher treats the left-out item as ignored and declines.
 */
final class ListedItems {

    /** Numbers, dotted numbers (pids, ports, addresses, versions). */
    private static final String NUMBER = "\\d+(?:\\.\\d+)*";
    /** Names with a dot: files, hosts, extensions. */
    private static final String DOTTED = "~?[\\w/-]*\\.[\\w.-]*\\w";
    /** Upper-case names: environment variables (HTTP_PROXY), signals, log levels. */
    private static final String UPPER = "\\$?[A-Z][A-Z0-9_]*[A-Z0-9]";
    private static final String JOIN = "(?:,? and |,? or |, ?)";
    private static final List<Pattern> LISTS = List.of(list(NUMBER), list(DOTTED), list(UPPER));
    private static final Pattern SEPARATOR = Pattern.compile(JOIN);

    private ListedItems() {}

    private static Pattern list(String item) {
        return Pattern.compile("(?<![\\w.~/-])" + item + "(?:" + JOIN + item + ")+(?![\\w.-])");
    }

    /** The items of the lists in {@code text}, one list per entry. */
    static List<List<String>> in(String text) {
        List<List<String>> lists = new ArrayList<>();
        for (Pattern p : LISTS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                List<String> items = new ArrayList<>();
                for (String s : SEPARATOR.split(m.group())) {
                    if (!s.isBlank()) {
                        items.add(s.strip());
                    }
                }
                if (!lists.contains(items)) {
                    lists.add(items); // an address is both a number list and a dotted-name list
                }
            }
        }
        return lists;
    }

    /** A list captured whole ("9911 and 9912") as shell words, one per item. */
    static String words(String list) {
        List<String> words = new ArrayList<>();
        for (String s : SEPARATOR.split(list)) {
            if (!s.isBlank()) {
                words.add(ShellQuote.word(s.strip()));
            }
        }
        return String.join(" ", words);
    }

    /** An item the command leaves out although it uses another item of the same list, or null. */
    static String leftOut(String text, String command) {
        String cmd = command.toLowerCase(Locale.ROOT);
        for (List<String> items : in(text)) {
            String missing = null;
            boolean anyUsed = false;
            for (String item : items) {
                if (uses(cmd, item.toLowerCase(Locale.ROOT))) {
                    anyUsed = true;
                } else if (missing == null) {
                    missing = item;
                }
            }
            if (anyUsed && missing != null) {
                return missing;
            }
        }
        return null;
    }

    private static boolean uses(String command, String item) {
        String bare = item.startsWith("~/") ? item.substring(2) : item;
        // "-f1,3" uses both 1 and 3: a value attached to a one-letter option counts, and so does the
        // end of a range ("v1.0..v2.0" uses v2.0)
        return Pattern.compile("(?:(?<![\\w.])|(?<=(?<![\\w-])-[a-z])|(?<=[\\w]\\.\\.))" + Pattern.quote(bare) + "(?![\\w])")
                .matcher(command).find();
    }
}
