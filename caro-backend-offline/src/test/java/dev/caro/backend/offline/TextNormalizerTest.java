package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    /** The normalizer the backend uses, with the built-in catalog's words. */
    private static final TextNormalizer BUILT_IN =
            IntentMatcher.normalizerFor(Catalog.load(TextNormalizerTest.class.getClassLoader()));

    private static String text(String prompt) {
        return BUILT_IN.normalize(prompt).text();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            serch the logs for timeouts            | search the logs for timeouts
            wich process uses port 80              | which process uses port 80
            print the last eror                    | print the last error
            line numbr of each match               | line number of each match
            show the jounral of the last boot      | show the journal of the last boot
            make an anotated tag                   | make an annotated tag
            calcualte the md5 of a.iso             | calculate the md5 of a.iso
            the best compresion ratio              | the best compression ratio
            check the enviroment variables         | check the environment variables
            list the executible files              | list the executable files
            list the foldres here                  | list the directories here
            a file caled notes                     | a file called notes
            cpoy a.txt to b.txt                    | copy a.txt to b.txt
            sohw the disk usage                    | show the disk usage
            """)
    void correctsTheTyposPeopleMake(String typed, String corrected) {
        TextNormalizer.Normalized n = BUILT_IN.normalize(typed);
        assertEquals(corrected, n.text());
        assertTrue(n.corrected());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            gzip it with the fastest level
            compute the sha1 of a.iso
            the file is located in /srv
            sort the lines properly
            git log of the commits i reverted
            files i picked yesterday
            when is the process exiting
            deciding which branch to keep
            the cold cache
            make a plan for tomorrow
            lots of routers and computers
            """)
    void keepsRealWords(String prompt) {
        TextNormalizer.Normalized n = BUILT_IN.normalize(prompt);
        assertEquals(prompt, n.text());
        assertFalse(n.corrected());
    }

    @Test
    void leavesAnAmbiguousTypoAlone() {
        // "brnch" lacks a vowel of both words; "stae" lacks a letter people seldom leave out.
        TextNormalizer n = new TextNormalizer(Set.of("branch", "brunch", "state"));
        assertEquals("brnch stae", n.normalize("brnch stae").text());
        assertEquals("branch", new TextNormalizer(Set.of("branch")).normalize("brnch").text());
    }

    @Test
    void theLikeliestKindOfSlipWins() {
        // Swapped letters before a letter left out; a letter left out before a wrong or extra one.
        assertEquals("project", new TextNormalizer(Set.of("project", "projcect")).normalize("projcet").text());
        assertEquals("service", new TextNormalizer(Set.of("serve", "service")).normalize("servce").text());
    }

    @Test
    void neverCorrectsNamesPathsOrQuotedText() {
        TextNormalizer n = new TextNormalizer(Set.of("search", "journal"));
        assertEquals("files of user serch in serch/jounral.txt with «0»",
                n.normalize("files of user serch in serch/jounral.txt with 'jounral'").text());
        assertEquals("Serch", n.normalize("Serch").text(), "a capitalised word is a name");
    }

    @Test
    void slipsFollowHowPeopleType() {
        assertTrue(TextNormalizer.plausibleTypo("serch", "search"));
        assertTrue(TextNormalizer.plausibleTypo("eror", "error"));
        assertTrue(TextNormalizer.plausibleTypo("jounral", "journal"));
        assertTrue(TextNormalizer.plausibleTypo("searcxh", "search"), "x sits next to c");
        assertTrue(TextNormalizer.plausibleTypo("executible", "executable"), "a vowel for a vowel");
        assertFalse(TextNormalizer.plausibleTypo("pure", "purge"), "g is seldom left out");
        assertFalse(TextNormalizer.plausibleTypo("ever", "never"), "the first letter is seldom wrong");
        assertFalse(TextNormalizer.plausibleTypo("locate", "located"), "another form of the word");
        assertFalse(TextNormalizer.plausibleTypo("makers", "makes"), "another form of the word");
        assertFalse(TextNormalizer.plausibleTypo("reverted", "reversed"), "t and s are far apart");
        assertFalse(TextNormalizer.plausibleTypo("form", "forms"));
        assertTrue(TextNormalizer.near('s', 'd'));
        assertTrue(TextNormalizer.near('g', 't'));
        assertFalse(TextNormalizer.near('t', 's'));
    }
}
