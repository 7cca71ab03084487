package dev.caro.rules.db;

import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/** Finds destructive statements in SQL text, ignoring comments and string literals. */
final class SqlText {

    private static final LazyPattern SPACES = LazyPattern.of("\\s+");

    /** One destructive statement: what it does and how bad. */
    record Hit(String what, boolean high) {}

    private static final LazyPattern DROP = LazyPattern.of("^DROP\\s+(?:TEMPORARY\\s+)?(DATABASE|SCHEMA|TABLE|USER|ROLE|VIEW|INDEX"
            + "|KEYSPACE|COLLECTION|OWNED|MATERIALIZED VIEW|FUNCTION|PROCEDURE|TRIGGER|SEQUENCE|TYPE|EXTENSION|TABLESPACE)"
            + "\\b(?:\\s+IF\\s+EXISTS)?\\s*([\\w.\"`\\[\\]]*)");
    private static final LazyPattern TRUNCATE = LazyPattern.of("^TRUNCATE\\b(?:\\s+TABLE)?\\s*([\\w.\"`\\[\\]]*)");
    private static final LazyPattern DELETE = LazyPattern.of("^DELETE\\s+(?:\\w+\\s+)?FROM\\s+([\\w.\"`\\[\\]]+)");
    private static final LazyPattern UPDATE = LazyPattern.of("^UPDATE\\s+([\\w.\"`\\[\\]]+)\\s+SET\\b");
    // "ALTER TABLE name ... DROP" is found in two linear steps (see alteredTableWithDrop): as one
    // expression, a long name followed by no DROP was re-split once per character of the name.
    private static final LazyPattern ALTER_TABLE = LazyPattern.of("^ALTER\\s++TABLE\\s++([\\w.\"`\\[\\]]++)");
    private static final LazyPattern DROP_WORD = LazyPattern.of("\\bDROP\\b");
    private static final LazyPattern WHERE = LazyPattern.of("\\bWHERE\\b");
    private static final LazyPattern TAUTOLOGY = LazyPattern.of("\\bWHERE\\s+(?:1\\s*=\\s*1|TRUE|1)\\s*$");

    private SqlText() {}

    static List<Hit> destructive(String sql) {
        List<Hit> out = new ArrayList<>();
        String clean = strip(sql).toUpperCase(Locale.ROOT);
        for (String raw : clean.split(";")) {
            String s = SPACES.matcher(raw.strip()).replaceAll(" ");
            if (s.startsWith("BEGIN ") || s.startsWith("WITH ")) {
                int i = s.indexOf(" DELETE ");
                s = i >= 0 ? s.substring(i + 1) : s;
            }
            Matcher m;
            if ((m = DROP.matcher(s)).find()) {
                String kind = m.group(1);
                boolean high = kind.equals("DATABASE") || kind.equals("SCHEMA") || kind.equals("TABLE") || kind.equals("KEYSPACE")
                        || kind.equals("COLLECTION") || kind.equals("OWNED") || kind.equals("TABLESPACE");
                out.add(new Hit("DROP " + kind + (m.group(2).isEmpty() ? "" : " " + m.group(2).toLowerCase(Locale.ROOT)), high));
            } else if ((m = TRUNCATE.matcher(s)).find()) {
                out.add(new Hit("TRUNCATE " + m.group(1).toLowerCase(Locale.ROOT), true));
            } else if ((m = DELETE.matcher(s)).find()) {
                if (!WHERE.matcher(s).find() || TAUTOLOGY.matcher(s).find()) {
                    out.add(new Hit("DELETE of every row in " + m.group(1).toLowerCase(Locale.ROOT), true));
                }
            } else if ((m = UPDATE.matcher(s)).find()) {
                if (!WHERE.matcher(s).find() || TAUTOLOGY.matcher(s).find()) {
                    out.add(new Hit("UPDATE of every row in " + m.group(1).toLowerCase(Locale.ROOT), true));
                }
            } else {
                Optional<String> table = alteredTableWithDrop(s);
                table.ifPresent(t -> out.add(new Hit("ALTER TABLE " + t.toLowerCase(Locale.ROOT) + " ... DROP", false)));
            }
        }
        return out;
    }

    /** Removes comments and the contents of string literals. */
    static String strip(String sql) {
        StringBuilder sb = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (ch == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? sql.length() : nl;
            } else if (ch == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                sb.append(' ');
            } else if (ch == '\'' ) {
                int end = i + 1;
                while (end < sql.length() && sql.charAt(end) != '\'') {
                    end++;
                }
                sb.append("''");
                i = end + 1;
            } else {
                sb.append(ch);
                i++;
            }
        }
        return sb.toString();
    }

    /**
     * The table of {@code ALTER TABLE name ... DROP ...}, as {@code ^ALTER\s+TABLE\s+([\w."`\[\]]+).*\bDROP\b}
     * would capture it: the whole name when a DROP follows on the same line, else the name up to
     * the last DROP inside it ({@code a.DROP}).
     */
    static Optional<String> alteredTableWithDrop(String s) {
        Matcher m = ALTER_TABLE.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        int start = m.start(1);
        int end = m.end(1);
        int lineEnd = end;
        while (lineEnd < s.length() && !isLineBreak(s.charAt(lineEnd))) {
            lineEnd++;
        }
        Matcher drop = DROP_WORD.matcher(s).useTransparentBounds(true).region(end, lineEnd);
        if (drop.find()) {
            return Optional.of(s.substring(start, end));
        }
        drop = DROP_WORD.matcher(s).useTransparentBounds(true).region(start + 1, end);
        int last = -1;
        while (drop.find()) {
            last = drop.start();
        }
        return last < 0 ? Optional.empty() : Optional.of(s.substring(start, last));
    }

    /** What {@code .} does not match. */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
