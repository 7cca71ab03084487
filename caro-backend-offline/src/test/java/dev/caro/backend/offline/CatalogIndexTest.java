package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.context.Userland;
import dev.caro.core.eval.DatasetReader;
import dev.caro.core.eval.EvalCase;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CatalogIndexTest {

    private static final ClassLoader LOADER = CatalogIndexTest.class.getClassLoader();

    /** The index the build wrote holds what the catalog files say now: a stale index fails here. */
    @Test
    void theBuildsIndexHoldsTheCatalogFiles() {
        assertNotNull(CatalogIndex.read(LOADER), "the build writes " + CatalogIndex.RESOURCE);
        List<Intent> parsed = Catalog.parseBuiltIn(LOADER);
        Catalog indexed = Catalog.load(LOADER);
        assertEquals(parsed.size(), indexed.intents().size());
        for (int k = 0; k < parsed.size(); k++) {
            assertSameIntent(parsed.get(k), indexed.intents().get(k));
        }
        assertEquals(Catalog.of(parsed).vocabulary(), indexed.vocabulary());
    }

    @Test
    void intentsAreReadBackAsWrittenWithWhatTheirPatternsRequire() {
        List<Intent> parsed = Catalog.parse("""
                [x.one]
                category: acme
                when: \\b(?:show|list) widgets?\\b
                when: (?<n>\\d+)
                unless: \\bdelete\\b
                opt: \\bsorted\\b
                priority: 2
                allow: count, dir
                gnu: widgets -n {n}
                bsd: widgets -c {n}
                explain: Shows the widgets.

                [x.two]
                when: gadgets
                gnu: gadgets
                bsd: -
                """, "test.intents", true);
        CatalogIndex index = CatalogIndex.read(CatalogIndex.write(parsed));
        assertEquals(2, index.size());
        for (int k = 0; k < 2; k++) {
            assertSameIntent(parsed.get(k), index.intent(k));
            assertEquals(parsed.get(k).id(), index.id(k));
            assertEquals(parsed.get(k).category(), index.category(k));
        }
        assertTrue(index.intent(1).declines(Userland.BSD), "bsd: - read back from the index");
        assertFalse(index.intent(0).declines(Userland.BSD));
        LazyPatterns when = (LazyPatterns) index.intent(0).when();
        assertEquals(List.of(Set.of("show widget", "list widget"), Set.of()),
                List.of(Set.copyOf(when.required().get(0)), Set.copyOf(when.required().get(1))));
        assertEquals(Set.of(0), candidates(index, "please list widgets"));
        assertEquals(Set.of(1), candidates(index, "gadgets?"));
        assertEquals(Set.of(), candidates(index, "widgets"));
    }

    /** Every intent whose {@code when} patterns all find a match in a request is among its candidates. */
    @Test
    void candidatesIncludeEveryIntentThatMatchesADevelopmentRequest() throws Exception {
        Catalog catalog = Catalog.load(LOADER);
        int matched = 0;
        long candidates = 0;
        List<ParsedRequest> requests = developmentRequests(catalog);
        for (ParsedRequest r : requests) {
            Set<String> ids = new HashSet<>();
            for (Intent i : catalog.candidates(r.lower())) {
                ids.add(i.id());
            }
            candidates += ids.size();
            for (Intent i : catalog.intents()) {
                boolean all = true;
                for (Pattern p : i.when()) {
                    all &= p.matcher(r.text()).find();
                }
                if (all) {
                    matched++;
                    assertTrue(ids.contains(i.id()), () -> i.id() + " left out for " + r.text());
                }
            }
        }
        assertTrue(matched > requests.size(), "matched " + matched);
        assertTrue(candidates < requests.size() * (long) catalog.intents().size() / 10,
                "the index should rule out most intents: " + candidates);
    }

    static List<ParsedRequest> developmentRequests(Catalog catalog) throws Exception {
        List<EvalCase> cases;
        try (Reader r = new InputStreamReader(CatalogIndexTest.class.getResourceAsStream("nl2cmd-dev.jsonl"),
                StandardCharsets.UTF_8)) {
            cases = DatasetReader.read(r, "nl2cmd-dev.jsonl");
        }
        IntentMatcher matcher = new IntentMatcher(catalog);
        List<ParsedRequest> out = new ArrayList<>();
        for (EvalCase c : cases) {
            out.add(matcher.parse(c.prompt()));
        }
        return out;
    }

    private static Set<Integer> candidates(CatalogIndex index, String lower) {
        java.util.BitSet bits = new java.util.BitSet();
        index.candidates(lower, bits);
        Set<Integer> out = new HashSet<>();
        for (int k = bits.nextSetBit(0); k >= 0; k = bits.nextSetBit(k + 1)) {
            if (((LazyPatterns) index.intent(k).when()).mayAllFind(lower)) {
                out.add(k);
            }
        }
        return out;
    }

    private static void assertSameIntent(Intent expected, Intent actual) {
        String id = expected.id();
        assertEquals(id, actual.id());
        assertEquals(expected.category(), actual.category(), id);
        assertEquals(((LazyPatterns) expected.when()).sources(), ((LazyPatterns) actual.when()).sources(), id);
        assertEquals(((LazyPatterns) expected.unless()).sources(), ((LazyPatterns) actual.unless()).sources(), id);
        assertEquals(((LazyPatterns) expected.optional()).sources(), ((LazyPatterns) actual.optional()).sources(), id);
        assertEquals(expected.priority(), actual.priority(), id);
        assertEquals(List.copyOf(expected.templates().entrySet()), List.copyOf(actual.templates().entrySet()), id);
        assertEquals(expected.explanation(), actual.explanation(), id);
        assertEquals(expected.allow(), actual.allow(), id);
        assertEquals(expected.source(), actual.source(), id);
    }
}
