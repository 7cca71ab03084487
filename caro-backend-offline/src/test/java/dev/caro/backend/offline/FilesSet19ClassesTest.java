package dev.caro.backend.offline;


import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes of file, archive, compression and disk-usage requests that the session-19 tuning sets
 * declined or answered wrongly, in phrasings of our own, with their siblings: the command they
 * render on GNU and BSD, and near misses that must decline. Wrong answers first: "make fix.patch
 * with the differences" put the patch into diff's arguments, "as deploy" was dropped from an rsync
 * target, "./dist up to host:path" read "up" as the source, "no folder paths" lost zip's -j, "sizes
 * too" listed a tarball through zcat, "clean out files" read "out" as an extension. Then tasks that
 * were declined: -xdev ("without crossing filesystems", "on the root filesystem only"), -group,
 * "belong to root", a calendar month, whole days of hours as -mtime, the top entries of a directory,
 * du one level deep, df in gigabytes, members of a tarball, gzip over a tree, a compressed JSON into
 * jq, rsync -u and --ignore-existing, a numbered directory range with a path.
 */
class FilesSet19ClassesTest {

    /** Request => GNU command [|| BSD command, when it differs; "-" when BSD declines]. */
    private static final String TABLE = """
            make changes.diff with the differences between old.txt and new.txt => diff -u old.txt new.txt > changes.diff
            create fix.patch from the differences between a.conf and b.conf => diff -u a.conf b.conf > fix.patch
            sync ./build to /srv/www on 10.0.0.5 as www, compress in transit => rsync -avz ./build/ www@10.0.0.5:/srv/www/
            sync ./public up to deploy@web1:/var/www/site => rsync -avz ./public/ deploy@web1:/var/www/site/
            sync ./out over to /srv/app on web2 as deploy => rsync -avz ./out/ deploy@web2:/srv/app/
            zip the pngs in assets/ into icons.zip without the folder paths => zip -j icons.zip assets/*.png
            zip all the .txt files in notes into notes.zip, no directory paths inside the zip => zip -j notes.zip notes/*.txt
            list what's in logs.tar.bz2 with sizes => tar -tvjf logs.tar.bz2
            show the contents of app.tgz with permissions and owners => tar -tvzf app.tgz
            clear out files in /var/tmp/cache older than 3 days => find /var/tmp/cache -type f -mtime +3 -delete
            clean out files in ~/tmp that are older than 2 weeks => find ~/tmp -type f -mtime +14 -delete
            which files under /var/www changed in the last 48 hours => find /var/www -type f -mtime -2
            anything in ~/Downloads bigger than 500M => find ~/Downloads -type f -size +500M
            everything in /srv over 2G? => find /srv -type f -size +2G
            files in ~/docs modified in july 2023 => find ~/docs -type f -newermt 2023-07-01 ! -newermt 2023-08-01
            everything under ~/notes i edited in december 2024 => find ~/notes -type f -newermt 2024-12-01 ! -newermt 2025-01-01
            files over 500M in /home without crossing filesystems => find /home -xdev -type f -size +500M
            any files over 1G on the root filesystem only? => sudo find / -xdev -type f -size +1G 2>/dev/null
            files bigger than 3G anywhere on the system, dont descend into other mounts => sudo find / -xdev -type f -size +3G 2>/dev/null
            files in /srv/shared that belong to the group www-data => find /srv/shared -type f -group www-data
            find everything in ./app owned by group "staff" => find ./app -group staff
            empty files in /tmp that belong to alice => find /tmp -type f -empty -user alice
            files in ~/Downloads not opened in over 3 months, with their last access time => find ~/Downloads -type f -atime +90 -printf '%a %p\\n' || find ~/Downloads -type f -atime +90 -exec stat -f '%Sa %N' {} +
            top 3 biggest pdfs in ~/Documents => find ~/Documents -type f -name '*.pdf' -exec du -h {} + | sort -rh | head -n 3
            show the symlinks in /etc/alternatives and where they point => find /etc/alternatives -type l -printf '%p -> %l\\n' || find /etc/alternatives -type l -exec ls -l {} +
            what does /usr/bin/java really point to => readlink -f /usr/bin/java
            what's using the most space in /var/cache? top 3 => sudo du -sh /var/cache/* | sort -rh | head -n 3
            whats eating the space in /srv/data, top 10 => sudo du -sh /srv/data/* | sort -rh | head -n 10
            /opt disk usage one level deep => sudo du -h --max-depth=1 /opt || sudo du -h -d 1 /opt
            break down the usage of ~/code two levels deep => du -h --max-depth=2 ~/code || du -h -d 2 ~/code
            df in gigabytes => df -BG || df -g
            disk usage of every mounted filesystem in megabytes => df -BM || df -m
            the journal has gotten huge, how much space does it use => journalctl --disk-usage || -
            how big would access.log be gzipped, without writing a file => gzip -c access.log | wc -c
            gzip every .txt file under ./notes, subfolders too => find ./notes -type f -name '*.txt' -exec gzip {} +
            compress each .csv file in data recursively with xz => find data -type f -name '*.csv' -exec xz {} +
            pipe report.json.gz into jq => gunzip -c report.json.gz | jq .
            decompress events.json.zst straight into jq => zstd -dc events.json.zst | jq .
            stream backup.sql.gz into the mysql database shop => gunzip -c backup.sql.gz | mysql shop
            does site.tar.gz contain an index.html? => tar -tzf site.tar.gz | grep 'index.html'
            check whether backup.tar.xz has any .sql files => tar -tJf backup.tar.xz | grep '\\.sql$'
            unzip theme.zip into ./themes and overwrite existing files => unzip -o theme.zip -d ./themes
            extract dist.zip to /opt/app, replace existing files without asking => unzip -o dist.zip -d /opt/app
            tar and gzip ~/site into site.tgz, skip any *.tmp files => tar -czf site.tgz --exclude='*.tmp' -C ~ site
            put the .csv files from /data/out (not subfolders) into out.tar => tar -cf out.tar /data/out/*.csv
            make reports.tar.gz containing only the .pdf files from ~/reports => tar -czf reports.tar.gz ~/reports/*.pdf
            I only need src/main.c out of code.tar.gz => tar -xzf code.tar.gz src/main.c
            empty app.log without deleting it, the service still has it open => truncate -s 0 app.log || : > app.log
            copy only new or modified files from docs/ to /mnt/backup/docs => rsync -au docs/ /mnt/backup/docs/
            copy everything from /media/cam to ~/photos with progress, skip files that already exist => rsync -av --progress --ignore-existing /media/cam/ ~/photos/
            copy everything from /mnt/usb to ~/usb with a progress bar, skipping files that are already there => rsync -av --progress --ignore-existing /mnt/usb/ ~/usb/
            create directories logs/2025/01 through logs/2025/12 => mkdir -p logs/2025/{01..12}
            back up only the .yml files from /etc/app into ~/yml-backup, keeping the directory structure => rsync -a --include='*/' --include='*.yml' --exclude='*' /etc/app/ ~/yml-backup/
            um, what's using the most room in /srv/media? top 4 => sudo du -sh /srv/media/* | sort -rh | head -n 4
            where did i put settings.json? somewhere in ~/work => find ~/work -name settings.json
            where have i saved notes.md? somewhere under ~/docs => find ~/docs -name notes.md
            I need the pdf files in ~/scans that are older than 60 days and larger than 5 MB => find ~/scans -type f -name '*.pdf' -size +5M -mtime +60
            we want the log files in /srv/app modified in the last 2 days => find /srv/app -type f -name '*.log' -mtime -2
            search ~/media for files with holiday in the name, but don't go deeper than 3 levels => find ~/media -maxdepth 3 -type f -name '*holiday*'
            tar build/ up with zstd => tar --zstd -cf build.tar.zst build
            show me .db files here that are newer than migrate.sql => find . -type f -name '*.db' -newer migrate.sql
            .json files in ./cache newer than index.html => find ./cache -type f -name '*.json' -newer index.html
            .tmp or .swp files under /srv/app that nobody has opened in 45 days => find /srv/app -type f \\( -name '*.tmp' -o -name '*.swp' \\) -atime +45
            pdf files in ~/docs no one opened in 90 days => find ~/docs -type f -name '*.pdf' -atime +90
            make a timestamped backup copy of haproxy.cfg before I change it => cp -p haproxy.cfg haproxy.cfg.$(date +%Y%m%d-%H%M%S)
            timestamped copy of app.ini please => cp -p app.ini app.ini.$(date +%Y%m%d-%H%M%S)
            gzip db.sql and split the result into 50MB pieces => gzip -c db.sql | split -b 50M - db.sql.gz.part_
            compress disk.img with xz and split it into 2G chunks => xz -c disk.img | split -b 2G - disk.img.xz.part_
            make folders 01 to 12 => mkdir {01..12}
            create directories 1 through 5 => mkdir {1..5}
            what did i modify in january 2025 in ~/work => find ~/work -type f -newermt 2025-01-01 ! -newermt 2025-02-01
            zip up all the jpgs in photos/ into pics.zip with no directories => zip -j pics.zip photos/*.jpg
            list only the .py files in tools.tgz => tar -tzf tools.tgz | grep '\\.py$'
            which .md files are in docs.tar.xz => tar -tJf docs.tar.xz | grep '\\.md$'
            any .conf files inside etc-backup.tar.gz? => tar -tzf etc-backup.tar.gz | grep '\\.conf$'
            """;

    static Stream<Arguments> table() {
        return Backends.gnuOrBsdRows(TABLE);
    }

    @ParameterizedTest
    @MethodSource("table")
    void rendersGnuAndBsd(String prompt, String gnu, String bsd) {
        Backends.assertRenders(prompt, gnu, bsd);
    }

    /** Near misses: a detail the command would leave out, or a different task. */
    @ParameterizedTest
    @ValueSource(strings = {
        "make fix.patch with the differences between a.txt and b.txt, ignoring whitespace",
        "sync ./dist to /var/www/app on web1 as deploy and delete extra files",
        "copy only new files from src/ to /backup/src and delete the rest",
        "gzip every .log file under ./logs but keep the originals",
        "create directories logs/2025/01 through logs/2025/12 with a README in each",
        "disk usage for all mounts in gigabytes, only ext4",
        "unzip site.zip into /var/www/html, overwrite existing files except config.php",
        "does backup.tar contain any .conf files? extract them to /tmp",
        "whats eating the space in /var/log, top 5, skip the journal",
        "files over 1G on the root filesystem owned by the group adm and bob",
        "load dump.sql.xz into mysql",
        "tar and gzip ~/work into work.tgz, skip any *.log files bigger than 1M",
        "um, what's taking the most room in /var/log? top 5, only files",
        "where did i put the key for the server room",
        "search ~/media for files with holiday in the name, but don't go deeper than 3 levels, and delete them",
        "tar build/ up with zstd, level 19",
        "gzip db.sql and split the result into 50MB pieces, keep them in /tmp",
        "make a timestamped backup copy of haproxy.cfg in /root",
        "what did i change in feb 2023",
        "delete files modified in march 2024",
        "gzip all .log files under ./logs except today's",
        ".py files in tools.tgz and their sizes"})
    void declinesNearMisses(String prompt) {
        Backends.assertDeclines(prompt);
    }
}
