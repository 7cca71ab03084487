package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Generation;
import dev.caro.api.context.ShellKind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The git, system-information and date intents of system.intents: what they render and where they decline. */
class SystemIntentsTest {

    /** Request => GNU command. */
    private static final String GNU_TABLE = """
            undo my last commit but keep the changes unstaged => git reset HEAD~1
            rename the current branch to feature/login => git branch -m feature/login
            rename branch dev to develop => git branch -m dev develop
            rename the old-ui branch to legacy-ui => git branch -m old-ui legacy-ui
            what is the latest tag => git describe --tags --abbrev=0
            list the 5 most recent tags => git tag --sort=-creatordate | head -n 5
            show unstaged changes only in .js files => git diff -- '*.js'
            diff just the python files => git diff -- '*.py'
            which commits are on main but not on my branch => git log --oneline HEAD..main
            list commits on this branch that are not in main => git log --oneline main..HEAD
            set my git email to dev@example.com for this repo only => git config user.email 'dev@example.com'
            set my git email to dev@example.com globally => git config --global user.email 'dev@example.com'
            show src/app.py as it was at commit abc1234 => git show abc1234:src/app.py
            blame lines 10-20 in app.py => git blame -L 10,20 app.py
            print the full sha of HEAD => git rev-parse HEAD
            short hash of the current commit => git rev-parse --short HEAD
            what is the url of origin => git remote get-url origin
            cancel this merge, it has conflicts => git merge --abort
            abort the rebase => git rebase --abort
            continue the rebase after fixing conflicts => git rebase --continue
            which files have merge conflicts => git diff --name-only --diff-filter=U
            show the last commit message => git log -1 --pretty=%B
            list branches merged into main => git branch --merged main
            branches not merged into main yet => git branch --no-merged main
            delete the tag v1.2.0 => git tag -d v1.2.0
            delete the remote tag v1.0 => git push origin --delete v1.0
            push all tags => git push --tags
            push tag v1.3.0 => git push origin v1.3.0
            interactively rebase the last 3 commits => git rebase -i HEAD~3
            revert commit abc1234 => git revert abc1234
            print the root directory of this git repository => git rev-parse --show-toplevel
            summary of my unstaged changes per file => git diff --stat
            what changed in commit abc1234 => git show abc1234
            show what is in the latest stash => git stash show -p
            drop the latest stash => git stash drop
            delete all stashes => git stash clear
            create an annotated tag v2.0 with message "Release 2.0" => git tag -a v2.0 -m 'Release 2.0'
            change the origin url to git@github.com:me/app.git => git remote set-url origin git@github.com:me/app.git
            show unpushed commits => git log --oneline @{u}..HEAD
            restore app.py from main => git restore --source main -- app.py
            restore app.py to how it was in commit abc1234 => git restore --source abc1234 -- app.py
            search commit messages for hotfix => git log --oneline --grep='hotfix'
            make main the default branch name for new repositories => git config --global init.defaultBranch main
            initialize and update all submodules => git submodule update --init --recursive
            list branches with their last commit => git branch -v
            create branch hotfix from main => git switch -c hotfix main
            how many commits is my branch ahead of main => git rev-list --count main..HEAD
            last 5 commits that touched app.py => git log -n 5 -- app.py
            force clean untracked files and folders => git clean -fd
            which glibc version do i have => ldd --version
            what graphics card do i have => lspci | grep -i vga
            show the last 5 reboots => last -n 5 reboot
            show the installed ram modules => sudo dmidecode -t memory
            what command line was the kernel booted with => cat /proc/cmdline
            show selinux status => sestatus
            is selinux enforcing => getenforce
            list enabled services => systemctl list-unit-files --type=service --state=enabled
            which services slowed down the boot => systemd-analyze blame
            kernel version and the machine architecture => uname -rm
            system logs from the last hour => journalctl --since '1 hour ago'
            show kernel errors => sudo dmesg --level=err
            how many users are logged in => who | wc -l
            what day of the week is March 14 2027 => date -d 2027-03-14 +%A
            what weekday is 4 july 2026 => date -d 2026-07-04 +%A
            show the calendar for march 2027 => cal 3 2027
            show the calendar for march => cal 3 $(date +%Y)
            show this years calendar => cal -y
            print todays date as dd/mm/yyyy => date +%d/%m/%Y
            unix timestamp of 2027-01-01 => date -d 2027-01-01 +%s
            what timezone am i in => date +%Z
            what is the date next friday => date -d 'next friday' +%F
            current time as hh:mm:ss => date +%T
            convert epoch 1700000000 to a utc date => date -u -d @1700000000
            iso week number of 2027-03-14 => date -d 2027-03-14 +%V
            files still in conflict => git diff --name-only --diff-filter=U
            which files did commit 4e1a2b3 touch => git show --name-only 4e1a2b3
            commits with JIRA-42 in the message => git log --oneline --grep='JIRA-42'
            remove untracked files and directories, no dry run => git clean -fd
            what is slowing down my boot => systemd-analyze blame
            kernel errors since boot => journalctl -k -p err -b
            convert 2027-01-01 to unix time in utc => date -u -d 2027-01-01 +%s
            1600000000 as a utc date => date -u -d @1600000000
            convert 15:00 utc to tokyo time => TZ=Asia/Tokyo date -d '15:00 UTC'
            what is 9am utc in new york => TZ=America/New_York date -d '9:00 UTC'
            3pm gmt in london => TZ=Europe/London date -d '15:00 UTC'
            current ISO week number => date +%V
            git rebase continue => git rebase --continue
            weekday of 2027-03-14 => date -d 2027-03-14 +%A
            day of year => date +%j
            kill every python process owned by alice => pkill -u alice python
            terminate all of carol's node processes => pkill -u carol node
            pkill java for user deploy => pkill -u deploy java
            end the job whose command line contains "celery worker" => pkill -f 'celery worker'
            kill the "npm run dev" process => pkill -f 'npm run dev'
            forward local port 8080 to intranet.local:80 through the jump host gw.example.com => ssh -N -L 8080:intranet.local:80 gw.example.com
            tunnel local 9000 to 10.0.0.5:9000 via admin@gateway.example.net => ssh -N -L 9000:10.0.0.5:9000 admin@gateway.example.net
            hit https://api.example.com/me with the bearer token from $API_TOKEN => curl -H "Authorization: Bearer $API_TOKEN" https://api.example.com/me
            who owns deploy.sh and what permissions does it have => ls -l deploy.sh
            permissions and ownership of the /srv/www directory => ls -ld /srv/www
            who owns /var/www => ls -ld /var/www
            change the owner of /srv/app and everything in it to deploy, leave the group alone => sudo chown -R deploy /srv/app
            make www-data the owner of everything under /var/www => sudo chown -R www-data /var/www
            chown /srv/app and everything in it to user app, group app => sudo chown -R app:app /srv/app
            set the sticky bit on /srv/upload so users cannot delete each others files => sudo chmod +t /srv/upload
            git tags sorted by version, newest first => git tag --sort=-v:refname
            tags sorted by semantic version => git tag --sort=version:refname
            diff src/app.py against origin/develop => git diff origin/develop -- src/app.py
            how is config.yml different on the main branch => git diff main -- config.yml
            number of commits per author, most first => git shortlog -sn HEAD
            who has made the most commits in this repo => git shortlog -sn HEAD
            commits per developer, most active first => git shortlog -sn HEAD
            bring commit 3f2a9c1 over to my current branch => git cherry-pick 3f2a9c1
            take commit 0badc0de from the release branch onto this branch => git cherry-pick 0badc0de
            git clean dry run => git clean -n
            which untracked files and directories would be removed by git clean => git clean -nd
            preview the untracked folders and files git clean would wipe => git clean -nd
            git diff -w => git diff -w
            my unstaged changes ignoring whitespace => git diff -w
            show the staged diff, disregarding whitespace changes => git diff -w --staged
            kernel release plus host name => uname -a
            everything uname knows => uname -a
            time 23:15 in seoul converted to utc => date -u -d 'TZ="Asia/Seoul" 23:15'
            push hotfix/login to origin and make it track => git push -u origin hotfix/login
            push the new branch feat/x and set it as upstream => git push -u origin feat/x
            apply the latest stash but keep it => git stash apply
            rename remote origin to old-origin => git remote rename origin old-origin
            stage parts of main.go interactively => git add -p main.go
            branches sorted by latest commit => git branch --sort=-committerdate
            show the diff between main and develop => git diff main develop
            git diff between main and develop ignoring whitespace => git diff -w main develop
            differences between tag v1 and tag v2 ignoring whitespace => git diff -w v1 v2
            which systemd units have failed => systemctl --failed
            did any service fail to start => systemctl --failed
            journal errors since yesterday => journalctl -p err --since yesterday
            show warnings and worse from the system log in the last hour => journalctl -p warning --since '1 hour ago'
            error-level log messages today => journalctl -p err --since today
            critical journal entries since boot => journalctl -p crit -b
            current date and time as yyyy-mm-dd hh:mm:ss => date '+%Y-%m-%d %H:%M:%S'
            print a timestamp like 20250301_142500 => date +%Y%m%d_%H%M%S
            what date is it 2 weeks from today => date -d '+2 weeks' +%F
            get rid of the env var NODE_ENV => unset NODE_ENV
            drop JAVA_OPTS from my environment => unset JAVA_OPTS
            make EDITOR=nano permanent, my shell is zsh => echo 'export EDITOR=nano' >> ~/.zshrc
            i use fish, set LANG to en_US.UTF-8 for good => echo 'set -gx LANG en_US.UTF-8' >> ~/.config/fish/config.fish
            re-source ~/.zshrc => source ~/.zshrc
            reload my .profile without logging out => source ~/.profile
            validate the files listed in checksums.md5 => md5sum -c checksums.md5
            show the threads of pid 4242 => ps -T -p 4242
            which user is running process 2222 => ps -o user= -p 2222
            what is the full command line of pid 4321 => ps -o args= -p 4321
            make script.sh executable for the owner only => chmod u+x script.sh
            remove write permission for group and others on config.ini => chmod go-w config.ini
            make everything in public readable by everyone recursively => chmod -R a+rX public
            take away read permission for others on everything in ~/private => chmod -R o-r ~/private
            who last changed line 42 of app.py => git blame -L 42,42 app.py
            nginx logs since yesterday => journalctl -u nginx --since yesterday
            expose my local port 3000 as port 8080 on server.example.com => ssh -R 8080:localhost:3000 server.example.com
            set the upstream of this branch to origin/main => git branch -u origin/main
            run ./run.sh with FOO set to bar just for that command => FOO=bar ./run.sh
            list running docker containers => docker ps
            top by memory => top -o %MEM
            owner of /etc/passwd => ls -l /etc/passwd
            utc 2025-05-05 10:00 in london => TZ=Europe/London date -d '2025-05-05 10:00 UTC'
            list the git tags from the newest version to the oldest => git tag --sort=-v:refname
            I'd like to kill every java process that belongs to user tomcat => pkill -u tomcat java
            show error-level journal messages from today => journalctl -p err --since today
                        forward remote port 9000 on gw.example.com to localhost:3000 => ssh -R 9000:localhost:3000 gw.example.com
                                    """;

    /** Request => GNU command => BSD command. */
    private static final String BSD_TABLE = """
            what graphics card do i have => lspci | grep -i vga => system_profiler SPDisplaysDataType
            show the model of each disk => lsblk -d -o NAME,MODEL,SIZE => diskutil list
            since when has the machine been up => uptime -s => sysctl -n kern.boottime
            what model is this computer => cat /sys/class/dmi/id/product_name => sysctl -n hw.model
            what day of the week is March 14 2027 => date -d 2027-03-14 +%A => date -j -f %Y-%m-%d 2027-03-14 +%A
            print yesterdays date => date -d yesterday +%F => date -v-1d +%F
            print tomorrows date => date -d tomorrow +%F => date -v+1d +%F
            what is the date next friday => date -d 'next friday' +%F => date -v+1d -v+fri +%F
            unix timestamp of 2027-01-01 => date -d 2027-01-01 +%s => date -j -f %Y-%m-%d 2027-01-01 +%s
            convert epoch 1700000000 to a utc date => date -u -d @1700000000 => date -u -r 1700000000
            list all time zones => timedatectl list-timezones => sudo systemsetup -listtimezones
            how much battery is left => upower -i $(upower -e | grep BAT) => pmset -g batt
            top sorted by memory => top -o %MEM => top -o mem
            run top ordered by cpu usage => top -o %CPU => top -o cpu
            when did the box last restart => uptime -s => sysctl -n kern.boottime
            which weekday is halloween 2026 => date -d 2026-10-31 +%A => date -j -f %Y-%m-%d 2026-10-31 +%A
            what weekday was christmas 2024 (2024-12-25) => date -d 2024-12-25 +%A => date -j -f %Y-%m-%d 2024-12-25 +%A
            convert 15:00 utc to tokyo time => TZ=Asia/Tokyo date -d '15:00 UTC' => TZ=Asia/Tokyo date -r $(date -j -u -f %H:%M '15:00' +%s)
            convert 2025-03-10 14:00 UTC to tokyo time => TZ=Asia/Tokyo date -d '2025-03-10 14:00 UTC' => TZ=Asia/Tokyo date -r $(date -j -u -f '%Y-%m-%d %H:%M' '2025-03-10 14:00' +%s)
            verify app.tar.gz with the checksums in SHA256SUMS => sha256sum -c SHA256SUMS => shasum -a 256 -c SHA256SUMS
            check the downloaded iso against "ubuntu.iso.sha256" => sha256sum -c ubuntu.iso.sha256 => shasum -a 256 -c ubuntu.iso.sha256
            sha1 check using release.sha1 => sha1sum -c release.sha1 => shasum -a 1 -c release.sha1
            show the process tree => pstree => pstree
            show the threads of pid 4242 => ps -T -p 4242 => ps -M -p 4242
            flush the dns cache => sudo resolvectl flush-caches => sudo dscacheutil -flushcache; sudo killall -HUP mDNSResponder
            is the firewall enabled => sudo ufw status => /usr/libexec/ApplicationFirewall/socketfilterfw --getglobalstate
            sha256 of every file in this folder => sha256sum * => shasum -a 256 *
            md5 of every file in this folder => md5sum * => md5 -r *
            unix time in milliseconds => date +%s%3N => perl -MTime::HiRes=time -e 'printf "%d\\n", time * 1000'
            nanoseconds since the epoch => date +%s%N => perl -MTime::HiRes=time -e 'printf "%d\\n", time * 1000000000'
            what is the date 3 weeks ago => date -d '3 weeks ago' +%F => date -v-3w +%F
            what is 2026-01-20 08:00 paris time in utc => date -u -d 'TZ="Europe/Paris" 2026-01-20 08:00' => date -u -r $(TZ=Europe/Paris date -j -f '%Y-%m-%d %H:%M' '2026-01-20 08:00' +%s)
                                    """;

    /**
     * Request => GNU command, for tasks whose only command is a Linux tool ({@code bsd: -}): on
     * macOS they are declined, not answered with the Linux command.
     */
    private static final String LINUX_ONLY_TABLE = """
            which glibc version do i have => ldd --version
            show the installed ram modules => sudo dmidecode -t memory
            what command line was the kernel booted with => cat /proc/cmdline
            show selinux status => sestatus
            which services slowed down the boot => systemd-analyze blame
            system logs from the last hour => journalctl --since '1 hour ago'
            show kernel errors => sudo dmesg --level=err
            kernel errors since boot => journalctl -k -p err -b
            which systemd units have failed => systemctl --failed
            journal errors since yesterday => journalctl -p err --since yesterday
            error-level log messages today => journalctl -p err --since today
            critical journal entries since boot => journalctl -p crit -b
            nginx logs since yesterday => journalctl -u nginx --since yesterday
            restart nginx => sudo systemctl restart nginx
            list failed systemd units => systemctl --failed
            show loaded kernel modules => lsmod
            """;

    static Stream<Arguments> linuxOnlyTable() {
        return LINUX_ONLY_TABLE.lines().map(l -> Arguments.of((Object[]) l.split(" => ")));
    }

    @ParameterizedTest
    @MethodSource("linuxOnlyTable")
    void linuxOnlyTasksAreDeclinedOnBsd(String prompt, String gnu) {
        assertEquals(gnu, Backends.gnu(prompt));
        Generation g = Backends.generate(prompt, Backends.BSD);
        assertTrue(g.isEmpty(), prompt + " -> " + g.candidates());
        assertTrue(Backends.generate(prompt, Backends.BSD.withShell(ShellKind.FISH)).isEmpty(), prompt + " in fish");
    }

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

    /** Near misses of the intents above: each must be declined rather than answered with their command. */
    @ParameterizedTest
    @ValueSource(strings = {
        "delete the docker image tag v1.2", // not a git tag
        "what is the latest tag of the docker image",
        "restore app.py from backup", // a directory, not a git ref
        "push all commits and tags", // not only the tags
        "is this a virtual machine with enough memory",
        "stop the merge of the pull request",
        "which branches are merged into the current branch", // "current" is not a branch name
        "what day of the week is may 40 2027", // no such date
        "turn off ntp",
        "show this years calendar with week numbers",
        "rename the remote branch origin/main to main",
        "print the date in tokyo as yyyymmdd", // the format intents answer for the local zone only
        "is nginx service enabled", // one service's state, not the list
        "show the calendar for march 2027 with monday first",
        "hardware clock time in utc",
        "kill all of bobs processes except python",
        "kill bobs python processes older than an hour",
        "kill the \"npm run dev\" session in tmux",
        "who owns the most files in /srv",
        "change the owner of /srv/app to deploy and the group to www",
        "make /tmp/x sticky so that the build can delete old files",
        "list tags containing version 2",
        "diff app.py against the stash",
        "compare app.py with main.py",
        "diff app.py between main and develop",
        "commits per author in the last month, with emails",
        "are any docker containers failed",
        "why did the nginx service fail",
        "journal errors for myapp since yesterday",
        "when did postgres last restart",
        "when did alice last log in",
        "date like 2024-03-05 14:30:00 in tokyo",
        "convert 2024-06-01 09:00 UTC to New York time and Tokyo time",
        "what day of the week is thanksgiving 2026",
        "unset DEBUG permanently",
        "remove the DEBUG line from .env",
        "make EDITOR=vim permanent for all users",
        "edit ~/.bashrc",
        "verify the gpg signature of SHA256SUMS",
        "kill every python process owned by alice on server2",
        "stop the \"backup.sh\" cron job",
        "who owns this repo on github",
        "show the owner of the docker image",
        "change the user of process 2222",
        "remove write permission for user bob on config.ini",
        "give group devs write access to shared/",
        "remove read permission from every file in ~/docs for others",
        "make readme.md read-only for the group",
        "who changed line 42 of app.py in the last month",
        "nginx error log since yesterday",
        "set the upstream of this branch to origin/main and push",
        "flush the dns cache in chrome",
        "open port 8080 in the firewall",
        "run ./run.sh with FOO set to bar and export it",
        "top by memory and kill the biggest",
        "owner of /etc/passwd and /etc/shadow",
        "I'd like to kill every java process that belongs to user tomcat except the newest",
        "apply the patch fix.patch onto this branch",
        "apply the last 3 commits from develop onto this branch",
        "git clean the ignored files too, dry run",
        "diff a.txt and b.txt ignoring whitespace",
        "change the hostname and kernel",
        "epoch time in milliseconds of 2026-01-01",
        "convert 14:30 new york time to utc and to tokyo time",
        "what time is it in tokyo at 14:30 utc tomorrow",
        "apply the second stash and drop it",
        "rename the branch origin to upstream",
        "push all branches to origin and set upstream",
        "diff between main.py and util.py in the develop branch as a summary"})
    void declinesNearMisses(String prompt) {
        Backends.assertDeclines(prompt);
    }

    @org.junit.jupiter.api.Test
    void environmentIntentsFollowTheShell() {
        assertEquals("set -e NODE_ENV", Backends.command("get rid of the env var NODE_ENV", Backends.GNU.withShell(ShellKind.FISH)));
        assertEquals("Remove-Item Env:NODE_ENV",
                Backends.command("get rid of the env var NODE_ENV", Backends.GNU.withShell(ShellKind.POWERSHELL)));
        assertEquals("set -Ux LANG en_US.UTF-8",
                Backends.command("i use fish, set LANG to en_US.UTF-8 for good", Backends.GNU.withShell(ShellKind.FISH)));
        // md5 has no "shasum -a" form: on macOS the check is declined rather than answered with "md5 FILE"
        assertEquals("", Backends.bsd("validate the files listed in checksums.md5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"grep warning in app.log", "restart the nginx daemon", "list the locale settings",
        "list docker containers"})
    void catalogWordsDoNotRewriteTheRequest(String prompt) {
        // A word of these patterns is a typo-correction target: singular and plural forms must not be rewritten.
        String command = Backends.gnu(prompt);
        assertNotEquals("locale -a", command);
        assertTrue(!command.contains("warnings") && !command.contains("daemons"), command);
        assertTrue(!command.isEmpty(), "declined: " + prompt); // "containers" once became "containerd"
    }
}
