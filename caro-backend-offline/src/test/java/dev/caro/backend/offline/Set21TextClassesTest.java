package dev.caro.backend.offline;


import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes of text requests (search, transforms, counting, checksums) that tuning sets 21, 23 and 24
 * declined or answered wrongly, in phrasings of our own, with their siblings: the command they
 * render on GNU and BSD, and near misses that must decline. Wrong answers first: a search pattern's
 * colon was dropped ("each panic: in go-test.log"), "failed password attempts for root" lost the
 * user, "yaml/yml files" searched *.yml twice. Then the declines: line numbers asked with "show",
 * "search ~/notes for", a noun after the pattern of an "N lines after" request, "lines about",
 * key=value words, "each .log", files "missing" a header, where a Python or Ruby function is
 * defined, recursive lines starting with a text, whether a config key is set, per-file counts
 * without the zeros, the journal searched for a phrase, lines longer or shorter than N counted,
 * distinct client addresses, a process's open descriptors, tabs to spaces in place, commas to
 * tabs, two columns swapped, a manifest's version, accounts by user id, top N after a sort or of
 * a column's values, an average without the header, two status codes, lines of code of some
 * kinds, checksums saved for a tree, the bare hash, two files' checksums, sums files with missing
 * entries and detached gpg signatures.
 */
class Set21TextClassesTest {

    /** Request => GNU command [|| BSD command, when it differs; "-" when BSD declines]. */
    private static final String TABLE = """
            look for TODO in every file under src and show line numbers => grep -rn TODO src
            search lib/ for FIXME with line numbers => grep -rn FIXME lib/
            grep ./app for AuthToken, case-sensitive, and show line numbers => grep -rn AuthToken ./app
            search ~/docs for invoice, ignore case, names only => grep -r -l -i invoice ~/docs
            search ./notes for meeting => grep -r meeting ./notes
            show each 'timeout' error in server.log plus the 3 lines after it, ignore case => grep -i -A 3 timeout server.log
            print each error: in build.log and the 3 lines after it => grep -A 3 error: build.log
            show every 'deprecated' warning in make.log with the 2 lines after it => grep -A 2 deprecated make.log
            lines in syslog.txt about wifi or bluetooth, any case => grep -i -E 'wifi|bluetooth' syslog.txt
            show the lines of dmesg.txt about nvme => grep nvme dmesg.txt
            lines in app.log containing both level=error and db => grep level=error app.log | grep db
            count the ERROR lines in each .log in /srv/logs => grep -c ERROR /srv/logs/*.log
            which .py files are missing the copyright header => grep -rL --include='*.py' copyright .
            which files under docs lack the word DRAFT => grep -rL DRAFT docs
            failed ssh password attempts for admin in /var/log/auth.log => grep 'Failed password for admin' /var/log/auth.log
            show the failed ssh logins for deploy => grep 'Failed password for deploy' /var/log/auth.log
            failed ssh password attempts => grep 'Failed password' /var/log/auth.log
            where is init_db used? only look in .py and .pyx files => grep -rn --include='*.py' --include='*.pyx' init_db .
            grep replicas: in all yaml/yml files under ./deploy => grep -r --include='*.yaml' --include='*.yml' replicas: ./deploy
            which files under /var/log/nginx mention 502, and how many times each? => grep -rc 502 /var/log/nginx | grep -v ':0$'
            what files in ./logs contain Timeout and how many times in each => grep -rc Timeout ./logs | grep -v ':0$'
            search the journal for segfault => journalctl | grep -i 'segfault' || -
            grep this boot's journal for usb disconnect => journalctl -b | grep -i 'usb disconnect' || -
            where is the python function load_config defined => grep -rn --include='*.py' 'def load_config' .
            which file defines the ruby method to_json => grep -rn --include='*.rb' 'def to_json' .
            where's parse_args() defined in the python code => grep -rn --include='*.py' 'def parse_args' .
            search every .js file for lines that begin with import => grep -r --include='*.js' '^import' .
            in all the .go files, show lines starting with package => grep -r --include='*.go' '^package' .
            is PasswordAuthentication set in /etc/ssh/sshd_config => grep '^PasswordAuthentication' /etc/ssh/sshd_config
            does config/.env define SECRET_KEY => grep '^SECRET_KEY=' config/.env
            check whether .env has an API_TOKEN line => grep '^API_TOKEN=' .env
            how many lines of notes.md are over 100 characters => awk 'length > 100' notes.md | wc -l
            count lines shorter than 10 chars in words.txt => awk 'length < 10' words.txt | wc -l
            how many distinct client IPs are in /var/log/nginx/access.log => awk '{print $1}' /var/log/nginx/access.log | sort -u | wc -l
            count unique visitors in access.log => awk '{print $1}' access.log | sort -u | wc -l
            number of open file descriptors for pid 4242 => ls /proc/4242/fd | wc -l || lsof -p 4242 | tail -n +2 | wc -l
            count the fds of process 99 => ls /proc/99/fd | wc -l || lsof -p 99 | tail -n +2 | wc -l
            in script.sh, replace every tab with two spaces, editing the file in place => sed -i 's/\\t/  /g' script.sh || sed -i '' $'s/\\t/  /g' script.sh
            change tabs to 8 spaces in util.c in-place => sed -i 's/\\t/        /g' util.c || sed -i '' $'s/\\t/        /g' util.c
            convert data.csv to tab-separated => tr ',' '\\t' < data.csv
            replace commas with tabs in prices.csv and save it as prices.tsv => tr ',' '\\t' < prices.csv > prices.tsv
            turn the commas in x.csv into tabs => tr ',' '\\t' < x.csv
            swap columns 2 and 3 in table.txt => awk '{t=$2; $2=$3; $3=t; print}' table.txt
            switch the 1st and 3rd fields of data.csv => awk -F, -v OFS=, '{t=$1; $1=$3; $3=t; print}' data.csv
            print the last slash-separated part of every line in urls.txt => awk -F/ '{print $NF}' urls.txt
            put a.txt and b.txt side by side, one column each => paste a.txt b.txt
            what's the version in package.json => jq -r '.version' package.json
            show the name field of composer.json => jq -r '.name' composer.json
            package.json version? => jq -r '.version' package.json
            replace foo with bar in every file named settings.ini under conf => find conf -type f -name settings.ini -exec sed -i 's/foo/bar/g' {} + || find conf -type f -name settings.ini -exec sed -i '' 's/foo/bar/g' {} +
            list users with uid above 500 => awk -F: '$3 > 500 {print $1}' /etc/passwd
            usernames in /etc/passwd with UID >= 1000 => awk -F: '$3 >= 1000 {print $1}' /etc/passwd
            which accounts have a uid of at least 1000 => awk -F: '$3 >= 1000 {print $1}' /etc/passwd
            sort sales.txt by the 3rd column numerically, descending, and show the top 5 => sort -k3,3nr sales.txt | head -n 5
            sort data.csv by column 2 as numbers, highest first, then the first 10 => sort -t, -k2,2nr data.csv | head -n 10
            top 10 most common values in column 3 of events.csv => awk -F, '{print $3}' events.csv | sort | uniq -c | sort -rn | head -n 10
            top 3 most requested paths in access.log (path is field 7) => awk '{print $7}' access.log | sort | uniq -c | sort -rn | head -n 3
            mean of the 2nd column in stats.csv, skipping the header => awk -F, 'NR>1 {s+=$2; n++} END {print s/n}' stats.csv
            average of field 4 in runs.csv excluding the header row => awk -F, 'NR>1 {s+=$4; n++} END {print s/n}' runs.csv
            how many lines of code in lib, py files only => find lib -type f -name '*.py' -exec cat {} + | wc -l
            how many lines of code are in app/, go files => find app -type f -name '*.go' -exec cat {} + | wc -l
            generate sha256 checksums for everything under build and save them to build.sha256 => find build -type f -exec sha256sum {} + > build.sha256 || find build -type f -exec shasum -a 256 {} + > build.sha256
            sha256 of app.iso, just the hash => sha256sum app.iso | cut -d' ' -f1 || shasum -a 256 app.iso | cut -d' ' -f1
            md5 of x.bin, hash only => md5sum x.bin | cut -d' ' -f1 || md5 -q x.bin
            md5sum of disk.img without the file name => md5sum disk.img | cut -d' ' -f1 || md5 -q disk.img
            do a.bin and b.bin have the same checksum? => sha256sum a.bin b.bin || shasum -a 256 a.bin b.bin
            compare the checksums of /mnt/a/x.iso and /mnt/b/x.iso => sha256sum /mnt/a/x.iso /mnt/b/x.iso || shasum -a 256 /mnt/a/x.iso /mnt/b/x.iso
            check SHA256SUMS, just the ones I downloaded => sha256sum -c --ignore-missing SHA256SUMS || shasum -a 256 -c --ignore-missing SHA256SUMS
            verify app.tar.xz against app.tar.xz.sig with gpg => gpg --verify app.tar.xz.sig app.tar.xz
            check the signature file notes.txt.asc => gpg --verify notes.txt.asc
            verify the gpg signature of dist.zip.asc => gpg --verify dist.zip.asc
            print the first and third fields of /etc/passwd => cut -d: -f1,3 /etc/passwd
            show columns 2 and 4 of /etc/group => cut -d: -f2,4 /etc/group
            get the second and fourth columns of scores.csv => cut -d, -f2,4 scores.csv
            swap the second and third columns of t.txt => awk '{t=$2; $2=$3; $3=t; print}' t.txt
            sha512 checksums of every file in ./release saved to release.sha512 => find ./release -type f -exec sha512sum {} + > release.sha512 || find ./release -type f -exec shasum -a 512 {} + > release.sha512
            compare backup.tar and backup2.tar byte by byte => cmp backup.tar backup2.tar
            diff firmware.bin against firmware-old.bin as binary => cmp firmware.bin firmware-old.bin
            print everything after the first line of report.csv => tail -n +2 report.csv
            show all lines but the header of users.csv => tail -n +2 users.csv
            search the logs folder for 'connection refused', ignoring case, and just list the files => grep -r -l -i 'connection refused' logs
            search the src directory for getUser => grep -r getUser src
            swap the first and second columns of data.csv => awk -F, -v OFS=, '{t=$1; $1=$2; $2=t; print}' data.csv
            count the lines in app.log that contain ERROR but not timeout => grep ERROR app.log | grep -vc timeout
            how many lines of api.log have GET and not healthcheck => grep GET api.log | grep -vc healthcheck
            count how many lines start with # in config.ini => grep -c '^#' config.ini
            count how many lines in errors.log mention disk or memory => grep -cE 'disk|memory' errors.log
            remove all lines that start with # from settings.conf in place => sed -i '/^#/d' settings.conf || sed -i '' '/^#/d' settings.conf
            sum column 5 of usage.csv skipping the header => awk -F, 'NR>1 {s+=$5} END {print s}' usage.csv
            print the lines of config.yaml that are not comments => grep -v '^[[:space:]]*#' config.yaml
            count occurrences of each HTTP status code in access.log (field 9) => awk '{print $9}' access.log | sort | uniq -c | sort -rn
            replace foo with bar only on line 10 of a.txt => sed '10s/foo/bar/g' a.txt
            change red to blue on line 3 of colors.txt in place => sed -i '3s/red/blue/g' colors.txt || sed -i '' '3s/red/blue/g' colors.txt
            print the last field of every line in data.csv => awk -F, '{print $NF}' data.csv
            print the last column of data.txt => awk '{print $NF}' data.txt
            show the last field of /etc/passwd => awk -F: '{print $NF}' /etc/passwd
            show report.txt without the first 3 lines => tail -n +4 report.txt
            skip the first 10 lines of data.txt => tail -n +11 data.txt
            count the words in each .md file in docs => wc -w docs/*.md
            word count of every .txt file here => wc -w *.txt
            what lines differ between old.txt and new.txt => diff old.txt new.txt
            how many characters long is the longest line in data.txt => awk '{ if (length($0) > m) m = length($0) } END { print m }' data.txt
            list the lines of app.log between line 200 and line 300 => awk 'NR>=200 && NR<=300' app.log
            sum the sizes in column 5 of ls.txt => awk '{s+=$5} END {print s}' ls.txt
            show the 5 most recent lines in app.log containing ERROR => grep ERROR app.log | tail -n 5
            extract every tar.gz here => for f in *.tar.gz; do tar -xzf "$f"; done
            check whether file.iso matches checksum e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 => echo 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  file.iso' | sha256sum -c - || echo 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  file.iso' | shasum -a 256 -c -
            count lines that end with .jpg in files.txt => grep -c '\\.jpg$' files.txt
            grep case-insensitively for 'failed' in all files under /var/log, only file names => grep -r -l -i failed /var/log
            search recursively for the regex 'v[0-9]+\\.[0-9]+' in docs => grep -r -E 'v[0-9]+\\.[0-9]+' docs
            verify SHA256SUMS but don't print OK lines => sha256sum -c --quiet SHA256SUMS || shasum -a 256 -c --quiet SHA256SUMS
            print every other line of data.txt => awk 'NR % 2 == 1' data.txt
            pick 5 random lines from quotes.txt => shuf -n 5 quotes.txt || sort -R quotes.txt | head -n 5
            print lines of words.txt that are exactly 5 characters long => awk 'length == 5' words.txt
            which lines in codes.txt are exactly 8 chars => awk 'length == 8' codes.txt
            squeeze multiple blank lines in README.md into one => cat -s README.md
            sort users.txt by the second field, colon separated => sort -t: -k2,2 users.txt
            reverse each line of text.txt => rev text.txt
            reverse the lines of a.txt => tac a.txt || tail -r a.txt
            change the delimiter of data.csv from comma to semicolon => tr ',' ';' < data.csv
            show the top 10 lines by frequency in urls.txt => sort urls.txt | uniq -c | sort -rn | head -n 10
            indent every line of block.txt by 4 spaces => sed 's/^/    /' block.txt
            print the 2nd to 4th columns of data.csv => cut -d, -f2-4 data.csv
            show columns 1-3 of /etc/passwd => cut -d: -f1-3 /etc/passwd
            cut fields 2 to 5 of data.tsv => cut -f2-5 data.tsv
            remove the header row of data.csv and save it as body.csv => tail -n +2 data.csv > body.csv
            make the first letter of every line uppercase in names.txt => awk '{print toupper(substr($0, 1, 1)) substr($0, 2)}' names.txt
            could you find every mention of "deprecated" in the src folder? => grep -r deprecated src
            occurrences of 'foo' in bar.txt with line numbers => grep -n foo bar.txt
            count lines with 'error' in every .log file in logs, case-insensitively => grep -c -i error logs/*.log
            md5sum for everything in this folder => md5sum * || md5 -r *
            is file.tar.gz corrupted? compare it with file.tar.gz.sha256 => sha256sum -c file.tar.gz.sha256 || shasum -a 256 -c file.tar.gz.sha256
            keep only the first word of every line in words.txt => awk '{print $1}' words.txt
            break long lines in essay.txt at 80 columns => fold -s -w 80 essay.txt
            convert notes.txt to uppercase => tr '[:lower:]' '[:upper:]' < notes.txt
            how many unique users are in column 2 of logins.csv => cut -d, -f2 logins.csv | sort -u | wc -l
            print the 2nd column of data.csv without the header => tail -n +2 data.csv | cut -d, -f2
            how many lines start with a number in list.txt => grep -c '^[0-9]' list.txt
            count the lines of notes.txt that begin with a capital letter => grep -c '^[A-Z]' notes.txt
            find which files in ./src use the function getenv => grep -rl getenv ./src
            show all lines except blank ones in notes.txt => grep -v '^$' notes.txt
            verify that the checksums in SHA512SUMS are correct => sha512sum -c SHA512SUMS || shasum -a 512 -c SHA512SUMS
            """;

    /** Request => GNU command => BSD command (blank: the same), for commands that hold " || ". */
    private static final String TABLE_OR = """
            requests in access.log with status 404 or 410 (status is field 9) => awk '$9 == 404 || $9 == 410' access.log =>
            show lines of web.log with status 500 or 502, the status is field 9 => awk '$9 == 500 || $9 == 502' web.log =>""";

    static Stream<Arguments> table() {
        return Backends.gnuOrBsdRows(TABLE);
    }

    static Stream<Arguments> tableOr() {
        return Backends.gnuThenBsdRows(TABLE_OR);
    }

    @ParameterizedTest
    @MethodSource("table")
    void rendersGnuAndBsd(String prompt, String gnu, String bsd) {
        Backends.assertRenders(prompt, gnu, bsd);
    }

    @ParameterizedTest
    @MethodSource("tableOr")
    void rendersCommandsWithOr(String prompt, String gnu, String bsd) {
        Backends.assertRenders(prompt, gnu, bsd);
    }

    /** Near misses: a detail the command would leave out, or a different task. */
    @ParameterizedTest
    @ValueSource(strings = {
        "search the journal for segfault since yesterday",
        "where is the python function parse_args called",
        "is PermitRootLogin set to no in sshd_config",
        "swap the first two columns in pairs.csv in place",
        "md5 of every file in dist, just the hash",
        "sort scores.txt by the 2nd column and show the top 3 and the bottom 3",
        "average of column 3 in data.csv, skip the first 2 rows",
        "list users with uid below 1000",
        "replace tabs with 4 spaces in every .c file in place",
        "turn the commas in list.csv into tabs except inside quotes",
        "failed password attempts for root in the last hour",
        "which files under logs mention Timeout, and how many times each, sorted by count",
        "how many file descriptors are open system-wide",
        "how many unique client IPs per day in access.log",
        "replace each tab with 4 spaces in main.c and keep a backup",
        "count the WARN lines in each .log in /var/log/app, not counting debug",
        "check release.tar.gz against its sha256 checksum",
        "swap columns 2 and 3 in table.txt and save it as out.txt",
        "compare a.bin and b.bin byte by byte, quietly",
        "are a.bin and b.bin the same byte for byte, checksums too",
        "search the src directory for getUser in the last hour's changes",
        "print the first and third fields of /etc/passwd for root only",
        "replace foo with bar on lines 10 to 20 of a.txt",
        "replace the first occurrence of foo with bar in a.txt",
        "remove the first 3 lines of report.txt",
        "print the last column of data.txt sorted",
        "count the lines in app.log that contain ERROR but not timeout or retry",
        "count the words in each .md file under docs, subfolders too",
        "sum the sizes in column 5 of ls.txt for the .log files only",
        "extract every tar.gz in downloads",
        "does notes.txt have the md5 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
        "squeeze multiple blank lines in README.md into one and save it",
        "print lines of words.txt that are exactly 5 characters long, sorted",
        "print columns 2 to 4 of log.txt sorted by the third",
        "indent lines 3 to 9 of block.txt by 4 spaces",
        "remove the header row of every csv in data and save them as body files",
        "make the first letter of every word uppercase in names.txt",
        "keep only the first word of every line in words.txt and sort them",
        "how many lines do not start with a number in list.txt",
        "md5 of the first 1MB of disk.img",
        "count lines in app.log between 10:00 and 11:00",
        "how many lines in app.log after line 500",
        "search for foo in a.txt but only the first 50 lines",
        "print the unique values of column 2 in data.csv along with column 3"})
    void declinesNearMisses(String prompt) {
        Backends.assertDeclines(prompt);
    }
}
