package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Generation;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An intent that leaves a word of the request unexplained (no pattern, slot, capture or word of the
 * intent or its category covers it, and it is not a harmless filler) is dropped: these requests from
 * a blind set were answered with a command that ignored part of them.
 */
class UnexplainedWordsTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "call https://api.example.com/v1/users with the bearer token from the keychain => bearer", // from $TOKEN is answered (net.curl-bearer-var)
        "copy config.yaml to config.yaml.orig, but dereference symlinks => dereference", // "don't clobber it" is cp -n
        "serach /home for a file called \"notes.txt\", any capitalisation => capitalisation",
        "compress video.raw with gzip on all cores => cores"})
    void declinesWhenAMeaningfulWordIsLeftOver(String prompt, String word) {
        Generation g = Backends.generate(prompt, Backends.GNU);
        assertEquals(java.util.List.of(), g.candidates(), prompt);
        assertTrue(g.note().startsWith("closest task is") && g.note().endsWith("would ignore '" + word + "'"), g.note());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        // words the intent names in its patterns, or its category names often ("compress")
        "compress dump.sql with xz using 4 threads => xz -T4 dump.sql",
        // a time slot explains "changed"; the find expression explains "empty"
        "find every .py file changed in the last 45 minutes => find . -type f -name '*.py' -mmin -45",
        "find empty files under ./build => find ./build -type f -empty",
        // "md5" starts a word of the command; each part of a hyphenated word is explained
        "check the md5 checksums in files.md5 => md5sum -c files.md5",
        "pretty-print config.json => jq . config.json",
        // an opt pattern names the words an intent covers
        "show free space on all mounted drives in human readable form => df -h",
        "sort numbers.txt numerically in reverse => sort -n -r numbers.txt",
        // "one directory below" was left over once; the top-level intent now reads it as a second level
        "list .conf files in /etc, but only at the top level and one directory below it => find /etc -maxdepth 2 -type f -name '*.conf'"})
    void answersWhenEveryWordIsExplained(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    /** A small catalog: grep by a search word, head of the first lines, and filler intents of a category. */
    private static final String CLAIMS = """
            [t.grep]
            category: text
            when: \\bcontaining (?<p>\\w+)\\b
            gnu: grep {=p} {file}
            explain: Prints matching lines.

            [t.head]
            category: text
            when: \\bfirst lines?\\b
            gnu: head -n 1 {file}
            explain: Prints the first line.

            [t.compare]
            category: files
            when: \\bsame\\b
            when: (?<a>\\w+\\.\\w+) and (?<b>\\w+\\.\\w+)
            gnu: cmp -s {=a} {=b}
            explain: Compares two files.

            [t.hash]
            category: sums
            when: \\b(?<algo>sha1|md5)\\b
            gnu: {=algo}sum {files}
            explain: Prints the hashes.
            """;

    /** Two filler intents of the "files" category that name "sha1", a fifth of it: its words explain "sha1". */
    private static final String FILLERS = """
            [t.f1]
            category: files
            when: \\bsha1 list\\b
            gnu: ls
            explain: Lists.

            [t.f2]
            category: files
            when: \\bsha1 tree\\b
            gnu: tree
            explain: Shows a tree.
            """ + "\n" + java.util.stream.IntStream.range(3, 11)
            .mapToObj(i -> "[t.f" + i + "]\ncategory: files\nwhen: \\bfiller" + i + "\\b\ngnu: true\nexplain: Nothing.\n")
            .collect(java.util.stream.Collectors.joining("\n"));

    private static String answer(String catalog, String prompt) {
        IntentMatcher m = new IntentMatcher(Catalog.of(Catalog.parse(catalog, "test.intents")));
        return m.match(prompt, Backends.GNU).answer().map(IntentMatcher.Answer::command)
                .orElse("declined: " + m.match(prompt, Backends.GNU).reason());
    }

    @Test
    void aWordAnotherIntentClaimsIsNotHarmlessFiller() {
        // "first" is filler for grep on its own...
        String grepOnly = CLAIMS.substring(0, CLAIMS.indexOf("[t.head]"));
        assertEquals("grep foo a.txt", answer(grepOnly, "the first line containing foo in a.txt"));
        // ...but head claims it, and head would ignore "foo": neither answers
        assertEquals("declined: closest task is t.grep but it would ignore 'first'",
                answer(CLAIMS, "the first line containing foo in a.txt"));
        assertEquals("grep foo a.txt", answer(CLAIMS, "lines containing foo in a.txt"));
    }

    @Test
    void aWordAnotherIntentClaimsIsNotExplainedByTheCategory() {
        String catalog = CLAIMS + "\n" + FILLERS;
        // the category names "sha1" often enough to explain it for t.compare...
        String noHash = catalog.replace("[t.hash]", "[t.hash]\nunless: .");
        assertEquals("cmp -s a.iso b.iso", answer(noHash, "are a.iso and b.iso the same sha1"));
        // ...but t.hash claims it (a capture): the hashes answer
        assertEquals("sha1sum a.iso b.iso", answer(catalog, "are a.iso and b.iso the same sha1"));
        assertEquals("cmp -s a.iso b.iso", answer(catalog, "are a.iso and b.iso the same"));
    }

    @Test
    void aThreeLetterWordIsExplainedByItsInflectionsNotByAnyLongerWord() {
        assertTrue(UnexplainedWords.explained(Set.of("md5sum"), "md5"));
        assertTrue(UnexplainedWords.explained(Set.of("adds"), "add"));
        assertTrue(UnexplainedWords.explained(Set.of("gzipped"), "gzip"));
        assertTrue(!UnexplainedWords.explained(Set.of("kill"), "kil"));
        assertTrue(!UnexplainedWords.explained(Set.of("address"), "add"));
    }

    @Test
    void aNegationMustBeNamedByTheIntentNotJustSpannedByIt() {
        String catalog = """
                [t.hidden]
                category: files
                when: \\blist\\b.*\\bhidden\\b
                gnu: ls -a
                explain: Lists all entries.

                [t.visible]
                category: files
                when: \\blist\\b.*\\bwithout (?:the )?hidden\\b
                gnu: ls
                explain: Lists the visible entries.
                """;
        // t.hidden's ".*" spans "without", but t.hidden never names it
        assertEquals("ls", answer(catalog, "list the files here without hidden ones"));
        String hiddenOnly = catalog.substring(0, catalog.indexOf("[t.visible]"));
        assertEquals("declined: closest task is t.hidden but it would ignore 'without'",
                answer(hiddenOnly, "list the files here without hidden ones"));
        assertEquals("ls -a", answer(hiddenOnly, "list the hidden files here"));
    }

    @Test
    void everyMatchOfAPatternCoversTheRequestNotOnlyTheFirst() {
        String catalog = """
                [t.overwrite]
                category: archives
                when: \\bunzip (?<z>\\w+\\.zip)\\b
                opt: \\bexisting files\\b|\\bwithout (?:asking|prompting)\\b
                gnu: unzip -o {=z}
                explain: Extracts, replacing files.
                """;
        // the opt's first match covers "existing files", its second "without asking"
        assertEquals("unzip -o a.zip", answer(catalog, "unzip a.zip over existing files without asking"));
    }
}
