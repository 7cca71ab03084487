package dev.caro.backend.offline;


import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes of requests on the text and system side that a blind set answered wrongly or declined
 * (session 16), in phrasings of our own: the command they render on GNU and BSD, and near misses
 * that must decline. Wrong answers first: a quoted search text after "the first line containing",
 * "kil" for kill, the PID (not the lsof listing) of a port's process, "the word X" counted with
 * -w, bash counted as /bin/bash, tags by version:refname, a replacement holding slashes.
 */
class TextSystemClassesTest {

    /** Request => GNU command [|| BSD command, when it differs; "-" when BSD declines]. */
    private static final String TABLE = """
            print the first line containing "timeout" in app.conf => grep -m 1 timeout app.conf
            show the first match for "ERROR" in server.log => grep -m 1 ERROR server.log
            first line in /etc/fstab that mentions "ext4" => grep -m 1 ext4 /etc/fstab
            kil all processes owned by user carol => sudo pkill -u carol
            kil process 99 => kill 99
            what's the PID of the process listening on port 8080 => lsof -t -i :8080
            pid of whatever is using port 3000 => lsof -t -i :3000
            which process id is bound to port 6379 => lsof -t -i :6379
            how many times does the word fail appear in test.log, every occurrence not just lines => grep -ow fail test.log | wc -l
            count every occurrence of the word "timeout" in net.log => grep -ow timeout net.log | wc -l
            how often does the word main occur in app.py => grep -ow main app.py | wc -l
            how many times does foo appear in bar.txt => grep -o foo bar.txt | wc -l
            how many users have zsh as their login shell => grep -c '/bin/zsh$' /etc/passwd
            how many accounts use bash => grep -c '/bin/bash$' /etc/passwd
            number of users with the nologin shell => grep -c '/nologin$' /etc/passwd
            tags sorted by version => git tag --sort=version:refname
            tags by version, newest first => git tag --sort=-v:refname
            which commits are on dev but not on main => git log --oneline main..dev
            commits in release-2 that aren't in master yet => git log --oneline master..release-2
            list the commits on my branch that are not in main => git log --oneline main..HEAD
            what commits does feature-x have that main doesn't => git log --oneline main..feature-x
            print columns 1 and 3 of data.csv => cut -d, -f1,3 data.csv
            get columns 2 and 5 from sales.csv => cut -d, -f2,5 sales.csv
            replace http:// with https:// in every .html file under web/, editing them in place => find web -type f -name '*.html' -exec sed -i 's|http://|https://|g' {} + || find web -type f -name '*.html' -exec sed -i '' 's|http://|https://|g' {} +
            change localhost to 127.0.0.1 in every .conf file in place => find . -type f -name '*.conf' -exec sed -i 's/localhost/127.0.0.1/g' {} + || find . -type f -name '*.conf' -exec sed -i '' 's/localhost/127.0.0.1/g' {} +
            replace /usr/local with /opt in setup.sh in place => sed -i 's|/usr/local|/opt|g' setup.sh || sed -i '' 's|/usr/local|/opt|g' setup.sh
            comment out line 7 of nginx.conf => sed -i '7s/^/#/' nginx.conf || sed -i '' '7s/^/#/' nginx.conf
            comment out lines 3 to 5 in app.ini => sed -i '3,5s/^/#/' app.ini || sed -i '' '3,5s/^/#/' app.ini
            put a # in front of line 20 of sshd_config, comment it out in place => sed -i '20s/^/#/' sshd_config || sed -i '' '20s/^/#/' sshd_config
            comment out line 3 of .bashrc => sed -i '3s/^/#/' .bashrc || sed -i '' '3s/^/#/' .bashrc
            extract the id=... part from each line of events.log => grep -o 'id=[^ ]*' events.log
            print only the session=<value> parts of access.log => grep -o 'session=[^ ]*' access.log
            just the user= values in audit.log => grep -o 'user=[^ ]*' audit.log
            pull out the host=... fields from proxy.log => grep -o 'host=[^ ]*' proxy.log
            show the git commands I ran earlier in my history => history | grep git
            search my history for the kubectl commands i ran => history | grep kubectl
            how many lines mention error in each of the .log files here => grep -c error *.log
            count lines containing TODO in every .py file => grep -c TODO *.py
            start node app.js in the background and send its output to app.log => nohup node app.js > app.log 2>&1 &
            run python3 worker.py in the background, logging to worker.log => nohup python3 worker.py > worker.log 2>&1 &
            top 5 processes by RSS => ps -eo pid,rss,comm --sort=-rss | head -n 6 || ps -Ao pid,rss,comm -m | head -n 6
            the 3 processes with the most resident memory => ps -eo pid,rss,comm --sort=-rss | head -n 4 || ps -Ao pid,rss,comm -m | head -n 4
            make an ssh tunnel so localhost:8443 reaches port 443 on web.internal, through gw.example.com => ssh -N -L 8443:web.internal:443 gw.example.com
            show the load averages => uptime
            show mounted filesystems as a tree => findmnt || mount
            show the filesystems mounted as a tree => findmnt || mount
            how many distinct values in the 2nd column of orders.csv, skipping the header line => tail -n +2 orders.csv | cut -d, -f2 | sort -u | wc -l
            how many different values in column 3 of trips.csv => cut -d, -f3 trips.csv | sort -u | wc -l
            word counts of all the .md files here, with a total => wc -w *.md
            words in each of the .txt files with a grand total => wc -w *.txt
            create a user named deploy with a home directory => sudo useradd -m deploy || -
            set up a new user account called ci with a home directory => sudo useradd -m ci || -
            create a user "builder" => sudo useradd -m builder || -
            date three weeks from today => date -d '+3 weeks' +%F || date -v+3w +%F
            what's the date two weeks from now => date -d '+2 weeks' +%F || date -v+2w +%F
            print the current date like 25/12/2024 => date +%d/%m/%Y
            show the date and time as 03/28/2025 09:15 => date '+%m/%d/%Y %H:%M'
            show the current time as 2024-03-15 14:05:33 => date '+%Y-%m-%d %H:%M:%S'
            print today's date in the format mm-dd-yyyy => date +%m-%d-%Y
            what week of the year is it => date +%V
            which week of the year are we in => date +%V
            modification time of notes.txt as a unix timestamp => stat -c %Y notes.txt || stat -f %m notes.txt
            mtime of app.log in epoch seconds => stat -c %Y app.log || stat -f %m app.log
            load the variables from .env into the current shell so child processes see them => set -a; source .env; set +a
            which python am I running and from where => command -v python && python --version
            which python3 am i using and what version is it => command -v python3 && python3 --version
            make an alias gs for git status => alias gs='git status'
            alias ll to ls -alh => alias ll='ls -alh'
            run ./job.sh with a totally empty environment => env -i ./job.sh
            copy ~/.ssh/id_rsa.pub to the clipboard => xclip -selection clipboard < ~/.ssh/id_rsa.pub || pbcopy < ~/.ssh/id_rsa.pub
            put the contents of notes.txt on the clipboard => xclip -selection clipboard < notes.txt || pbcopy < notes.txt
            upload data.json as a form field called payload to https://api.example.com/in => curl -F 'payload=@data.json' https://api.example.com/in
            how much ram is installed in this machine => free -h || sysctl -n hw.memsize
            delete lines 3 to 8 of notes.txt, editing the file in place => sed -i '3,8d' notes.txt || sed -i '' '3,8d' notes.txt
            squeeze repeated spaces in a.txt down to one space => tr -s ' ' < a.txt
            how many times does the word "is" appear in essay.txt, ignoring case, whole words only => grep -oiw is essay.txt | wc -l
            count occurrences of "foo" in a.txt, whole words only => grep -ow foo a.txt | wc -l
            kill all of alice's processes => sudo pkill -u alice
            is python3 installed? what version => command -v python3 && python3 --version
            line nums of FIXME in util.py => grep -n FIXME util.py
            first line containing panic in kern.log, with its line number => grep -n -m 1 panic kern.log
            create an annotated tag v1.4.0 with the message "Release 1.4" and push it to origin => git tag -a v1.4.0 -m 'Release 1.4' && git push origin v1.4.0
            tag the current commit v3.1 with message "three one" and push the tag => git tag -a v3.1 -m 'three one' && git push origin v3.1
            list processes with nginx in the name => pgrep -l nginx
            show the processes with java in their name, with their pids => pgrep -l java
            WARN lines in app.log but hide the ones that also mention Retry => grep WARN app.log | grep -v Retry
            show ERROR lines from server.log, excluding those that contain timeout => grep ERROR server.log | grep -v timeout
            how many accounts are in /etc/passwd => wc -l /etc/passwd
            how many processes is the www-data user running => ps -u www-data --no-headers | wc -l || pgrep -u www-data | wc -l
            what directory is process 4321 running in => pwdx 4321 || lsof -a -d cwd -p 4321
            working directory of pid 777 => pwdx 777 || lsof -a -d cwd -p 777
            mac address of wlan0 => ip link show wlan0 || ifconfig wlan0 | grep ether
            merge a.txt and b.txt line by line, separated by a comma => paste -d, a.txt b.txt
            combine ids.txt and names.txt side by side with a semicolon between => paste -d';' ids.txt names.txt
            print everything between the BEGIN PGP and END PGP lines in key.asc => sed -n '/BEGIN PGP/,/END PGP/p' key.asc
            show me the EDITOR and PAGER variables => printenv EDITOR PAGER
            sort names.txt in byte order using the C locale => LC_ALL=C sort names.txt
            which package installed /usr/bin/curl => dpkg -S /usr/bin/curl || -
            how long does ./test.sh take to run => time ./test.sh
            I just edited ~/.zshrc, how do I apply it in this shell => source ~/.zshrc
            uppercase the 2nd column of people.csv, leave the rest alone => awk -F, -v OFS=, '{$2=toupper($2)} 1' people.csv
            search hosts.log for 192.168.0.1, the dots should match literally => grep -F 192.168.0.1 hosts.log
            grep for a.b.c in list.txt as a fixed string => grep -F a.b.c list.txt
            does https://example.com/login return 200? follow redirects => curl -sL -o /dev/null -w '%{http_code}\\n' https://example.com/login
            how do i find readable text containing 'serial' inside the binary app.bin => strings app.bin | grep serial
            print the words in dict.txt that are exactly seven letters long => grep -E '^[[:alpha:]]{7}$' dict.txt
            find files under ./src that contain both "TODO" and "FIXME" => grep -rl TODO ./src | xargs grep -l FIXME
            urls.txt has one url per line; print only the last component of each (after the final /) => awk -F/ '{print $NF}' urls.txt
            print the basename of every path in list.txt => awk -F/ '{print $NF}' list.txt
            errors from the nginx service in the journal since yesterday => journalctl -u nginx --since yesterday -p err || -
            warnings from docker in the logs since today => journalctl -u docker --since today -p warning || -
            watch memory usage in megabytes, refreshing every 5 seconds => free -m -s 5 || -
            convert "2025-01-31 08:00" to a unix timestamp => date -d '2025-01-31 08:00' +%s || -
            a timestamp i can put in a filename, like 20250131_235959 => date +%Y%m%d_%H%M%S
            wait until pid 5151 exits, then print finished => while kill -0 5151 2>/dev/null; do sleep 1; done; echo finished
            is the sytem clock synced with ntp => timedatectl status || -
            journal errors for nginx since yesterday => journalctl -u nginx --since yesterday -p err || -
            timestamp like 20250314_153000 for a file name => date +%Y%m%d_%H%M%S
            lines in access.log with status 404, its the standard combined format => awk '$9 == 404' access.log
            the first Exception in app.log with its line number => grep -n -m 1 Exception app.log
            first Traceback in app.log => grep -m 1 Traceback app.log
            remove duplicate lines from names.txt but keep the orignal order => awk '!seen[$0]++' names.txt
            I accidentally committed secrets.json. Stop tracking it but leave the file on disk => git rm --cached secrets.json
            stop tracking config/local.yml but keep it locally => git rm --cached config/local.yml
            throw away all uncommitted changes and untracked files => git reset --hard && git clean -fd
            make PAGER=less stick for future sessions, I use zsh => echo 'export PAGER=less' >> ~/.zshrc
            make EDITOR=vim stick for future sessions => echo 'export EDITOR=vim' >> ~/.bashrc
            search every python file for "import os" and show the 3 lines after each hit => grep -r -A 3 --include='*.py' 'import os' .
            search every .go file under src for panic and show 2 lines after each hit => grep -r -A 2 --include='*.go' panic src
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
        "how many commits are on dev but not on main",
        "uncomment line 7 of nginx.conf",
        "comment out every line containing debug in app.conf",
        "comment out line 5",
        "how many docker commands are in my history",
        "how many lines mention error in each of the .log files under /var/log",
        "create a mysql user named app",
        "create a user bob and add him to the sudo group",
        "print the date like 05/06/2024",
        "convert 15/03/2024 to a unix timestamp",
        "install node",
        "paste the clipboard into notes.txt",
        "copy the output of ls to the clipboard",
        "pids of everything listening on ports 3000 and 4000",
        "rss of every process of user bob in total",
        "terminate all of the processes",
        "kill processes with java in their name",
        "how many users in /etc/passwd have a home directory",
        "parent directory of process 42",
        "set EDITOR and PAGER to vim",
        "which package installed /usr/bin/curl on fedora",
        "how long has ./server.sh been running",
        "line numbers of todo items",
        "upload report.csv to s3",
        "tag v2 and push",
        "stop tracking the build directory",
        "discard the untracked files only",
        "uppercase the header of data.csv",
        "count words with exactly 5 letters in a.txt",
        "convert \"next friday\" to a unix timestamp"})
    void declinesNearMisses(String prompt) {
        Backends.assertDeclines(prompt);
    }
}
