package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes of everyday requests that blind set 19 declined (session 18), in phrasings of our own:
 * files whose owner no longer exists, the N oldest files, sizes "directly inside" a folder or
 * "leaving out" a subfolder, inodes left on the root filesystem, gunzip keeping the .gz, paging
 * through a compressed file, processes that "belong to" a user, a program run at the lowest
 * priority, a bearer-token request that "authenticates", "give X ownership", taking the
 * world-write bit off files, unstaged changes, the files of the last N commits, PATH "for good",
 * "exactly the same", and a command kept showing at an interval. Then near misses that must
 * decline, among them "the world write permission from the files in DIR", which had been a chmod
 * of the directory alone. Two wrong answers found on the way: a hyphenated name after "named"
 * or "called" also searched for its first part ({@code -name docker-compose.yml -o -name docker}),
 * and a folder ending in a plural extension ({@code ~/docs}) added {@code -name '*.doc'}; the
 * checksums of "every .deb in ./pkgs" were those of the current directory's. Then set 16 and
 * 17's declines of the same kind: a process "stuck" on a port, the stash "I just made", pausing
 * "without killing", lines with neither of two words, folders "directly inside", EDITOR "for this
 * session", watch highlighting changes, sizes in megabytes "using", files "with 777 permissions",
 * "the existing branch", the last N journal entries; copying "the X folder" keeping permissions,
 * every process "highest first", "give DIR to USER" recursively, PATH "at the front", a user's
 * processes "with their full commands"; and "user and"/"user with" are no user named "and".
 * Three more wrong answers: "convert all the .png images to .jpg" listed the images ("convert"
 * was a harmless word everywhere), "touch all the .txt files" listed them, and "upload report.pdf
 * to https://..." was an scp to the URL; "run script.sh in the background" ran whatever
 * script.sh PATH finds, not the one here (now ./script.sh); "list the contents of image.iso"
 * searched for a file of that name, and "list everything in ~ including hidden files" searched
 * the home folder for the word "hidden". Plain listings of a folder ("list files in ~/Downloads",
 * "what's in /etc/nginx") had no intent at all. And: "the 2nd to last line" was the last line,
 * "lines with an IP address" printed the addresses alone, ".txt files in each folder" counted
 * them all together, and a folder's usage "sorted" was its one total. "kill the process using the
 * most cpu" listed the processes: "kill", named by many process intents, counted as explained for
 * all of them; verbs that change something no longer count for a whole category. "set 755 on all
 * directories and 644 on all files in DIR" made every file 755 (the files-only intent took the
 * first mode); it declines two modes, and the dirs-and-files intent reads "MODE on directories".
 */
class Set19DeclineClassesTest {

    /** Request => GNU command [|| BSD command, when it differs; "-" when BSD declines]. */
    private static final String TABLE = """
            which files here have no owner account any more => find . -nouser
            list files under /srv that belong to no user => find /srv -nouser
            find files in /opt that don't belong to any valid user => find /opt -nouser
            the 5 oldest files in ~/Downloads => ls -tr ~/Downloads | head -n 5
            oldest 3 entries in /var/log => ls -tr /var/log | head -n 3
            what are the oldest files in this folder => ls -tr | head -n 10
            combined size of the .log files directly in /var/log => du -ch -- /var/log/*.log | tail -n 1
            biggest 5 directories in /var, human-readable => sudo du -h /var 2>/dev/null | sort -rh | head -n 5
            how much space does ~/projects take, leaving out node_modules => du -sh --exclude=node_modules ~/projects || du -sh -I node_modules ~/projects
            size of /srv apart from the cache folder => du -sh --exclude=cache /srv || du -sh -I cache /srv
            inodes free on the root partition => df -i /
            how many inodes are used on /home => df -i /home
            gunzip data.csv.gz but do not remove the original => gunzip -k data.csv.gz
            scroll through app.log.gz without decompressing it => zless app.log.gz || gzip -dc app.log.gz | less
            read through dump.sql.xz in a pager => xzless dump.sql.xz || xzcat dump.sql.xz | less
            page debug.log.bz2 => bzless debug.log.bz2 || bzcat debug.log.bz2 | less
            what processes belong to nginx => ps -u nginx || ps -U nginx
            show me processes that belong to redis => ps -u redis || ps -U redis
            launch ./import.py at the lowest priority => nice -n 19 ./import.py
            run ~/bin/sync with low priority => nice -n 19 ~/bin/sync
            start build.sh with the lowest io and cpu priority => nice -n 19 ionice -c 3 ./build.sh || taskpolicy -b ./build.sh
            GET https://api.example.com/me and authenticate with bearer token t0k3n => curl -H 'Authorization: Bearer t0k3n' https://api.example.com/me
            give alice ownership of /srv/app and everything in it => sudo chown -R alice /srv/app
            find the world-writable files in /srv/share and remove their write permission for others => find /srv/share -type f -perm -o+w -exec chmod o-w {} +
            take away the world write bit from world-writable files under /data => find /data -type f -perm -o+w -exec chmod o-w {} +
            changes I have not staged yet => git diff
            show the edits in my working tree that are not staged => git diff
            list the files changed in the last 5 commits => git diff --name-only HEAD~5 HEAD
            which files were modified in the last 2 commits => git diff --name-only HEAD~2 HEAD
            add ~/bin to my PATH permanently, I use zsh => echo 'export PATH="$HOME/bin:$PATH"' >> ~/.zshrc
            add /opt/tools/bin to my PATH for good => echo 'export PATH="/opt/tools/bin:$PATH"' >> ~/.bashrc
            keep running uptime, refreshing every 5 seconds => watch -n 5 uptime
            show free -m every 2 seconds => watch -n 2 free -m
            locate the file named docker-compose.yml under /opt => find /opt -type f -name docker-compose.yml
            find the file called app-config.json => find . -type f -name app-config.json
            directories named build-output => find . -type d -name build-output
            find the file named my-notes.txt in ~/docs => find ~/docs -type f -name my-notes.txt
            something is hung on port 8081, kill it => kill $(lsof -t -i:8081)
            pop the stash i just made => git stash pop
            suspend pid 777 without killing it => kill -STOP 777
            lines in server.log that don't contain WARN or ERROR => grep -vE 'WARN|ERROR' server.log
            how many files are directly inside /etc => find /etc -maxdepth 1 -type f | wc -l
            how many subfolders are directly inside ~/projects? => find ~/projects -maxdepth 1 -mindepth 1 -type d | wc -l
            set EDITOR to nano for this session => export EDITOR=nano
            rerun uptime every 5 seconds and highlight the differences => watch -d -n 5 uptime
            md5 of all the .deb files in ./pkgs => md5sum ./pkgs/*.deb || md5 ./pkgs/*.deb
            sha1 of every .jar in ./libs => sha1sum ./libs/*.jar || shasum -a 1 ./libs/*.jar
            how many megabytes is ~/Videos using => du -sm ~/Videos
            files in /srv/www with 644 permissions => find /srv/www -type f -perm 644
            check out the existing branch hotfix => git switch hotfix
            last 30 journal entries => journalctl -n 30 || -
            show the newest 15 entries of the system journal => journalctl -n 15 || -
            copy the "static" folder to /srv/backup, keeping timestamps and permissions => cp -a static /srv/backup/
            show every process sorted by cpu usage, highest first => ps -eo pid,user,%cpu,comm --sort=-%cpu || ps -Ao pid,user,%cpu,comm -r
            recursively give /srv/app to deploy => sudo chown -R deploy /srv/app
            put ~/.cargo/bin at the front of PATH for this session => export PATH="$HOME/.cargo/bin:$PATH"
            which user and group own /etc/hosts => ls -l /etc/hosts
            processes owned by postgres with their full command lines => ps -fu postgres || ps -U postgres -o pid,command
            lines in auth.log containing both user and denied => grep user auth.log | grep denied
            move the folder drafts into archive => mv drafts archive
            copy notes.txt to bob@web01:/tmp => scp notes.txt bob@web01:/tmp
            copy dir1 to dir2 recursively => cp -r dir1 dir2
            show processes listening on ports => sudo ss -tlnp || sudo lsof -nP -iTCP -sTCP:LISTEN
            run script.sh in the background and ignore hangups => nohup ./script.sh &
            start tools/build.sh in the background => nohup tools/build.sh &
            show logged in users => who
            list files by modification time, oldest first => ls -ltr
            list files in ~/Downloads => ls ~/Downloads
            what's in /etc/nginx => ls /etc/nginx
            show the contents of the Documents folder => ls ~/Documents
            list the files in /var/log with details => ls -l /var/log
            list files in ~/.config => ls ~/.config
            count the number of commits on main => git rev-list --count main
            how many commits on the release/2.0 branch => git rev-list --count release/2.0
            how many commits are on the current branch => git rev-list --count HEAD
            print the 2nd to last line of list.txt => tail -n 2 list.txt | head -n 1
            second to last line of todo.md => tail -n 2 todo.md | head -n 1
            show all lines with an IP address in access.log => grep -E '([0-9]{1,3}\\.){3}[0-9]{1,3}' access.log
            extract the ip addresses from access.log => grep -Eo '([0-9]{1,3}\\.){3}[0-9]{1,3}' access.log
            set 755 on all directories and 644 on all files in public_html => find public_html -type d -exec chmod 755 {} + && find public_html -type f -exec chmod 644 {} +
            how many subdirectories are directly inside /srv => find /srv -maxdepth 1 -mindepth 1 -type d | wc -l
            number of subdirectories in /opt => find /opt -mindepth 1 -type d | wc -l
            show only the owner and group of /etc/hosts => stat -c '%U:%G' /etc/hosts || stat -f '%Su:%Sg' /etc/hosts
            which files in /srv got changed in the last 2 days => find /srv -type f -mtime -2
            how many files are in ~/Pictures, subfolders too => find ~/Pictures -type f | wc -l
            just the ip of example.org, nothing else => dig +short example.org
            show the part of log.txt between BEGIN and END => sed -n '/BEGIN/,/END/p' log.txt
            back up app.conf as app.conf.orig before i change it => cp app.conf app.conf.orig
            644 for files and 755 for directories under ./site => find ./site -type d -exec chmod 755 {} + && find ./site -type f -exec chmod 644 {} +
            """;

    static Stream<Arguments> table() {
        return Backends.gnuOrBsdRows(TABLE);
    }

    @ParameterizedTest
    @MethodSource("table")
    void rendersGnuAndBsd(String prompt, String gnu, String bsd) {
        Backends.assertRenders(prompt, gnu, bsd);
    }

    /** A command holding " || " itself, the same on GNU and BSD. */
    @Test
    void comparesTwoFilesExactly() {
        String cmp = "cmp -s a.txt b.txt && echo same || echo different";
        Backends.assertRenders("are a.txt and b.txt exactly identical", cmp, cmp);
        Backends.assertRenders("do a.txt and b.txt have exactly the same contents?", cmp, cmp);
    }

    /** Near misses: each needs something the closest intent's command would not do, so no command. */
    @ParameterizedTest
    @ValueSource(strings = {
        "strip the world write permission from the files in /srv",
        "delete the 3 oldest files in ./archive",
        "archive the 5 oldest files",
        "how many files under /home have no owner and delete them",
        "run ./backup.sh with the highest priority",
        "renice pid 4242 to the lowest priority",
        "count the files changed in the last 3 commits",
        "revert the last 2 commits",
        "page through backup.tar.gz",
        "decompress notes.txt.gz and email it",
        "last 20 journal entries for nginx",
        "give read access to bob recursively",
        "convert all the .png images to .jpg",
        "touch all the .txt files",
        "upload report.pdf to https://example.com/upload",
        "list the contents of image.iso",
        "list everything in ~ including hidden files",
        "count the number of .txt files in each folder",
        "show the disk usage of the current folder sorted",
        "kill the process using the most cpu",
        "terminate the process with the most memory",
        "kill whatever is stuck on port 5000 and restart it",
    })
    void declines(String prompt) {
        assertEquals("", Backends.gnu(prompt), prompt);
    }
}
