package dev.caro.backend.offline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Text that every match of a regular expression contains: a list of lower-case strings, one of
 * which appears (ignoring ASCII case) in any text the expression finds a match in. The matcher
 * skips an intent whose {@code when} patterns cannot match without compiling them; the build works
 * the lists out once for the built-in catalog ({@link CatalogIndex}).
 *
 * <p>The analysis is conservative: literal characters and the alternatives, groups and
 * quantifiers around them count; character classes and escapes such as {@code \w} match
 * "anything"; anchors and look-arounds match the empty string. Constructs it does not know (inline flags other than {@code (?-i:}, {@code \Q},
 * numeric escapes) give no requirement at all. An empty list means no requirement: the
 * expression must be tried.
 */
final class RequiredText {

    /** Most strings one set may hold before the analysis falls back to a shorter requirement. */
    private static final int CAP = 64;

    private static final Info ANY = new Info(null, null);
    private static final Info EMPTY = new Info(Set.of(""), null);

    /**
     * What a piece of an expression matches: exactly one of {@code exact} (when not null), and in
     * any case a text containing one of {@code must} (when not null). Null for both: anything.
     */
    private record Info(Set<String> exact, Set<String> must) {

        /** Strings one of which every match contains, or null for none. */
        Set<String> required() {
            Set<String> s = exact != null ? exact : must;
            return s == null || s.contains("") ? null : s;
        }
    }

    /** Thrown for syntax this analysis does not know; the expression then has no requirement. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private final String re;
    private int at;

    private RequiredText(String re) {
        this.re = re;
    }

    /**
     * Strings (lower case) one of which appears in every text {@code regex}, compiled with
     * {@link java.util.regex.Pattern#CASE_INSENSITIVE}, finds a match in, once that text is lower-cased;
     * empty when no such list is known.
     */
    static List<String> of(String regex) {
        try {
            RequiredText p = new RequiredText(regex);
            Info info = p.alternation();
            if (p.at != regex.length()) {
                return List.of(); // a stray ')': not a valid expression
            }
            Set<String> req = info.required();
            return req == null ? List.of() : shortest(req);
        } catch (RuntimeException e) {
            return List.of(); // Unsupported, or an expression that would not compile
        }
    }

    /**
     * The strings of {@code set} that contain no other string of it: a text that contains a longer
     * one contains the shorter too, so the longer adds nothing.
     */
    private static List<String> shortest(Set<String> set) {
        List<String> out = new ArrayList<>();
        for (String s : set) {
            boolean redundant = false;
            for (String t : set) {
                if (!t.equals(s) && s.contains(t)) {
                    redundant = true;
                    break;
                }
            }
            if (!redundant) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** Whether {@code lower} contains one of {@code required}, or {@code required} is empty. */
    static boolean mayMatch(List<String> required, String lower) {
        if (required.isEmpty()) {
            return true;
        }
        for (int i = 0; i < required.size(); i++) {
            if (lower.contains(required.get(i))) {
                return true;
            }
        }
        return false;
    }

    private boolean more() {
        return at < re.length();
    }

    private char peek() {
        return re.charAt(at);
    }

    private Info alternation() {
        List<Info> branches = new ArrayList<>();
        branches.add(sequence());
        while (more() && peek() == '|') {
            at++;
            branches.add(sequence());
        }
        if (branches.size() == 1) {
            return branches.get(0);
        }
        Set<String> exact = new LinkedHashSet<>();
        for (Info b : branches) {
            if (exact == null || b.exact() == null) {
                exact = null;
            } else {
                exact.addAll(b.exact());
            }
        }
        if (exact != null && exact.size() <= CAP) {
            return new Info(exact, null);
        }
        Set<String> must = new LinkedHashSet<>();
        for (Info b : branches) {
            Set<String> r = b.required();
            if (r == null) {
                return ANY;
            }
            must.addAll(r);
        }
        return new Info(null, must);
    }

    /**
     * A run of atoms: neighbouring exact atoms are joined (every combination, up to {@link #CAP});
     * the requirement is the best of the runs' and the other atoms'.
     */
    private Info sequence() {
        Set<String> run = Set.of("");
        boolean allExact = true;
        List<Set<String>> candidates = new ArrayList<>();
        while (more() && peek() != '|' && peek() != ')') {
            Info a = quantified(atom());
            if (a.exact() != null && (long) run.size() * a.exact().size() <= CAP) {
                run = join(run, a.exact());
                continue;
            }
            allExact = false;
            candidates.add(run);
            if (a.exact() != null) {
                run = a.exact();
            } else {
                if (a.must() != null) {
                    candidates.add(a.must());
                }
                run = Set.of("");
            }
        }
        if (allExact) {
            return new Info(run, null);
        }
        candidates.add(run);
        return new Info(null, best(candidates));
    }

    private static Set<String> join(Set<String> left, Set<String> right) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : left) {
            for (String r : right) {
                out.add(l + r);
            }
        }
        return out;
    }

    /** The most selective set: the one whose shortest string is longest, then the smallest; null if none helps. */
    private static Set<String> best(List<Set<String>> candidates) {
        Set<String> best = null;
        int bestMin = 0;
        for (Set<String> c : candidates) {
            int min = Integer.MAX_VALUE;
            for (String s : c) {
                min = Math.min(min, s.length());
            }
            if (min > bestMin || min == bestMin && min > 0 && c.size() < best.size()) {
                best = c;
                bestMin = min;
            }
        }
        return best;
    }

    private Info quantified(Info a) {
        if (!more()) {
            return a;
        }
        char c = peek();
        int min;
        if (c == '?') {
            at++;
            min = 0;
            if (a.exact() != null) {
                Set<String> e = new LinkedHashSet<>(a.exact());
                e.add("");
                a = new Info(e, null);
                lazyOrPossessive();
                return a;
            }
        } else if (c == '*') {
            at++;
            min = 0;
        } else if (c == '+') {
            at++;
            min = 1;
        } else if (c == '{') {
            int close = re.indexOf('}', at);
            if (close < 0) {
                throw new Unsupported();
            }
            String body = re.substring(at + 1, close);
            int comma = body.indexOf(',');
            min = Integer.parseInt((comma < 0 ? body : body.substring(0, comma)).strip());
            at = close + 1;
        } else {
            return a;
        }
        lazyOrPossessive();
        if (min == 0) {
            return ANY;
        }
        Set<String> r = a.required();
        return r == null ? ANY : new Info(null, r);
    }

    private void lazyOrPossessive() {
        if (more() && (peek() == '?' || peek() == '+')) {
            at++;
        }
        if (more() && "?*+{".indexOf(peek()) >= 0) {
            throw new Unsupported(); // a quantified quantifier: not worth knowing
        }
    }

    private Info atom() {
        char c = re.charAt(at++);
        switch (c) {
            case '(':
                return group();
            case '[':
                skipClass();
                return ANY;
            case '.':
                return ANY;
            case '^':
            case '$':
                return EMPTY;
            case '\\':
                return escape();
            case '*':
            case '+':
            case '?':
            case '{':
                throw new Unsupported();
            default:
                return literal(c);
        }
    }

    /**
     * A literal character, lower-cased as the request's lower-case form is (character by character):
     * the expression matches it or, for ASCII letters, its other case; either way the lower-case
     * text holds the lower-case character.
     */
    private static Info literal(char c) {
        return new Info(Set.of(String.valueOf(Character.toLowerCase(c))), null);
    }

    private Info group() {
        boolean lookaround = false;
        if (re.startsWith("?:", at) || re.startsWith("?>", at)) {
            at += 2;
        } else if (re.startsWith("?-i:", at)) {
            at += 4; // case-sensitive inside: lower-casing both sides still finds the text
        } else if (re.startsWith("?=", at) || re.startsWith("?!", at)) {
            at += 2;
            lookaround = true;
        } else if (re.startsWith("?<=", at) || re.startsWith("?<!", at)) {
            at += 3;
            lookaround = true;
        } else if (re.startsWith("?<", at)) {
            int close = re.indexOf('>', at);
            if (close < 0) {
                throw new Unsupported();
            }
            at = close + 1;
        } else if (re.startsWith("?", at)) {
            throw new Unsupported(); // inline flags and the like change how the rest reads
        }
        Info inner = alternation();
        if (!more() || peek() != ')') {
            throw new Unsupported();
        }
        at++;
        return lookaround ? EMPTY : inner;
    }

    private Info escape() {
        char c = re.charAt(at++);
        switch (c) {
            case 'b':
            case 'B':
            case 'A':
            case 'z':
            case 'Z':
            case 'G':
                return EMPTY;
            case 'd':
            case 'D':
            case 'w':
            case 'W':
            case 's':
            case 'S':
            case 'h':
            case 'H':
            case 'v':
            case 'V':
            case 'R':
            case 'X':
            case 't':
            case 'n':
            case 'r':
            case 'f':
            case 'a':
            case 'e':
                return ANY;
            case 'p':
            case 'P':
                if (more() && peek() == '{') {
                    int close = re.indexOf('}', at);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    at = close + 1;
                } else {
                    at++;
                }
                return ANY;
            default:
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80) {
                    throw new Unsupported(); // back references, quoting, numeric and control escapes: not analysed
                }
                return literal(c);
        }
    }

    /** Moves past a character class, nested classes and escapes included. */
    private void skipClass() {
        int depth = 1;
        if (more() && peek() == '^') {
            at++;
        }
        if (more() && peek() == ']') {
            throw new Unsupported(); // a leading ']': rare, and read differently by different engines
        }
        while (depth > 0) {
            char c = re.charAt(at++);
            if (c == '\\') {
                char e = re.charAt(at++);
                if (e == 'Q') {
                    throw new Unsupported();
                }
                if ((e == 'p' || e == 'P') && more() && peek() == '{') {
                    int close = re.indexOf('}', at);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    at = close + 1;
                }
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
    }
}
