package dev.caro.backend.offline;

import dev.caro.backend.offline.Slot.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the generic slots of a request: paths, files, globs, extensions, sizes, time ranges,
 * counts, users, ports, hosts and URLs. Intent-specific values (a process name, a branch) come
 * from named groups in the catalog's patterns instead.
 */
final class SlotExtractor {

    private static final String UNIT = "(?<unit>bytes?|b|kb|kib|k|kilobytes?|mb|mib|m|megabytes?|gb|gib|g"
            + "|gigabytes?|tb|tib|t|terabytes?)";
    private static final String NUM = "(?<num>\\d+(?:\\.\\d+)?|an?(?= (?:kilobyte|megabyte|gigabyte|terabyte)\\b))"; // "bigger than a gigabyte"
    private static final Pattern SIZE_BETWEEN = Pattern.compile(
            "\\bbetween (?<a>\\d+(?:\\.\\d+)?) ?(?<ua>[a-z]+)?(?: and | ?- ?| to )(?<b>\\d+(?:\\.\\d+)?) ?(?<ub>[a-z]+)\\b");
    private static final Pattern SIZE = Pattern.compile(
            "(?<cmp>over|above|more than|bigger than|larger than|greater than|heavier than|exceeding|at least"
            + "|>=?|under|below|less than|smaller than|lighter than|at most|no more than|no bigger than"
            + "|no larger than|not bigger than|not larger than|up to|<=?)\\s*" + NUM + "\\s*" + UNIT + "\\b");
    private static final Pattern SIZE_AFTER = Pattern.compile(
            "\\b" + NUM + "\\s*" + UNIT + " (?<cmp>or (?:more|larger|bigger|greater|above|over)"
            + "|or (?:less|smaller|under|below)|and (?:up|above|over|bigger|larger)|plus)\\b");

    /**
     * What follows an extension in a list of them: "(.o) and .a files", "(.a) files", "(.h), .c or .s
     * files". A short dot-word before it is an extension even when it is not a known one (".env" aside).
     */
    private static final Pattern EXT_LIST_TAIL = Pattern.compile(
            "(?i)(?:(?:,|, and|, or| and| or|/) \\.[a-z0-9]{1,6})*(?:,|, and|, or| and| or|/)? files\\b");

    private static final String TIME_UNIT = "(?<unit>minutes?|hours?|days?|weeks?|months?|years?|fortnight)";
    private static final String AMOUNT = "(?<n>\\d+|" + Words.NUMBER_WORDS + "|a|an)";
    private static final Pattern TIME_WITHIN = Pattern.compile(
            "\\b(?:(?:in|within|during|over|for|from) )?(?:the )?(?:last|past|previous|recent) (?:" + AMOUNT
            + " )?" + TIME_UNIT + "\\b");
    private static final Pattern TIME_NEWER = Pattern.compile(
            "\\b(?:newer than|less than|under|younger than|not older than|within) " + AMOUNT + " " + TIME_UNIT
            + "(?: old)?\\b");
    private static final Pattern TIME_OLDER = Pattern.compile(
            "\\b(?:older than|more than|over|at least) " + AMOUNT + " " + TIME_UNIT
            + "(?: old| ago)?\\b(?<old>)");
    private static final Pattern TIME_NOT_TOUCHED = Pattern.compile(
            "\\b(?:not|nt|havent|hasnt|havent been|hasnt been|wasnt|werent|not been|(?:nobody|no one|noone)(?: has| have)?)"
            + " (?:been )?(?:modified|changed|touched|accessed|used|edited|updated|opened)"
            + " (?:in|for|within) (?:the )?(?:(?:last|past) )?(?:(?:over|more than|at least|longer than) )?" + AMOUNT
            + " " + TIME_UNIT + "\\b");
    private static final Pattern TIME_AGO = Pattern.compile(
            "\\b(?:since|after) " + AMOUNT + " " + TIME_UNIT + " ago\\b");
    private static final Pattern TODAY = Pattern.compile(
            "\\b(?:modified|changed|edited|touched|created|updated|written|saved|change|modify|edit)\\b[^.]{0,30}?\\btoday\\b"
            + "|\\btodays? (?:files|changes)\\b|\\bsince (?:this morning|midnight)\\b");
    private static final Pattern SINCE_YESTERDAY = Pattern.compile("\\bsince yesterday\\b|\\bin the last day\\b");

    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern URL = Pattern.compile("(?:https?|ftp)://\\S+");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}(?:/\\d{1,2})?");
    private static final Pattern FILE_LIKE = Pattern.compile("[\\w@+-][\\w.@+-]*\\.([A-Za-z0-9]{1,10})");
    private static final Pattern VERSION = Pattern.compile("v?\\d+(?:\\.\\d+)+[a-z0-9-]*");
    private static final Pattern PORT = Pattern.compile("\\bports? (?:number )?(?<p>\\d{1,5})\\b|(?<![\\w/])[:](?<q>\\d{2,5})\\b");
    private static final Pattern USER = Pattern.compile(
            "\\b(?:owned by|belonging to|belongs? to|owner is|running as|run by|(?:the |for )?user(?:name)?|as user)"
            + " (?:the user |user )?(?<u>«\\d+»|[a-z_][a-z0-9_-]*)(?![\\w-])");
    /** Words after "user" that are no user name ("each user owns", "the user that ran it"). */
    private static final java.util.Set<String> NOT_A_USER = Words.set("owns", "owned", "has", "have", "had", "is", "group",
            "are", "was", "who", "that", "which", "can", "could", "should", "will", "does", "did", "and", "or");

    private static final Pattern COUNT = Pattern.compile(
            "\\btop (?<a>\\d+|" + Words.NUMBER_WORDS + ")\\b"
            + "|\\b(?<b>\\d+|" + Words.NUMBER_WORDS + ") (?:most|largest|biggest|newest|latest|oldest|smallest|heaviest"
            + "|recent|recently|last|first|lines|line|commits|entries|results|hits|items|matches|files|processes"
            + "|directories|biggest|largest|lines?)\\b"
            + "|\\b(?:first|last|latest|recent|only|just|limit(?: to)?|head|tail|show) (?<c>\\d+|" + Words.NUMBER_WORDS
            + ")\\b");
    private static final Pattern EXT_WORDS = Pattern.compile(
            "(?<![\\w.*/-])\\.?(?<e>[a-z0-9+]{1,10})(?<more>(?:(?:,| ,|, and|, or| and| or| &| /|/) \\.?[a-z0-9+]{1,10}){0,4})"
            + " (?:source |code |data |config |configuration )?(?:files?|images?|pics|photos?|pictures?|videos?|movies?"
            + "|docs|documents?|scripts?|sources?|archives?|logs?|sheets?|spreadsheets?|tarballs?|backups?|clips?"
            + "|recordings?|songs?|tracks?|ebooks?|books?|notebooks?|stylesheets?|templates?|modules?|classes"
            + "|programs?|binaries|packages?|dumps?|exports?|reports?|(?<=\\blines of (?:\\w{1,10}) )code)\\b");
    private static final Pattern DOT_EXT = Pattern.compile("(?<![\\w/*.-])\\*?\\.(?<e>tar\\.(?:gz|bz2|xz)|[A-Za-z0-9]{1,10})(?![\\w.-])");
    private static final Pattern HOME_DIR = Pattern.compile(
            "\\b(?:my|the|your|users?) home(?: directory|/)?\\b(?! directories)|\\bhome directory\\b|\\bin home\\b");
    private static final Pattern KNOWN_DIR = Pattern.compile(
            "\\b(?:(?:in|under|inside|within|into|from|of|to|across|on) )?(?:the |my |your )?"
            + "(?<d>downloads|documents|desktop|pictures|music|videos|movies|photos|projects|dropbox)"
            + "(?: directory| directories)?\\b");
    private static final Pattern HERE = Pattern.compile(
            "\\b(?:(?:in|under|inside|within|from|of) )?(?:the |this )?(?:current|this|present|working) (?:working )?"
            + "(?:directory(?: tree)?|project|repository|tree|location)\\b|\\bhere\\b|\\bin (?:this|the) tree\\b");
    private static final Pattern WHOLE_SYSTEM = Pattern.compile(
            "\\b(?:on|in|across) (?:this|the|my) (?:whole |entire )?(?:system|machine|computer|box|server|disk|drive"
            + "|filesystem)\\b|\\banywhere on (?:the )?(?:system|disk|machine)\\b|\\bon (?:the )?(?:whole|entire) (?:system|disk)\\b");
    private static final Pattern NAMED_DIR = Pattern.compile(
            "\\b(?:in|under|inside|within|into|from|of|to|the|a|my) (?:the |a |my )?(?<d>«\\d+»|[\\w.-]+) directory\\b"
            + "|\\b(?:the |a )?directory (?:(?:called |named )(?<e>«\\d+»|[\\w][\\w.-]*)\\b|(?<e2>«\\d+»))"
            + "|\\b(?:under|inside|within) (?<f>[a-z_][\\w.-]*)\\b|\\b(?:does|do) (?<h>[\\w./~-]+) (?:have|contain|hold)\\b");
    private static final Pattern DEPTH = Pattern.compile(
            "\\b(?:no more than|at most|max(?:imum)?(?: of)?|up to|not more than|only|within) (?<n>\\d+|"
            + Words.NUMBER_WORDS + ") (?:levels?|directories|subdirectories) (?:deep|down)\\b"
            + "|\\b(?:max(?:imum)?[ -]?depth|depth)(?: of)? (?<m>\\d+)\\b"
            + "|\\b(?<o>\\d+|" + Words.NUMBER_WORDS + ") levels? (?:deep|down)\\b"
            + "|\\b(?:dont|do not|never|not) (?:go|descend|recurse|look|search)(?:ing)? (?:any )?deeper than (?<p>\\d+|"
            + Words.NUMBER_WORDS + ")(?: (?:levels?|directories|subdirectories))?(?: deep| down)?\\b");
    private static final Pattern NOT_RECURSIVE = Pattern.compile(
            "\\b(?:not|non|dont|without|no) ?-?(?:recursive(?:ly)?|recursing|recurse|descend\\w*(?! into (?!sub))"
            + "|(?:count|counting|include|including|look in|looking in|go into|going into|search|searching) (?:sub ?directories|subdirs|subfolders))\\b"
            + "|\\bonly (?:in )?(?:the )?(?:top level|this directory|current directory)\\b|\\btop[- ]level only\\b|\\b(?:count|how many|number of)(?: the| all the| of the)? top[- ]level (?:sub)?(?:directories|files|entries|items)\\b"
            + "|\\bnot in (?:sub ?directories|subfolders)\\b|\\bno (?:sub ?directories|subfolders)\\b"
            + "|\\b(?:not|dont|without|no) (?:count(?:ing)? |includ(?:e|ing) |look(?:ing)? in(?:to)? )?nested(?: ones| directories)?\\b");
    /** "clean out", "weed out", "sort out": the particle of a verb, not the extension {@code .out}. */
    private static final Pattern PARTICLE_OUT = Pattern.compile(
            "\\b(?:clean|clear|wipe|weed|sort|filter|throw|pick|print|find|check|empty|cut|leave|carry|lay|cull|prune|thin|root|single|point|figure) out$");
    private static final Pattern EXCLUDE = Pattern.compile(
            "\\b(?:skip(?:ping)?|ignor(?:e|ing)|exclud(?:e|ing)|except(?: for)?|excepting|without|but not|not in|leave out"
            + "|(?:dont|do not|never|not|without) (?:descend(?:ing)?|going|go|recurs(?:e|ing)|look(?:ing)?) into"
            + "|leaving out|other than|apart from|outside(?: of)?|minus|and not)(?: the| any| (?:anything|everything) (?:in|inside|under|within)(?: the)?)?"
            + " (?<x>\\*?[\\w.«»-]+(?:/)?)(?<more>(?: (?:and|or|,|&) (?:the )?[\\w.«»-]+/?)*)(?: (?:directories|directory|dirs?))?\\b");

    /** File names without an extension that people mention by name. */
    private static final java.util.Set<String> KNOWN_NAMES = java.util.Set.of(
            "dockerfile", "makefile", "jenkinsfile", "vagrantfile", "gemfile", "procfile", "rakefile", "caddyfile",
            "brewfile", "containerfile", "justfile", "id_rsa", "id_ed25519", "id_ecdsa", "authorized_keys",
            "known_hosts");

    /** Files without an extension that live in system directories. */
    private static final java.util.Set<String> KNOWN_FILES = java.util.Set.of(
            "syslog", "messages", "dmesg", "hosts", "passwd", "group", "shadow", "fstab", "hostname", "sudoers",
            "crontab", "environment", "profile", "bashrc", "zshrc", "lock", "cpuinfo", "meminfo", "version",
            "os-release", "issue", "motd", "wtmp", "btmp", "lastlog", "kern", "secure", "null", "urandom", "random",
            "zero", "authorized_keys", "known_hosts", "config", "id_rsa", "id_ed25519", "services", "protocols");

    /** Directory names of projects, taken as directories after "in", "under"... ("grep for x in src but not dist"). */
    private static final Pattern PROJECT_DIR = Pattern.compile(
            "\\b(?:in|under|inside|within|from|of|across) (?:the |my )?(?<d>src|lib|dist|build|docs|doc|tests|spec|app"
            + "|config|conf|bin|scripts|data|public|assets|logs|static|vendor|pkg|cmd|internal|target|tmp|include"
            + "|resources|tools|www)(?![\\w./-])(?! (?:files?|directory|director))");

    /** A bare word at the end after "in", taken as a directory name ("how many files are in src"). */
    private static final Pattern TRAILING_DIR = Pattern.compile("\\b(?:in|from|of|under) (?<d>[a-z_][\\w-]*)(?:$|,)");
    private static final java.util.Set<String> NOT_DIRS = Words.set(
            "place", "total", "dmesg", "objects", "records", "elements", "arrays", "strings", "numbers", "gigabytes", "megabytes", "kilobytes", "terabytes", "reverse", "order", "parallel", "background", "detail", "details", "json", "bytes",
            "it", "them", "there", "here", "use", "production", "prod", "staging", "paris", "london", "tokyo",
            "utc", "seconds", "minutes", "hours", "days", "weeks", "months", "years", "mb", "gb", "kb", "kib", "mib",
            "gib", "one", "two", "columns", "lines", "words", "characters", "text", "bash", "zsh", "fish", "english",
            "memory", "ram", "use", "size", "length", "descending", "ascending", "alphabetical", "numerically",
            "name", "names", "git", "docker", "kubernetes", "python", "java", "node", "go", "rust", "hex", "binary",
            "octal", "decimal", "base64", "vim", "emacs", "nano", "lowercase", "uppercase", "common", "question",
            "today", "now", "tomorrow", "yesterday", "tonight", "midnight", "scratch",
            // counted things ("by number of commits", "the number of processes")
            "commits", "branches", "tags", "changes", "processes", "connections", "errors", "matches", "occurrences",
            "processors", "cpus", "cores", "threads", "sockets", "ufw", "firewall", "iptables");

    private static final Pattern RECURSIVE = Pattern.compile(
            "(?<!not |non-|non |dont search |without going )\\brecursive(?:ly)?\\b|(?<![\\w-])-R\\b|\\band (?:all )?(?:its |their )?subdirector(?:y|ies)\\b"
            + "|\\band everything (?:in|under|inside) it\\b");
    private static final Pattern KEEP = Pattern.compile(
            "\\bkeep(?:ing)? (?:the |a )?(?:original|input|source|uncompressed)(?: file| copy)?\\b|\\bdont (?:delete|remove)"
            + " the (?:original|input|source)\\b|\\bleave the original\\b|\\bkeep (?:the )?\\.?\\w+ (?:file )?(?:too|as well)\\b"
            + "|\\band keep the \\.\\w+\\b");
    private static final Pattern THIS_PERIOD = Pattern.compile(
            "\\b(?:modified|changed|edited|touched|created|updated|saved)?\\s?(?:this|during this|in this) (?<u>week|month|year)\\b");

    private SlotExtractor() {}

    /** All slots of {@code text} (the normalized request), in order of position. */
    static List<Slot> extract(String text, List<String> quotes) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Slot> out = new ArrayList<>();
        // Quoted strings first: they are whatever the user said they are.
        Matcher qm = Pattern.compile("«(\\d+)»").matcher(text);
        while (qm.find()) {
            String q = quotes.get(Integer.parseInt(qm.group(1)));
            out.add(new Slot(Kind.QUOTE, q, qm.start(), qm.end()));
            boolean fileLike = q.matches("[^\\s/]+(?: [^\\s/]+)*\\.[A-Za-z0-9]{1,6}") && !isHostLike(q);
            if (q.contains("/") && !q.contains(" ") || fileLike) {
                out.add(new Slot(q.endsWith("/") || !fileLike && !lastPart(q).contains(".") ? Kind.DIR : Kind.FILE,
                        q, qm.start(), qm.end()));
            }
        }
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = stripTrail(m.group());
            out.add(new Slot(Kind.URL, url, m.start(), m.start() + url.length()));
        }
        sizes(lower, out);
        times(lower, out);
        m = PORT.matcher(lower);
        while (m.find()) {
            if (!free(out, m.start(), m.end(), Kind.URL)) {
                continue;
            }
            String p = m.group("p") != null ? m.group("p") : m.group("q");
            out.add(new Slot(Kind.PORT, p, m.start(), m.end()));
        }
        m = USER.matcher(lower);
        while (m.find()) {
            String u = text.substring(m.start("u"), m.end("u"));
            if (u.startsWith("«")) {
                u = quotes.get(Integer.parseInt(u.substring(1, u.length() - 1)));
            }
            if (u.equals("me") || u.equals("myself")) {
                u = "$USER"; // "owned by me": the user running the command, not a user named "me"
            }
            // "which user and group own it", "the user with the most processes": no user named "and" or "with";
            // "how many files each user owns": a verb, not a name.
            if (!Words.NUMBERS.containsKey(u) && !u.equals("id") && !STOP.contains(u) && !NOT_A_USER.contains(u)) {
                out.add(new Slot(Kind.USER, u, m.start(), m.end()));
            }
        }
        m = DEPTH.matcher(lower);
        while (m.find()) {
            String n = m.group("n") != null ? m.group("n") : m.group("m") != null ? m.group("m") : m.group("o") != null ? m.group("o") : m.group("p");
            out.add(new Slot(Kind.DEPTH, String.valueOf(Words.number(n)), m.start(), m.end()));
        }
        m = NOT_RECURSIVE.matcher(lower);
        while (m.find()) {
            out.add(new Slot(Kind.DEPTH, "1", m.start(), m.end()));
        }
        tokens(text, quotes, out);
        m = EXCLUDE.matcher(text);
        while (m.find()) {
            exclusions(text, quotes, m, out);
        }
        m = EXT_WORDS.matcher(lower);
        int extFrom = 0;
        while (extFrom < lower.length() && m.find(extFrom)) {
            extFrom = m.start() + 1;
            List<String> exts = new ArrayList<>();
            String first = extensionOf(m.group("e"));
            if (first == null || PARTICLE_OUT.matcher(lower.substring(0, m.end("e"))).find()) {
                continue; // "clean out files": a verb's particle, not a.out files
            }
            exts.add(first);
            boolean ok = true;
            if (!m.group("more").isEmpty()) {
                for (String part : m.group("more").split("[,/&]| and | or ")) {
                    String p = part.strip().replaceFirst("^(?:and|or) ", "").replaceFirst("^\\.", "");
                    if (p.isEmpty()) {
                        continue;
                    }
                    String e = extensionOf(p);
                    if (e == null) {
                        ok = false;
                        break;
                    }
                    if (exts.contains(e)) {
                        e = spelled(p, e); // "jpg or jpeg": both spellings, not jpg twice
                        exts.set(0, spelled(m.group("e"), exts.get(0))); // "jpeg or jpg"
                    }
                    exts.add(e);
                }
            }
            if (ok && describesOneThing(lower, m, out)) {
                continue;
            }
            if (ok && free(out, m.start(), m.end(), Kind.EXT, Kind.GLOB, Kind.FILE)) {
                for (String e : exts) {
                    out.add(new Slot(Kind.EXT, e, m.start(), m.end()));
                }
            }
        }
        m = HOME_DIR.matcher(lower);
        while (m.find()) {
            if (text.substring(m.start(), m.end()).contains("HOME")) {
                continue; // the HOME variable, not the home directory
            }
            out.add(new Slot(Kind.DIR, "~", m.start(), m.end()));
        }
        m = KNOWN_DIR.matcher(lower);
        while (m.find()) {
            boolean named = Character.isUpperCase(text.charAt(m.start("d"))) || lower.startsWith("my ", Math.max(0,
                    m.start("d") - 3)) || m.group("d").matches("downloads|documents|desktop|pictures|music|videos|movies");
            if (named && free(out, m.start("d"), m.end("d"), Kind.DIR, Kind.FILE, Kind.EXT)
                    && !precededBySlash(lower, m.start("d"))) {
                out.add(new Slot(Kind.DIR, "~/" + Words.homeFolder(m.group("d")), m.start(), m.end()));
            }
        }
        m = NAMED_DIR.matcher(text);
        while (m.find()) {
            String g = m.group("d") != null ? "d" : m.group("e") != null ? "e" : m.group("e2") != null ? "e2"
                    : m.group("h") != null ? "h" : "f";
            String d = m.group(g);
            String dl = d.toLowerCase(Locale.ROOT);
            if (d.startsWith("«")) {
                d = quotes.get(Integer.parseInt(d.substring(1, d.length() - 1)));
            } else if (STOP.contains(dl) || dl.equals("home") || Words.HOME_FOLDERS.contains(dl) && !g.equals("f") && !g.equals("h")
                    || dl.matches("\\d+|empty|hidden|current|working|parent|sub|target|each|every|all|new|same|that|root|recursively"
                    + "|top-level|top|leading|outer|outermost|enclosing|containing|first|last|whole|entire|wrapper")) {
                continue;
            }
            if (free(out, m.start(g), m.end(g), Kind.DIR, Kind.FILE, Kind.EXCLUDE, Kind.URL, Kind.EXT, Kind.USER)) {
                out.add(new Slot(Kind.DIR, d, m.start(g), m.end(g)));
            }
        }
        m = PROJECT_DIR.matcher(lower);
        while (m.find()) {
            if (free(out, m.start("d"), m.end("d"))) {
                out.add(new Slot(Kind.DIR, text.substring(m.start("d"), m.end("d")), m.start("d"), m.end("d")));
            }
        }
        m = TRAILING_DIR.matcher(lower);
        if (m.find()) {
            String d = text.substring(m.start("d"), m.end("d"));
            String dl = d.toLowerCase(Locale.ROOT);
            // one letter is no folder's name at the end of a sentence: "ending in Z", "written in C"
            if (dl.length() > 1 && !STOP.contains(dl) && !NOT_DIRS.contains(dl) && !dl.matches("[ymdhs]{2,4}(?:-[ymdhs]{2,4})+")
                    && !Words.EXTENSIONS.contains(dl) && !Words.EXTENSION_NAMES.containsKey(dl)
                    && free(out, m.start("d"), m.end("d"))) {
                out.add(new Slot(Kind.DIR, d, m.start("d"), m.end("d")));
            }
        }
        m = WHOLE_SYSTEM.matcher(lower);
        while (m.find()) {
            if (free(out, m.start(), m.end(), Kind.DIR)) {
                out.add(new Slot(Kind.DIR, "/", m.start(), m.end()));
            }
        }
        m = HERE.matcher(lower);
        while (m.find()) {
            if (free(out, m.start(), m.end(), Kind.DIR)) {
                out.add(new Slot(Kind.DIR, ".", m.start(), m.end()));
            }
        }
        m = RECURSIVE.matcher(lower);
        while (m.find()) {
            if (free(out, m.start(), m.end(), Kind.DEPTH)) {
                out.add(new Slot(Kind.RECURSIVE, "recursive", m.start(), m.end()));
            }
        }
        m = KEEP.matcher(lower);
        while (m.find()) {
            out.add(new Slot(Kind.KEEP, "keep", m.start(), m.end()));
        }
        m = THIS_PERIOD.matcher(lower);
        while (m.find()) {
            if (free(out, m.start(), m.end(), Kind.TIME)) {
                String unit = m.group("u");
                out.add(new Slot(Kind.TIME, unit.equals("week") ? "within:7:day" : unit.equals("month") ? "within:30:day"
                        : "within:365:day", m.start(), m.end()));
            }
        }
        counts(lower, out);
        out.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : a.kind().compareTo(b.kind()));
        return out;
    }

    static final java.util.Set<String> STOP = new java.util.HashSet<>(java.util.Arrays.asList(
            "the", "a", "an", "this", "that", "my", "your", "our", "their", "its", "it", "each", "every", "all",
            "any", "some", "which", "what", "same", "one", "other", "another", "new", "and", "or", "of", "to", "in",
            "from", "into", "under", "with", "for", "that", "is", "are", "on", "at", "as", "but", "so", "called",
            "named", "by", "be", "was", "were", "if", "then", "than", "only", "just", "also", "it",
            "them", "these", "those", "me", "i", "you", "we", "they", "he", "she", "not", "no", "yes", "please",
            "there", "here", "where", "when", "how", "who", "why", "do", "does", "did", "have", "has", "had"));

    private static boolean precededBySlash(String s, int at) {
        return at > 0 && (s.charAt(at - 1) == '/');
    }

    private static void exclusions(String text, List<String> quotes, Matcher m, List<Slot> out) {
        List<String> names = new ArrayList<>();
        names.add(m.group("x"));
        if (!m.group("more").isEmpty()) {
            for (String p : m.group("more").split(" (?:and|or|,|&) ")) {
                if (!p.isBlank()) {
                    names.add(p.strip().replaceFirst("^the ", ""));
                }
            }
        }
        // "excluding the mp3 files": the names are extensions of files, not directory names.
        boolean ofFiles = text.startsWith(" files", m.end()) || text.startsWith(" file ", m.end());
        boolean saysDirectory = m.group().matches("(?s).* (?:directories|directory|dirs?)");
        for (String raw : names) {
            String n = raw.replaceAll("/$", "");
            if (n.matches("[a-z]+ing") && !raw.endsWith("/") && !saysDirectory) {
                continue; // "without opening a new terminal": an action, not a directory
            }
            String ext = ofFiles ? extensionOf(n.replaceFirst("^\\*?\\.", "")) : null;
            if (ext != null) {
                out.add(new Slot(Kind.EXCLUDE, "*." + ext, m.start(), m.end()));
                continue;
            }
            if (n.startsWith("«")) {
                n = quotes.get(Integer.parseInt(n.replaceAll("[^0-9]", "")));
            }
            String nl = n.toLowerCase(Locale.ROOT);
            // Only things that look like directory names: node_modules, .git, build, vendor.
            if (STOP.contains(nl) || nl.matches("case|hidden|binary|binaries|header|headers|comments?|errors?|blank|empty"
                    + "|duplicates?|extracting|unpacking|resolving|values?|sudo|the|files?|lines?|directories|deleting"
                    + "|following|recursing|hostnames|names|their|regex|first|last|header|headers|heading|line|column"
                    + "|columns|row|rows|newlines?|spaces?|quotes|numbers|digits|sorting|asking|confirmation|prompting"
                    + "|permission|password|extension|extensions|them|it|changes|history|compression|compressing"
                    + "|hangups?|sighup|asking|prompts?|output|warnings|switching|checking|changing|confirming"
                    + "|overwriting|stopping|crossing|going|leaving|directory|paths?|structure|hierarchy|\\d+|newest|oldest|latest|biggest|largest|smallest|most|recent|ones?")) {
                continue;
            }
            out.add(new Slot(Kind.EXCLUDE, n, m.start(), m.end()));
        }
    }

    /** Whether no slot of the given kinds overlaps [s, e). */
    static boolean free(List<Slot> slots, int s, int e, Kind... kinds) {
        for (Slot sl : slots) {
            for (Kind k : kinds) {
                if (sl.kind() == k && sl.overlaps(s, e)) {
                    return false;
                }
            }
        }
        if (kinds.length == 0) {
            for (Slot sl : slots) {
                if (sl.overlaps(s, e)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Extensions whose plural people write as a word of its own: "pdfs", "pngs", "csvs", "mp3s". */
    private static final java.util.Set<String> PLURAL_EXTENSIONS = Words.set("pdf", "jpg", "jpeg", "png", "gif",
            "bmp", "svg", "webp", "heic", "tif", "tiff", "csv", "tsv", "mp3", "mp4", "mkv", "avi", "wav", "flac",
            "iso", "deb", "rpm", "docx", "xlsx", "pptx", "pyc", "epub", "ipynb", "json", "yaml", "yml", "xml", "html",
            "zip", "tgz", "jar", "dmg", "exe", "dll", "srt", "webm", "m4a");

    /** The extension a plural such as "pdfs" or "PNGs" names, or null. */
    static String pluralExtension(String token) {
        String w = token.toLowerCase(Locale.ROOT);
        if (w.length() < 4 || !w.endsWith("s") || !w.matches("[a-z0-9]+")) {
            return null;
        }
        String base = w.substring(0, w.length() - 1);
        return PLURAL_EXTENSIONS.contains(base) ? (base.equals("jpeg") ? "jpg" : base) : null;
    }

    /** {@code word} as the extension it spells when it is one ("jpeg"), else {@code named} ("jpeg" named as jpg). */
    private static String spelled(String word, String named) {
        String w = word.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        return Words.EXTENSIONS.contains(w) ? w : named;
    }

    private static String extensionOf(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String named = Words.EXTENSION_NAMES.get(w);
        if (named != null) {
            return named;
        }
        return Words.EXTENSIONS.contains(w) && !w.equals("c") || w.equals("c") ? w : null;
    }

    private static void sizes(String lower, List<Slot> out) {
        Matcher m = SIZE_BETWEEN.matcher(lower);
        while (m.find()) {
            char ub = unit(m.group("ub"));
            char ua = m.group("ua") == null ? ub : unit(m.group("ua"));
            if (ua == 0 || ub == 0) {
                continue;
            }
            out.add(new Slot(Kind.SIZE, bound(true, m.group("a"), ua).findOperand(), m.start(), m.end()));
            out.add(new Slot(Kind.SIZE, bound(false, m.group("b"), ub).findOperand(), m.start(), m.end()));
        }
        m = SIZE.matcher(lower);
        while (m.find()) {
            char u = unit(m.group("unit"));
            if (u == 0 || !free(out, m.start(), m.end(), Kind.SIZE)) {
                continue;
            }
            String cmp = m.group("cmp");
            boolean larger = !cmp.matches("under|below|less than|smaller than|lighter than|at most|no more than"
                    + "|no bigger than|no larger than|not bigger than|not larger than|up to|<=?");
            out.add(new Slot(Kind.SIZE, bound(larger, m.group("num").startsWith("a") ? "1" : m.group("num"), u).findOperand(), m.start(), m.end()));
        }
        m = SIZE_AFTER.matcher(lower);
        while (m.find()) {
            char u = unit(m.group("unit"));
            if (u == 0 || !free(out, m.start(), m.end(), Kind.SIZE)) {
                continue;
            }
            boolean larger = !m.group("cmp").matches("or (?:less|smaller|under|below)");
            out.add(new Slot(Kind.SIZE, bound(larger, m.group("num").startsWith("a") ? "1" : m.group("num"), u).findOperand(), m.start(), m.end()));
        }
    }

    private static SizeBound bound(boolean larger, String num, char unit) {
        if (num.contains(".")) {
            double v = Double.parseDouble(num);
            char[] units = {'c', 'k', 'M', 'G'};
            int i = new String(units).indexOf(unit);
            while (v != Math.floor(v) && i > 0) {
                v *= 1024;
                i--;
            }
            return new SizeBound(larger, Math.round(v), units[i]);
        }
        return new SizeBound(larger, Long.parseLong(num), unit);
    }

    private static char unit(String u) {
        if (u == null) {
            return 0;
        }
        switch (u) {
            case "b": case "byte": case "bytes": return 'c';
            case "k": case "kb": case "kib": case "kilobyte": case "kilobytes": return 'k';
            case "m": case "mb": case "mib": case "megabyte": case "megabytes": return 'M';
            case "g": case "gb": case "gib": case "gigabyte": case "gigabytes": return 'G';
            default: return 0;
        }
    }

    private static void times(String lower, List<Slot> out) {
        Matcher m = TODAY.matcher(lower);
        while (m.find()) {
            out.add(new Slot(Kind.TIME, "today", m.start(), m.end()));
        }
        m = SINCE_YESTERDAY.matcher(lower);
        while (m.find()) {
            out.add(new Slot(Kind.TIME, "within:1:day", m.start(), m.end()));
        }
        time(TIME_NOT_TOUCHED.matcher(lower), "older", out);
        time(TIME_AGO.matcher(lower), "within", out);
        time(TIME_WITHIN.matcher(lower), "within", out);
        time(TIME_NEWER.matcher(lower), "within", out);
        time(TIME_OLDER.matcher(lower), "older", out);
    }

    private static void time(Matcher m, String kind, List<Slot> out) {
        while (m.find()) {
            if (!free(out, m.start(), m.end(), Kind.TIME, Kind.SIZE)) {
                continue;
            }
            String unit = m.group("unit");
            int n = m.group("n") == null ? 1 : Words.number(m.group("n"));
            if (unit.equals("fortnight")) {
                unit = "week";
                n *= 2;
            }
            unit = unit.replaceAll("s$", "");
            out.add(new Slot(Kind.TIME, kind + ":" + n + ":" + unit, m.start(), m.end()));
        }
    }

    private static void counts(String lower, List<Slot> out) {
        Matcher m = COUNT.matcher(lower);
        while (m.find()) {
            String g = m.group("a") != null ? "a" : m.group("b") != null ? "b" : "c";
            if (!free(out, m.start(g), m.end(g), Kind.SIZE, Kind.TIME, Kind.PORT, Kind.DEPTH, Kind.FILE, Kind.URL,
                    Kind.HOST, Kind.QUOTE, Kind.GLOB, Kind.DIR)) {
                continue;
            }
            String v = m.group(g);
            if (v.equals("a") || v.equals("an")) {
                continue;
            }
            out.add(new Slot(Kind.COUNT, String.valueOf(Words.number(v)), m.start(g), m.end(g)));
        }
    }

    private static boolean isHostLike(String token) {
        int dot = token.lastIndexOf('.');
        String tld = token.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Words.TLDS.contains(tld) && !Words.EXTENSIONS.contains(tld) && !token.startsWith(".");
    }

    private static String stripTrail(String token) {
        String t = token;
        while (!t.isEmpty() && ",;:!?)]}'\"".indexOf(t.charAt(t.length() - 1)) >= 0
                || t.endsWith(".") && !t.endsWith("..")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static void tokens(String text, List<String> quotes, List<Slot> out) {
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String raw = m.group();
            int start = m.start();
            String t = stripTrail(raw);
            while (!t.isEmpty() && "([{".indexOf(t.charAt(0)) >= 0) {
                t = t.substring(1);
                start++;
            }
            int end = start + t.length();
            if (t.isEmpty() || t.contains("«") || !free(out, start, end, Kind.URL, Kind.QUOTE)) {
                continue;
            }
            if (t.startsWith("$") || t.contains("=")) {
                continue;
            }
            if (t.contains("@") && !t.startsWith("@")) {
                out.add(new Slot(Kind.HOST, t, start, end));
                continue;
            }
            if (IPV4.matcher(t).matches()) {
                out.add(new Slot(Kind.HOST, t, start, end));
                continue;
            }
            if (t.contains("*") || t.contains("?") && t.length() > 1) {
                if (t.matches("\\*\\.[A-Za-z0-9]+") && Words.EXTENSIONS.contains(t.substring(2).toLowerCase(Locale.ROOT))) {
                    out.add(new Slot(Kind.EXT, t.substring(2).toLowerCase(Locale.ROOT), start, end));
                } else {
                    out.add(new Slot(Kind.GLOB, t, start, end));
                }
                continue;
            }
            if ((t.startsWith("/") || t.startsWith("~/")) && KNOWN_FILES.contains(lastPart(t).replaceFirst("^\\.", ""))) {
                out.add(new Slot(Kind.FILE, t, start, end));
                continue;
            }
            if (t.startsWith("/") || t.startsWith("~") || t.startsWith("./") || t.startsWith("../") || t.contains("/")) {
                if (t.matches("[\\w.-]+/[\\w.-]+") && !t.contains(".") && t.matches("[a-z]+/[a-z]+")
                        && !t.matches("(?:src|docs|lib|test|tests|build|app|config|bin|scripts|data|public|assets)/.*")) {
                    // "and/or", "tcp/udp": words, not paths.
                    if (t.matches("and/or|tcp/udp|read/write|on/off|yes/no|input/output|i/o|https?/https?")) {
                        continue;
                    }
                }
                if (t.equals("/") || t.matches("/[\\w.-]+.*") || t.startsWith("~") || t.startsWith(".") || t.contains("/")) {
                    boolean dir = t.endsWith("/") || t.equals("~") || !lastPart(t).contains(".")
                            || lastPart(t).startsWith(".") && !lastPart(t).substring(1).contains(".");
                    String v = t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
                    out.add(new Slot(dir ? Kind.DIR : Kind.FILE, v, start, end));
                    continue;
                }
            }
            Matcher dot = DOT_EXT.matcher(t);
            if (dot.matches() && text.substring(0, start).matches("(?is).*\\b(?:called|named) $")) {
                out.add(new Slot(Kind.NAME, t, start, end)); // "files called .env": a name, not an extension
                continue;
            }
            if (dot.matches()) {
                String e = dot.group("e").toLowerCase(Locale.ROOT);
                if (Words.EXTENSIONS.contains(e) || e.length() <= 4 && !e.equals("env")
                        && EXT_LIST_TAIL.matcher(text.substring(end)).lookingAt()) {
                    out.add(new Slot(Kind.EXT, e, start, end));
                } else {
                    out.add(new Slot(Kind.NAME, t, start, end));
                }
                continue;
            }
            if (t.matches("\\.[A-Za-z0-9][\\w.-]*")) {
                out.add(new Slot(Kind.NAME, t, start, end));
                continue;
            }
            String plural = pluralExtension(t);
            if (plural != null) {
                out.add(new Slot(Kind.EXT, plural, start, end)); // "pdfs", "PNGs": files of that type
                continue;
            }
            if (KNOWN_NAMES.contains(t.toLowerCase(Locale.ROOT))) {
                out.add(new Slot(Kind.FILE, t, start, end));
                continue;
            }
            if (VERSION.matcher(t).matches()) {
                continue;
            }
            Matcher f = FILE_LIKE.matcher(t);
            if (Words.EXTENSIONS.contains(t.toLowerCase(Locale.ROOT))) {
                continue; // "tar.gz" alone names a format, not a file
            }
            if (f.matches() && !t.matches("(?i)e\\.g|i\\.e|etc\\.?|vs\\.?") && !t.matches("\\d+(?:\\.\\d+)*")) {
                String ext = f.group(1).toLowerCase(Locale.ROOT);
                if (isHostLike(t)) {
                    out.add(new Slot(Kind.HOST, t, start, end));
                } else if (ext.matches("[a-z][a-z0-9]*") || Words.EXTENSIONS.contains(ext)) {
                    out.add(new Slot(Kind.FILE, t, start, end));
                }
            }
        }
    }

    private static final Pattern SINGULAR_NOUN = Pattern.compile("(?:file|archive|tarball|document|script|image|log)$");
    private static final Pattern NAMED_NEXT = Pattern.compile(" (?:(?:called|named) )?(?:«\\d+»|[\\w~./-]*[./][\\w./-]+)");

    /**
     * Whether "zip file", "tar archive", "log file" names the kind of one thing rather than a filter:
     * an archive format with a singular noun ("create a tar archive of src"), or any kind followed by
     * the file's name ("the log file /var/log/syslog").
     */
    private static boolean describesOneThing(String lower, Matcher m, List<Slot> out) {
        String phrase = lower.substring(m.start(), m.end());
        if (!SINGULAR_NOUN.matcher(phrase).find()) {
            return false;
        }
        if (phrase.matches("\\.?(?:tar|zip|gz|tgz|tar\\.gz|tar\\.bz2|tar\\.xz|bz2|xz|7z|rar|zst|gzip|gzipped|bzip2) .*")) {
            return true;
        }
        Matcher n = NAMED_NEXT.matcher(lower);
        n.region(m.end(), lower.length());
        return n.lookingAt();
    }

    private static String lastPart(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
