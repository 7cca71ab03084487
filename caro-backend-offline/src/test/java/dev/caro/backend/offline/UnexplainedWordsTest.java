package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Generation;
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
        "how many subfolders are directly inside ~/projects? => directly",
        "copy config.yaml to config.yaml.orig, but dereference symlinks => dereference", // "don't clobber it" is cp -n
        "serach /home for a file called \"notes.txt\", any capitalisation => capitalisation",
        "compress video.raw with gzip on all cores => cores",
        "list .conf files in /etc, but only at the top level and one directory below it => below"})
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
        "sort numbers.txt numerically in reverse => sort -n -r numbers.txt"})
    void answersWhenEveryWordIsExplained(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }
}
