package dev.caro.backend.offline;

import dev.caro.backend.offline.Slot.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Builds the tests of a {@code find} command from the request's slots: type, names and
 * extensions, size bounds, time ranges, owner, depth and excluded directories.
 */
final class FindExpression {

    /** The request asks for names in any mix of upper and lower case. */
    static final String ANY_CASE = "\\bcase[- ]?insensitive(?:ly)?\\b|\\bignor\\w* (?:the )?case\\b|\\b(?:in )?any case\\b"
            + "|\\bregardless of (?:the )?case\\b|\\bupper or lower ?case\\b|\\bno matter (?:the|what) case\\b";


    /** The request says how deep to look: below the starting directory's own entries, or only at them. */
    private static final String DEPTH_SAID = "\\b(?:directly|immediately|right) (?:inside|in|under|within)\\b|\\btop[- ]level\\b|\\brecursive(?:ly)?\\b|\\bsub ?(?:folders?|dir(?:ectorie)?s?|directory)\\b"
            + "|\\banywhere\\b|\\beverywhere\\b|\\bunder\\b|\\bbelow\\b|\\bnested\\b|\\bdeep\\b|\\bwhole\\b|\\bentire\\b|\\btree\\b";

    private FindExpression() {}

    /** The request keeps find on the starting directory's filesystem: {@code -xdev}. */
    static final String ONE_FILESYSTEM = "\\b(?:dont|do not|without|never|not|no) (?:cross\\w*|descend\\w*|go(?:ing)?|travers\\w*|recurs\\w*"
            + "|wander\\w*|leav\\w*|enter\\w*|look\\w*|search\\w*)(?: in| into| onto| across| to| on| over)? (?:any |the )?"
            + "(?:other |different |separate |mounted |additional )*(?:file ?systems?|mounts?|partitions?|mount ?points?|devices?)\\b"
            + "|\\bstay(?:ing)? (?:on|within|in) (?:the |this |one |a single )?(?:root |same |current |one )?(?:file ?system|partition|device)\\b"
            + "|\\b(?:this|one|the same|a single|the root|root) (?:file ?system|partition|device) only\\b|\\bxdev\\b";

    /** "belongs to the group developers", "owned by group www-data", "group-owned by staff". */
    private static final java.util.regex.Pattern GROUP = java.util.regex.Pattern.compile(
            "\\b(?:belongs? to|belonging to|owned by|in|of|with) (?:the )?(?:unix )?group (?:named |called )?(?<g>«\\d+»|[a-z_][\\w-]*)(?![\\w-])");

    /** Requests for names without an extension: "files with no extension", "extensionless files". */
    static final String NO_EXTENSION = "\\b(?:with |that have |that has |having )?no (?:file ?)?extensions?\\b"
            + "|\\bwithout (?:an? |any )?(?:file ?)?extensions?\\b|\\bextension-?less\\b";

    /** Requests for files the owner may not run: "not executable", "non-executable", "without the execute bit". */
    private static final String NOT_EXECUTABLE = "\\bnon[- ]?executable\\b|\\b(?:not|arent|isnt|nor) (?:yet )?(?:marked )?(?:as )?executable\\b"
            + "|\\b(?:without|lack(?:s|ing)?|missing|no) (?:the |an? |any )?(?:exec(?:ute)?|x) (?:bit|permissions?|flag)\\b";

    /**
     * The find tests (without the starting directory), consuming the slots used.
     *
     * @param prune the directory find starts from, used for {@code -path DIR/x -prune}
     */
    static String build(ParsedRequest req, SlotUse use, String start, boolean bsd, boolean needFilter) {
        List<String> parts = new ArrayList<>();
        List<String> pre = new ArrayList<>();
        String lower = req.lower();
        for (Slot s : use.take(Kind.DEPTH)) {
            pre.add("-maxdepth " + s.value());
        }
        if (mentions(lower, ONE_FILESYSTEM)) {
            pre.add(0, "-xdev");
        }
        for (Slot s : use.take(Kind.EXCLUDE)) {
            String path = (start.equals(".") ? "./" : start + "/") + s.value();
            pre.add("-path " + ShellQuote.word(path) + " -prune -o");
        }
        String type = type(req, use);
        if (type.equals("-type d") && use.has(Kind.SIZE)) {
            return null; // "folders bigger than 2G" means their contents (du), not find's -size of the directory entry
        }
        if (!type.isEmpty()) {
            parts.add(type);
        }
        if (mentions(lower, "\\bempty\\b")) {
            parts.add("-empty");
        }
        if (mentions(lower, NOT_EXECUTABLE)) {
            parts.add("! -perm -u+x"); // "scripts that are not executable": the owner may not run them
        } else if (mentions(lower, "\\bexecutables?\\b")) {
            parts.add("-perm -u+x");
        }
        if (mentions(lower, "\\b(?:hidden|dot) ?files\\b")) {
            parts.add("-name '.*'");
            if (start.equals("~") && req.slots().stream().noneMatch(k -> k.kind() == Kind.DEPTH) && !mentions(lower, DEPTH_SAID)) {
                pre.add("-maxdepth 1"); // the hidden files "in my home" are the dotfiles at its top
            }
        }
        if (mentions(lower, "\\bworld[- ]writ(?:e)?able\\b|\\bwritable by (?:everyone|anyone|others|all)\\b")) {
            parts.add("-perm -0002");
        }
        if (mentions(lower, NO_EXTENSION)) {
            parts.add("! -name '*.*'"); // "files with no extension": no dot in the name
        }
        if (mentions(lower, "(?:space|spaces|blank) in (?:their |the )?(?:file ?)?names?")) {
            parts.add("-name '* *'");
        }
        List<String> names = new ArrayList<>();
        List<String> negated = new ArrayList<>();
        for (Slot s : use.take(Kind.EXT)) {
            String glob = "'*." + s.value() + "'";
            boolean neg = negatedBefore(lower, s.start());
            (neg ? negated : names).add((Words.MEDIA.contains(s.value()) ? "-iname " : "-name ") + glob);
        }
        for (Slot s : use.take(Kind.GLOB)) {
            names.add("-name " + ShellQuote.always(s.value()));
        }
        for (Slot s : use.take(k -> k.kind() == Kind.FILE && !k.value().contains("/"))) {
            names.add("-name " + ShellQuote.word(s.value()));
        }
        for (Slot s : use.take(k -> k.kind() == Kind.NAME && !isExcluded(req, k))) {
            names.add("-name " + ShellQuote.word(s.value()));
        }
        String namedPattern = namedPattern(req, use);
        if (!namedPattern.isEmpty()) {
            names.add(namedPattern);
        }
        names = new ArrayList<>(new java.util.LinkedHashSet<>(names)); // "a file named Makefile" is one name
        if (mentions(lower, ANY_CASE)) {
            names.replaceAll(n -> n.startsWith("-name ") ? "-i" + n.substring(1) : n); // "in any case": -iname
        }
        if (names.size() == 1) {
            parts.add(names.get(0));
        } else if (names.size() > 1) {
            parts.add("\\( " + String.join(" -o ", names) + " \\)");
        }
        for (String n : negated) {
            parts.add("! " + n);
        }
        for (Slot s : use.take(Kind.SIZE)) {
            parts.add("-size " + s.value());
        }
        for (Slot s : use.take(Kind.TIME)) {
            parts.add(time(s.value(), lower));
        }
        java.util.regex.Matcher group = GROUP.matcher(lower);
        if (group.find()) {
            String g = req.unquote(req.text().substring(group.start("g"), group.end("g")));
            use.consumeSpan(group.start(), group.end());
            parts.add("-group " + ShellQuote.word(g));
        }
        int owners = 0;
        for (Slot s : use.take(Kind.USER)) {
            boolean not = mentions(lower.substring(Math.max(0, s.start() - 12), s.start() + 1), "\\bnot\\b|nt ");
            parts.add((not ? "! " : "") + "-user " + ShellQuote.word(s.value()));
            owners += not ? 0 : 1;
        }
        if (owners > 1) {
            return null; // "owned by nobody, should belong to www-data": no file has two owners
        }
        boolean filtered = parts.stream().anyMatch(p -> !p.equals("-type f") && !p.equals("-type d"));
        if (needFilter && !filtered) {
            return null;
        }
        if ((!filtered && parts.contains("-type d") || type.isEmpty() && filesAndDirectories(lower)
                && pre.stream().anyMatch(p -> p.startsWith("-maxdepth"))) && pre.stream().noneMatch(p -> p.endsWith("-prune -o"))) {
            pre.add(0, "-mindepth 1"); // the starting directory is not one of "the directories in it"
        }
        if (parts.size() == 2 && parts.get(0).equals("-type f") && parts.get(1).contains("-user ")
                && !mentions(lower, "\\bonly files\\b|\\bregular files\\b")) {
            parts.remove(0); // "files owned by bob" usually means anything bob owns
        }
        String body = String.join(" ", parts);
        if (pre.stream().anyMatch(p -> p.endsWith("-prune -o"))) {
            return (String.join(" ", pre) + " " + body + " -print").strip();
        }
        return (String.join(" ", pre) + " " + body).strip();
    }

    private static boolean isExcluded(ParsedRequest req, Slot s) {
        return req.slots().stream().anyMatch(x -> x.kind() == Kind.EXCLUDE && x.overlaps(s.start(), s.end()));
    }

    /** "names starting with test", "ending in _old", "containing backup". */
    private static String namedPattern(ParsedRequest req, SlotUse use) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "\\b(?:names?|named|called|filenames?) (?<how>starting with|(?:that )?start with|beginning with|begins? with"
                + "|starts with|ending (?:with|in)|(?:that )?end (?:with|in)|ends (?:with|in)|containing|that contain"
                + "|contains|with) (?<v>«\\d+»|[\\w.-]+)"
                + "|\\b(?:files|directories) (?:that |which )?(?<how2>starting with|start with|beginning with|begin with)"
                + " (?<v2>«\\d+»|[\\w.-]+)").matcher(req.lower());
        if (!m.find()) {
            m = EXACT_NAME.matcher(req.lower());
            if (!m.find() || SlotExtractor.STOP.contains(m.group("v"))) {
                return "";
            }
            String v = req.unquote(req.text().substring(m.start("v"), m.end("v")));
            use.consumeSpan(m.start(), m.end());
            return "-name " + ShellQuote.word(v);
        }
        String g = m.group("v") != null ? "v" : "v2";
        String v = req.unquote(req.text().substring(m.start(g), m.end(g)));
        use.consumeSpan(m.start(), m.end());
        String how = m.group("how") != null ? m.group("how") : m.group("how2");
        String glob = how.contains("start") || how.contains("begin") ? v + "*"
                : how.contains("end") ? "*" + v : "*" + v + "*";
        return "-name " + ShellQuote.always(glob);
    }

    /** "directories named __pycache__": a plain word that is the whole name. */
    private static final java.util.regex.Pattern EXACT_NAME = java.util.regex.Pattern.compile(
            "\\b(?:files?|directories|directory|anything|everything|something) (?:named|called) (?:exactly )?(?<v>(?!exactly\\b)[\\w-]+)(?![\\w.«*-])");

    private static boolean negatedBefore(String lower, int at) {
        String before = lower.substring(Math.max(0, at - 22), at);
        return mentions(before, "(?:\\bnot|arent|isnt|except|excluding|other than|but not|no) (?:a |an |the )?$");
    }

    private static String type(ParsedRequest req, SlotUse use) {
        String l = req.lower();
        if (mentions(l, "\\bsym(?:bolic)? ?links?\\b|\\bsymlinks?\\b")) {
            return "-type l";
        }
        if (filesAndDirectories(l)) {
            return ""; // "hidden files and folders": both kinds
        }
        boolean dirs = mentions(l, "\\b(?:directories|subdirectories|directory (?:names|tree))\\b")
                && !mentions(l, "(?<!\\bnumber |\\bcount |\\blist |\\bnames |\\btotal )\\b(?:in|under|inside|within|into|from|of|skip|ignore|excluding|and) (?:the |all |its |any )?(?:sub)?directories\\b")
                && !mentions(l, "\\b(?:\\d+|one|two|three|four|five) (?:sub)?directories (?:deep|down)\\b"); // a depth
        boolean emptyDir = mentions(l, "\\bempty (?:sub)?directories\\b|\\bempty (?:directory|directories)\\b");
        boolean files = mentions(l, "\\bfiles?\\b|\\bimages?\\b|\\bphotos?\\b|\\bvideos?\\b|\\bpictures?\\b|\\bscripts?\\b"
                + "|\\bdocuments?\\b|\\blogs\\b|\\bpics\\b|\\bmovies\\b|\\bsongs\\b")
                || use.has(Kind.EXT) || use.has(Kind.SIZE) && !dirs
                || use.has(Kind.TIME) && !dirs && mentions(l, "^(?:anything|everything) (?:in|under|inside|within)\\b");
        if (emptyDir || dirs && !files) {
            return "-type d";
        }
        if (files || dirs) {
            return "-type f";
        }
        return "";
    }

    /** Whether the request asks for files and directories alike ("files and folders", "dirs or files"). */
    private static boolean filesAndDirectories(String lower) {
        return mentions(lower, "\\bfiles? (?:and|or|&|/|plus) (?:sub)?directories\\b|\\bdirectories (?:and|or|&|/|plus) files\\b");
    }

    private static String time(String spec, String lower) {
        String flag = mentions(lower, "\\baccess(?:ed)?\\b|\\bopened\\b|\\bread\\b|\\bused\\b") ? "a"
                : mentions(lower, "\\bstatus chang|\\binode chang|\\bmetadata chang") ? "c" : "m";
        if (spec.equals("today")) {
            return "-newer" + flag + "t \"$(date +%Y-%m-%d)\"";
        }
        String[] p = spec.split(":");
        TimeBound t = new TimeBound(p[0].equals("older") ? TimeBound.Kind.OLDER : TimeBound.Kind.WITHIN,
                Integer.parseInt(p[1]), p[2]);
        String sign = t.kind() == TimeBound.Kind.OLDER ? "+" : "-";
        if (t.kind() == TimeBound.Kind.WITHIN && t.unit().equals("hour") && t.amount() > 0 && t.amount() % 24 == 0) {
            // "in the last 24 hours" as people write it: -mtime -1 is the same bound as -mmin -1440
            // (an age under 1 day). Not for "older than 48 hours": -mtime +2 means 72 hours or more.
            return "-" + flag + "time -" + t.amount() / 24;
        }
        if (t.minutes() >= 0) {
            return "-" + flag + "min " + sign + t.minutes();
        }
        return "-" + flag + "time " + sign + t.days();
    }

    static boolean mentions(String text, String regex) {
        return java.util.regex.Pattern.compile(regex).matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** Slot bookkeeping shared by the renderer and the find builder. */
    interface SlotUse {
        List<Slot> take(Kind kind);

        List<Slot> take(Predicate<Slot> which);

        boolean has(Kind kind);

        void consumeSpan(int start, int end);
    }
}
