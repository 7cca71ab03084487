package dev.caro.backend.offline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code date +FORMAT} for a date written the way the user wants to see it: an example
 * ("15/03/2024 14:05" is {@code %d/%m/%Y %H:%M}) or a layout ("dd/mm/yyyy hh:mm"). The result is
 * null when the example is ambiguous ("05/06/2024": day or month first?) or the layout is not one
 * of these simple forms, so that the intent declines rather than guesses.
 */
final class DateLayouts {

    private static final Pattern EXAMPLE = Pattern.compile(
            "(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{1,4})(?:[ T](\\d{1,2}):(\\d{2})(:\\d{2})?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:([_T-]?)(\\d{6}))?");
    private static final Pattern LAYOUT = Pattern.compile(
            "(dd|mm|yyyy|yy)([/.-])(dd|mm|yyyy|yy)\\2(dd|mm|yyyy|yy)(?: (hh):(mm)(:ss)?)?");

    private DateLayouts() {}

    /** The format for an example date such as "15/03/2024 14:05", "2024-03-15" or "20240615_143000", or null. */
    static String fromExample(String example) {
        Matcher compact = COMPACT.matcher(example.strip());
        if (compact.matches()) {
            int month = Integer.parseInt(compact.group(2));
            int day = Integer.parseInt(compact.group(3));
            if (month < 1 || month > 12 || day < 1 || day > 31) {
                return null;
            }
            return "%Y%m%d" + (compact.group(5) == null ? "" : compact.group(4) + "%H%M%S");
        }
        Matcher m = EXAMPLE.matcher(example.strip());
        if (!m.matches()) {
            return null;
        }
        String sep = m.group(2);
        String a = m.group(1);
        String b = m.group(3);
        String y = m.group(4);
        String date;
        if (a.length() == 4 && y.length() <= 2) { // 2024-03-15
            if (Integer.parseInt(b) > 12 || Integer.parseInt(y) > 31) {
                return null;
            }
            date = "%Y" + sep + "%m" + sep + "%d";
        } else if (y.length() == 4 && a.length() <= 2) {
            int first = Integer.parseInt(a);
            int second = Integer.parseInt(b);
            if (first > 12 && second >= 1 && second <= 12 && first <= 31) {
                date = "%d" + sep + "%m" + sep + "%Y";
            } else if (second > 12 && first >= 1 && first <= 12 && second <= 31) {
                date = "%m" + sep + "%d" + sep + "%Y";
            } else {
                return null; // 05/06/2024: either order fits
            }
        } else {
            return null;
        }
        return shortDate(date) + time(m.group(5), m.group(7));
    }

    /** The format for a layout such as "dd/mm/yyyy" or "yyyy-mm-dd hh:mm:ss", or null. */
    static String fromLayout(String layout) {
        Matcher m = LAYOUT.matcher(layout.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        String sep = m.group(2);
        String date = part(m.group(1)) + sep + part(m.group(3)) + sep + part(m.group(4));
        long years = java.util.stream.Stream.of(m.group(1), m.group(3), m.group(4)).filter(p -> p.startsWith("y")).count();
        if (years != 1 || m.group(1).equals(m.group(3)) || m.group(3).equals(m.group(4)) || m.group(1).equals(m.group(4))) {
            return null;
        }
        return shortDate(date) + time(m.group(5), m.group(7));
    }

    /** %Y-%m-%d is written %F, as people (and date's manual) write it. */
    private static String shortDate(String date) {
        return date.equals("%Y-%m-%d") ? "%F" : date;
    }

    private static String part(String p) {
        switch (p) {
            case "dd": return "%d";
            case "mm": return "%m";
            case "yyyy": return "%Y";
            default: return "%y";
        }
    }

    private static String time(String hour, String seconds) {
        return hour == null ? "" : " %H:%M" + (seconds == null ? "" : ":%S");
    }
}
