package dev.caro.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the subset of TOML that caro's configuration uses: comments, {@code [table]} and
 * {@code [dotted.table]} headers, {@code key = value} with bare or quoted keys, basic and literal
 * strings, integers, floats, booleans and single-line arrays of those. Each value is returned with
 * its full dotted key and its line, so errors can name both.
 */
public final class TomlParser {

    /** A value read from the file. {@code value} is a String, Long, Double, Boolean or List. */
    public record Entry(String key, Object value, int line) {}

    private static final int MAX_ARRAY_DEPTH = 32;

    private final String fileName;

    public TomlParser(String fileName) {
        this.fileName = fileName;
    }

    /** Parses {@code text}; keys are dotted paths ({@code backends.ollama.host}), in file order. */
    public Map<String, Entry> parse(String text) {
        Map<String, Entry> out = new LinkedHashMap<>();
        String table = "";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripComment(lines[i], lineNo).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (line.startsWith("[[")) {
                    throw error(lineNo, "arrays of tables are not supported");
                }
                if (!line.endsWith("]")) {
                    throw error(lineNo, "table header is missing its closing ']'");
                }
                table = parseKey(line.substring(1, line.length() - 1).strip(), lineNo);
                continue;
            }
            int eq = findEquals(line);
            if (eq < 0) {
                throw error(lineNo, "expected 'key = value' but found '" + abbreviate(line) + "'");
            }
            String key = parseKey(line.substring(0, eq).strip(), lineNo);
            String full = table.isEmpty() ? key : table + "." + key;
            Object value = parseValue(line.substring(eq + 1).strip(), lineNo, full);
            if (out.containsKey(full)) {
                throw error(lineNo, "key '" + full + "' is defined twice (first on line " + out.get(full).line() + ")");
            }
            out.put(full, new Entry(full, value, lineNo));
        }
        return out;
    }

    private ConfigException error(int line, String message) {
        return new ConfigException(fileName + ":" + line + ": " + message);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Removes a trailing comment, respecting quotes. */
    private String stripComment(String line, int lineNo) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static int findEquals(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=') {
                return i;
            }
        }
        return -1;
    }

    private String parseKey(String raw, int lineNo) {
        if (raw.isEmpty()) {
            throw error(lineNo, "empty key");
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '"' || c == '\'') {
                int end = raw.indexOf(c, i + 1);
                if (end < 0) {
                    throw error(lineNo, "unterminated quoted key");
                }
                parts.add(raw.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < raw.length() && raw.charAt(end) != '.') {
                    end++;
                }
                String part = raw.substring(i, end).strip();
                if (!part.matches("[A-Za-z0-9_-]+")) {
                    throw error(lineNo, "invalid key '" + raw + "'");
                }
                parts.add(part);
                i = end;
            }
            while (i < raw.length() && raw.charAt(i) == ' ') {
                i++;
            }
            if (i < raw.length()) {
                if (raw.charAt(i) != '.') {
                    throw error(lineNo, "invalid key '" + raw + "'");
                }
                i++;
                while (i < raw.length() && raw.charAt(i) == ' ') {
                    i++;
                }
            }
        }
        return String.join(".", parts);
    }

    private Object parseValue(String raw, int lineNo, String key) {
        if (raw.isEmpty()) {
            throw error(lineNo, "key '" + key + "' has no value");
        }
        Cursor c = new Cursor(raw, lineNo, key);
        Object v = c.value();
        c.skipSpaces();
        if (!c.atEnd()) {
            throw error(lineNo, "unexpected text after the value of '" + key + "'");
        }
        return v;
    }

    private final class Cursor {
        private final String s;
        private final int line;
        private final String key;
        private int pos;
        private int depth;

        Cursor(String s, int line, String key) {
            this.s = s;
            this.line = line;
            this.key = key;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        void skipSpaces() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                pos++;
            }
        }

        Object value() {
            skipSpaces();
            if (atEnd()) {
                throw error(line, "key '" + key + "' has no value");
            }
            char c = s.charAt(pos);
            if (c == '"') {
                return basicString();
            }
            if (c == '\'') {
                int end = s.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw error(line, "unterminated string in '" + key + "'");
                }
                String v = s.substring(pos + 1, end);
                pos = end + 1;
                return v;
            }
            if (c == '[') {
                return array();
            }
            int start = pos;
            while (pos < s.length() && ",] \t".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            String tok = s.substring(start, pos);
            switch (tok) {
                case "true": return Boolean.TRUE;
                case "false": return Boolean.FALSE;
                default: break;
            }
            String digits = tok.replace("_", "");
            try {
                if (digits.matches("[+-]?\\d+")) {
                    return Long.parseLong(digits);
                }
                if (digits.matches("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
                    return Double.parseDouble(digits);
                }
            } catch (NumberFormatException e) {
                throw error(line, "number out of range for '" + key + "'");
            }
            throw error(line, "invalid value for '" + key + "': " + tok + " (strings need quotes)");
        }

        private String basicString() {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (pos >= s.length()) {
                        break;
                    }
                    char e = s.charAt(pos++);
                    switch (e) {
                        case 'n': sb.append('\n'); break;
                        case 't': sb.append('\t'); break;
                        case 'r': sb.append('\r'); break;
                        case '"': sb.append('"'); break;
                        case '\\': sb.append('\\'); break;
                        case 'u':
                            if (pos + 4 > s.length()) {
                                throw error(line, "bad \\u escape in '" + key + "'");
                            }
                            try {
                                sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw error(line, "bad \\u escape in '" + key + "'");
                            }
                            pos += 4;
                            break;
                        default:
                            throw error(line, "unknown escape \\" + e + " in '" + key + "'");
                    }
                } else {
                    sb.append(c);
                }
            }
            throw error(line, "unterminated string in '" + key + "'");
        }

        private List<Object> array() {
            // Nothing caro reads nests arrays; the limit keeps a hostile file from overflowing the stack.
            if (++depth > MAX_ARRAY_DEPTH) {
                throw error(line, "arrays nested too deeply in '" + key + "'");
            }
            List<Object> out = new ArrayList<>();
            pos++;
            while (true) {
                skipSpaces();
                if (atEnd()) {
                    throw error(line, "array for '" + key + "' is missing its closing ']' (arrays must fit on one line)");
                }
                if (s.charAt(pos) == ']') {
                    pos++;
                    depth--;
                    return out;
                }
                out.add(value());
                skipSpaces();
                if (!atEnd() && s.charAt(pos) == ',') {
                    pos++;
                } else if (atEnd() || s.charAt(pos) != ']') {
                    throw error(line, "expected ',' or ']' in the array for '" + key + "'");
                }
            }
        }
    }
}
