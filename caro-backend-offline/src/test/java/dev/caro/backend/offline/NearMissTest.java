package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.backend.offline.Slot.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that used to be declined for one word the matcher could not place ("pdfs", "havent",
 * "suppress errors", "christmas", "so people can only delete...") and the near misses that must
 * still be declined because the extra words change what is asked.
 */
class NearMissTest {

    private static final TextNormalizer NORMALIZER =
            IntentMatcher.normalizerFor(Catalog.load(NearMissTest.class.getClassLoader()));

    private static List<String> slots(String prompt, Kind kind) {
        ParsedRequest r = ParsedRequest.of(NORMALIZER.normalize(prompt));
        return r.slots().stream().filter(s -> s.kind() == kind).map(Slot::value).collect(Collectors.toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "find pdfs bigger than 2MB in ~/Documents  | pdf",
        "list the PNGs on my desktop               | png",
        "any csvs under data/?                     | csv",
        "jpegs from last week                      | jpg",
        "copy the mp3s to the usb stick            | mp3",
    })
    void pluralsOfExtensionsAreExtensions(String prompt, String ext) {
        assertEquals(List.of(ext), slots(prompt, Kind.EXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"show the logs", "the docs folder", "ssh keys", "lots of bits", "yes"})
    void ordinaryPluralsAreNotExtensions(String prompt) {
        assertEquals(List.of(), slots(prompt, Kind.EXT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "which files in ./build haven't been modified in over 30 days?   | older:30:day",
        "files that have not been touched for more than 2 weeks           | older:2:week",
    })
    void notTouchedForOverAPeriodIsOlderThanIt(String prompt, String spec) {
        assertEquals(List.of(spec), slots(prompt, Kind.TIME));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "unpack site.tar.gz but drop the top-level directory inside it",
        "what's the date 3 weeks from today",
        "reload ~/.bashrc without opening a new terminal",
    })
    void wordsThatAreNotDirectoriesGiveNoDirectory(String prompt) {
        List<String> dirs = slots(prompt, Kind.DIR);
        assertEquals(List.of(), dirs.stream().filter(d -> !d.startsWith("~/.")).toList());
        assertEquals(List.of(), slots(prompt, Kind.EXCLUDE));
    }

    @Test
    void aStartUpFileInHomeIsAFile() {
        assertEquals(List.of("~/.bashrc"), slots("reload ~/.bashrc", Kind.FILE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "show me every file over 1 gigabyte on the whole system, suppress errors | find / -type f -size +1G 2>/dev/null",
        "files bigger than 500MB in /var, hide the permission denied errors      | find /var -type f -size +500M 2>/dev/null",
        "search for TODO recursively in /etc and suppress errors                 | grep -r TODO /etc 2>/dev/null",
    })
    void suppressingErrorsSendsThemToDevNull(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
        assertEquals(command, Backends.bsd(prompt));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "find / -type f -size +1G => find / -type f -size +1G 2>/dev/null",
        "find / -name x | wc -l => find / -name x 2>/dev/null | wc -l",
        "find / -name core 2>/dev/null => find / -name core 2>/dev/null",
        "sudo du -sh /var => sudo du -sh /var 2>/dev/null",
    })
    void quietErrorsGoesOnTheFirstCommand(String command, String quiet) {
        assertEquals(quiet, QuietErrors.apply(command));
    }

    @ParameterizedTest
    @ValueSource(strings = {"find / -name core -delete", "rm -rf build", "find . -name x -exec rm {} +",
        "cd /tmp && ls", "sudo rm -f x"})
    void quietErrorsLeavesWritersAlone(String command) {
        assertNull(QuietErrors.apply(command));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "first 5 lines of big.json.xz => xzcat big.json.xz | head -n 5 => xzcat big.json.xz | head -n 5",
        "count the lines in access.log.gz => zcat access.log.gz | wc -l => gzcat access.log.gz | wc -l",
    })
    void textToolsReadCompressedFilesThroughADecompressor(String prompt, String gnu, String bsd) {
        assertEquals(gnu, Backends.gnu(prompt));
        assertEquals(bsd, Backends.bsd(prompt));
    }

    @Test
    void compressedInputRewritesOnlyTextTools() {
        ParsedRequest req = ParsedRequest.of(NORMALIZER.normalize("app.log.gz and b.gz"));
        assertEquals("zgrep -i error app.log.gz", CompressedInput.apply("grep -i error app.log.gz", false, req));
        assertEquals("gunzip app.log.gz", CompressedInput.apply("gunzip app.log.gz", false, req));
        assertNull(CompressedInput.apply("grep x app.log.gz b.gz", false, req), "two compressed files");
        assertNull(CompressedInput.apply("sed -i s/a/b/ app.log.gz", false, req), "an in-place edit");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "which files in ./build haven't been modified in over 30 days? | find ./build -type f -mtime +30",
        "files in src that have been changed in the last 2 days        | find src -type f -mtime -2",
        "what day of the week is christmas 2025 (2025-12-25)?          | date -d 2025-12-25 +%A",
        "set the sticky bit on /shared/tmp so people can only delete their own files | sudo chmod +t /shared/tmp",
        "reload ~/.bashrc without opening a new terminal               | source ~/.bashrc",
        "create the directory tree a/b/c in one command                | mkdir -p a/b/c",
        "make a backup copy of config.json called config.json.bak      | cp config.json config.json.bak",
    })
    void nearMissesAreAnswered(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    @ParameterizedTest
    @ValueSource(strings = {"any pdfs in ~/Documents over 20 megs?", "find PDFs bigger than 20MB in ~/Documents"})
    void aPluralExtensionFiltersTheFind(String prompt) {
        String command = Backends.gnu(prompt);
        assertTrue(command.startsWith("find ~/Documents ") && command.contains(" -size +20M")
                && command.contains("name '*.pdf'"), command);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "list all MP4s larger than 1GB under /srv       | find /srv -type f -size +1G -name '*.mp4'",
        "move PNGs from ~/Desktop to ~/Pictures         | mv ~/Desktop/*.png ~/Pictures/",
        "move the pngs here to ~/Pictures               | mv *.png ~/Pictures/",
        "back up every CSVs file to .bak                | for f in *.csv; do cp -- \"$f\" \"$f.bak\"; done",
    })
    void aPluralExtensionInATemplateIsTheExtension(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "find pdfs bigger than 2MB in ~/Documents and email them",
        "find the pngs in ~/Pictures and convert them to jpg",
        "find files bigger than 1G in /, suppress errors and delete them",
        "what day of the week is christmas 2025 (2025-12-25) plus 3 years",
        "find large files so I can delete them",
        "show line numbers of the lines in main.py longer than 100 chars and delete them",
        "call https://api.example.com with the bearer token thats",
    })
    void extraWordsThatChangeTheTaskStillDecline(String prompt) {
        assertEquals("", Backends.gnu(prompt));
    }

    @Test
    void aModifierPhraseTheCommandIgnoresIsNamed() {
        ParsedRequest req = ParsedRequest.of(NORMALIZER.normalize("lines of a.txt longer than 80 chars with line numbers"));
        assertEquals("line numbers", MeaningWords.ignored(req, List.of(), java.util.Map.of()));
    }

    @Test
    void aWordOfTheFileNameIsExplained() {
        ParsedRequest req = ParsedRequest.of(NORMALIZER.normalize("show the keys in ~/.ssh/authorized_keys"));
        assertEquals(true, MeaningWords.namedBySlot(req, "keys"));
        assertEquals(false, MeaningWords.namedBySlot(req, "delete"));
    }
}
