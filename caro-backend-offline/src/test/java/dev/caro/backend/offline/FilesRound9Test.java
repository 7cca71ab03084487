package dev.caro.backend.offline;


import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 9 (session 17: set 18's misses in files, disk usage, search, text, archives, compression and
 * file operations, each fixed as a class): a name "exactly" as given, subdirectories "one level deep",
 * "don't descend into X" as an exclusion (not a depth), "bigger then" read as "than", files of a group
 * "under" a directory, the size of a well-known directory by name (node_modules, .git, .venv), the total
 * size of every file of a type in a tree, "grep FILE for X", either word with line numbers, http and
 * https URLs, a two-word phrase in gzip files, lines of a language's code, the top-level directories
 * counted, "wordcount", listing a tarball "don't unpack it", a terse tar.xz, a .gz printed to the
 * terminal, "isn't corrupt", zstd keeping the original, line ranges written 20-30, cp -a "into" a
 * directory, a symlink into a directory (as a name), split into size pieces, rsync to a host as a user
 * with progress, mkdir -p before moving files of a type, random hex bytes, a weekly cron job. Then (our
 * own probe of everyday requests): files of a year (-newermt), a year the command drops declines,
 * find -delete of names "ending in", tail -f "the end of", diff -rq of "two directories", tar "archive
 * X into X.tar.gz/.tar.bz2", sort "and save to" a file, sizes "sorted" decline; a capitalised name the
 * command holds (-name README), "as a zip", "a backup copy of" a path without extension, "what's eating my
 * disk", a checksum tool named before the file ("sha256sum of X against SHA256SUMS" reads the list);
 * unzip of a ~/ path into a directory, df -BG/-BM with no path, renaming extensions inside a directory
 * (the directory was dropped), checksums "created" for every file, tail -f "and keep following"; the first
 * line of every file and characters per line decline (were wc -l and wc -m); "the last line" is tail -n 1
 * (was 10), a request starting with chmod is no find -perm, xz -d and "disk usage here sorted" decline (were
 * xz compressing and df -h); the line count of each file "under" a directory declines (was the top level only).
 * A tar of a directory that leaves out a path ("excluding /etc/ssl") declines: it was tar -czf /etc/ssl /etc,
 * which writes the archive over the excluded path.
 */
class FilesRound9Test {

    /** Request => GNU command => BSD command (empty: the same as GNU). */
    private static final String TABLE = """
            locate a file called exactly "config.yaml" under /opt, hide permission errors => find /opt -type f -name config.yaml 2>/dev/null => 
            find anything named exactly Makefile in ~/src => find ~/src -name Makefile => 
            subdirectories of ~/code, only one level deep => find ~/code -mindepth 1 -maxdepth 1 -type d => 
            show only the subdirectories of /var, one level deep => find /var -mindepth 1 -maxdepth 1 -type d => 
            list the directories in ~/projects one level deep => find ~/projects -mindepth 1 -maxdepth 1 -type d => 
            find every json file recursively but dont descend into node_modules => find . -path ./node_modules -prune -o -type f -name '*.json' -print => 
            search for .py files, do not go into .venv => find . -path ./.venv -prune -o -type f -name '*.py' -print => 
            find files larger then 500M in /srv => find /srv -type f -size +500M => 
            any files smaller then 10k here => find . -type f -size -10k => 
            which files in /srv/share belong to the group devs => find /srv/share -type f -group devs => 
            list files under /data owned by group analysts => find /data -type f -group analysts => 
            how large is the .git directory => du -sh .git => 
            whats the size of node_modules => du -sh node_modules => 
            how much space does .venv take up => du -sh .venv => 
            total size of every .iso file under ~/Downloads => find ~/Downloads -type f -name '*.iso' -exec du -ch {} + | tail -n 1 => 
            sum up the size of the .wav files under /media/music => find /media/music -type f -name '*.wav' -exec du -ch {} + | tail -n 1 => 
            how much room do all the .mkv files below ~/Movies take altogether => find ~/Movies -type f -name '*.mkv' -exec du -ch {} + | tail -n 1 => 
            grep nginx.conf for server_name => grep server_name nginx.conf => 
            grep ./app.log for ERROR, ignoring case, with line numbers => grep -i -n ERROR ./app.log => 
            lines of error.log containing warn or fatal, with line numbers => grep -n -E 'warn|fatal' error.log => 
            pull all http and https links out of index.html => grep -Eo 'https?://[^[:space:]"]+' index.html => 
            list every http/https url in notes.md => grep -Eo 'https?://[^[:space:]"]+' notes.md => 
            grep the rotated syslog.1.gz for disk full => zgrep 'disk full' syslog.1.gz => 
            how many lines of python code are under src => find src -type f -name '*.py' -exec cat {} + | wc -l => 
            count the lines of rust code in ./crates => find ./crates -type f -name '*.rs' -exec cat {} + | wc -l => 
            count the top-level directories in ~/work => find ~/work -mindepth 1 -maxdepth 1 -type d | wc -l => 
            word count of essay.txt => wc -w essay.txt => 
            wordcount notes.md => wc -w notes.md => 
            what is in backup.tgz, dont extract it => tar -tzf backup.tgz => 
            create a tar.xz of build => tar -cJf build.tar.xz build => 
            cat access.log.gz to the terminal => zcat access.log.gz => gzcat access.log.gz
            print report.csv.gz to stdout => zcat report.csv.gz => gzcat report.csv.gz
            is db.sql.gz corrupt => gzip -tv db.sql.gz => 
            check that logs.2.gz isnt damaged => gzip -tv logs.2.gz => 
            unpack model.bin.zst and keep the original => zstd -d model.bin.zst => 
            decompress data.tar.zst but leave the .zst file alone => zstd -d data.tar.zst => 
            show lines 5-15 of config.ini => awk 'NR>=5 && NR<=15' config.ini => 
            print lines 100-120 of /var/log/syslog => awk 'NR>=100 && NR<=120' /var/log/syslog => 
            copy ~/site into /var/backups keeping permissions and timestamps => cp -a ~/site /var/backups/ => 
            copy the directory photos into /mnt/usb, preserving timestamps => cp -a photos /mnt/usb/ => 
            symlink ~/tools/fmt into ~/.local/bin => ln -s ~/tools/fmt ~/.local/bin/ => 
            link /opt/go/bin/go into /usr/local/bin as go => ln -s /opt/go/bin/go /usr/local/bin/go => 
            split backup.img into 2GB pieces => split -b 2G backup.img => 
            chop the big.iso into 700MB chunks => split -b 700M big.iso => 
            break dump.sql into pieces of 100MB => split -b 100M dump.sql => 
            rsync ./public to /srv/www on web1 as user deploy and show progress => rsync -avz --progress ./public/ deploy@web1:/srv/www/ => 
            sync dist to /var/www/html on host prod1 (user admin), with a progress bar => rsync -avz --progress dist/ admin@prod1:/var/www/html/ => 
            move every .jpg file here into ./photos, create it if missing => mkdir -p ./photos && mv -- *.jpg ./photos/ => 
            copy the .pdf files into ./archive and create the directory if it doesnt exist => mkdir -p ./archive && cp -- *.pdf ./archive/ => 
            random hex string => openssl rand -hex 16 => 
            give me 32 random bytes as hex => openssl rand -hex 32 => 
            generate a random 8 byte hex token => openssl rand -hex 8 => 
            add a cron job running /usr/local/bin/backup.sh every friday at 11pm => (crontab -l 2>/dev/null; echo '0 23 * * 5 /usr/local/bin/backup.sh') | crontab - => 
            schedule ~/bin/report.sh every monday at 9:15am => (crontab -l 2>/dev/null; echo '15 9 * * 1 ~/bin/report.sh') | crontab - => 
            remove all files that end with .tmp in /var/tmp => find /var/tmp -type f -name '*.tmp' -delete => 
            delete the .orig files under src => find src -type f -name '*.orig' -delete => 
            diff the two folders old/ and new/ => diff -rq old/ new/ => 
            compress ~/notes into notes.tar.gz => tar -czf notes.tar.gz -C ~ notes => 
            pack src into src.tgz => tar -czf src.tgz src => 
            archive photos into photos.tar.bz2 => tar -cjf photos.tar.bz2 photos => 
            what files are in the archive dist.tar.bz2 => tar -tjf dist.tar.bz2 => 
            sort numbers.txt numerically and write the result to out.txt => sort -n numbers.txt > out.txt => 
            sort list.txt alphabetically and save it as list.sorted.txt => sort list.txt > list.sorted.txt => 
            find pdfs modified in 2023 => find . -type f -name '*.pdf' -newermt 2023-01-01 ! -newermt 2024-01-01 => 
            find files modified in 2023 bigger than 10M => find . -type f -size +10M -newermt 2023-01-01 ! -newermt 2024-01-01 => 
            follow the end of /var/log/syslog => tail -f /var/log/syslog => 
            any files named README in this repo? => find . -type f -name README => 
            list the files called LICENSE under ~/src => find ~/src -type f -name LICENSE => 
            compress the folder reports as a zip => zip -r reports.zip reports => 
            zip up the docs folder into a zip file => zip -r docs.zip docs => 
            make a backup copy of /etc/hosts => cp /etc/hosts /etc/hosts.bak => 
            whats eating my disk in /home => sudo du -h /home 2>/dev/null | sort -rh | head -n 10 => 
            check sha256sum of image.iso against SHA256SUMS => sha256sum -c SHA256SUMS => shasum -a 256 -c SHA256SUMS
            unzip everything in ~/Downloads/photos.zip into ~/Pictures => unzip ~/Downloads/photos.zip -d ~/Pictures => 
            show free disk space in gigabytes => df -BG => df -g
            how much space is left on /data in GB => df -BG /data => df -g /data
            free space in megabytes => df -BM => df -m
            rename all .txt files to .md in notes/ => for f in notes/*.txt; do mv -- "$f" "${f%.txt}.md"; done => 
            create sha1 checksums for every file here => sha1sum * => shasum -a 1 *
            show the last 100 lines of error.log and keep following => tail -n 100 -f error.log => 
            last line of output.log => tail -n 1 output.log => 
            show the last line of app.log => tail -n 1 app.log => 
            chmod 755 all directories under site => find site -type d -exec chmod 755 {} + => 
            find files with permissions 755 => find . -type f -perm 755 => 
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
        "how big is node_modules in every project under ~/code",
        "how big is node_modules compared to the rest",
        "total size of the .mp4 files under ~/Videos, per folder",
        "add up the size of the .log files under /var/log modified today",
        "symlink /opt/app/bin/app into /usr/local/bin and make it executable",
        "copy ~/projects/app into /backup keeping permissions but not the .git folder",
        "chop movie.mkv into 1GB pieces and compress each",
        "sync ./site to /var/www/site on web2 as user deploy and show progress, deleting extra files",
        "move all the .log files into ./old, create it if missing, and gzip them",
        "random 16 byte hex string written to key.txt",
        "cron job to run /opt/x.sh every sunday at 3am and email me",
        "grep app.log for timeout and count the matches",
        "grep /var/log/syslog for error, not case sensitive, last 20",
        "check dump.sql.gz isnt corrupt and then restore it",
        "what files are in backup.tar.gz? dont unpack it, just count them",
        "wordcount every .md file here combined",
        "show the comment lines in nginx.conf that mention ssl",
        "lines in app.log that match timeout or refused, with line numbers, but not debug",
        "search the rotated logs /var/log/*.gz for kernel panic and count them",
        "how many lines of Go code are under ./cmd excluding tests",
        "which files under /shared belong to the group staff and are writable",
        "tar.xz of ./dataset and upload it",
        "symlink ./bin/tool into ~/.local/bin",
        "32 character random hex string",
        "list the directories under /etc 3 levels deep",
        "search the gzipped logs in /var/log/app/*.gz for out of memory",
        "find jpg files modified in 2024 in ~/Pictures and copy them to /backup",
        "list files changed since march 2025 in /etc",
        "find files bigger than 100MB and show their sizes sorted",
        "list files with their sizes, sorted by name",
        "sort names.txt and save to sorted.txt, removing duplicates",
        "archive photos into photos.tar.bz2 and delete the originals",
        "delete every file ending in .bak except the newest",
        "compare two directories a and b by content, side by side",
        "find files named README and email them to Bob",
        "compress the folder reports as a zip with a password",
        "make a backup copy of /etc/hosts on the server",
        "whats eating my disk in /home, only count files over 1G",
        "check sha256sum of image.iso against SHA256SUMS and delete it if it fails",
        "print the first line of every csv file here",
        "count characters in each line of list.txt",
        "how much free space is left on the disk mounted at /mnt/data, in gigabytes",
        "rename all .txt files to .md in notes/ and commit them",
        "disk usage here sorted",
        "xz -d dump.sql.xz",
        "xz -t backup.xz",
        "show me the line count of every python file under src",
        "create a tarball of /etc excluding /etc/ssl",
        "tar up ~/site without ~/site/cache",
        "pack the project without the .git folder into project.tar.gz"})
    void declinesNearMisses(String prompt) {
        Backends.assertDeclines(prompt);
    }
}
