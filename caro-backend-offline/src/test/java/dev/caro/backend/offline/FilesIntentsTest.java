package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.context.ExecutionContext;
import dev.caro.core.eval.CaseResult;
import dev.caro.core.eval.DatasetReader;
import dev.caro.core.eval.EvalCase;
import dev.caro.core.eval.EvalReport;
import dev.caro.core.eval.EvalRunner;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The intents of files.intents: everyday file, disk, permission, archive and checksum tasks. */
class FilesIntentsTest {

    /** Request => GNU command. */
    private static final String GNU_TABLE = """
            find files with 777 permissions => find . -type f -perm 777
            list suid files => find / -type f -perm -4000 2>/dev/null
            which symlinks point to nothing => find . -xtype l
            find files nobody has opened for the last 90 days => find . -type f -atime +90
            show the five smallest files under here => find . -type f -printf '%s %p\\n' | sort -n | head -n 5
            python files directly in src, not in subdirectories => find src -maxdepth 1 -type f -name '*.py'
            find files at least 2 levels deep => find . -mindepth 2 -type f
            find readme.md in any capitalisation => find . -iname readme.md
            find files newer than config.yaml => find . -type f -newer config.yaml
            which files are owned by group www-data => find . -type f -group www-data
            find files modified between 2026-01-01 and 2026-02-01 => find . -type f -newermt 2026-01-01 ! -newermt 2026-02-01
            disk usage of / without crossing filesystems => du -shx /
            apparent size of sparse.img => du -sh --apparent-size sparse.img
            copy notes.txt to backup/ without overwriting => cp -n notes.txt backup
            rename all .txt files to .md => for f in *.txt; do mv -- "$f" "${f%.txt}.md"; done
            make a .bak copy of every .conf file => for f in *.conf; do cp -- "$f" "$f.bak"; done
            which files differ between dir1 and dir2 folders => diff -rq dir1 dir2
            where does the symlink /usr/bin/python point => readlink -f /usr/bin/python
            empty the file app.log => truncate -s 0 app.log
            give the group write access to shared recursively => chmod -R g+w shared
            give user alice read and write access to report.txt with an acl => setfacl -m u:alice:rw report.txt
            append notes.txt to the archive backup.tar => tar -rf backup.tar notes.txt
            extract release.tar.gz without the top level folder => tar -xzf release.tar.gz --strip-components=1
            print config.json from inside bundle.zip => unzip -p bundle.zip config.json
            compress big.img with zstd using all cores => zstd -T0 big.img
            decompress data.zst and delete the original => zstd -d --rm data.zst
            show the contents of app.log.xz without decompressing it => xzcat app.log.xz
            sha256 checksums of every file recursively into checksums.txt => find . -type f -exec sha256sum {} + > checksums.txt
            find all node_modules directories under ~/code => find ~/code -type d -name node_modules
            find files with draft in the name => find . -type f -name '*draft*'
            search src for names containing todo, upper or lower case => find src -iname '*todo*'
            find httpd.conf anywhere on the system, hide permission denied errors => find / -name httpd.conf 2>/dev/null
            files bigger than 500MB anywhere on this machine, suppress errors => find / -type f -size +500M 2>/dev/null
            which files in ./build havent been modified in over 30 days => find ./build -type f -mtime +30
            find pdfs bigger than 2MB in ~/Documents => find ~/Documents -type f -size +2M -name '*.pdf'
            hidden files and folders directly in ~/work => find ~/work -mindepth 1 -maxdepth 1 -name '.*'
            how big is each folder in ~/data, sorted from small to large => du -sh -- ~/data/*/ | sort -h
            how much room is left on the disk mounted at /data => df -h /data
            df, only ext4 => df -h -t ext4
            tar a.txt, b.txt and docs into bundle.tar.gz => tar -czf bundle.tar.gz a.txt b.txt docs
            make site.tar.bz2 containing index.html, style.css and the img folder => tar -cjf site.tar.bz2 index.html style.css img
            tar up ~/conf/*.conf into confs.tar.gz => tar -czf confs.tar.gz ~/conf/*.conf
            make pics.tar.gz out of all the jpg files here => tar -czf pics.tar.gz *.jpg
            add the images folder to photos.zip => zip -r photos.zip images
            zip up docs as docs.zip, leave out .tmp and .bak files => zip -r docs.zip docs -x '*.tmp' '*.bak'
            i just need notes.txt from backup.zip, extract only that => unzip backup.zip notes.txt
            gunzip all .gz files in /var/log/old => gunzip /var/log/old/*.gz
            gzip each .log file here but keep the originals => gzip -k *.log
            xz compress all the .sql files in dumps/ => xz dumps/*.sql
            last 50 lines of app.log.xz => xzcat app.log.xz | tail -n 50
            move every .jpg from ~/Downloads to ~/Pictures => mv ~/Downloads/*.jpg ~/Pictures/
            copy the pdf files from Documents into ~/backup => cp ~/Documents/*.pdf ~/backup/
            move the mp4 videos from Desktop to Videos => mv ~/Desktop/*.mp4 ~/Videos/
            copy all the .txt files from notes to backup => cp notes/*.txt backup/
            mv *.log to /tmp/old => mv *.log /tmp/old/
            make a backup copy of app.conf called app.conf.orig => cp app.conf app.conf.orig
            make a .bak copy of settings.py => cp settings.py settings.py.bak
            download the folder /srv/www from host web1 into ~/backup => scp -r web1:/srv/www ~/backup
            copy /etc/nginx/nginx.conf from server proxy1 to the current directory => scp proxy1:/etc/nginx/nginx.conf .
            copy ~/work to /mnt/ext with a progress bar, skipping node_modules => rsync -av --progress --exclude=node_modules ~/work /mnt/ext/
            mirror src/ to dst/ => rsync -a src/ dst/
            where does the link current really lead => readlink -f current
            hexdump the first 512 bytes of disk.img => xxd -l 512 disk.img
            create a hard link called b.txt to a.txt => ln a.txt b.txt
            set the files in www to 755 => find www -type f -exec chmod 755 {} +
            make every file in site 644 but leave the directories alone => find site -type f -exec chmod 644 {} +
            create the directory tree x/y/z => mkdir -p x/y/z
            unpack site.tar.gz and drop the top-level directory inside it => tar -xzf site.tar.gz --strip-components=1
            node_modules folders under ~/dev? => find ~/dev -type d -name node_modules
            name contains final, ignore case => find . -iname '*final*'
            df /var => df -h /var
            archive *.log into logs.tar.gz => tar -czf logs.tar.gz *.log
            first 32 bytes of key.bin in hexadecimal => xxd -l 32 key.bin
            chmod 600 all files in ~/.ssh but not the directory => find ~/.ssh -type f -exec chmod 600 {} +
            who owns /etc/shadow and what are its permissions? => ls -l /etc/shadow
            make root the owner of everything under /opt/tools but dont change the group => sudo chown -R root /opt/tools
            set the sticky bit on /shared/tmp so people can only delete their own files => sudo chmod +t /shared/tmp
            look for files that have invoice in their name => find . -type f -name '*invoice*'
            i need everything under ~/Pictures whose name has holiday in it, any capitalization => find ~/Pictures -iname '*holiday*'
            find pom.xml across the entire filesystem but dont show permission errors => find / -name pom.xml 2>/dev/null
            is /mnt/photos almost full? => df -h /mnt/photos
            only show nfs mounts in df => df -h -t nfs
            compress all .json files in data/ with xz => xz data/*.json
            mp4s larger than 1GB under ~/Videos => find ~/Videos -type f -size +1G -name '*.mp4'
            copy all .sh scripts from ~/bin to ~/backup/bin => cp ~/bin/*.sh ~/backup/bin/
            resolve ../shared/lib to an absolute path => readlink -f ../shared/lib
            files under /data that no one has read in over 60 days => find /data -type f -atime +60
            which files in ~/archive have not been accessed for more than a year => find ~/archive -type f -atime +365
            files accessed in the last 2 days in /tmp => find /tmp -type f -atime -2
            .h and .c files in src => find src -type f \\( -name '*.h' -o -name '*.c' \\)
            .tmp or .swp files in this folder => find . -type f \\( -name '*.tmp' -o -name '*.swp' \\)
            files changed more recently than the Makefile => find . -type f -newer Makefile
            anything in src edited since last.stamp was touched => find src -type f -newer last.stamp
            what changed in src since build.stamp was last modified => find src -type f -newer build.stamp
            find all setuid files on the system, no permission errors => sudo find / -type f -perm -4000 2>/dev/null
            list world-writable files across the whole system without showing permission errors => find / -type f -perm -0002 2>/dev/null
            how much do all the target folders in ~/src weigh together => find ~/src -type d -name target -prune -exec du -sch {} + | tail -n 1
            combined size of every .git directory under ~/projects => find ~/projects -type d -name .git -prune -exec du -sch {} + | tail -n 1
            size of each node_modules folder under ~/code => find ~/code -type d -name node_modules -prune -exec du -sh {} +
            filesystems more than 90% full => df -h | awk 'NR>1 && $5+0 > 90'
            which disks are over 75 percent used? => df -h | awk 'NR>1 && $5+0 > 75'
            list filesystems that are at least 70 percent used => df -h | awk 'NR>1 && $5+0 >= 70'
            how big is the apt cache => du -sh /var/cache/apt
            whats the size of the yum cache => du -sh /var/cache/yum
            how much space is the npm cache taking => du -sh ~/.npm
            how much space does the maven repository take => du -sh ~/.m2/repository
            how much disk space is docker using => docker system df
            total size of all .log files in logs => du -ch -- logs/*.log | tail -n 1
            zip all the .log files here into logs.zip => zip logs.zip *.log
            make photos.zip from all the jpg files in ~/Pictures => zip photos.zip ~/Pictures/*.jpg
            add readme.md to the existing tarball release.tar => tar -rf release.tar readme.md
            cat app/config.yml out of release.tar => tar -xOf release.tar app/config.yml
            show me what config/app.ini contains inside deploy.tar.bz2 => tar -xjOf deploy.tar.bz2 config/app.ini
            tar.gz of ~/notes with todays date in the name => tar -czf notes-$(date +%F).tar.gz -C ~ notes
            back up /etc into a dated tarball => sudo tar -czf etc-$(date +%F).tar.gz /etc
            create a backup archive of the src folder named with the current date => tar -czf src-$(date +%F).tar.gz src
            extract go.tar.gz into /opt/go and drop the top level directory => tar -xzf go.tar.gz -C /opt/go --strip-components=1
            unpack logs.tar.xz into the current directory => tar -xJf logs.tar.xz
            untar data.tar in this directory => tar -xf data.tar
            extract only the jpg files from photos.zip => unzip photos.zip '*.jpg'
            extract the .png files from icons.zip into assets => unzip icons.zip '*.png' -d assets
            get the pdfs out of papers.zip => unzip papers.zip '*.pdf'
            compress .log files older than 30 days in /var/log/app with gzip => find /var/log/app -type f -name '*.log' -mtime +30 -exec gzip {} +
            gzip the csv files in exports that are more than a week old => find exports -type f -name '*.csv' -mtime +7 -exec gzip {} +
            xz all .log files older than 60 days in /srv/logs => find /srv/logs -type f -name '*.log' -mtime +60 -exec xz {} +
            how large is dump.sql.xz when decompressed => xz -l dump.sql.xz
            whats the uncompressed size of backup.tar.gz => gzip -l backup.tar.gz
            check the compression ratio of stats.gz => gzip -lv stats.gz
            gzip every .json file here at level 1 => gzip -1 *.json
            gzip -9 all the .sql files => gzip -9 *.sql
            compress each .log file in logs/ with gzip -9 => gzip -9 logs/*.log
            compress db.dump with gzip as fast as possible => gzip -1 db.dump
            xz compress disk.img at level 9 => xz -9 disk.img
            xz -9 huge.tar => xz -9 huge.tar
            sha256 checksums for all the .tar.gz files in releases recursively => find releases -type f -name '*.tar.gz' -exec sha256sum {} +
            check checksums.md5 quietly, printing just mismatches => md5sum -c --quiet checksums.md5
            one hash for the whole config directory => find config -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum
            a single md5 hash of everything in ~/photos => find ~/photos -type f -print0 | sort -z | xargs -0 md5sum | md5sum
            copy a.conf to b.conf unless b.conf already exists => cp -n a.conf b.conf
            copy data.db to backup.db but dont overwrite it if its there => cp -n data.db backup.db
            copy app.ini to app.ini.bak if app.ini.bak doesnt exist => cp -n app.ini app.ini.bak
            download /etc/hosts from server db1 as user admin into this folder => scp admin@db1:/etc/hosts .
            download ~/notes.txt from laptop2 (login ana) into ~/tmp => scp ana@laptop2:~/notes.txt ~/tmp
            make a patch of the changes between orig.txt and new.txt called changes.patch => diff -u orig.txt new.txt > changes.patch
            diff -u main.c main.c.new into main.patch => diff -u main.c main.c.new > main.patch
            apply fix.patch to server.py => patch server.py < fix.patch
            copy all of src/ including dotfiles into backup/ => cp -a src/. backup/
            make report.pdf read-only for all users => chmod a-w report.pdf
            rename 'Annual Report.pdf' to annual-report.pdf => mv 'Annual Report.pdf' annual-report.pdf
            copy "my notes.txt" to notes-backup.txt => cp 'my notes.txt' notes-backup.txt
            rename the folder "old stuff" to archive => mv 'old stuff' archive
            find files with spaces in their names => find . -type f -name '* *'
            list the named pipes under /run => find /run -type p
            find socket files in /var/run => find /var/run -type s
            files in /srv that have no valid group => find /srv -nogroup
            how many files are in archive.tar.gz => tar -tzf archive.tar.gz | wc -l
            count the entries in bundle.zip => unzip -Z1 bundle.zip | wc -l
            delete old.txt from archive.zip => zip -d archive.zip old.txt
            create backup.tar.gz from the files listed in files.txt => tar -czf backup.tar.gz -T files.txt
            create a 7z archive of the docs folder => 7z a docs.7z docs
            zip the project folder with maximum compression into project.zip => zip -9 -r project.zip project
            decompress notes.txt.gz and keep the .gz file => gunzip -k notes.txt.gz
            gzip big.csv to stdout and keep the original => gzip -c big.csv > big.csv.gz
            recompress logs.gz as xz => zcat logs.gz | xz > logs.xz
            test all the .gz files in this folder for corruption => gzip -t *.gz
            copy the .txt files to backup/ only if they are newer => cp -u *.txt backup/
            make a copy of config.yml with todays date appended => cp config.yml config.yml.$(date +%F)
            add the prefix old_ to every .jpg file => for f in *.jpg; do mv -- "$f" "old_$f"; done
            make all .sh files under scripts executable => find scripts -type f -name '*.sh' -exec chmod +x {} +
            remove the execute bit from every file in docs but not the folders => find docs -type f -exec chmod a-x {} +
            which files in /etc were modified after 2025-01-01 => find /etc -type f -newermt 2025-01-01
            show disk usage of every file and folder in /opt including hidden ones => du -sh /opt/* /opt/.[!.]*
            how much free space does the current directory's filesystem have => df -h .
            how full is my home partition => df -h ~
            .o and .a files under ./build => find ./build -type f \\( -name '*.o' -o -name '*.a' \\)
            .h, .c or .s files in src => find src -type f \\( -name '*.h' -o -name '*.c' -o -name '*.s' \\)
            which volumes are above 90%? => df -h | awk 'NR>1 && $5+0 > 90'
            df filter: over 50% used => df -h | awk 'NR>1 && $5+0 > 50'
            tar -r notes.md onto journal.tar => tar -rf journal.tar notes.md
            a tarball of ~/dotfiles with the date in the filename => tar -czf dotfiles-$(date +%F).tar.gz -C ~ dotfiles
            back up ~/mail as a tarball with the date in the name, like mail-2026-01-31.tar.gz => tar -czf mail-$(date +%F).tar.gz -C ~ mail
            gzip logs older than 10 days in /var/log/nginx => find /var/log/nginx -name '*.log' -type f -mtime +10 -exec gzip {} +
            copy template.env to .env but don't clobber an existing one => cp -n template.env .env
            grab /home/deploy/app.log from web3 as deploy into the current folder => scp deploy@web3:/home/deploy/app.log .
            fingerprint the whole src tree with one sha256 => find src -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum
            print package.json from release.tgz => tar -xzOf release.tgz package.json
            show disk usage including hidden files, sorted by size => du -sh ./* ./.[!.]* | sort -h
            gzip all .txt files older than 3 days but keep the originals => find . -type f -name '*.txt' -mtime +3 -exec gzip -k {} +
            find .log and .txt files bigger than 1M => find . -type f \\( -name '*.log' -o -name '*.txt' \\) -size +1M
            one sha1 for all files in config => find config -type f -print0 | sort -z | xargs -0 sha1sum | sha1sum
            dump var/log/x.log from img.tar to stdout without writing to disk => tar -xOf img.tar var/log/x.log
            verify app.sha256 and only show the failures => sha256sum -c --quiet app.sha256
            setuid programs under /usr/local/bin => find /usr/local/bin -type f -perm -4000
            bzip2 video.mov at the best compression, keep the original => bzip2 -k -9 video.mov
            compress dump.sql with bzip2 as tight as possible => bzip2 -9 dump.sql
            bzip2 -9 notes.txt => bzip2 -9 notes.txt
            print the CRC checksum and byte count of package.deb => cksum package.deb
            crc and size of firmware.bin => cksum firmware.bin
            unzip "Holiday Photos.zip" quietly and overwrite anything that already exists => unzip -o -q 'Holiday Photos.zip'
            extract site.zip silently, overwriting existing files => unzip -o -q site.zip
            how many gigabytes are free on /home => df -h /home
            find every __pycache__ directory below here => find . -type d -name __pycache__
            list the node_modules folders beneath here => find . -type d -name node_modules
            show the hidden files in my home folder, files only => find ~ -maxdepth 1 -type f -name '.*'
            find hidden files (no directories) in my home directory => find ~ -maxdepth 1 -type f -name '.*'
            find hidden files anywhere under my home, files only => find ~ -type f -name '.*'
            find hidden files in my home dir recursively, not folders => find ~ -type f -name '.*'
            """;

    /** Request => GNU command => BSD command. */
    private static final String BSD_TABLE = """
            list dangling symbolic links here => find . -xtype l => find . -type l ! -exec test -e {} \\; -print
            how much space is free on /home in GB => df -BG /home => df -g /home
            size of report.pdf in bytes => stat -c %s report.pdf => stat -f %z report.pdf
            extract data.tar.zst => tar --zstd -xf data.tar.zst => tar -xf data.tar.zst
            remove all ACLs from report.txt => setfacl -b report.txt => chmod -N report.txt
            compute the sha384 hash of image.iso => sha384sum image.iso => shasum -a 384 image.iso
            give b.txt the same permissions as a.txt => chmod --reference=a.txt b.txt => chmod "$(stat -f %Lp a.txt)" b.txt
            which folders in /srv are bigger than 2G => sudo du -sh --threshold=2G /srv/*/ => sudo du -sk /srv/*/ | awk '$1 > 2 * 1048576'
            free space on every filesystem except tmpfs => df -h -x tmpfs => df -h -t notmpfs
            tar *.log into logs.tar.gz and delete the logs => tar -czf logs.tar.gz --remove-files *.log => tar -czf logs.tar.gz *.log && rm -- *.log
            how much space do the venv folders under ~/py use in total => find ~/py -type d -name venv -prune -exec du -sch {} + | tail -n 1 => find ~/py -type d -name venv -prune -exec du -sk {} + | awk '{s+=$1} END {print s/1024 " MB"}'
            how much room does my trash take => du -sh ~/.local/share/Trash => du -sh ~/.Trash
            size of my pip cache => du -sh ~/.cache/pip => du -sh ~/Library/Caches/pip
            how big is the apt package cache => du -sh /var/cache/apt => 
            md5 of every .iso file under ~/isos => find ~/isos -type f -name '*.iso' -exec md5sum {} + => find ~/isos -type f -name '*.iso' -exec md5 -r {} +
            let user dana read and write plan.txt through an acl => setfacl -m u:dana:rw plan.txt => chmod +a "dana allow read,write" plan.txt
            check the sha1 sums in SHA1SUMS, show only failures => sha1sum -c --quiet SHA1SUMS => shasum -a 1 -c --quiet SHA1SUMS
            check SHA256SUMS ignoring files that are missing => sha256sum -c --ignore-missing SHA256SUMS => shasum -a 256 -c --ignore-missing SHA256SUMS
            one sha256 for the entire build directory => find build -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum => find build -type f -print0 | sort -z | xargs -0 shasum -a 256 | shasum -a 256
            move everything in downloads/ to archive/, hidden files too => find downloads -mindepth 1 -maxdepth 1 -exec mv -t archive/ {} + => find downloads -mindepth 1 -maxdepth 1 -exec mv {} archive/ \\;
            move all files from tmp/ into out/, including dotfiles => find tmp -mindepth 1 -maxdepth 1 -exec mv -t out/ {} + => find tmp -mindepth 1 -maxdepth 1 -exec mv {} out/ \\;
            make /etc/hosts immutable => sudo chattr +i /etc/hosts => sudo chflags schg /etc/hosts
            lock /etc/sudoers so even root cant change it (immutable) => sudo chattr +i /etc/sudoers => sudo chflags schg /etc/sudoers
            make /etc/hosts mutable again => sudo chattr -i /etc/hosts => sudo chflags noschg /etc/hosts
            is /etc/resolv.conf immutable? => lsattr /etc/resolv.conf => ls -lO /etc/resolv.conf
            list the xattrs of photo.jpg => getfattr -d photo.jpg => xattr -l photo.jpg
            move files older than 30 days from inbox to old-mail => find inbox -type f -mtime +30 -exec mv -t old-mail/ {} + => find inbox -type f -mtime +30 -exec mv {} old-mail/ \\;
            copy all .pdf files modified in the last 7 days to ~/recent => find . -type f -name '*.pdf' -mtime -7 -exec cp -t ~/recent/ {} + => find . -type f -name '*.pdf' -mtime -7 -exec cp {} ~/recent/ \\;
            remove draft.md from docs.tar => tar --delete -f docs.tar draft.md => 
            what's the single largest file in /var/log? => find /var/log -type f -printf '%s %p\\n' | sort -nr | head -n 1 => find /var/log -type f -exec stat -f '%z %N' {} + | sort -nr | head -n 1
            biggest file in ~/Downloads => find ~/Downloads -type f -printf '%s %p\\n' | sort -nr | head -n 1 => find ~/Downloads -type f -exec stat -f '%z %N' {} + | sort -nr | head -n 1
            which is the largest single file under /srv => find /srv -type f -printf '%s %p\\n' | sort -nr | head -n 1 => find /srv -type f -exec stat -f '%z %N' {} + | sort -nr | head -n 1
            make a 500 MB file of random data called random.bin => head -c 500M /dev/urandom > random.bin => dd if=/dev/urandom of=random.bin bs=1m count=500
            generate a 10mb file filled with random bytes named noise.dat => head -c 10M /dev/urandom > noise.dat => dd if=/dev/urandom of=noise.dat bs=1m count=10
            write 2 GB of random data to disk.img => head -c 2G /dev/urandom > disk.img => dd if=/dev/urandom of=disk.img bs=1g count=2
            recompress access.log.gz to xz => zcat access.log.gz | xz > access.log.xz => gzcat access.log.gz | xz > access.log.xz
            """;

    static Stream<Arguments> gnuTable() {
        return GNU_TABLE.lines().map(l -> Arguments.of((Object[]) l.split(" => ")));
    }

    static Stream<Arguments> bsdTable() {
        return BSD_TABLE.lines().map(l -> Arguments.of((Object[]) l.split(" => ?", 3)));
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

    /**
     * The files set (nl2cmd-files-extra.jsonl: written for these intents, so tuned on) must keep the
     * figures it has now: the floors sit just under the measured accuracy and precision.
     */
    @ParameterizedTest
    @CsvSource({"gnu, 0.98, 0.99", "bsd, 0.97, 0.99"})
    void filesSetHoldsItsFloors(String userland, double minAccuracy, double minPrecision) throws Exception {
        String dataset = "nl2cmd-files-extra.jsonl";
        List<EvalCase> cases;
        try (Reader r = new InputStreamReader(FilesIntentsTest.class.getResourceAsStream(dataset),
                StandardCharsets.UTF_8)) {
            cases = DatasetReader.read(r, dataset);
        }
        ExecutionContext context = userland.equals("bsd") ? Backends.BSD : Backends.GNU;
        EvalReport report = new EvalRunner(new OfflineBackend(Catalog.load(FilesIntentsTest.class.getClassLoader())),
                context, c -> Optional.empty(), Optional.empty(), Duration.ofSeconds(5))
                .run(dataset, OfflineBackendProvider.ID, cases);
        System.out.printf(java.util.Locale.ROOT, "%s (%s): accuracy %.3f, precision %.3f%n", dataset, userland,
                report.accuracy(), report.precision());
        assertTrue(report.accuracy() >= minAccuracy, dataset + " accuracy " + report.accuracy() + "; wrong: "
                + report.wrong().stream().map(CaseResult::answer).toList());
        assertTrue(report.precision() >= minPrecision, dataset + " precision " + report.precision() + "; wrong: "
                + report.wrong().stream().map(CaseResult::answer).toList());
        assertTrue(report.results().stream().noneMatch(r -> r.evalCase().expectsDecline() && r.answered()),
                "answered requests that should be declined");
    }

    /** Near misses: the task is close to one of these intents but adds something the command would not do. */
    @ParameterizedTest
    @ValueSource(strings = {
        "find files with 777 permissions and email them to me",
        "make config.yaml read-only for the web server only",
        "compress big.img with zstd and upload it",
        "securely delete the whole disk",
        "copy notes.txt to backup/ without overwriting and encrypt it",
        "set the permissions of every file to 777 and find the setuid ones",
        "append notes.txt to backup.tar.gz",
        "delete every node_modules directory under ~/code older than a month",
        "find files with draft in the name and rename them",
        "free space on /mnt/backup in a month",
        "tar a.txt, b.txt and docs into bundle.tar.gz and upload it",
        "add notes.txt to bundle.zip and email it",
        "extract config.yml from bundle.zip on the server",
        "decompress all the .gz files here and delete the ones older than a week",
        "copy the /var/log/app folder from server web2 to ./logs and delete it on the server",
        "hexdump the first 512 bytes of disk.img and patch them",
        "extract data.tar.zst on a remote host",
        "decompress backup.tar.zst on the server",
        "find big files anywhere, hide errors",
        "gzip all the .csv files here and upload them",
        "move the .mp3 files from ~/Downloads into ~/Music and rename them",
        "gunzip *.gz and grep for error",
        "df /var every 5 seconds",
        "move all the .png files from screenshots to archive if they are older than a week",
        "chown everything in /srv/app to deploy recursively and restart nginx",
        "what are the biggest folders here, smallest first",
        "zip up the src folder into code.zip excluding .class files and encrypt it",
        "is /mnt/photos almost full? email me if so",
        "tar a.txt and b.txt into ab.tar.gz on the server",
        "hexdump the last 64 bytes of boot.img",
        "scp the folder /srv/www from web1 to here using port 2222",
        "zip every .md file here into notes.zip and upload it",
        "gzip all the log files older than 30 days and then delete them",
        "make a dated backup of ~/projects and copy it to the server",
        "make /etc/hosts immutable on web1",
        "extract the .png files from icons.zip and resize them",
        "move everything in downloads/ to archive/ except hidden files",
        "check SHA256SUMS and delete the files that fail",
        "filesystems more than 90% full on every server",
        "move everything from build/ into dist/ including hidden files and then delete build",
        "show the first line of every file inside release.tar",
        "find files with spaces in their names and rename them",
        "delete old.txt from archive.zip on the server",
        "how many lines are in the files inside archive.tar.gz",
        "create a 7z archive of the docs folder with a password",
        "move files older than 30 days from inbox to old-mail and delete the rest",
        "make all .sh files under scripts executable for the owner only",
        "gzip logs older than 10 days in /var/log/nginx on all servers",
        "verify MD5SUMS and fix the failures",
        "make data.csv read-only for every user except root",
        "which disks are over 90% full on every host",
        "total size of every node_modules folder, sorted",
        "df -h for filesystems over 80% full, excluding tmpfs",
        "make /etc/hosts immutable and then edit it",
        "move app.log to /tmp if it is bigger than 1G",
        "zip all the .log files here into logs.zip except error.log",
        "print etc/hosts from rootfs.tar.gz with line numbers",
        "make a random 500 MB file of text lines called lorem.txt",
        "the largest file in each folder under /srv",
        "bzip2 the logs at the best compression and email them",
        "unzip site.zip quietly into /var/www and overwrite everything there"})
    void declinesNearMisses(String prompt) {
        Backends.assertDeclines(prompt);
    }
}
