package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A pattern's gaps ({@code .*}) are groups of their own, and a match covers only the text outside them. */
class GapsTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "\\blist\\b.*\\bhidden\\b => \\blist\\b(.*)\\bhidden\\b",
        "a.+?b.*c => a(.+?)b(.*)c",
        // escaped dots, dots in classes and a gap to the end are not gaps
        "a\\.*b => a\\.*b",
        "[.*]x => [.*]x",
        "so that.*$ => so that.*$",
        "a.b => a.b"})
    void marksEachGapAsAGroup(String source, String marked) {
        assertEquals(marked, Gaps.mark(source));
    }

    @Test
    void numbersGapGroupsAfterNamedAndPlainGroupsButNotLookarounds() {
        Pattern p = Pattern.compile(Gaps.mark("(?<a>x)(?:y)(?<=y)(z).*(?!q)w"));
        assertArrayEquals(new int[] {3}, Gaps.groups(p));
    }

    @Test
    void aMatchCoversItsWordsNotWhatItsGapsSkipped() {
        Pattern p = Pattern.compile(Gaps.mark("\\blist\\b.*\\bhidden\\b"));
        String text = "list files here without hidden ones";
        Matcher m = p.matcher(text);
        assertTrue(m.find());
        List<int[]> spans = new ArrayList<>();
        Gaps.addSpans(p, m, spans);
        assertEquals(List.of("list", "hidden"), spans.stream().map(s -> text.substring(s[0], s[1])).toList());
    }

    @Test
    void removesARangeFromSpans() {
        List<int[]> out = Gaps.without(List.of(new int[] {0, 10}, new int[] {12, 20}), 4, 14);
        assertEquals(List.of("0-4", "14-20"), out.stream().map(s -> s[0] + "-" + s[1]).toList());
    }
}
