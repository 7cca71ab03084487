package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Generation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes of wrong answers found in review: each test holds a request of the class that was answered
 * with a wrong command, and what it must give now (the exact command, or no answer).
 */
class WrongAnswersTest {

    private static void assertDeclined(String prompt) {
        Backends.assertDeclines(prompt);
    }

    /** A compressed tar archive holds tar headers and members, not text: no zcat | head on it. */
    @ParameterizedTest
    @ValueSource(strings = {"first 10 lines of backup.tar.gz", "count the lines in dump.tar.xz",
        "last 5 lines of logs.tgz", "cat site.tar.bz2"})
    void textToolsDeclineTarArchives(String prompt) {
        assertDeclined(prompt);
    }

    @Test
    void compressedInputLeavesTarArchivesUnread() {
        ParsedRequest req = ParsedRequest.of(IntentMatcher.normalizerFor(Catalog.load(WrongAnswersTest.class.getClassLoader())).normalize("backup.tar.gz and app.log.gz"));
        assertNull(CompressedInput.apply("head -n 10 backup.tar.gz", false, req));
        assertEquals("zcat app.log.gz | head -n 10", CompressedInput.apply("head -n 10 app.log.gz", false, req));
    }

    /** "log the errors to a file" uses log as a verb: it is not a request for git's history of the file. */
    @ParameterizedTest
    @ValueSource(strings = {"find httpd.conf anywhere and log the errors to a file",
        "search for nginx.conf and log the output to a file", "locate settings.py, log any errors to a log file"})
    void logAsAVerbIsNotGitLog(String prompt) {
        String answer = Backends.generate(prompt, Backends.GNU).candidates().stream().findFirst()
                .map(Object::toString).orElse("");
        assertTrue(!answer.contains("git log"), prompt + " -> " + answer);
    }

    @Test
    void historyOfAFileIsStillGitLog() {
        assertEquals("git log --follow -- app.py", Backends.gnu("show the history of app.py"));
    }

    /** "The single largest file" is one file: head -n 1, with the exact byte size to compare. */
    @ParameterizedTest
    @ValueSource(strings = {"what's the single largest file in /var/log?", "the very biggest file under /var/log",
        "show me the largest file in /var/log", "which is the largest single file in /var/log"})
    void theLargestFileIsOneFile(String prompt) {
        assertEquals("find /var/log -type f -printf '%s %p\\n' | sort -nr | head -n 1", Backends.gnu(prompt));
    }

    @Test
    void theLargestFilesAreStillTen() {
        assertEquals("find /var/log -type f -exec du -h {} + | sort -rh | head -n 10",
                Backends.gnu("what are the largest files in /var/log"));
    }

    /** A file "of random data" must hold random bytes: fallocate only reserves (zeroed) space. */
    @ParameterizedTest
    @ValueSource(strings = {"make a 500 MB file of random data called random.bin",
        "create random.bin, 500M of random bytes", "generate a 500mb file full of random data named random.bin"})
    void aFileOfRandomDataIsNotAllocated(String prompt) {
        assertEquals("head -c 500M /dev/urandom > random.bin", Backends.gnu(prompt));
    }

    @Test
    void aFileOfASizeIsStillAllocated() {
        assertEquals("fallocate -l 500M random.bin", Backends.gnu("make a 500 MB file called random.bin"));
    }

    /** Archives and installers are often served through redirects (mirrors, release pages): follow them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "downlod https://example.com/archive.tar.gz and save it as latest.tar.gz|curl -L -o latest.tar.gz https://example.com/archive.tar.gz",
        "fetch https://example.com/tool.zip into tool.zip|curl -L -o tool.zip https://example.com/tool.zip",
        "grab https://example.com/data.json as data.json, following redirects|curl -L -o data.json https://example.com/data.json",
        "download https://example.com/data.csv and save it as input.csv|curl -o input.csv https://example.com/data.csv"})
    void downloadsOfArchivesFollowRedirects(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    /** A sweep of the whole system for setuid files runs as root, to read every directory. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "list all setuid binaries on the system|sudo find / -type f -perm -4000 2>/dev/null",
        "find every setuid binary on the whole system|sudo find / -type f -perm -4000 2>/dev/null",
        "suid executables across the entire machine|sudo find / -type f -perm -4000 2>/dev/null",
        "list suid files|find / -type f -perm -4000 2>/dev/null",
        "setuid files in /usr/bin|find /usr/bin -type f -perm -4000"})
    void setuidSweeps(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    /** Folders bigger than a size mean their contents (du), not find's -size of the directory entry. */
    @ParameterizedTest
    @ValueSource(strings = {"which folders in /srv are bigger than 2G and older than a year",
        "find directories under /data larger than 500M modified this week"})
    void directoriesBySizeAreNotFoundAsFiles(String prompt) {
        assertDeclined(prompt);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "find folders in /srv older than a year => find /srv -type d -mtime +365",
        "files in /srv bigger than 2G => find /srv -type f -size +2G"})
    void foldersStayDirectoriesAndFilesStayFiles(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
        assertEquals(command, Backends.bsd(prompt));
    }

    /** Archiving files and then deleting them is not a find -delete of the files (and the archive). */
    @ParameterizedTest
    @ValueSource(strings = {"tar the .log files into logs.tar.gz and then delete them",
        "zip the .csv files into data.zip and delete them", "compress the old logs into old.tar.gz and remove the logs"})
    void archiveThenDeleteIsNotFindDelete(String prompt) {
        String answer = Backends.generate(prompt, Backends.GNU).candidates().stream().findFirst()
                .map(Object::toString).orElse("");
        assertTrue(!answer.contains("-delete"), prompt + " -> " + answer);
    }

    @Test
    void deletingArchivesIsStillFindDelete() {
        assertEquals("find . -type f -name '*.zip' -mtime +7 -delete", Backends.gnu("delete all zip files older than a week"));
    }

    /** "a link X to Y", "X pointing at Y", "a link to Y called X": Y is the target and comes first in ln. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "create a hard link data.link to data.bin => ln data.bin data.link",
        "make a hard link data.link pointing at data.bin => ln data.bin data.link",
        "hard link called data.link to data.bin => ln data.bin data.link",
        "symlink current pointing at releases/v2 => ln -s releases/v2 current",
        "create a symlink current pointing at releases/v2 => ln -s releases/v2 current",
        "create a symlink to releases/v2 called current => ln -s releases/v2 current"})
    void linkTargetComesFirst(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
        assertEquals(command, Backends.bsd(prompt));
    }

    /** "hard link X to Y" as a verb does not say which one exists: no answer rather than a guess. */
    @ParameterizedTest
    @ValueSource(strings = {"hard link data.bin to data.link", "create a symlink latest to releases/v2"})
    void ambiguousLinkDirectionDeclines(String prompt) {
        assertDeclined(prompt);
    }

    /** The text a line starts or ends with is literal: regex metacharacters are escaped, a final dot kept. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "lines of hosts.txt that start with 10. => grep '^10\\.' hosts.txt",
        "print the lines of access.log that start with 192.168. => grep '^192\\.168\\.' access.log",
        "show the lines of todo.txt beginning with '- [ ]' => grep '^- \\[ \\]' todo.txt",
        "lines of notes.md that start with '1.' => grep '^1\\.' notes.md",
        "lines of prices.txt ending with '.*' => grep '\\.\\*$' prices.txt",
        "lines of hosts.txt that start with localhost => grep '^localhost' hosts.txt"})
    void literalTextIsEscapedInAnchoredGrep(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
        assertEquals(command, Backends.bsd(prompt));
    }

    @Test
    void aSentenceFinalDotIsStillPunctuation() {
        assertEquals("grep '^ERROR' app.log", Backends.gnu("show the lines of app.log that start with ERROR."));
    }

    /** The destination keeps one trailing slash, and a remote host:path destination stays whole. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "rsync ./site to host:/var/www/ dry run => rsync -a --dry-run ./site/ host:/var/www/",
        "sync ./site/ to /backup/site/ with delete, dry run => rsync -a --delete --dry-run ./site/ /backup/site/",
        "mirror site to backup dry run => rsync -a --dry-run site/ backup/"})
    void rsyncDestinationHasOneTrailingSlash(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
        assertEquals(command, Backends.bsd(prompt));
    }

    /**
     * A quoted name placed by a raw placeholder ({@code mv {=src} {=dst}}) stays one word: it is quoted
     * at word level and escaped inside a quoted part of the template; a quoted command line to run
     * ({@code cmd}) stays as written.
     */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "rename \"Q3 Budget.xlsx\" to q3-budget.xlsx => mv 'Q3 Budget.xlsx' q3-budget.xlsx",
        "move \"draft v2.md\" to final.md => mv 'draft v2.md' final.md",
        "copy \"tax return.pdf\" to \"tax return backup.pdf\" => cp 'tax return.pdf' 'tax return backup.pdf'",
        "rename 'a.txt' to \"it's done.txt\" => mv a.txt 'it'\\''s done.txt'",
        "run \"make -j8\" with low priority => nice -n 19 make -j8"})
    void quotedValuesPlacedRawStayOneWord(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    @Test
    void rawValuesAreEscapedForTheQuotesAroundThem() {
        assertEquals("it'\\''s", TemplateRenderer.guardRaw("it's", "grep -E '"));
        assertEquals("say \\\"hi\\\" for \\$5", TemplateRenderer.guardRaw("say \"hi\" for $5", "git commit -m \""));
        assertEquals("'two words'", TemplateRenderer.guardRaw("two words", "mv a.txt "));
        assertEquals(' ', TemplateRenderer.quoteState("grep 'a' \"b\" c\\'"));
    }

    /** "In the current directory" is where tar extracts anyway: no mkdir -p . && tar -C . */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "untar media.tar.bz2 in the current dir => tar -xjf media.tar.bz2",
        "unpack build.tgz into this folder => tar -xzf build.tgz",
        "extract web.tar.xz to the current directory => tar -xJf web.tar.xz"})
    void extractingHereNeedsNoTargetDirectory(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    /** "Changed more recently than X" compares with X (-newer); it is not a search for X. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "which files have been modified more recently than pom.xml => find . -type f -newer pom.xml",
        "files in lib updated later than the Makefile => find lib -type f -newer Makefile"})
    void newerThanAFileIsNotItsName(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    /** A level, a ratio or a directory the request gives is not dropped by a simpler compression or du intent. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "gzip -9 every .csv file => gzip -9 *.csv",
        "xz compress image.raw at level 6 => xz -6 image.raw",
        "compression ratio of dump.xz => xz -l dump.xz",
        "total size of all .mp4 files in clips => du -ch -- clips/*.mp4 | tail -n 1"})
    void optionsOfTheRequestAreKept(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip notes.txt at level 5", "gzip -3 *.log",
        "print the first lines of every file in bundle.tar"})
    void compressionAndSizeRequestsWithAnUnhandledPartDecline(String prompt) {
        assertDeclined(prompt);
    }

    /** A path that names a partition, a file sent to a host, a df question: not ~, not a download, not du. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "how full is the /var partition? => df -h /var",
        "how full is my home partition => df -h ~",
        "copy site.tar.gz to /srv on web4 as user deploy => scp site.tar.gz deploy@web4:/srv/",
        "download /srv/site.tar.gz from web4 as user deploy into this folder => scp deploy@web4:/srv/site.tar.gz ."})
    void partitionsAndCopyDirectionsAreRead(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    /** Free space per disk without some filesystem types is df -x, never du --exclude of those names. */
    @Test
    void freeSpaceSkippingFilesystemTypesIsNotDuExcluding() {
        String prompt = "how much space is free on each disk, skip squashfs and tmpfs";
        String answer = Backends.gnu(prompt);
        assertTrue(answer.isEmpty() || answer.equals("df -h -x squashfs -x tmpfs"), prompt + " -> " + answer);
    }

    /** Blind sets 16 and 17's wrong answers, as classes (our own phrasings). */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        // a mode that files have is a search, not a chmod
        "which files in /srv have 644 permissions => find /srv -type f -perm 644",
        // "every .txt file" in the singular: the extension is txt, not "file"
        "rename each .log file here to .txt => for f in *.log; do mv -- \"$f\" \"${f%.log}.txt\"; done",
        // the account the key goes to
        "add my public key to the account deploy on build.example.com => ssh-copy-id deploy@build.example.com",
        "copy my ssh key to web1.example.com => ssh-copy-id web1.example.com",
        // blind set 17: a directory written with a slash, an archive into a system directory itself
        "make all the .py files in tools/ executable => chmod +x tools/*.py",
        "untar go1.22.tar.gz into /usr/local => sudo tar -xzf go1.22.tar.gz -C /usr/local",
        "unpack app.tar.gz into /opt/app => mkdir -p /opt/app && tar -xzf app.tar.gz -C /opt/app"})
    void blindSetClassesAnswerRight(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    /** Near misses of blind sets 16 and 17, as classes (our own phrasings). */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        // names in any case are -iname; "N folders deep" is a depth, not a search for directories
        "locate readme.md in any case, at most 3 folders deep => find . -maxdepth 3 -iname readme.md",
        "find files called todo.txt under ~/notes, ignore case => find ~/notes -iname todo.txt",
        "remove lines containing TRACE from run.log, edit it in place => sed -i '/TRACE/d' run.log",
        "convert 1700000000 epoch seconds to a date => date -d @1700000000",
        "average of the 2nd column in data.csv, no header => awk -F, '{s+=$2} END {print s/NR}' data.csv",
        // "treat" is a word, not a typo of "threat"; "rn" is "right now"
        "search big.txt for 10.1.1.1, treat the dots literally => grep -F 10.1.1.1 big.txt",
        "what time is it in tokyo rn => TZ=Asia/Tokyo date"})
    void blindSetNearMissesAnswerRight(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    /** A request that says not to do something, or names a date the command leaves out, is declined. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {"open backup.tar.gz but never extract it => never",
        "open logs.tar.xz, dont extract it => dont", "epoch seconds for 2023-12-31 23:59 => 2023-12-31"})
    void negationsAndGivenDatesAreNotIgnored(String prompt, String word) {
        Generation g = Backends.generate(prompt, Backends.GNU);
        assertTrue(g.isEmpty(), prompt + " -> " + g.candidates());
        assertTrue(g.note().endsWith("would ignore '" + word + "'"), g.note());
    }
}
