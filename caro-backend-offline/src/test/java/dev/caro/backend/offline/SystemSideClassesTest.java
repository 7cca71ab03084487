package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes of system-side requests (processes, network, permissions, git, system information,
 * date, environment) that blind set 18 declined or answered wrongly (session 17), in phrasings of
 * our own, then everyday requests of the same areas written before they were run ("I'm" read as
 * "Im", version ranges, possessive pids): the command they render on GNU and BSD, and near misses
 * that must decline. Wrong answers first: "not -9" is a normal kill, a bare script.py runs under python3, the octal mode
 * "plus owner and group" prints all three, "PCI devices, e.g. the GPU" lists every device,
 * "everything to 644 but directories to 755" sets the two modes apart (was chmod -R 644),
 * "remove a directory from PATH" is no unset PATH, "which terminal am I using" no command -v terminal.
 */
class SystemSideClassesTest {

    /** Request => GNU command [|| BSD command, when it differs; "-" when BSD declines]. */
    private static final String TABLE = """
            kill whatever is on port 8080, a normal kill please => kill $(lsof -t -i:8080)
            stop the process using port 3000 but not with -9 => kill $(lsof -t -i:3000)
            free up port 9000 with a plain sigterm => kill $(lsof -t -i:9000)
            force kill whatever is listening on port 4000 => kill -9 $(lsof -t -i:4000)
            kill the thing on port 5432, no -9 => kill $(lsof -t -i:5432)
            top 3 memory hogs with their pids => ps -eo pid,comm,%mem --sort=-%mem | head -n 4 || ps -Ao pid,comm,%mem -m | head -n 4
            which processes use the most memory? show pids => ps -eo pid,user,%mem,comm --sort=-%mem | head -n 11 || ps -Ao pid,user,%mem,comm -m | head -n 11
            10 heaviest cpu processes with the pid and command name => ps -eo pid,comm,%cpu --sort=-%cpu | head -n 11 || ps -Ao pid,comm,%cpu -r | head -n 11
            top 5 cpu processes with pids and users => ps -eo pid,user,%cpu,comm --sort=-%cpu | head -n 6 || ps -Ao pid,user,%cpu,comm -r | head -n 6
            what's running as the nginx user => ps -u nginx || ps -U nginx
            list everything running as the redis user => ps -u redis || ps -U redis
            processes owned by the www-data account => ps -u www-data || ps -U www-data
            whos using port 8443 => sudo lsof -i :8443 || sudo lsof -nP -iTCP:8443 -sTCP:LISTEN
            who's listening on port 22 => sudo lsof -i :22 || sudo lsof -nP -iTCP:22 -sTCP:LISTEN
            ping 8.8.8.8 5 times and wait up to 3 seconds for each reply => ping -c 5 -W 3 8.8.8.8 || ping -c 5 -W 3000 8.8.8.8
            ping host1.lan 3 times with a 2 second timeout => ping -c 3 -W 2 host1.lan || ping -c 3 -W 2000 host1.lan
            ping example.com 10 times, 1 second per reply => ping -c 10 -W 1 example.com || ping -c 10 -W 1000 example.com
            show only the headers of https://example.com => curl -sS -D - -o /dev/null https://example.com
            just the headers from http://localhost:8080/ => curl -sS -D - -o /dev/null http://localhost:8080/
            is port 5432 reachable on db.internal => nc -z -w 3 db.internal 5432 && echo open
            can i reach postgres (port 5432) on 10.1.2.3? => nc -z -w 3 10.1.2.3 5432 && echo open
            curl https://api.example.com/v1/items with header "X-Api-Key: 123" => curl -H 'X-Api-Key: 123' https://api.example.com/v1/items
            GET https://example.org/status and send the header "Accept: text/plain" => curl -H 'Accept: text/plain' https://example.org/status
            fetch http://localhost:9000/metrics with the header "X-Debug: 1" => curl -H 'X-Debug: 1' http://localhost:9000/metrics
            make deploy the owner and group of /srv/app, recursively => sudo chown -R deploy:deploy /srv/app
            give nginx ownership (user and group) of /var/lib/nginx and everything under it => sudo chown -R nginx:nginx /var/lib/nginx
            set owner and group of /opt/tool to tool => sudo chown tool:tool /opt/tool
            add alice to the docker group => sudo usermod -aG docker alice || sudo dseditgroup -o edit -a alice -t user docker
            put carol in the wheel group => sudo usermod -aG wheel carol || sudo dseditgroup -o edit -a carol -t user wheel
            make dave a member of the adm group => sudo usermod -aG adm dave || sudo dseditgroup -o edit -a dave -t user adm
            my ssh key ~/.ssh/id_rsa has permissions that are too open => chmod 600 ~/.ssh/id_rsa
            fix the permissions of ~/.ssh/id_ecdsa, ssh refuses it => chmod 600 ~/.ssh/id_ecdsa
            key.pem is too open, fix it => chmod 600 key.pem
            octal mode and owner and group of /etc/passwd => stat -c '%a %U:%G' /etc/passwd || stat -f '%Lp %Su:%Sg' /etc/passwd
            show the numeric permissions with owner and group of notes.txt => stat -c '%a %U:%G' notes.txt || stat -f '%Lp %Su:%Sg' notes.txt
            diff of everything staged => git diff --cached
            pop the latest stash and drop it from the list => git stash pop
            apply the most recent stash and remove it => git stash pop
            what did alice commit in the last week => git log --author='alice' --since='1 week ago'
            push my new feature-login branch to origin and set upstream => git push -u origin feature-login
            push the release-2 branch and track it => git push -u origin release-2
            fetch all remotes and remove branches that were deleted on the remote => git fetch --all --prune
            fetch and clean up branches that are gone upstream => git fetch --prune
            show all pci devices => lspci || system_profiler SPPCIDataType
            list pci devices like the gpu or sound card => lspci || system_profiler SPPCIDataType
            convert 1700000000 into a normal date => date -d @1700000000 || date -r 1700000000
            turn 1600000000 into a human readable date => date -d @1600000000 || date -r 1600000000
            wheres python3 installed => command -v python3
            where's docker installed => command -v docker
            run ./build.sh and tell me how long it took => time ./build.sh
            run ./deploy.sh and time it => time ./deploy.sh
            start app.js in the background with its output going to app.log => nohup node app.js > app.log 2>&1 &
            run worker.py in the background and send its output to worker.log => nohup python3 worker.py > worker.log 2>&1 &
            let user dan write report.txt with an ACL, without changing the group => setfacl -m u:dan:w report.txt || chmod +a "dan allow write" report.txt
            show which branch I'm on => git branch --show-current
            what branch am I on => git branch --show-current
            tell me which git branch I'm on right now => git branch --show-current
            discard all my local changes to app.py => git restore app.py
            throw away all the uncommitted changes in config.yml => git restore config.yml
            what day of the week is it => date +%A
            what day is it today => date +%A
            list the groups I belong to => groups
            which groups am I in => groups
            show the groups I'm a member of => groups
            test if google.com is reachable => ping -c 4 google.com
            check if 10.0.0.1 is up => ping -c 4 10.0.0.1
            what processes are listening on which ports => sudo ss -tlnp || sudo lsof -nP -iTCP -sTCP:LISTEN
            which programs are listening => sudo ss -tlnp || sudo lsof -nP -iTCP -sTCP:LISTEN
            show process 4242's full command line => ps -o args= -p 4242
            print the command line of pid 311 => ps -o args= -p 311
            cherry-pick commit abc123 => git cherry-pick abc123
            cherry-pick 9f8e7d6 => git cherry-pick 9f8e7d6
            show commits between v1.0 and v2.0 => git log --oneline v1.0..v2.0
            log between v2 and v3 => git log --oneline v2..v3
            what ports is process 900 using => lsof -i -a -p 900
            which connections does pid 4321 have => lsof -i -a -p 4321
            who wrote the most commits => git shortlog -sn HEAD
            who has made the most commits in this repository => git shortlog -sn HEAD
            undo git add for notes.md => git restore --staged notes.md
            take config.yml out of the staging area => git restore --staged config.yml
            list merged branches => git branch --merged
            show the branches that are already merged => git branch --merged
            show disk partitions => lsblk || diskutil list
            list the partitions => lsblk || diskutil list
            git status please => git status
            please git status => git status
            what did I change in app.js => git diff -- app.js
            what have I changed in main.go => git diff -- main.go
            curl with basic auth user admin password secret to http://localhost:8080 => curl -u admin:secret http://localhost:8080
            get http://localhost:9000/admin with username root, password hunter2 => curl -u root:hunter2 http://localhost:9000/admin
            headers of https://example.com => curl -sS -D - -o /dev/null https://example.com
            response headers for http://localhost:8080/health => curl -sS -D - -o /dev/null http://localhost:8080/health
            ports in use => sudo ss -tlnp || sudo lsof -nP -iTCP -sTCP:LISTEN
            which ports are being used => sudo ss -tlnp || sudo lsof -nP -iTCP -sTCP:LISTEN
            where is git => command -v git
            where's python3 => command -v python3
            chmod everything in ./public to 644 but directories to 755 => find ./public -type d -exec chmod 755 {} + && find ./public -type f -exec chmod 644 {} +
            set directories under site/ to 755 and files to 644 => find site -type d -exec chmod 755 {} + && find site -type f -exec chmod 644 {} +
            everything in www/ to 640, with the folders at 750 => find www -type d -exec chmod 750 {} + && find www -type f -exec chmod 640 {} +
            set the setgid bit on /srv/shared => chmod g+s /srv/shared
            add the sgid bit to /data/team => chmod g+s /data/team
            revert the last commit => git revert HEAD
            revert the last commit without opening an editor => git revert --no-edit HEAD
            back out the most recent commit with a new commit => git revert HEAD
            git log by alice => git log --author='alice'
            git log of the last 2 weeks by alice => git log --author='alice' --since='2 weeks ago'
            print the time in 24 hour format with seconds => date +%T
            show the time in 24h format => date +%T
            hh:mm with seconds => date +%T
            date of the last reboot => uptime -s || sysctl -n kern.boottime
            date and time of the last boot => uptime -s || sysctl -n kern.boottime
            how big is the swap => swapon --show || sysctl vm.swapusage
            show the linux distribution name => lsb_release -a || sw_vers
            show the last 10 logins => last -n 10
            what day was 2000-01-01 => date -d 2000-01-01 +%A || date -j -f %Y-%m-%d 2000-01-01 +%A
            which python am I using => command -v python
            remove FOO from the environment => unset FOO
            change the group of everything under /srv/www to www-data => sudo chgrp -R www-data /srv/www
            set the group of /srv/app and everything in it to devs => sudo chgrp -R devs /srv/app
            what's the server's hostname => hostname
            whats this laptop's hostname => hostname
            print the os name and release => lsb_release -a || sw_vers
            the last 50 journal entries for the cron service => journalctl -u cron -n 50 || -
            last 20 lines of the docker service's journal => journalctl -u docker -n 20 || -
            """;

    static Stream<Arguments> table() {
        return Backends.gnuOrBsdRows(TABLE);
    }

    @ParameterizedTest
    @MethodSource("table")
    void rendersGnuAndBsd(String prompt, String gnu, String bsd) {
        Backends.assertRenders(prompt, gnu, bsd);
    }

    /** Near misses: each needs something the intent's command would not do, so no command. */
    @ParameterizedTest
    @ValueSource(strings = {
        "kill whatever is on port 3000 and restart it",
        "top 5 processes by memory with their pids and start times",
        "what's running as the postgres user on db1",
        "just the response headers from https://example.com and save them to h.txt",
        "GET https://example.com/a with the header \"Accept: application/json\" and save the body to out.json",
        "make deploy the owner and staff the group of /srv/app",
        "remove bob from the sudo group",
        "my ~/.ssh folder is too open, fix the perms",
        "ssh says ~/.ssh/id_rsa.pub is too open",
        "octal permissions plus owner and group of every file in /etc",
        "delete my local branches whose upstream is gone",
        "turn the epoch 1650000000 into a normal date in UTC",
        "run ./backup.sh every night and tell me how long it took",
        "ping example.org and wait 2 seconds",
        "put bob in the sudo group and give him a new password",
        "who's listening on port 443 on web1",
        "what has jsmith committed to the payments repo",
        "push the hotfix branch to the backup remote and set it as upstream",
        "list PCI devices with their kernel drivers",
        "cherry-pick the last commit from main",
        "how many commits between v1.0 and v2.0",
        "show commits between 2024-01-01 and 2024-02-01",
        "which groups am I in on the build server",
        "undo git add for notes.md and delete it",
        "list merged branches on the remote",
        "who wrote the most commits last month",
        "what ports is process 900 listening on for udp",
        "where is my config",
        "headers of https://example.com saved to h.txt",
        "what did I change in app.js yesterday",
        "ports in use on web1.example.com",
        "git status please, and commit everything",
        "chmod ./public to 644 but skip the directories",
        "remove the setgid bit from every directory in /srv/shared",
        "revert the last 3 commits",
        "revert the last commit and push",
        "revert the last commit in the payments module",
        "remove a directory from PATH",
        "remove /opt/bin from PATH",
        "which terminal am I using",
        "time in 24 hour format in tokyo",
        "how big is the swap file /swapfile",
        "print the date 2 days from now in dd/mm/yyyy",
        "kill the process on port 8080 and start it again",
        "what day of the week is it 10 days from now",
        "show the date 3 weeks from today as yyyy/mm/dd",
        "show the last boot time and the uptime",
        "show environment variable PATH of process 77",
        "is JAVA_HOME set in the environment of pid 55"})
    void declinesNearMisses(String prompt) {
        Backends.assertDeclines(prompt);
    }

    /** A near miss of git stash pop answered by another intent: keeping the stash is an apply. */
    @ParameterizedTest
    @ValueSource(strings = {"apply my most recent stash but keep it in the stash list"})
    void keepingTheStashIsNoPop(String prompt) {
        assertEquals("git stash apply", Backends.gnu(prompt), prompt);
    }
}
