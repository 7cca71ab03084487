package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.api.backend.Generation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An intent that leaves a meaning word, a name or the rest of a search text unexplained is
 * dropped: these requests used to get a command for a different request.
 */
class MeaningWordsTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        // "memory" would have been dropped from the search text: zgrep out ... (a two-word text is searched whole)
        "search the compressed file syslog.2.gz for out of memory => closest task is grep.zgrep but it would ignore 'memory'",
        // a second author the command cannot express
        "show the commits Bob and Alice made => closest task is git.log-author-since but it would ignore 'Bob'",
        // sort -f is not in the catalog; plain sort would ignore it
        "sort names.txt case insensitive => closest task is sort.plain but it would ignore 'case'",
        "show me git status for the upstream remote => closest task is git.remote-urls but it would ignore 'upstream'"})
    void declinesWhenAWordThatChangesTheMeaningIsLeftOver(String prompt, String reason) {
        Generation g = Backends.generate(prompt, Backends.GNU);
        assertEquals(java.util.List.of(), g.candidates(), prompt);
        assertEquals(reason, g.note());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "convert upper case to lower case in names.txt => tr '[:upper:]' '[:lower:]' < names.txt",
        "delete lines containing DEBUG from app.log in place => sed -i '/DEBUG/d' app.log",
        "inode usage of / => df -i /",
        "tar up the logs folder without compression into logs.tar => tar -cf logs.tar logs",
        "show the commits Bob made in the last month => git log --author='Bob' --since='1 month ago'",
        "update the modification time of index.html to now => touch index.html",
        "recursively grep for 'console.log' in src but skip the dist folder => grep -r --exclude-dir=dist console.log src",
        "how many directories are in the current directory, not counting nested ones => find . -mindepth 1 -maxdepth 1 -type d | wc -l",
        "look for files called .env anywhere in this project => find . -type f -name .env",
        "print the value of the key name from package.json => jq -r '.name' package.json"})
    void answersWithTheIntentThatExplainsThoseWords(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }
}
