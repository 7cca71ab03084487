package dev.caro.backend.offline;

import dev.caro.backend.offline.Slot.Kind;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Fills one intent's template with the values of one request, and keeps track of which slots the
 * command used. Placeholders: {@code {name}} (quoted when needed), {@code {name:default}},
 * {@code {=name}} (raw), {@code {'name}} (always single-quoted), {@code {*name}} (a list such as
 * "a.txt, b.txt and c.txt" as one quoted word per item), {@code {?flag:text}} (text when
 * the flag group matched) and {@code {!flag:text}} (text when it did not). A name may end in
 * {@code .base} (the last part of a path) or {@code .ext} (an extension, with a plural such as
 * "PNGs" or "PDF" read as {@code png} or {@code pdf}).
 */
final class TemplateRenderer implements FindExpression.SlotUse {

    /** A value from a named group of the intent's patterns. */
    record Capture(String value, int start, int end) {}

    private static final Pattern ABSOLUTE_FILE = Pattern.compile("/(?:etc|var/log|proc|dev|sys|usr/share)/.+|.+/.+/.+");

    /** Words joined by dots, nothing else a regular expression would read specially. */
    private static final Pattern DOTTED_NAME = Pattern.compile("[\\w-]+(?:\\.[\\w-]+)+");

    private final ParsedRequest req;
    private final Map<String, Capture> captures;
    private final boolean bsd;
    private final Map<Slot, Boolean> used = new IdentityHashMap<>();
    private String lastDir = ".";
    private final Map<String, String> resolved = new java.util.HashMap<>();
    private static final Set<String> RAW = Set.of("find", "findany", "findx", "tarsrc", "excludes", "sudo", "tarflag", "n1", "files", "delim");
    private boolean missing;

    /** For a path slot a capture covered, the names of those captures. */
    private final Map<Slot, Set<String>> pathCaptures = new HashMap<>();

    /** Names of the captures the template read (as a value or a flag). */
    private final Set<String> read = new HashSet<>();

    /** The template being rendered. */
    private String template = "";

    /** The captures as derived values see them: what they look up counts as read. */
    private final Map<String, Capture> recording = new AbstractMap<>() {
        @Override
        public Set<Map.Entry<String, Capture>> entrySet() {
            read.addAll(captures.keySet());
            return captures.entrySet();
        }

        @Override
        public Capture get(Object key) {
            Capture c = captures.get(key);
            if (c != null) {
                read.add((String) key);
            }
            return c;
        }
    };

    /** How a template refers to a capture's value: {n}, {=n}, {@n}, {'n}, {*n}. */
    private static final String[] REFERENCE_OPENINGS = {"{", "{=", "{@", "{'", "{*"};

    /**
     * Whether path slot {@code s} is covered only by captures that the template names as
     * placeholders but never read: the value sat in a fallback another value took the place of.
     */
    private boolean leftInFallback(Slot s) {
        Set<String> names = pathCaptures.get(s);
        if (names == null || !Collections.disjoint(names, read)) {
            return false;
        }
        for (String n : names) {
            for (String open : REFERENCE_OPENINGS) {
                if (template.contains(open + n + ":") || template.contains(open + n + "}")) {
                    return true;
                }
            }
        }
        return false;
    }

    TemplateRenderer(ParsedRequest req, Map<String, Capture> captures, boolean bsd) {
        this.req = req;
        this.captures = captures;
        this.bsd = bsd;
        for (Map.Entry<String, Capture> e : captures.entrySet()) {
            Capture c = e.getValue();
            for (Slot s : req.slots()) {
                if (s.start() >= c.start() && s.end() <= c.end() || s.value().equals(c.value())) {
                    used.put(s, Boolean.TRUE);
                    if (s.kind() == Kind.DIR || s.kind() == Kind.FILE) {
                        pathCaptures.computeIfAbsent(s, k -> new HashSet<>()).add(e.getKey());
                    }
                } else if (c.start() >= s.start() && c.end() <= s.end() && c.end() > c.start()
                        && readsItself(s, c.value())) {
                    // the intent reads this bound, type or file name itself ("in over 30 days", "~/.zshrc")
                    used.put(s, Boolean.TRUE);
                }
            }
        }
    }

    /**
     * Whether a capture inside slot {@code s} holds the slot's value itself: the number of a time or
     * size bound, the extension of an extension slot, the name at the end of a path ("zshrc" of
     * "~/.zshrc"). A keyword captured as a flag ("last") does not.
     */
    private static boolean readsItself(Slot s, String value) {
        switch (s.kind()) {
            case TIME: case SIZE:
                return value.matches("\\d+(?:\\.\\d+)?");
            case EXT:
                return value.equalsIgnoreCase(s.value());
            case FILE: case DIR: {
                String last = s.value().substring(s.value().lastIndexOf('/') + 1);
                return !value.isEmpty() && (last.equals(value) || last.equals("." + value));
            }
            default:
                return false;
        }
    }

    /** The command, or empty when a required value is missing. */
    Optional<String> render(String template) {
        this.template = template;
        String out = fill(template);
        return missing ? Optional.empty() : Optional.of(collapseSpaces(out).strip());
    }

    /** Collapses runs of spaces left by empty optional parts, except inside single quotes. */
    static String collapseSpaces(String s) {
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ' ' && !quoted && sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Marks RECURSIVE and KEEP slots inside a span the intent's patterns matched as used. */
    void coverModifiers(List<int[]> spans) {
        for (Slot s : req.slots()) {
            if (s.kind() != Kind.RECURSIVE && s.kind() != Kind.KEEP) {
                continue;
            }
            for (int[] sp : spans) {
                if (s.start() >= sp[0] && s.end() <= sp[1]) {
                    used.put(s, Boolean.TRUE);
                }
            }
        }
    }

    /**
     * Slots the command did not use, except kinds the intent allows and "here", and a path whose
     * only covering captures are placeholders of the template that were never read ("in ./shared"
     * captured for a fallback {@code {path:{=t}}} is left out of {@code chmod -R g+r report.csv}).
     */
    List<Slot> unused(Set<Kind> allowed) {
        List<Slot> out = new ArrayList<>();
        for (Slot s : req.slots()) {
            if (allowed.contains(s.kind())) {
                continue;
            }
            if (used.containsKey(s) && !leftInFallback(s)) {
                continue;
            }
            if (s.kind() == Kind.DIR && s.value().equals(".")) {
                continue;
            }
            out.add(s);
        }
        return out;
    }

    int usedCount() {
        return used.size();
    }

    /** The command text already written around the template part being filled (for quoting). */
    private String context = "";

    private String fill(String t) {
        String outer = context;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length() && (t.charAt(i + 1) == '{' || t.charAt(i + 1) == '}')) {
                sb.append(t.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c != '{') {
                sb.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int j = i;
            for (; j < t.length(); j++) {
                if (t.charAt(j) == '{') {
                    depth++;
                } else if (t.charAt(j) == '}' && --depth == 0) {
                    break;
                }
            }
            if (j >= t.length()) {
                sb.append(t.substring(i));
                break;
            }
            String body = t.substring(i + 1, j);
            context = outer + sb;
            String v = placeholder(body);
            sb.append(body.startsWith("=") && fromQuote(body.substring(1)) ? guardRaw(v, outer + sb) : v);
            i = j + 1;
        }
        context = outer;
        return sb.toString();
    }

    /**
     * Whether a raw placeholder ({@code {=name}}) takes its value from a capture of a quoted string ({@code «n»}): such a value may hold spaces or shell syntax
     * ("'Meeting Notes.docx'"), which a raw placement would split or run. A fallback
     * ({@code {=a:{=b}}}) is guarded where it is filled. A capture named {@code cmd...} is a command
     * line the user quoted to be run ("nice 'make -j8'") and stays as written.
     */
    private boolean fromQuote(String body) {
        int colon = body.indexOf(':');
        String name = (colon < 0 ? body : body.substring(0, colon)).replaceFirst("\\.(?:base|ext)$", "");
        Capture c = captures.get(name);
        return c != null && c.end() > c.start() && !name.startsWith("cmd")
                && req.text().substring(c.start(), c.end()).contains("«");
    }

    /**
     * A value from a quoted string placed raw, made safe for where it lands: single-quoted when
     * needed at word level ({@code mv 'Meeting Notes.docx' b}), its single quotes escaped inside a
     * single-quoted template part, and {@code \ " $ `} escaped inside a double-quoted one.
     */
    static String guardRaw(String value, CharSequence before) {
        switch (quoteState(before)) {
            case '\'':
                return value.replace("'", "'\\''");
            case '"':
                return value.replaceAll("([\\\\\"$`])", "\\\\$1");
            default:
                return value.isEmpty() ? value : ShellQuote.word(value);
        }
    }

    /** The quote open at the end of a piece of POSIX shell text: ' or ", or a space when none. */
    static char quoteState(CharSequence text) {
        char open = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (open == '\'') {
                if (c == '\'') {
                    open = ' ';
                }
            } else if (c == '\\') {
                i++;
            } else if (c == '"') {
                open = open == '"' ? ' ' : '"';
            } else if (c == '\'' && open == ' ') {
                open = '\'';
            }
        }
        return open;
    }

    private String placeholder(String body) {
        if (body.startsWith("?") || body.startsWith("!")) {
            int colon = body.indexOf(':');
            String flag = body.substring(1, colon < 0 ? body.length() : colon);
            String text = colon < 0 ? "" : body.substring(colon + 1);
            boolean present = flag(flag);
            return present == body.startsWith("?") ? fill(text) : "";
        }
        char mode = ' ';
        if (body.startsWith("=") || body.startsWith("'") || body.startsWith("@") || body.startsWith("*")) {
            mode = body.charAt(0);
            body = body.substring(1);
        }
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        String fallback = colon < 0 ? null : body.substring(colon + 1);
        String value;
        if (name.endsWith(".ext")) {
            // an extension as the user wrote it: "PNGs", "pdfs" and "PDF" name the png and pdf files
            String v = value(name.substring(0, name.length() - 4));
            String plural = v == null ? null : SlotExtractor.pluralExtension(v);
            if (plural == null && v != null && SlotExtractor.pluralExtension(v + "s") != null) {
                plural = v.toLowerCase(Locale.ROOT);
            }
            value = plural != null ? plural : v;
        } else if (name.endsWith(".base")) {
            String base = name.substring(0, name.length() - 5);
            String v = resolved.containsKey(base) ? resolved.get(base) : value(base);
            value = v == null ? null : basename(v);
        } else if (mode == '@') {
            value = resolved.get(name);
        } else {
            value = value(name);
            if (value != null && value.equals(".") && "".equals(fallback) && name.equals("dir")) {
                value = ""; // "ls -t" rather than "ls -t ."
            }
        }
        if (value == null) {
            if (fallback == null) {
                missing = true;
                return "";
            }
            String f = fill(fallback);
            if (name.equals("dir")) {
                lastDir = f;
            }
            resolved.put(name, f);
            return f;
        }
        resolved.put(name, value);
        if (mode == '*') {
            return ListedItems.words(value);
        }
        if (mode == '=' || RAW.contains(name) || value.isEmpty()) {
            return value;
        }
        return mode == '\'' ? ShellQuote.always(value) : ShellQuote.word(value);
    }

    /**
     * A captured folder that the slot extractor read as one of the home folders ("from Downloads" is
     * {@code ~/Downloads}) takes that path; any other capture is used as written.
     */
    private String inHome(Capture c) {
        for (Slot s : req.slots()) {
            if (s.kind() == Kind.DIR && s.value().startsWith("~/") && s.start() <= c.start() && c.end() <= s.end()
                    && s.value().substring(2).equalsIgnoreCase(c.value())) {
                return s.value();
            }
        }
        return c.value();
    }

    private boolean flag(String name) {
        Capture c = captures.get(name);
        if (c != null) {
            read.add(name);
            return true;
        }
        switch (name) {
            case "n": return has(Kind.COUNT);
            case "file": return has(Kind.FILE);
            case "dir": return req.slots().stream().anyMatch(s -> s.kind() == Kind.DIR && !used.containsKey(s)
                    && !s.value().equals("."));
            case "user": return has(Kind.USER);
            case "port": return has(Kind.PORT);
            case "host": return has(Kind.HOST);
            case "url": return has(Kind.URL);
            case "time": return has(Kind.TIME);
            case "size": return has(Kind.SIZE);
            case "ext": return has(Kind.EXT);
            case "quote": case "q": return has(Kind.QUOTE);
            case "exclude": return has(Kind.EXCLUDE);
            case "depth": return has(Kind.DEPTH);
            case "glob": return has(Kind.GLOB);
            case "bsd": return bsd;
            case "fsroot": return "/".equals(lastDir); // not "rootdir": its prefix "root" would explain "make root the owner"
            case "fixed": return dottedLiteral();
            default: return false;
        }
    }

    /**
     * Whether the search pattern is a dotted name such as {@code os.Exit}, {@code 10.0.0.5} or
     * {@code console.log}: its dots are meant literally, so grep takes it as a fixed string
     * ({@code -F}) rather than as a regular expression whose dots match any character.
     */
    private boolean dottedLiteral() {
        Capture p = captures.get("pattern");
        return p != null && !captures.containsKey("alt") && DOTTED_NAME.matcher(p.value()).matches();
    }

    private String value(String name) {
        Capture c = captures.get(name);
        if (c != null) {
            read.add(name);
            return inHome(c);
        }
        String derived = DerivedValues.compute(name, recording);
        if (derived != null) {
            return derived;
        }
        switch (name) {
            case "file": case "file2": case "file3": {
                Slot s = next(k -> k.kind() == Kind.FILE);
                if (s == null) {
                    s = next(k -> k.kind() == Kind.DIR && ABSOLUTE_FILE.matcher(k.value()).matches()
                            && !k.value().endsWith("/"));
                }
                return s == null ? null : s.value();
            }
            case "files": {
                List<String> all = new ArrayList<>();
                Slot s;
                while ((s = next(k -> k.kind() == Kind.FILE || k.kind() == Kind.GLOB)) != null) {
                    all.add(s.kind() == Kind.GLOB ? s.value() : ShellQuote.word(s.value()));
                }
                return all.isEmpty() ? null : String.join(" ", all);
            }
            case "dir": case "dir2": {
                Slot s = next(k -> k.kind() == Kind.DIR && !k.value().equals("."));
                if (s == null) {
                    s = next(k -> k.kind() == Kind.DIR);
                }
                if (s != null) {
                    lastDir = s.value();
                }
                return s == null ? null : s.value();
            }
            case "path": {
                Slot s = next(k -> (k.kind() == Kind.FILE || k.kind() == Kind.DIR) && !k.value().equals("."));
                return s == null ? null : s.value();
            }
            case "url": return value(Kind.URL);
            case "host": {
                Slot s = next(k -> k.kind() == Kind.HOST);
                if (s != null) {
                    return s.value();
                }
                Slot u = next(k -> k.kind() == Kind.URL);
                return u == null ? null : u.value().replaceFirst("^[a-z]+://", "").replaceFirst("[/:].*$", "");
            }
            case "port": return value(Kind.PORT);
            case "user": return value(Kind.USER);
            case "n": return value(Kind.COUNT);
            case "q": case "q2": case "pattern": return value(Kind.QUOTE);
            case "glob": return value(Kind.GLOB);
            case "ext": return value(Kind.EXT);
            case "name": return value(Kind.NAME);
            case "size": return value(Kind.SIZE);
            case "exclude": return value(Kind.EXCLUDE);
            case "depth": return value(Kind.DEPTH);
            case "since": {
                Slot s = next(k -> k.kind() == Kind.TIME && k.value().startsWith("within"));
                if (s == null) {
                    return null;
                }
                String[] p = s.value().split(":");
                return new TimeBound(TimeBound.Kind.WITHIN, Integer.parseInt(p[1]), p[2]).ago();
            }
            case "find": return FindExpression.build(req, this, lastDir, bsd, true);
            case "findany": return FindExpression.build(req, this, lastDir, bsd, false);
            case "findx": {
                String f = FindExpression.build(req, this, lastDir, bsd, true);
                return f == null ? null : f.replaceFirst("(^| )-type f( |$)", "$1").strip();
            }
            case "n1": {
                String n = value(Kind.COUNT);
                return n == null ? null : String.valueOf(Integer.parseInt(n) + 1);
            }
            case "excludes": {
                List<String> ex = new ArrayList<>();
                for (Slot s : take(Kind.EXCLUDE)) {
                    ex.add("--exclude=" + ShellQuote.word(s.value()));
                }
                return ex.isEmpty() ? null : String.join(" ", ex);
            }
            case "sudo": {
                for (Slot s : req.slots()) {
                    if (s.kind() == Kind.DIR && !used.containsKey(s) && SYSTEM_DIR.matcher(s.value()).matches()) {
                        return "sudo ";
                    }
                }
                return "";
            }
            case "tarflag": {
                for (Slot s : req.slots()) {
                    if (s.kind() == Kind.FILE) {
                        String f = s.value().toLowerCase(java.util.Locale.ROOT);
                        if (f.endsWith(".tar.gz") || f.endsWith(".tgz")) {
                            return "z";
                        }
                        if (f.endsWith(".tar.bz2") || f.endsWith(".tbz2") || f.endsWith(".tbz")) {
                            return "j";
                        }
                        if (f.endsWith(".tar.xz") || f.endsWith(".txz")) {
                            return "J";
                        }
                        if (f.endsWith(".tar")) {
                            return "";
                        }
                    }
                }
                return null;
            }
            default: return null;
        }
    }

    private static final Pattern SYSTEM_DIR = Pattern.compile("/(?:var|srv|opt|etc|usr|root|home|lib|boot)(?:/.*)?");

    private static String basename(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private String value(Kind kind) {
        Slot s = next(k -> k.kind() == kind);
        return s == null ? null : s.value();
    }

    private Slot next(Predicate<Slot> which) {
        for (Slot s : req.slots()) {
            if (!used.containsKey(s) && which.test(s)) {
                consume(s);
                return s;
            }
        }
        return null;
    }

    private void consume(Slot s) {
        used.put(s, Boolean.TRUE);
        for (Slot o : req.slots()) {
            if (o.overlaps(s.start(), s.end())) {
                used.put(o, Boolean.TRUE);
            }
        }
    }

    @Override
    public List<Slot> take(Kind kind) {
        return take(s -> s.kind() == kind);
    }

    @Override
    public List<Slot> take(Predicate<Slot> which) {
        List<Slot> out = new ArrayList<>();
        for (Slot s : req.slots()) {
            if (!used.containsKey(s) && which.test(s)) {
                out.add(s);
            }
        }
        for (Slot s : out) {
            consume(s);
        }
        return out;
    }

    @Override
    public boolean has(Kind kind) {
        return req.slots().stream().anyMatch(s -> s.kind() == kind && !used.containsKey(s));
    }

    @Override
    public void consumeSpan(int start, int end) {
        for (Slot s : req.slots()) {
            if (s.overlaps(start, end)) {
                used.put(s, Boolean.TRUE);
            }
        }
    }
}
