package dev.caro.backend.offline;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Template values computed from an intent's captured groups: column numbers from "second
 * column", time zones from city names, tool names from hash algorithms and the like.
 */
final class DerivedValues {

    private static final Map<String, String> ORDINALS = Map.of(
            "first", "1", "second", "2", "third", "3", "fourth", "4", "fifth", "5", "last", "NF");

    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("tokyo", "Asia/Tokyo"), Map.entry("london", "Europe/London"),
            Map.entry("new york", "America/New_York"), Map.entry("paris", "Europe/Paris"),
            Map.entry("berlin", "Europe/Berlin"), Map.entry("sydney", "Australia/Sydney"),
            Map.entry("los angeles", "America/Los_Angeles"), Map.entry("san francisco", "America/Los_Angeles"),
            Map.entry("seattle", "America/Los_Angeles"), Map.entry("chicago", "America/Chicago"),
            Map.entry("denver", "America/Denver"), Map.entry("singapore", "Asia/Singapore"),
            Map.entry("hong kong", "Asia/Hong_Kong"), Map.entry("dubai", "Asia/Dubai"),
            Map.entry("moscow", "Europe/Moscow"), Map.entry("mumbai", "Asia/Kolkata"),
            Map.entry("delhi", "Asia/Kolkata"), Map.entry("india", "Asia/Kolkata"),
            Map.entry("shanghai", "Asia/Shanghai"), Map.entry("beijing", "Asia/Shanghai"),
            Map.entry("seoul", "Asia/Seoul"), Map.entry("sao paulo", "America/Sao_Paulo"),
            Map.entry("toronto", "America/Toronto"), Map.entry("amsterdam", "Europe/Amsterdam"),
            Map.entry("madrid", "Europe/Madrid"), Map.entry("rome", "Europe/Rome"), Map.entry("utc", "UTC"));

    private static final Map<String, String> MONTHS = Map.ofEntries(
            Map.entry("jan", "01"), Map.entry("feb", "02"), Map.entry("mar", "03"), Map.entry("apr", "04"),
            Map.entry("may", "05"), Map.entry("jun", "06"), Map.entry("jul", "07"), Map.entry("aug", "08"),
            Map.entry("sep", "09"), Map.entry("oct", "10"), Map.entry("nov", "11"), Map.entry("dec", "12"));

    /** Properties of a process by the words people use for them: the ps -o field (GNU names). */
    private static final Map<String, String> PS_FIELDS = Map.ofEntries(
            Map.entry("pid", "pid"), Map.entry("process id", "pid"), Map.entry("ppid", "ppid"),
            Map.entry("parent pid", "ppid"), Map.entry("parent", "ppid"), Map.entry("user", "user"),
            Map.entry("owner", "user"), Map.entry("cpu", "%cpu"), Map.entry("cpu usage", "%cpu"),
            Map.entry("memory", "%mem"), Map.entry("mem", "%mem"), Map.entry("memory usage", "%mem"),
            Map.entry("rss", "rss"), Map.entry("elapsed time", "etime"), Map.entry("elapsed", "etime"),
            Map.entry("running time", "etime"), Map.entry("start time", "lstart"), Map.entry("command", "cmd"),
            Map.entry("cmd", "cmd"), Map.entry("command line", "cmd"), Map.entry("args", "cmd"),
            Map.entry("arguments", "cmd"), Map.entry("state", "stat"), Map.entry("status", "stat"),
            Map.entry("nice value", "ni"), Map.entry("nice", "ni"), Map.entry("tty", "tty"));

    /** Source file kinds named by their language ("python files"): the extension to include. */
    private static final Map<String, String> LANGUAGE_EXTENSIONS = Map.ofEntries(
            Map.entry("python", "py"), Map.entry("javascript", "js"), Map.entry("typescript", "ts"),
            Map.entry("kotlin", "kt"), Map.entry("ruby", "rb"), Map.entry("rust", "rs"), Map.entry("perl", "pl"),
            Map.entry("shell", "sh"), Map.entry("bash", "sh"), Map.entry("markdown", "md"),
            Map.entry("golang", "go"), Map.entry("header", "h"), Map.entry("headers", "h"));

    private DerivedValues() {}

    /** The derived value, or null when its inputs were not captured. */
    static String compute(String name, Map<String, TemplateRenderer.Capture> c) {
        switch (name) {
            case "col": {
                String n = first(c, "n", "n2");
                if (n != null) {
                    return n;
                }
                String w = get(c, "w");
                return w == null ? null : ORDINALS.get(w.toLowerCase(Locale.ROOT));
            }
            case "cola": case "colb": { // two columns, by number ("columns 2 and 5", "2nd and 5th") or word ("first and third")
                boolean a = name.equals("cola");
                String n = a ? first(c, "a", "a2") : first(c, "b", "b2");
                if (n != null) {
                    return n;
                }
                String w = get(c, a ? "w1" : "w2");
                return w == null ? null : ORDINALS.get(w.toLowerCase(Locale.ROOT));
            }
            case "nplus1": { // the line tail -n +K starts at to skip the first n lines
                String n = get(c, "n");
                return n == null || !n.matches("\\d{1,6}") ? null : String.valueOf(Integer.parseInt(n) + 1);
            }
            case "line": return first(c, "n", "o");
            case "lit": {
                // Literal text inside a single-quoted basic regex: its metacharacters are escaped.
                String p = get(c, "p");
                return p == null || p.contains("'") ? null : p.replaceAll("([\\\\.\\[\\]*^$])", "\\\\$1");
            }
            case "includes": { // "the .c and .h files", "python and js files": one --include per extension
                String list = get(c, "exts");
                if (list == null) {
                    return null;
                }
                StringBuilder sb = new StringBuilder();
                for (String item : list.toLowerCase(Locale.ROOT).split("\\s*(?:,|\\band\\b|\\bor\\b|/)\\s*")) {
                    String e = item.strip().replaceFirst("^\\*?\\.", "").replaceFirst("\\s*files?$", "");
                    e = LANGUAGE_EXTENSIONS.getOrDefault(e, e);
                    if (e.isEmpty()) {
                        continue;
                    }
                    if (!e.matches("[a-z0-9]{1,8}")) {
                        return null;
                    }
                    sb.append(sb.length() == 0 ? "" : " ").append("--include='*.").append(e).append('\'');
                }
                return sb.indexOf(" ") < 0 ? null : sb.toString();
            }
            case "fcol": { // "the first field", "field 3", "the 2nd column"
                String n = first(c, "n", "n2");
                if (n != null) {
                    return n;
                }
                String w = first(c, "w", "w2");
                return w == null ? null : ORDINALS.get(w.toLowerCase(Locale.ROOT));
            }
            case "psfields": case "bsdpsfields": { // "pid, elapsed time and command": ps -o pid,etime,cmd
                String list = first(c, "fields", "fields2");
                if (list == null) {
                    return null;
                }
                StringBuilder sb = new StringBuilder();
                for (String item : list.toLowerCase(Locale.ROOT).split("\\s*(?:,\\s*and\\b|,|\\band\\b)\\s*")) {
                    String f = PS_FIELDS.get(item.strip().replaceFirst("^(?:the|its) ", ""));
                    if (f == null) {
                        return null;
                    }
                    if (name.equals("bsdpsfields")) {
                        f = f.equals("cmd") ? "command" : f;
                    }
                    sb.append(sb.length() == 0 ? "" : ",").append(f);
                }
                return sb.indexOf(",") < 0 ? null : sb.toString();
            }
            case "keepvar": { // "keep PATH", "except for path": the variable's name
                String k = get(c, "keep");
                return k == null ? null : k.toUpperCase(Locale.ROOT);
            }
            case "toolcli": { // "nodejs" is run as node
                String t = first(c, "tool", "tool2", "tool3", "tool4");
                return t == null ? null : t.toLowerCase(Locale.ROOT).equals("nodejs") ? "node" : t.toLowerCase(Locale.ROOT);
            }
            case "spaces": { // "4 spaces", "two spaces": that many spaces
                String n = get(c, "n");
                if (n == null || !n.matches("[1-8]")) {
                    return null;
                }
                return " ".repeat(Integer.parseInt(n));
            }
            case "tarkind": {
                String k = first(c, "kind", "kind2");
                if (k == null) {
                    return null;
                }
                String l = k.toLowerCase(Locale.ROOT);
                return l.endsWith("gz") ? "z" : l.endsWith("bz2") ? "j" : l.endsWith("xz") ? "J" : "";
            }
            case "either": {
                String a = get(c, "a");
                String b = get(c, "b");
                return a == null || b == null ? null : a + "|" + b;
            }
            case "method": {
                String m = get(c, "meth");
                return m == null ? "POST" : m.toUpperCase(Locale.ROOT);
            }
            case "kcol": {
                String w = get(c, "kw");
                return w == null ? null : ORDINALS.get(w.toLowerCase(Locale.ROOT));
            }
            case "words": {
                String list = get(c, "list");
                if (list == null) {
                    return null;
                }
                StringBuilder sb = new StringBuilder();
                for (String w : list.split(",? and |, ?")) {
                    if (!w.isBlank()) {
                        sb.append(sb.length() == 0 ? "" : " ").append(ShellQuote.word(w.strip()));
                    }
                }
                return sb.toString(); // "logs, cache and tmp": each name its own word
            }
            case "delim": {
                String d = first(c, "d", "d2");
                String k = d == null ? "comma" : d.toLowerCase(Locale.ROOT);
                if (k.startsWith("comma")) {
                    return ",";
                }
                if (k.startsWith("space")) {
                    return "' '";
                }
                if (k.startsWith("tab")) {
                    return "'\\t'";
                }
                if (k.startsWith("semicolon")) {
                    return "';'";
                }
                return k.startsWith("pipe") ? "'|'" : null;
            }
            case "tz": {
                String city = get(c, "city");
                return city == null ? null : ZONES.get(city.toLowerCase(Locale.ROOT));
            }
            case "isod": { // "january 1st 2025" as 2025-01-01
                String mon = get(c, "mon");
                String day = get(c, "day");
                String year = get(c, "year");
                if (mon == null || day == null || year == null) {
                    return null;
                }
                return year + "-" + MONTHS.get(mon.toLowerCase(Locale.ROOT).substring(0, 3)) + "-" + pad(day);
            }
            case "totz": { // the zone of the city a time is converted to
                String city = get(c, "to");
                return city == null ? null : ZONES.get(city.toLowerCase(Locale.ROOT));
            }
            case "bsdunit": {
                String u = first(c, "unit", "unit2");
                return u == null ? null : u.substring(0, 1).toLowerCase(Locale.ROOT);
            }
            case "tool": case "bsdtool": case "bits": {
                String algo = get(c, "algo");
                if (algo == null) {
                    String list = get(c, "list");
                    if (list == null) {
                        return null;
                    }
                    String l = list.toLowerCase(Locale.ROOT);
                    algo = l.contains("md5") ? "md5" : l.contains("sha1") ? "sha1" : l.contains("512") ? "sha512"
                            : "sha256";
                }
                String a = algo.toLowerCase(Locale.ROOT).replace("-", "");
                if (name.equals("tool")) {
                    return a;
                }
                String bits = a.equals("sha1") ? "1" : a.equals("sha512") ? "512" : a.equals("md5") ? null : "256";
                if (name.equals("bits")) {
                    return bits;
                }
                return bits == null ? "md5" : "shasum -a " + bits;
            }
            case "chars": {
                String w = get(c, "what");
                if (w == null) {
                    return null;
                }
                switch (w.toLowerCase(Locale.ROOT)) {
                    case "digits": case "numbers": return "[:digit:]";
                    case "spaces": return " ";
                    case "whitespace": return "[:space:]";
                    case "tabs": return "\\t";
                    case "newlines": return "\\n";
                    case "punctuation": return "[:punct:]";
                    default: return null;
                }
            }
            case "ts": {
                String mon = get(c, "mon");
                if (mon == null) {
                    return null;
                }
                return get(c, "year") + MONTHS.get(mon.toLowerCase(Locale.ROOT).substring(0, 3))
                        + pad(get(c, "day")) + pad(get(c, "hh")) + get(c, "mm");
            }
            case "su": case "bsdsu": {
                String u = get(c, "u");
                if (u == null) {
                    return null;
                }
                String letter = u.substring(0, 1);
                return name.equals("su") ? letter.toUpperCase(Locale.ROOT) : letter.toLowerCase(Locale.ROOT);
            }
            case "hour": {
                String h = first(c, "h", "h2");
                if (h == null) {
                    return null;
                }
                int hour = Integer.parseInt(h);
                String ap = first(c, "ap", "ap2");
                if (ap != null && ap.equalsIgnoreCase("pm") && hour < 12) {
                    hour += 12;
                } else if (ap != null && ap.equalsIgnoreCase("am") && hour == 12) {
                    hour = 0;
                }
                return String.valueOf(hour);
            }
            case "hh": { // the hour of "9am" as two digits, for "09:00"
                String h = compute("hour", c);
                return h == null ? null : pad(h);
            }
            case "secs": { // "an hour", "30 minutes", "2 days" (the whole phrase): that span in seconds
                for (String[] u : new String[][] {{"days", "86400"}, {"hrs", "3600"}, {"mins", "60"}}) {
                    String v = get(c, u[0]);
                    if (v != null) {
                        String n0 = v.replaceFirst("^(\\d*).*", "$1");
                        long n = n0.isEmpty() ? 1 : Long.parseLong(n0);
                        return String.valueOf(n * Long.parseLong(u[1]));
                    }
                }
                return null;
            }
            case "nexty": { // the year after a given year: "modified in 2023" ends before 2024-01-01
                String y = get(c, "y");
                return y == null ? null : String.valueOf(Integer.parseInt(y) + 1);
            }
            case "monthfirst": { // "march 2024" starts on 2024-03-01
                String m = get(c, "mon");
                String y = get(c, "y");
                return m == null || y == null ? null : y + "-" + MONTHS.get(m.toLowerCase(Locale.ROOT).substring(0, 3)) + "-01";
            }
            case "monthnext": { // "march 2024" ends before 2024-04-01; december before the next year's january
                String m = get(c, "mon");
                String y = get(c, "y");
                if (m == null || y == null) {
                    return null;
                }
                int mo = Integer.parseInt(MONTHS.get(m.toLowerCase(Locale.ROOT).substring(0, 3)));
                int yr = Integer.parseInt(y) + (mo == 12 ? 1 : 0);
                return yr + "-" + pad(String.valueOf(mo % 12 + 1)) + "-01";
            }
            case "cronday": { // "sunday" is 0 in a crontab's day-of-week field, "saturday" 6
                String d = first(c, "wd", "wd2");
                if (d == null) {
                    return null;
                }
                int i = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat").indexOf(d.substring(0, 3).toLowerCase(Locale.ROOT));
                return i < 0 ? null : String.valueOf(i);
            }
            case "bytes": {
                String len = get(c, "len");
                return len == null ? null : String.valueOf(Math.max(1, Integer.parseInt(len) * 3 / 4));
            }
            case "dhome": {
                String d = get(c, "d");
                return d == null ? null : d.startsWith("~/") ? "$HOME/" + d.substring(2) : d;
            }
            case "author": return first(c, "who", "who2", "who3", "who4");
            case "ctxflag": {
                String d = get(c, "dir");
                return d == null ? null : d.toLowerCase(Locale.ROOT).matches("after|following") ? "-A" : "-B";
            }
            case "sigup": {
                String sig = get(c, "sig");
                return sig == null ? null : sig.toUpperCase(Locale.ROOT);
            }
            case "chmodspec": {
                String op = get(c, "op");
                String perm = get(c, "perm");
                String who = first(c, "who", "who2");
                if (op == null || perm == null || who == null) {
                    return null;
                }
                String w = who.toLowerCase(Locale.ROOT).replace("the ", "");
                String cls = w.startsWith("every") || w.startsWith("all") || w.contains("world") ? "a"
                        : w.contains(" and ") ? "ug" : w.startsWith("other") ? "o" : w.startsWith("group") ? "g" : "u";
                String sign = op.toLowerCase(Locale.ROOT).matches("give|add|grant|allow") ? "+" : "-";
                String bits = perm.substring(0, 1).toLowerCase(Locale.ROOT).replace("e", "x");
                String perm2 = get(c, "perm2");
                if (perm2 != null) {
                    bits += perm2.substring(0, 1).toLowerCase(Locale.ROOT).replace("e", "x");
                }
                return cls + sign + bits;
            }
            case "tra": case "trb": {
                String v = get(c, name.equals("tra") ? "a" : "b");
                if (v == null) {
                    return null;
                }
                String k = v.toLowerCase(Locale.ROOT);
                String ch = k.startsWith("tab") ? "\\t" : k.startsWith("comma") ? "," : k.startsWith("space") ? " "
                        : k.startsWith("semicolon") ? ";" : k.startsWith("newline") ? "\\n" : k.startsWith("colon") ? ":"
                        : "|";
                return ShellQuote.always(ch);
            }
            case "jqpath": {
                String k = get(c, "key");
                if (k == null) {
                    k = get(c, "key2");
                }
                return k == null ? null : k.startsWith(".") ? k : "." + k;
            }
            case "tarsrc": {
                String src = get(c, "src");
                if (src == null) {
                    return null;
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("~/([^/\\s]+)/?").matcher(src);
                return m.matches() ? "-C ~ " + ShellQuote.word(m.group(1)) : ShellQuote.word(src);
            }
            case "umask": {
                String d = get(c, "d");
                if (d == null || d.length() != 3) {
                    return null;
                }
                StringBuilder sb = new StringBuilder();
                for (char ch : d.toCharArray()) {
                    sb.append(7 - (ch - '0'));
                }
                return sb.toString();
            }
            case "dnstype": {
                if (get(c, "nsword") != null) {
                    return "NS";
                }
                if (get(c, "mxword") != null) {
                    return "MX";
                }
                String t = first(c, "type", "type2");
                return t == null ? null : t.toUpperCase(Locale.ROOT);
            }
            case "monthno": { // "march" is 3, for cal
                String m = get(c, "month");
                return m == null ? null : String.valueOf(Integer.parseInt(MONTHS.get(m.toLowerCase(Locale.ROOT).substring(0, 3))));
            }
            case "isodate": { // "March 14 2027" or "14 march 2027" is 2027-03-14
                String m = first(c, "mon", "mon2");
                String d = first(c, "day", "day2");
                String y = first(c, "year", "year2");
                if (m == null || d == null || y == null || Integer.parseInt(d) < 1 || Integer.parseInt(d) > 31) {
                    return null;
                }
                return y + "-" + MONTHS.get(m.toLowerCase(Locale.ROOT).substring(0, 3)) + "-" + pad(d);
            }
            case "sedsep": { // s/a/b/g, or s|a|b|g when a or b holds a slash
                String from = get(c, "from");
                String to = get(c, "to");
                String both = (from == null ? "" : from) + (to == null ? "" : to);
                return !both.contains("/") ? "/" : !both.contains("|") ? "|" : null;
            }
            case "kplus1": { // "after the first 10 lines": tail -n +11
                String k = first(c, "k", "k2");
                return k == null || !k.matches("\\d{1,9}") ? null : String.valueOf(Integer.parseInt(k) + 1);
            }
            case "sedlit": { // a quoted text (spaces kept) as the replacement of s/^/TEXT/ inside single quotes
                String t = first(c, "litp", "litp2");
                return t == null || t.isEmpty() || t.contains("\n") ? null
                        : t.replace("\\", "\\\\").replace("&", "\\&").replace("/", "\\/").replace("'", "'\\''");
            }
            case "isoq": { // a date given bare or quoted ("2024-06-15 14:30"); a quote must hold one
                String d = first(c, "d", "d2");
                return d != null && d.strip().matches("\\d{4}-\\d{2}-\\d{2}(?:[ tT]\\d{2}:\\d{2}(?::\\d{2})?)?") ? d.strip() : null;
            }
            case "shdir": { // a login shell's directory in /etc/passwd: /bin/bash (or /usr/bin/bash), /usr/sbin/nologin
                String sh = first(c, "sh", "sh2", "sh3");
                return sh == null ? null : sh.equals("nologin") || sh.equals("false") ? "/" : "/bin/";
            }
            case "dfmt": { // "like 15/03/2024 14:05" or "as dd/mm/yyyy hh:mm": date's +FORMAT argument
                String ex = get(c, "ex");
                String layout = get(c, "layout");
                String format = ex != null ? DateLayouts.fromExample(ex) : layout != null ? DateLayouts.fromLayout(layout) : null;
                return format == null ? null : ShellQuote.word("+" + format);
            }
            default: return null;
        }
    }

    private static String pad(String s) {
        return s.length() == 1 ? "0" + s : s;
    }

    private static String get(Map<String, TemplateRenderer.Capture> c, String k) {
        TemplateRenderer.Capture v = c.get(k);
        return v == null ? null : v.value();
    }

    private static String first(Map<String, TemplateRenderer.Capture> c, String... keys) {
        for (String k : keys) {
            String v = get(c, k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
