package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListedItemsTest {

    @Test
    void findsListsOfNumbersAndOfDottedNames() {
        assertEquals(List.of(List.of("9911", "9912")), ListedItems.in("kill process 9911 and 9912 forcefully"));
        assertEquals(List.of(List.of("a.txt", "b.txt", "c.txt")), ListedItems.in("create files a.txt, b.txt and c.txt"));
        assertEquals(List.of(List.of("8.8.8.8", "1.1.1.1")), ListedItems.in("ping 8.8.8.8 or 1.1.1.1"));
        assertEquals(List.of(), ListedItems.in("copy a.txt to b.txt and show 10 lines"));
    }

    @Test
    void namesTheFirstItemACommandLeavesOut() {
        assertEquals("9912", ListedItems.leftOut("kill 9911 and 9912", "kill 9911"));
        assertNull(ListedItems.leftOut("kill 9911 and 9912", "kill 9911 9912"));
        assertNull(ListedItems.leftOut("jpg or png files", "find . -name '*.jpg' -o -name '*.png'"));
        // A list the command does not use at all is not this check's business.
        assertNull(ListedItems.leftOut("lines 10 and 20", "wc -l"));
        // 99110 is not 9911.
        assertEquals("9911", ListedItems.leftOut("kill 9911 and 9912", "kill 99110 9912"));
    }

    /** Variable names, signals and log levels come in lists too; "CPU" or "RAM" alone are no list. */
    @Test
    void upperCaseNamesFormListsAndNoneMayBeDropped() {
        assertEquals(List.of(List.of("HTTP_PROXY", "HTTPS_PROXY")), ListedItems.in("unset HTTP_PROXY and HTTPS_PROXY in this shell"));
        assertEquals(List.of(List.of("ERROR", "WARN", "FATAL")), ListedItems.in("lines with ERROR, WARN or FATAL in app.log"));
        assertEquals("HTTPS_PROXY", ListedItems.leftOut("unset HTTP_PROXY and HTTPS_PROXY", "unset HTTP_PROXY"));
        assertNull(ListedItems.leftOut("unset HTTP_PROXY and HTTPS_PROXY", "unset HTTP_PROXY HTTPS_PROXY"));
        assertEquals("WARN", ListedItems.leftOut("show ERROR and WARN lines in app.log", "grep -i error app.log"));
        assertNull(ListedItems.leftOut("show ERROR and WARN lines in app.log", "grep -E 'ERROR|WARN' app.log"));
        assertEquals(List.of(), ListedItems.in("show the PATH variable"));
        assertEquals(List.of(), ListedItems.in("Show me the PDF files"), "capitalised words are no upper-case names");
    }

    @Test
    void rendersAListAsOneWordPerItem() {
        assertEquals("a.txt 'my file.txt' c.txt", ListedItems.words("a.txt, my file.txt and c.txt"));
    }
}
