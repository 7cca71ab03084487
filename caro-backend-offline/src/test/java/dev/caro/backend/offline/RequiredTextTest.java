package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequiredTextTest {

    @Test
    void literalsAreRequiredInLowerCase() {
        assertEquals(List.of("git status"), RequiredText.of("\\bGit STATUS\\b"));
        assertEquals(List.of("abcdef"), RequiredText.of("(?-i:ABC)def"));
        assertEquals(List.of("a.b"), RequiredText.of("a\\.b"));
    }

    @Test
    void alternativesAndOptionalPartsGiveEveryCombinationThatNoOtherContains() {
        assertEquals(Set.of("list file", "show file"), Set.copyOf(RequiredText.of("\\b(?:list|show) files?\\b")));
        assertEquals(List.of("list"), RequiredText.of("^(?:please )?list$"));
        assertEquals(Set.of("du", "disk usage"), Set.copyOf(RequiredText.of("\\bdu\\b|disk usage")));
    }

    @Test
    void classesEscapesAndRepeatsMatchAnythingSoTheLongestLiteralRunCounts() {
        assertEquals(List.of(" files"), RequiredText.of("\\d+ files"));
        assertEquals(List.of("tar"), RequiredText.of("[a-z&&[^x]]+tar\\w*"));
        assertEquals(List.of("foo"), RequiredText.of("(?<![\\w.])foo(?=bar)"));
        assertEquals(List.of("ab"), RequiredText.of("(?:ab)+c"));
        assertEquals(Set.of(" days older", " day older"), Set.copyOf(RequiredText.of("(?<n>\\d{1,3}) days? older")));
    }

    @Test
    void noRequirementWhenSomeMatchNeedsNoLiteralOrTheSyntaxIsUnknown() {
        for (String re : List.of("\\w+", "a|\\d", "(?:abc)*", "x?", "(?i)abc", "\\Qabc\\E", "(a)\\1", "\\x41bc", "[]a]")) {
            assertEquals(List.of(), RequiredText.of(re), re);
        }
    }

    @Test
    void mayMatchIsFalseOnlyWhenTheTextLacksEveryRequiredString() {
        List<String> r = RequiredText.of("\\b(?:list|show) files?\\b");
        assertTrue(RequiredText.mayMatch(r, "please show files here"));
        assertFalse(RequiredText.mayMatch(r, "show the files"));
        assertTrue(RequiredText.mayMatch(List.of(), "anything"));
        assertTrue(RequiredText.mayMatch(RequiredText.of("«\\d+»"), "grep «0» in logs"));
    }

    /** Whenever a built-in pattern finds a match in a request, the request holds what it requires. */
    @Test
    void requirementsOfTheBuiltInPatternsHoldOnEveryDevelopmentRequest() throws Exception {
        Catalog catalog = Catalog.load(RequiredTextTest.class.getClassLoader());
        List<ParsedRequest> requests = CatalogIndexTest.developmentRequests(catalog);
        int matches = 0;
        for (Intent i : catalog.intents()) {
            LazyPatterns when = (LazyPatterns) i.when();
            for (int k = 0; k < when.size(); k++) {
                Pattern p = when.get(k);
                List<String> required = when.required().get(k);
                for (ParsedRequest r : requests) {
                    if (p.matcher(r.text()).find()) {
                        matches++;
                        assertTrue(RequiredText.mayMatch(required, r.lower()),
                                () -> i.id() + " " + p + " requires " + required + ": " + r.text());
                    }
                }
            }
        }
        assertTrue(matches > 1000, "matches: " + matches);
    }
}
