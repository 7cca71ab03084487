package dev.caro.backend.offline;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.ShellKind;
import dev.caro.api.context.Userland;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the intent that explains a request best and renders its command. It declines (returns a
 * reason instead) when nothing matches, when the best command would ignore something the user
 * said, or when two different commands are equally good.
 */
final class IntentMatcher {

    /** A rendered answer. */
    record Answer(Intent intent, String command, double confidence) {}

    /** Either an answer or why there is none. */
    record Outcome(Optional<Answer> answer, String reason) {}

    private record Scored(Intent intent, String command, int score, String ignored) {}

    /** A rendered intent before its words are checked against what the other intents claim. */
    private record Pending(Intent intent, String command, int score, String ignored, List<int[]> spans,
            Map<String, TemplateRenderer.Capture> captures, Set<Integer> claims) {}

    private static final Pattern POSIX_ONLY = Pattern.compile("\\$\\(|\\$\\{|\\$\\(\\(|<<<|\\bfor \\w+ in\\b|\\bwhile\\b|`");

    /** When set, receives a line per intent that matched, for diagnostics. */
    java.util.List<String> trace;

    private final Catalog catalog;
    private final TextNormalizer normalizer;
    private final UnexplainedWords unexplained;

    IntentMatcher(Catalog catalog) {
        this.catalog = catalog;
        this.normalizer = normalizerFor(catalog);
        this.unexplained = new UnexplainedWords(catalog.intents());
    }

    /** The normalizer for a catalog: the words of its patterns and explanations, and everyday words. */
    static TextNormalizer normalizerFor(Catalog catalog) {
        Set<String> vocab = new HashSet<>(catalog.vocabulary());
        vocab.addAll(Words.VOCABULARY);
        vocab.addAll(Words.EXTENSION_NAMES.keySet());
        vocab.addAll(Words.HOME_FOLDERS);
        return new TextNormalizer(vocab);
    }

    /** The parsed form of a prompt, for diagnostics. */
    ParsedRequest parse(String prompt) {
        return ParsedRequest.of(normalizer.normalize(prompt));
    }

    Outcome match(String prompt, ExecutionContext context) {
        if (prompt.isBlank()) {
            return new Outcome(Optional.empty(), "the request is empty");
        }
        if (context.shell() == ShellKind.CMD) {
            return new Outcome(Optional.empty(), "the offline backend does not write cmd.exe commands");
        }
        ParsedRequest req = ParsedRequest.of(normalizer.normalize(prompt));
        List<int[]> quiet = QuietErrors.spans(req.lower());
        List<Pending> pending = new ArrayList<>();
        for (Intent intent : catalog.candidates(req.lower())) {
            Pending p = render(intent, req, context, quiet);
            if (p != null) {
                pending.add(p);
            }
        }
        List<Scored> candidates = new ArrayList<>();
        List<Scored> leftovers = new ArrayList<>();
        for (Pending p : pending) {
            Scored s = judge(p, pending, req);
            (s.ignored() == null ? candidates : leftovers).add(s);
        }
        if (candidates.isEmpty()) {
            if (!leftovers.isEmpty()) {
                leftovers.sort(Comparator.comparingInt(Scored::score).reversed());
                Scored best = leftovers.get(0);
                return new Outcome(Optional.empty(), "closest task is " + best.intent().id()
                        + " but it would ignore '" + best.ignored() + "'");
            }
            return new Outcome(Optional.empty(), "the offline backend does not know this task");
        }
        candidates.sort(Comparator.comparingInt(Scored::score).reversed());
        Scored best = candidates.get(0);
        if (candidates.size() > 1) {
            Scored second = candidates.get(1);
            if (second.score() == best.score() && !second.command().equals(best.command())) {
                return new Outcome(Optional.empty(), "the request fits both " + best.intent().id() + " and "
                        + second.intent().id());
            }
        }
        if (best.intent().declines(context.userland())) {
            // ranked with its GNU command, so that a weaker intent does not answer in its place
            return new Outcome(Optional.empty(), best.intent().id() + " has no command on BSD/macOS");
        }
        double confidence = req.corrected() ? 0.75 : 0.85;
        if (candidates.size() > 1 && candidates.get(1).score() > best.score() - 5) {
            confidence -= 0.1;
        }
        return new Outcome(Optional.of(new Answer(best.intent(), best.command(), confidence)), "");
    }

    /**
     * Categories whose commands describe the machine itself (its memory, logins, processes, ports,
     * clock...): "on this machine" names no folder to search there.
     */
    private static final Set<String> MACHINE_STATE = Set.of("system-info", "processes", "process-info", "network",
            "net-extra", "datetime", "date-extra", "environment", "users", "accounts", "system-extra");

    /** "on this machine", which the slot extractor reads as the root folder for searches. */
    private static final Pattern THIS_MACHINE = Pattern.compile(
            "(?:on|in) (?:this|the|my) (?:machine|computer|box|server|system)");

    /**
     * The intent's command for the request, with what it would ignore of the slots, meaning words
     * and listed items, or null when it does not apply (no match, no template for the shell, a
     * text tool on compressed input).
     */
    private Pending render(Intent intent, ParsedRequest req, ExecutionContext context, List<int[]> quiet) {
        boolean bsd = context.userland() == Userland.BSD;
        Map<String, TemplateRenderer.Capture> captures = new HashMap<>();
        List<int[]> spans = new ArrayList<>();
        int matched = matches(intent, req, captures, spans);
        if (matched < 0) {
            return null;
        }
        String template = template(intent, context);
        if (template == null) {
            return null;
        }
        if (trace != null) {
            trace.add(intent.id() + " matched " + matched + " captures " + captures.keySet());
        }
        TemplateRenderer r = new TemplateRenderer(req, captures, bsd);
        r.coverModifiers(spans);
        Optional<String> rendered = r.render(template);
        if (trace != null) {
            trace.add("  rendered " + rendered + " unused " + r.unused(intent.allow()));
        }
        if (rendered.isEmpty()) {
            return null;
        }
        String command = rendered.get();
        if (context.shell() == ShellKind.FISH && !intent.templates().containsKey("fish")
                && POSIX_ONLY.matcher(command).find()) {
            return null;
        }
        command = CompressedInput.apply(ExtendedGrep.apply(req.text(), command), bsd, req);
        if (command == null) {
            return null; // it would read compressed bytes as text
        }
        List<int[]> patternSpans = List.copyOf(spans);
        if (!quiet.isEmpty()) {
            String q = QuietErrors.apply(command);
            if (q != null) {
                command = q;
                spans.addAll(quiet);
            }
        }
        List<Slot> unused = r.unused(intent.allow());
        String finalCommand = command;
        unused.removeIf(sl -> heldByCommand(sl, finalCommand));
        if (MACHINE_STATE.contains(intent.category())) {
            unused.removeIf(sl -> THIS_MACHINE.matcher(req.lower().substring(sl.start(), sl.end())).matches());
        }
        String ignored = unused.isEmpty() ? MeaningWords.ignored(req, spans, captures, command) : describe(req, unused);
        if (ignored == null) {
            ignored = ListedItems.leftOut(req.text(), command);
        }
        if (ignored == null) {
            ignored = MeaningWords.givenValueLeftOut(req.text(), command);
        }
        int score = intent.priority() * 1000 + matched + 10 * r.usedCount();
        return new Pending(intent, command, score, ignored, spans, captures,
                unexplained.claims(intent, req, patternSpans, captures));
    }

    /** A keep-the-input option: -k, --keep, or k in a bundle of short options (-dk). */
    private static final Pattern KEEP_OPTION = Pattern.compile("(?<!\\S)-[a-zA-Z]*k[a-zA-Z]*(?!\\S)|--keep\\b");

    /**
     * Whether the command holds slot {@code s} although no capture of the intent covers it: an
     * extension written into the command as a glob or an option's value ("keeping a .bak backup":
     * {@code sed -i.bak}; not the end of a file name such as {@code error.log}), or "keep the .bz2"
     * answered by a keep option, or a directory the command holds as a word of its own ("from origin":
     * {@code git push origin --delete B}). Not a file name: a template may derive one ({@code site.zip}
     * from {@code site}) that the request gives for another purpose.
     */
    static boolean heldByCommand(Slot s, String command) {
        return switch (s.kind()) {
            case EXT -> Pattern.compile("(?:\\*|(?<![\\w-])-[a-zA-Z]+|=)\\." + Pattern.quote(s.value()) + "(?![\\w.])")
                    .matcher(command).find();
            case KEEP -> KEEP_OPTION.matcher(command).find();
            case DIR -> s.value().length() > 1 && Pattern.compile("(?<![\\w./~-])" + Pattern.quote(s.value()) + "(?![\\w.~-]|/\\w)")
                    .matcher(command).find();
            default -> false;
        };
    }

    /** {@code p} scored, with the first word it ignores: its own findings, then the words the others claim. */
    private Scored judge(Pending p, List<Pending> all, ParsedRequest req) {
        String ignored = p.ignored();
        if (ignored == null) {
            Set<Integer> claimedByOthers = new HashSet<>();
            for (Pending other : all) {
                if (other != p && !other.command().equals(p.command())) {
                    claimedByOthers.addAll(other.claims());
                }
            }
            ignored = unexplained.first(p.intent(), p.command(), req, p.spans(), p.captures(), claimedByOthers);
        }
        if (trace != null && ignored != null) {
            trace.add("  " + p.intent().id() + " ignores " + ignored);
        }
        return new Scored(p.intent(), p.command(), p.score(), ignored);
    }

    private static String describe(ParsedRequest req, List<Slot> unused) {
        Slot s = unused.get(0);
        return req.unquote(req.text().substring(s.start(), s.end()));
    }

    /** Total length matched by the intent's required patterns, or -1 when it does not apply. */
    private static int matches(Intent intent, ParsedRequest req, Map<String, TemplateRenderer.Capture> captures,
            List<int[]> spans) {
        // The "when" patterns first: the first of them rules out most intents, and a pattern that
        // is never reached is never compiled (LazyPatterns). The result does not depend on the order.
        // The built-in catalog knows text each pattern needs: without it, none is compiled or run.
        if (intent.when() instanceof LazyPatterns lazy && !lazy.mayAllFind(req.lower())) {
            return -1;
        }
        int total = 0;
        for (Pattern p : intent.when()) {
            Matcher m = findUseful(p, req);
            if (m == null) {
                return -1;
            }
            total += m.end() - m.start();
            Gaps.addSpans(p, m, spans);
            collect(p, m, req, captures);
            moreSpans(p, m, spans);
        }
        String masked = req.maskedText();
        for (Pattern p : intent.unless()) {
            if (p.matcher(masked).find()) {
                return -1;
            }
        }
        for (Pattern p : intent.optional()) {
            Matcher m = findUseful(p, req);
            if (m != null) {
                Gaps.addSpans(p, m, spans);
                collect(p, m, req, captures);
                moreSpans(p, m, spans);
            }
        }
        return total;
    }

    /**
     * Adds the spans of the later matches of {@code m}'s pattern: each alternative a request says
     * is covered ("the contents of ... without extracting"), not only the first. A later match
     * covers its words but not the values of its named groups, which nothing captures: in "the
     * owner to deploy and the group to www", a second "to (?<g>...)" leaves "www" unexplained.
     * A group that is the whole match is a flag ("(?<w>whole words?)"), and its words are covered.
     */
    private static void moreSpans(Pattern p, Matcher m, List<int[]> spans) {
        List<String> groups = null; // read from the pattern only when it matches again
        int from = Math.max(m.end(), m.start() + 1);
        while (from < m.regionEnd() && m.find(from)) {
            if (groups == null) {
                groups = new ArrayList<>();
                Matcher g = GROUP_NAME.matcher(p.pattern());
                while (g.find()) {
                    groups.add(g.group(1));
                }
            }
            List<int[]> pieces = new ArrayList<>();
            Gaps.addSpans(p, m, pieces);
            for (String name : groups) {
                if (m.start(name) >= 0 && (m.start(name) > m.start() || m.end(name) < m.end())) { // not a flag
                    pieces = Gaps.without(pieces, m.start(name), m.end(name));
                }
            }
            spans.addAll(pieces);
            from = Math.max(m.end(), m.start() + 1);
        }
    }

    /**
     * The first match of {@code p} whose named groups hold real values: "grep for TODO" must not
     * capture "for" as the pattern when a later match captures "TODO".
     */
    private static Matcher findUseful(Pattern p, ParsedRequest req) {
        Matcher m = p.matcher(req.text());
        int from = 0;
        while (from <= req.text().length() && m.find(from)) {
            if (groupsUseful(p, m)) {
                return m;
            }
            from = m.start() + 1;
        }
        return null;
    }

    private static boolean groupsUseful(Pattern p, Matcher m) {
        Matcher g = GROUP_NAME.matcher(p.pattern());
        while (g.find()) {
            String v = m.group(g.group(1));
            if (v != null && (v.isBlank() || SlotExtractor.STOP.contains(v.strip().toLowerCase(java.util.Locale.ROOT))
                    && !g.group(1).startsWith("type"))) {
                return false;
            }
            if (v != null && CONTRACTIONS.contains(v.strip().toLowerCase(java.util.Locale.ROOT))) {
                return false; // "the bearer token that's in $TOKEN": "thats" is no token
            }
            if (v != null && g.group(1).startsWith("pattern") && (v.startsWith("-") || GENERIC_NOUN.matcher(v).matches())) {
                return false; // "grep -i warning", "look for files called x": not the search text
            }
            if (v != null && g.group(1).startsWith("proc") && NOT_A_PROCESS.matcher(v.strip()).matches()) {
                return false; // "parent pid of 5120", "oldest process": a relation, not a process name
            }
        }
        return true;
    }

    /** Contractions without their apostrophe (the normalizer drops it): never a value. */
    private static final Set<String> CONTRACTIONS = Set.of("thats", "whats", "wheres", "theres", "heres", "whos",
            "hows", "its", "im", "ive", "youre", "theyre", "isnt", "arent", "dont", "doesnt", "didnt", "wont", "cant",
            "havent", "hasnt", "wasnt", "werent", "shouldnt", "wouldnt", "couldnt", "lets");

    private static final Pattern GENERIC_NOUN = Pattern.compile(
            "(?i)files?|directories|directory|lines?|text|words?|strings?|anything|something|everything|recursive(?:ly)?");

    /** Words that say which process of a family or list is meant: never a process name. */
    private static final Pattern NOT_A_PROCESS = Pattern.compile(
            "(?i)parent|parents|child|children|oldest|newest|youngest|latest|earliest|older|newer|its|my|our|their|his|her"
            + "|this|that|these|those|current|running|new|old|every|all|any|each|some|other|zombie|zombies|orphan"
            + "|background|foreground|main|own|process|processes|pid|pids|same|given|specific|following|previous|last|first");

    /** The next words after a search pattern that show a colon ending it belongs to the pattern. */
    private static final Pattern PLACE_AFTER = Pattern.compile("(?i) (?:in|inside|from|under|across|within) \\S.*");

    /**
     * Whether a search pattern's trailing colon is part of it: "panic: in go-test.log" searches for
     * {@code panic:}; a colon that ends a clause ("search for this: ...") is dropped as punctuation.
     */
    private static boolean keepsColon(String name, String raw, String text, int end) {
        return (name.equals("pattern") || name.equals("p")) && raw.matches("[\\w.-]+:")
                && PLACE_AFTER.matcher(text.substring(end)).matches();
    }

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private static void collect(Pattern p, Matcher m, ParsedRequest req, Map<String, TemplateRenderer.Capture> out) {
        Matcher g = GROUP_NAME.matcher(p.pattern());
        while (g.find()) {
            String name = g.group(1);
            if (m.start(name) < 0 || out.containsKey(name)) {
                continue;
            }
            String raw = req.text().substring(m.start(name), m.end(name));
            String value = raw.contains("«") ? (name.startsWith("lit") ? req.unquote(raw) : req.unquote(raw).strip()) // "INFO: " keeps its space
                    : keepsColon(name, raw, req.text(), m.end(name)) ? raw.strip()
                    : raw.strip().replaceAll("[?,;:!)]+$|(?<=\\w)\\.$", "");
            if (Words.NUMBERS.containsKey(value.toLowerCase(java.util.Locale.ROOT)) && !value.equalsIgnoreCase("a")
                    && !value.equalsIgnoreCase("an")) {
                value = String.valueOf(Words.number(value)); // "four times" is -c 4
            }
            out.put(name, new TemplateRenderer.Capture(value, m.start(name), m.end(name)));
        }
    }

    private static String template(Intent intent, ExecutionContext context) {
        Map<String, String> t = intent.templates();
        switch (context.shell()) {
            case POWERSHELL:
                return t.get("powershell");
            case FISH:
                if (t.containsKey("fish")) {
                    return t.get("fish");
                }
                break;
            default:
                break;
        }
        if (context.userland() == Userland.BSD && t.containsKey("bsd") && !intent.declines(Userland.BSD)) {
            return t.get("bsd");
        }
        return t.get("gnu");
    }
}
