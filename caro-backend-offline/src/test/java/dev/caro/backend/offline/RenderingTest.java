package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.CommandCandidate;
import dev.caro.api.backend.Generation;
import dev.caro.api.context.ShellKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RenderingTest {

    /** Request => GNU command. */
    private static final String GNU_TABLE = """
            find pdf files over 10MB in my Downloads folder => find ~/Downloads -type f -name '*.pdf' -size +10M
            list .log files in /var/log older than a week => find /var/log -type f -name '*.log' -mtime +7
            find jpg and png images in ~/Pictures => find ~/Pictures -type f \\( -iname '*.jpg' -o -iname '*.png' \\)
            count the jpg or jpeg photos in ~/Pictures => find ~/Pictures -type f \\( -iname '*.jpg' -o -iname '*.jpeg' \\) | wc -l
            find .jpeg and .jpg files => find . -type f \\( -iname '*.jpeg' -o -iname '*.jpg' \\)
            how many python files are in src => find src -type f -name '*.py' | wc -l
            which files changed in the last 30 minutes => find . -type f -mmin -30
            delete all .tmp files under /tmp/cache => find /tmp/cache -type f -name '*.tmp' -delete
            grep error in app.log case-insensitive => grep -i error app.log
            top 5 biggest directories under /var => sudo du -h /var 2>/dev/null | sort -rh | head -n 5
            extract backup.tar.gz into /opt/restore => mkdir -p /opt/restore && tar -xzf backup.tar.gz -C /opt/restore
            show the last 5 commits => git log -n 5
            kill every process called chrome => pkill chrome
            ping example.org 3 times => ping -c 3 example.org
            look for a file named Makefile at most 2 levels deep => find . -maxdepth 2 -type f -name Makefile
            make the directories logs, cache and tmp => mkdir logs cache tmp
            set all directories under ./site to 750 => find ./site -type d -exec chmod 750 {} +
            send a PUT with the json {"done":true} to http://localhost:3000/tasks/7 => curl -X PUT -H 'Content-Type: application/json' -d '{"done":true}' http://localhost:3000/tasks/7
            find INFO or DEBUG lines in service.log => grep -E 'INFO|DEBUG' service.log
            print PYTHONPATH one entry per line => echo "$PYTHONPATH" | tr ':' '\\n'
            show the value of SHELL => echo "$SHELL"
            show the default gateway => ip route show default
            top 3 processes by memory with pid and command => ps -eo pid,comm,%mem --sort=-%mem | head -n 4
            kill process 9911 and 9912 forcefully => kill -9 9911 9912
            create files a.txt, b.txt and c.txt => touch a.txt b.txt c.txt
            search for the regex ^[0-9]+$ in ids.txt => grep -E '^[0-9]+$' ids.txt
            grep for c++ in main.cpp => grep c++ main.cpp
            tar up ~/music excluding the mp3 files => tar -czf music.tar.gz --exclude='*.mp3' -C ~ music
            tar up src excluding the .log files => tar -czf src.tar.gz --exclude='*.log' src
            unzip assets.zip into ./static without overwriting existing files => unzip -n assets.zip -d ./static
            decompress logs.bz2 but keep the .bz2 => bunzip2 -k logs.bz2
            disk usage of src excluding node_modules => du -sh --exclude=node_modules src
            gzip big.log without deleting the original => gzip -k big.log
            xz data.csv but don't remove the original => xz -k data.csv
            bzip2 notes.txt, don't delete the original => bzip2 -k notes.txt
            the server process 4242 is stuck, kill it hard => kill -9 4242
            how big is ~/Music altogether => du -sh ~/Music
            remove the branch hotfix/login from origin => git push origin --delete hotfix/login
            how many csvs are in ./exports => find ./exports -type f -name '*.csv' | wc -l
            make the folder a/b/c, parents included => mkdir -p a/b/c
            tell me my default shell => echo "$SHELL"
            disk usage of /var without the log folder => du -sh --exclude=log /var
            gunzip data.gz and keep the .gz file => gunzip -k data.gz
            unxz big.xz, keep the .xz => unxz -k big.xz
            current UTC time as an ISO 8601 timestamp ending in Z => date -u +%Y-%m-%dT%H:%M:%SZ
            """;

    /** Request => GNU command => BSD command. */
    private static final String BSD_TABLE = """
            whats listening on port 8080 => sudo lsof -i :8080 => sudo lsof -nP -iTCP:8080 -sTCP:LISTEN
            how much RAM is free => free -h => vm_stat
            number of cpu cores => nproc => sysctl -n hw.ncpu
            convert the epoch time 1700000000 to a date => date -d @1700000000 => date -r 1700000000
            replace foo with bar in a.txt in place => sed -i 's/foo/bar/g' a.txt => sed -i '' 's/foo/bar/g' a.txt
            disk usage of my home dir excluding the .cache folder => du -sh --exclude=.cache ~ => du -sh -I .cache ~
            empty app.log but do not remove it => truncate -s 0 app.log => : > app.log
            replace every "foo" with "bar" in app.ini in place, keeping a .bak backup => sed -i.bak 's/foo/bar/g' app.ini => sed -i.bak 's/foo/bar/g' app.ini
            sha256 checksum of ubuntu.iso => sha256sum ubuntu.iso => shasum -a 256 ubuntu.iso
            show the top 3 processes by cpu => ps -eo pid,user,%cpu,comm --sort=-%cpu | head -n 4 => ps -Ao pid,user,%cpu,comm -r | head -n 4
            """;

    static Stream<Arguments> gnuTable() {
        return GNU_TABLE.lines().map(l -> Arguments.of((Object[]) l.split(" => ")));
    }

    static Stream<Arguments> bsdTable() {
        return BSD_TABLE.lines().map(l -> Arguments.of((Object[]) l.split(" => ")));
    }

    @ParameterizedTest
    @MethodSource("gnuTable")
    void rendersGnuCommands(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt));
    }

    @ParameterizedTest
    @MethodSource("bsdTable")
    void rendersBsdVariantsWhereTheyDiffer(String prompt, String gnu, String bsd) {
        assertEquals(gnu, Backends.gnu(prompt));
        assertEquals(bsd, Backends.bsd(prompt));
    }

    @Test
    void sameCommandOnBothWhenTheToolsAgree() {
        assertEquals("git status", Backends.gnu("git status"));
        assertEquals("git status", Backends.bsd("git status"));
    }

    @Test
    void usesShellSpecificSyntaxOrDeclines() {
        assertEquals("export EDITOR=vim", Backends.gnu("set EDITOR to vim"));
        assertEquals("set -gx EDITOR vim", Backends.command("set EDITOR to vim", Backends.GNU.withShell(ShellKind.FISH)));
        assertEquals("$env:EDITOR = 'vim'",
                Backends.command("set EDITOR to vim", Backends.GNU.withShell(ShellKind.POWERSHELL)));
        // POSIX-only syntax has no fish template: decline rather than answer wrongly.
        assertEquals("", Backends.command("how many days are left until 2030-01-01",
                Backends.GNU.withShell(ShellKind.FISH)));
        assertEquals("", Backends.command("find pdf files over 10MB", Backends.GNU.withShell(ShellKind.POWERSHELL)));
        assertEquals("", Backends.command("git status", Backends.GNU.withShell(ShellKind.CMD)));
    }

    @Test
    void quotesValuesOnlyWhenNeeded() {
        assertEquals("du -h 'backup final.tar'", Backends.gnu("how big is the file \"backup final.tar\"?"));
        assertEquals("grep -r 'Connection refused' /var/log", Backends.gnu("search for \"Connection refused\" under /var/log"));
    }

    @Test
    void answersWithExplanationAndConfidence() {
        Generation g = Backends.generate("list untracked files", Backends.GNU);
        CommandCandidate c = g.candidates().get(0);
        assertEquals("git ls-files --others --exclude-standard", c.command());
        assertFalse(c.explanation().isBlank());
        assertTrue(c.confidence() > 0.5 && c.confidence() <= 1, "confidence " + c.confidence());
    }

    @Test
    void correctedTyposLowerTheConfidence() {
        double clean = Backends.generate("list all the .txt files in ~/notes", Backends.GNU).candidates().get(0).confidence();
        double typo = Backends.generate("list all the .txt fiels in ~/notes", Backends.GNU).candidates().get(0).confidence();
        assertTrue(typo < clean, typo + " < " + clean);
    }
}
