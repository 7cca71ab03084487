package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 10 (session 18: set 20's misses in file search, file operations, text search and transforms,
 * archives and counting, each fixed as a class, with phrasings of our own): files that are "not
 * executable" ({@code ! -perm -u+x}; the word "executable" was explained for any find, so the request
 * was answered without the test), every directory of a name deleted ({@code -prune -exec rm -rf}),
 * sizes in bytes ({@code -printf '%s %p\n'}; BSD {@code stat -f}), "does F contain X? yes or no", a
 * recursive grep "of all of /etc for X" with the errors hidden, dmesg lines about a word, quoted
 * markers, numbers of exactly N digits, "where is X used/mentioned" (in the files of a type, YAML as both
 * extensions), the files under each subdirectory counted, the files git tracks counted, how often each
 * line occurs, tar listings "show sizes and permissions too", stripping the top folder "into the current
 * directory", tabs to commas into a .csv, dedupe "keeping them in their original order", fold "without
 * splitting words", a quoted prefix or suffix on every line (spaces kept, sed-escaped), a replacement "X
 * links to Y" in every file, moving files of a type "on my Desktop", copying a directory's contents
 * without overwriting, rsync to "PATH on HOST", numbered files and directories by brace expansion.
 * Then a probe of everyday requests of our own: "owned by me" is {@code -user "$USER"} (was {@code -user
 * me}); "pdf files under docs" no longer adds {@code -name '*.doc'} for the directory; trailing
 * whitespace of every file of a type; unzip of one type "but only the jpg files"; cp "keeping its
 * timestamps"; names "starting with"; files with no extension; the line count of each file of a
 * directory; the first or last lines of every file of a type; unique values of a CSV column;
 * {@code -newer} a path without an extension; "duplicate the folder X as Y"; zipinfo "without extracting".
 * A third probe: "everything after the first 10 lines" and "all but the first 5 lines" are {@code tail -n
 * +N} (were {@code head}); "grep recursively for X" no longer takes "recursively" as the pattern; sorting
 * lines by length; common lines "between" two files; renaming the files of a type "in DIR"; rsync of "the
 * whole ~/x directory" (its source was the word "directory" once the word was explained). A fourth:
 * a range of lines the command leaves out declines ("lines 1-5 and the last 5 lines" was {@code tail -n
 * 5}); unique words are words, not lines ({@code sort -u | wc -l} counted lines); "bigger than a
 * gigabyte"; extracting "into a folder called X"; "not counting subfolders" is {@code -maxdepth 1} (the
 * count was recursive); node_modules "in all subfolders" deleted; "would you mind", "the quickest way";
 * files asked for "without looking in subdirectories" were the subdirectories ({@code -type d}). Last:
 * the N oldest files ({@code ls -tr | head -n N}, beside the newest), a new file with a text in it
 * ({@code echo 'TEXT' > FILE}). Wrong answers of a last probe, now declined: the largest files "inside
 * big.zip" (a find for big.zip), zip of "the current directory" (a folder named current), the lines
 * where a column "is empty" (compared with the word "empty"), "how many files each user owns" (-user
 * owns: a verb after "user" is no user name, which also answers "contain both user and failed").
 * The patterns added for "not executable" had put "not" in the vocabulary of find.files, which then
 * explained any "not" ("files bigger than 1G but not in /proc" was {@code find /proc ...}); "lines 10
 * and 20" are two lines, not a range.
 */
class FilesTextRound10Test {

    /** Request => GNU command => BSD command (empty: the same as GNU). */
    private static final String TABLE = """
            find shell scripts under ./bin that aren't executable => find ./bin -type f ! -perm -u+x -name '*.sh' => 
            list the .py files in src that are not executable => find src -type f ! -perm -u+x -name '*.py' => 
            which files in ~/tools lack the execute bit => find ~/tools -type f ! -perm -u+x => 
            delete every node_modules folder under ~/code => find ~/code -type d -name node_modules -prune -exec rm -rf {} + => 
            remove all the .venv directories below here => find . -type d -name .venv -prune -exec rm -rf {} + => 
            get rid of every build directory in this project => find . -type d -name build -prune -exec rm -rf {} + => 
            clean up all __pycache__ dirs => find . -type d -name __pycache__ -prune -exec rm -rf {} + => 
            list the files in ./out with their size in bytes next to each name => find ./out -type f -printf '%s %p\\n' => find ./out -type f -exec stat -f '%z %N' {} +
            show every file under /srv/data with its size in bytes => find /srv/data -type f -printf '%s %p\\n' => find /srv/data -type f -exec stat -f '%z %N' {} +
            does config.ini contain debug=true? yes or no => grep -qF debug=true config.ini && echo yes || echo no => 
            check if notes.txt mentions "deadline", just answer yes or no => grep -qF deadline notes.txt && echo yes || echo no => 
            does app.log have ERROR in it, yes/no => grep -qF ERROR app.log && echo yes || echo no => 
            search the whole of /var/log for "Out of memory" and suppress errors => grep -r 'Out of memory' /var/log 2>/dev/null => 
            grep all of /etc for ListenAddress, hide the permission denied messages => grep -r ListenAddress /etc 2>/dev/null => 
            list every https link in bookmarks.html => grep -oE 'https://[^" ]+' bookmarks.html => 
            any oom kills in the kernel log? => sudo dmesg | grep -i oom => dmesg | grep -i oom
            show usb messages from dmesg => sudo dmesg | grep -i usb => dmesg | grep -i usb
            print the lines between "START" and "STOP" in run.log => sed -n '/START/,/STOP/p' run.log => 
            show the section from "# BEGIN" to "# END" in config.txt => sed -n '/# BEGIN/,/# END/p' config.txt => 
            lines of data.txt with a 4-digit number => grep -wE '[0-9]{4}' data.txt => 
            show lines in zip.txt with exactly 5 digits => grep -wE '[0-9]{5}' zip.txt => 
            where is API_KEY used in this repo => grep -rn API_KEY . => 
            where is parse_args defined in the python files => grep -rn --include='*.py' parse_args . => 
            where is redis:6379 referenced in the yml files here => grep -rnF --include='*.yml' --include='*.yaml' redis:6379 . => 
            how many files in each subdirectory of ~/Music => for d in ~/Music/*/; do echo "$(find "$d" -type f | wc -l) $d"; done => 
            count files per subdirectory in ./data => for d in ./data/*/; do echo "$(find "$d" -type f | wc -l) $d"; done => 
            number of files git tracks => git ls-files | wc -l => 
            count the tracked files in this repository => git ls-files | wc -l => 
            how often does each line occur in access.txt => sort access.txt | uniq -c | sort -rn => 
            count occurrences of each line in ips.txt, most frequent first => sort ips.txt | uniq -c | sort -rn => 
            names.txt has one name per line, how many times does each appear => sort names.txt | uniq -c | sort -rn => 
            extact backup.tar.gz => tar -xzf backup.tar.gz => 
            show the contents of logs.tar.xz with permissions and dates => tar -tvJf logs.tar.xz => 
            list what's inside app.tar with sizes => tar -tvf app.tar => 
            extract site.tar.gz here, dropping the top-level directory => tar -xzf site.tar.gz --strip-components=1 => 
            untar release.tgz into this directory without the top folder => tar -xzf release.tgz --strip-components=1 => 
            convert data.tsv to data.csv => tr '\\t' ',' < data.tsv > data.csv => 
            replace tabs with commas in report.tsv => tr '\\t' ',' < report.tsv => 
            remove duplicate lines in log.txt while keeping them in the same order => awk '!seen[$0]++' log.txt => 
            wrap notes.txt to 72 columns at word boundaries => fold -s -w 72 notes.txt => 
            print the usernames and uids from /etc/passwd as two columns => cut -d: -f1,3 /etc/passwd => 
            print the id field of each object in items.json, which is an array => jq -r '.[].id' items.json => 
            add "# " to the start of every line in script.sh => sed 's/^/# /' script.sh => 
            prefix each line of out.txt with ">> " => sed 's/^/>> /' out.txt => 
            append ";" to every line of list.txt => sed 's/$/;/' list.txt => 
            change every http:// url to https:// in all the .md files => find . -type f -name '*.md' -exec sed -i 's|http://|https://|g' {} + => find . -type f -name '*.md' -exec sed -i '' 's|http://|https://|g' {} +
            switch foo to bar in every .txt file under docs/ => find docs -type f -name '*.txt' -exec sed -i 's/foo/bar/g' {} + => find docs -type f -name '*.txt' -exec sed -i '' 's/foo/bar/g' {} +
            move all the .jpg photos on my Desktop into ~/Pictures => mv ~/Desktop/*.jpg ~/Pictures/ => 
            copy everything in ./build to /srv/www without overwriting existing files => cp -rn ./build/. /srv/www/ => 
            copy the contents of src into backup but skip existing files => cp -rn src/. backup/ => 
            rsync ./public to /var/www/html on web02 => rsync -avz ./public/ web02:/var/www/html/ => 
            sync the dist folder to /srv/app on host prod1 over ssh => rsync -avz dist/ prod1:/srv/app/ => 
            shred notes.txt and then delete it => shred -u notes.txt => 
            create files test1.txt to test10.txt => touch test{1..10}.txt => 
            make empty files log01.md through log12.md => touch log{01..12}.md => 
            create directories week1 through week12 => mkdir week{1..12} => 
            delete all .tmp files in /tmp owned by me => find /tmp -type f -name '*.tmp' -user "$USER" -delete => 
            find files in ~ owned by me => find ~ -user "$USER" => 
            list pdf files under docs => find docs -type f -name '*.pdf' => 
            could you list every markdown file under docs that was changed this week? => find docs -type f -name '*.md' -mtime -7 => 
            remove trailing whitespace from every .py file in src => find src -name '*.py' -exec sed -i 's/[[:space:]]*$//' {} + => find src -name '*.py' -exec sed -i '' 's/[[:space:]]*$//' {} +
            strip trailing spaces from all the .md files => find . -name '*.md' -exec sed -i 's/[[:space:]]*$//' {} + => find . -name '*.md' -exec sed -i '' 's/[[:space:]]*$//' {} +
            unzip photos.zip but only the jpg files => unzip photos.zip '*.jpg' => 
            copy photo.jpg to ~/backup keeping its timestamps => cp -a photo.jpg ~/backup/ => 
            find files whose name starts with report in ~/work => find ~/work -type f -name 'report*' => 
            files starting with report in ~/work => find ~/work -type f -name 'report*' => 
            list directories starting with test in src => find src -type d -name 'test*' => 
            find files with no extension in ./bin => find ./bin -type f ! -name '*.*' => 
            list extensionless files here => find . -type f ! -name '*.*' => 
            how many lines are in each file in logs/ => wc -l logs/* => 
            print the first 5 lines of every .txt file here => head -n 5 *.txt => 
            last 3 lines of each log file in /var/log/app => tail -n 3 /var/log/app/*.log => 
            number every line in poem.txt => cat -n poem.txt => 
            print unique values of the 2nd column in data.csv => cut -d, -f2 data.csv | sort -u => 
            distinct values in the first column of users.csv => cut -d, -f1 users.csv | sort -u => 
            list all directories in the current folder, nothing else => find . -mindepth 1 -maxdepth 1 -type d => 
            show me files in /etc that were modified after /etc/passwd => find /etc -type f -newer /etc/passwd => 
            duplicate the folder project as project-copy => cp -r project project-copy => 
            list the files in release.zip without extracting => zipinfo release.zip => 
            show everything after the first 10 lines of report.txt => tail -n +11 report.txt => 
            all but the first 5 lines of a.txt => tail -n +6 a.txt => 
            print data.csv without the first 3 lines => tail -n +4 data.csv => 
            grep recursively for "api_key" in ~/code but skip node_modules => grep -r --exclude-dir=node_modules api_key ~/code => 
            rename every .txt file in notes/ to .md => for f in notes/*.txt; do mv -- "$f" "${f%.txt}.md"; done => 
            sort the lines of words.txt by length => awk '{ print length, $0 }' words.txt | sort -n | cut -d' ' -f2- => 
            sort names.txt by length, longest first => awk '{ print length, $0 }' names.txt | sort -nr | cut -d' ' -f2- => 
            show common lines between a.txt and b.txt => grep -xFf b.txt a.txt => 
            copy the whole ~/projects directory to /mnt/backup with progress => rsync -av --progress ~/projects /mnt/backup/ => 
            print the number of unique words in essay.txt => tr -s '[:space:]' '\\n' < essay.txt | sort -u | wc -l => 
            how many distinct words does essay.txt have => tr -s '[:space:]' '\\n' < essay.txt | sort -u | wc -l => 
            Hey, could you show me which files in ~/Downloads are bigger than a gigabyte? => find ~/Downloads -type f -size +1G => 
            could you extract archive.tar.gz into a folder called out? => mkdir -p out && tar -xzf archive.tar.gz -C out => 
            how many files are in /var/log (not counting subfolders)? => find /var/log -maxdepth 1 -type f | wc -l => 
            delete node_modules in all subfolders => find . -type d -name node_modules -prune -exec rm -rf {} + => 
            Would you mind counting how many lines all my markdown files have in total? => find . -type f -name '*.md' -exec cat {} + | wc -l => 
            what's the quickest way to see the first 20 lines of huge.csv? => head -n 20 huge.csv => 
            show me the 3 oldest files in ~/archive => ls -tr ~/archive | head -n 3 => 
            the oldest files here => ls -tr | head -n 10 => 
            create a file called notes.txt with the text hello world => echo 'hello world' > notes.txt => 
            create notes.txt containing "hello" => echo 'hello' > notes.txt => 
            write "foo bar" to out.txt => echo 'foo bar' > out.txt => 
            make a file todo.md with the line buy milk => echo 'buy milk' > todo.md => 
            print the 2nd column of data.csv where the 3rd column is done => awk -F, '$3 == "done" {print $2}' data.csv => 
            zip up project excluding node_modules => zip -r project.zip project -x 'project/node_modules/*' => 
            lines in app.log that contain both user and failed => grep user app.log | grep failed => 
            files without an extension under ~/scripts => find ~/scripts -type f ! -name '*.*' => 
            """;

    static Stream<Arguments> table() {
        return Backends.gnuThenBsdRows(TABLE);
    }

    @ParameterizedTest
    @MethodSource("table")
    void rendersGnuAndBsd(String prompt, String gnu, String bsd) {
        Backends.assertRenders(prompt, gnu, bsd);
    }

    /** Near misses: each adds something the command of the closest intent would not do. */
    @ParameterizedTest
    @ValueSource(strings = {
        "delete every node_modules folder under ~/code except the one in ~/code/keep",
        "find scripts in ~/bin that are not executable and make them executable",
        "does hosts.txt contain 10.0.0.5 or 10.0.0.6? yes or no",
        "does any file in /etc contain PermitRootLogin? yes or no",
        "prefix every line of a.txt with \"x\" in place",
        "prefix every line containing ERROR in log.txt with \"!!\"",
        "turn data.tsv into data.csv, quoting every field",
        "create files a1.txt through a5.txt with the text hello",
        "count files per subdirectory of ./photos, only the .jpg files",
        "how many files does git track in src/",
        "how often does each line occur in a.txt, ignoring case",
        "any segfaults in the kernel log in the last hour",
        "lines in orders.txt with numbers of at least 5 digits",
        "where is API_KEY used in this repo, excluding the tests directory",
        "sync ./site to /var/www/site on web01 and delete extra files",
        "copy everything from src into dest but don't overwrite newer files",
        "list files in ./build with their size in bytes, biggest first",
        "remove all the __pycache__ directories except under .venv",
        "get rid of all the __pycache__ directories in this repo and commit",
        "print everything in app.log between \"BEGIN\" and \"END\" but not the marker lines",
        "remove duplicate lines from a.txt but keep the last occurrence",
        "move all the .png screenshots on my Desktop older than a week into ~/old",
        "sync ./site to /var/www/site on the server web01 as user deploy",
        "shred every file in ./secrets",
        "list the non-executable files in ~/bin and delete them",
        "find files under /srv that are not readable by others",
        "securely wipe and delete all the .key files here",
        "how many files in each subfolder of ./photos, biggest first",
        "users.json is an array of objects, print each .name sorted",
        "prefix the first line of a.txt with \"#\"",
        "delete the empty build directories",
        "print unique values of the 2nd and 3rd columns in data.csv",
        "print the first 5 lines of every .txt file under docs recursively",
        "find files with no extension in ./bin and make them executable",
        "how many lines are in each file in logs/, sorted",
        "unzip photos.zip but only the jpg files bigger than 1MB",
        "find files whose name starts with report in ~/work and delete the old ones",
        "duplicate the folder project as project-copy on the server",
        "list pdf files under docs owned by bob and zip them",
        "show everything after the first 10 lines of every .txt file",
        "delete the first 10 lines of report.txt",
        "sort the lines of words.txt by length and remove duplicates",
        "copy the whole ~/projects directory to /mnt/backup on the server with progress",
        "skip the first 10 lines of report.txt and count the rest",
        "print lines 1-5 and the last 5 lines of data.txt",
        "count the unique words in essay.txt, ignoring case",
        "delete node_modules in all subfolders except ~/keep",
        "delete the 3 oldest files in ~/archive",
        "create a file called run.sh with the text echo hi and make it executable",
        "create notes.txt with the text hello in every directory",
        "list the 10 largest files inside big.zip",
        "zip the current directory recursively, excluding .git",
        "show all lines in data.csv where the third column is empty",
        "tally how many files each user owns in /srv",
        "list files bigger than 1G but not in /proc",
        "show lines 10 and 20 of big.txt",
        "copy everything from src into dst but not the logs"
    })
    void declinesNearMisses(String prompt) {
        assertEquals("", Backends.gnu(prompt), prompt);
    }

    /** Files asked for "without looking in subdirectories" are no listing of the subdirectories. */
    @ParameterizedTest
    @ValueSource(strings = {
        "list the files in ~/x, not looking in subdirectories",
        "list the files in ~/x, don't look in subdirectories",
        "show the files in /srv, not in subfolders"
    })
    void filesAreNotDirectories(String prompt) {
        assertFalse(Backends.gnu(prompt).contains("-type d"), prompt + " -> " + Backends.gnu(prompt));
    }
}
