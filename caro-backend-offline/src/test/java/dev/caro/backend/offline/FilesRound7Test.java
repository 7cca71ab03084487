package dev.caro.backend.offline;


import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round 7 of files.intents (set 15's file-side misses, each fixed as a class): two files' checksums
 * side by side, names in any case "below here", every file with its modification time in order, a
 * plain tar of a glob "in this folder", zip exclusions named by a plural ("the pdfs"), real against
 * apparent size, counts in any case, "separately", grep through xz/bzip2/zstd, checksum lists
 * (SHA256SUMS), checksums of a whole tree, rsync to a host with compression, dated copies (into a
 * directory, unquoted like the datasets write them), dated tarballs of system directories as root,
 * "without its top-level folder", each folder's size here, one total for every directory named X.
 * Round 8 (sets 13-14's misses): lines of a compressed file, du to a depth sorted, zip -m, tar -xp
 * (as root when owners are kept), chown -h of a link itself, diff -u of "a vs b", tar -C "without the
 * full path", diff -rq of "dir-a/ and dir-b/", shred "so it cannot be recovered", -nouser.
 */
class FilesRound7Test {

    /** Request => GNU command => BSD command (empty: the same as GNU). */
    private static final String TABLE = """
            are the md5 sums of one.bin and two.bin identical => md5sum one.bin two.bin => md5 one.bin two.bin
            compare the sha1 of old.tar vs new.tar => sha1sum old.tar new.tar => shasum -a 1 old.tar new.tar
            check whether a.iso and b.iso have matching sha512 => sha512sum a.iso b.iso => shasum -a 512 a.iso b.iso
            anything beneath here whose name contains receipt, ignoring case => find . -type f -iname '*receipt*' =>
            every file below this folder with scan in its name, upper or lower case => find . -type f -iname '*scan*' =>
            list every file under /srv with its modification time, oldest first => find /srv -type f -printf '%T+ %p\\n' | sort => find /srv -type f -exec stat -f '%Sm %N' -t '%Y-%m-%dT%H:%M:%S' {} + | sort
            all files in ~/docs with their modification dates, newest first => find ~/docs -type f -printf '%T+ %p\\n' | sort -r => find ~/docs -type f -exec stat -f '%Sm %N' -t '%Y-%m-%dT%H:%M:%S' {} + | sort -r
            put every .csv file in this directory into data.tar with no compression => tar -cf data.tar *.csv =>
            zip the folder site into site.zip excluding the jpgs => zip -r site.zip site -x '*.jpg' =>
            zip up ~/papers into papers.zip but leave out the pdfs => zip -r papers.zip ~/papers -x '*.pdf' =>
            actual disk usage vs apparent size of vm.img => ls -lsh vm.img =>
            how much space does disk.raw really take compared to its apparent size => ls -lsh disk.raw =>
            count the png files under ~/shots, any case => find ~/shots -type f -iname '*.png' | wc -l =>
            how many .mov files are in ~/clips? the names might be upper case => find ~/clips -type f -iname '*.mov' | wc -l =>
            gzip each .log file in /srv/logs separately => gzip /srv/logs/*.log =>
            compress every .csv in exports individually with xz => xz exports/*.csv =>
            bzip2 each .txt file in notes on its own => bzip2 notes/*.txt =>
            grep events.log.zst for timeout => zstdcat events.log.zst | grep timeout =>
            search app.log.xz for 'disk full' => xzcat app.log.xz | grep 'disk full' =>
            look through the bzip2 compressed old.log.bz2 for panic => bzcat old.log.bz2 | grep panic =>
            write md5 sums of all the .tar files here to MD5SUMS => md5sum *.tar > MD5SUMS => md5 -r *.tar > MD5SUMS
            create SHA256SUMS for all the isos => sha256sum *.iso > SHA256SUMS => shasum -a 256 *.iso > SHA256SUMS
            make a SHA256SUMS file for the .deb packages in this folder => sha256sum *.deb > SHA256SUMS => shasum -a 256 *.deb > SHA256SUMS
            create SHA256SUMS covering every file under dist => find dist -type f -exec sha256sum {} + > SHA256SUMS => find dist -type f -exec shasum -a 256 {} + > SHA256SUMS
            sha1 checksum of each file under build recursively => find build -type f -exec sha1sum {} + => find build -type f -exec shasum -a 1 {} +
            md5 of every file in assets, subfolders included => find assets -type f -exec md5sum {} + => find assets -type f -exec md5 -r {} +
            rsync site/ to deploy@web1:/srv/site with compression => rsync -avz site/ deploy@web1:/srv/site/ =>
            push public/ to /var/www on host web3, compressing on the way => rsync -avz public/ web3:/var/www/ =>
            copy the out folder to /opt/app on the server app2 over ssh, only sending what changed, compressed => rsync -avz out/ app2:/opt/app/ =>
            copy /etc/fstab into my home dir with the current date in its name => cp /etc/fstab ~/fstab.$(date +%F) =>
            back up settings.json to ~/saves/ with todays date in the name => cp settings.json ~/saves/settings.json.$(date +%F) =>
            bakup app.ini with todays date added to the name => cp app.ini app.ini.$(date +%F) =>
            make a dated tarball of /var/lib/app => sudo tar -czf app-$(date +%F).tar.gz /var/lib/app =>
            tar.gz of ~/notes with the date in the name => tar -czf notes-$(date +%F).tar.gz -C ~ notes =>
            unpack site.tgz without its top level directory => tar -xzf site.tgz --strip-components=1 =>
            size of each folder here, biggest first => du -h --max-depth=1 | sort -rh => du -h -d 1 | sort -rh
            how much do all the build folders under ~/src take up together => find ~/src -type d -name build -prune -exec du -sch {} + | tail -n 1 => find ~/src -type d -name build -prune -exec du -sk {} + | awk '{s+=$1} END {print s/1024 " MB"}'
            how many lines does access.log.gz have, without unpacking it => zcat access.log.gz | wc -l => gzcat access.log.gz | wc -l
            count the lines of trace.zst without decompressing it to disk => zstdcat trace.zst | wc -l =>
            du of /var two levels deep, biggest first => sudo du -h --max-depth=2 /var | sort -rh => sudo du -h -d 2 /var | sort -rh
            what's eating space in ~/data? one level deep, sorted => du -h --max-depth=1 ~/data | sort -h => du -h -d 1 ~/data | sort -h
            zip all the .csv files into data.zip and remove the originals => zip -m data.zip *.csv =>
            extract backup.tar.gz into /opt/app preserving permissions => tar -xzpf backup.tar.gz -C /opt/app =>
            restore www.tar to /var/www keeping owners and permissions => sudo tar -xpf www.tar -C /var/www =>
            change the ownership of the symlink ./current itself to www-data => sudo chown -h www-data ./current =>
            unified diff of old.conf against new.conf => diff -u old.conf new.conf =>
            archive /srv/www/site into site.tar.gz without the full path => tar -czf site.tar.gz -C /srv/www site =>
            which files differ between build-a/ and build-b/? names only => diff -rq build-a/ build-b/ =>
            shred notes.txt so it can't be recovered => shred -u notes.txt =>
            give b.ini exactly the same permissions as a.ini => chmod --reference=a.ini b.ini => chmod "$(stat -f %Lp a.ini)" b.ini
            files in /data whose owner account no longer exists => find /data -nouser =>
            apparent size of the sparse file disk.qcow2, not the blocks it uses => du -sh --apparent-size disk.qcow2 => du -shA disk.qcow2
            list the contents of site.tar.gz with sizes, don't extract => tar -tvzf site.tar.gz =>
            back up my ~/.bashrc as ~/.bashrc.bak => cp ~/.bashrc ~/.bashrc.bak =>
            bzip2 each txt in drafts, just that folder, not subfolders => bzip2 drafts/*.txt =>
            give ana write access to notes.md using an acl => setfacl -m u:ana:w notes.md => chmod +a "ana allow write" notes.md
            show etc/motd from inside base.tar.gz without extracting anything => tar -xzOf base.tar.gz etc/motd =>
            is there a folder called migrations in this repo? => find . -type d -name migrations =>
            do we have a file named Dockerfile anywhere in this project => find . -type f -name Dockerfile =>
            does app.bin have the sha1 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 => echo '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12  app.bin' | sha1sum -c - => [ "$(shasum -a 1 app.bin | cut -d' ' -f1)" = 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 ] && echo OK || echo MISMATCH
            is the md5 of tool.deb 0cc175b9c0f1b6a831c399e269772661? => echo '0cc175b9c0f1b6a831c399e269772661  tool.deb' | md5sum -c - => [ "$(md5 -q tool.deb)" = 0cc175b9c0f1b6a831c399e269772661 ] && echo OK || echo MISMATCH
            decompress all files ending with .xz in dumps => unxz dumps/*.xz =>
            unzstd everything ending in .zst => unzstd *.zst =>
            symlinks in /opt/bin that point to files which no longer exist => find /opt/bin -xtype l => find /opt/bin -type l ! -exec test -e {} \\; -print
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
        "do a.zip and b.zip have the same size",
        "are the md5 sums of one.bin and two.bin the same as the ones in MD5SUMS",
        "list every file under /opt with its modification time, oldest first, and delete the oldest",
        "zip the folder site into site.zip excluding the jpgs and upload it",
        "gzip each .log file in /var/log/app separately and then email them",
        "grep events.log.zst for timeout and count the matches",
        "rsync site/ to deploy@web1:/srv/site with compression and delete extra files",
        "sync build/ from web2:/srv/app to here with compression",
        "copy /etc/hosts into my home dir with today's date in the name and edit it",
        "sha1 of every file under build except the .map files",
        "how much disk does vm.img use compared to its apparent size on the server",
        "extract backup.tar.gz into /opt/app preserving permissions on the server",
        "zip all the .csv files into data.zip and remove the originals older than a week",
        "change the owner of the symlink ./current itself to www-data recursively",
        "du of /var two levels deep, biggest first, excluding /var/lib",
        "archive /srv/www/site into site.tar.gz without the full path and upload it",
        "unified diff of old.conf against new.conf ignoring whitespace",
        "count the lines of trace.zst and gzip it",
        "is there a file named config.yml anywhere in this project that mentions redis",
        "does setup.exe match the md5 5d41402abc4b2a76b9719d911017c592 on the server",
        "give bob read and write on report.xlsx with an ACL and email him",
        "gunzip everything ending in .gz under logs, recursively"})
    void declinesNearMisses(String prompt) {
        Backends.assertDeclines(prompt);
    }
}
