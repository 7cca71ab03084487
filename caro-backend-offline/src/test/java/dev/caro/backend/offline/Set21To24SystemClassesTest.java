package dev.caro.backend.offline;


import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes of process, network, git, permission, system-information, date and environment requests
 * that tuning sets 21, 23 and 24 declined or answered wrongly, in phrasings of our own (GNU and BSD
 * renders), with near misses that must decline. Wrong answers fixed as classes: a request that adds
 * one permission and takes another away ("group-readable and take away all access for others") is
 * no longer a single {@code chmod go+rX} nor {@code chmod g+w}; "for others" is not dropped by the
 * execute-bit intent ({@code a-x}); "as user U" reaches the jump host of a tunnel; "/tmp/drop" is no
 * verb that removes a sticky bit; "following redirects" is a download, not the final URL. Then
 * everyday siblings from probes of our own (journal of a service, listening ports of a PID, TLS
 * certificate, quiet downloads and retries, uploads, annotated tags, PATH appended, commit counts
 * since a date, a file's authors, D-state and oldest processes, nginx reloaded after its test);
 * wrong answers they found: "make a file immutable" touched a file named immutable, "the time in
 * london and new york" dropped New York, "all permissions for others except read" removed read,
 * and a PATH entry "for all users" went to your own ~/.bashrc. A third probe: an author's last N
 * commits, top contributors of a period, a tag deleted here and on origin, soft resets of N commits,
 * ps columns of every process, UDP listeners, ssh with a key to a bare host name, ufw rules, a mode on
 * DIR/*.ext, directories and files set to two modes, recursive ACLs (rX), chown user:group of *.ext;
 * wrong answers it found: "the last commit's author" listed every commit, and a sync to
 * "nas:/volume1/photos" lost its remote path.
 */
class Set21To24SystemClassesTest {

    /** Request => GNU command => BSD command (blank: the same; "-": BSD declines). */
    private static final String TABLE = """
            bring the stopped vim job back into the foreground => fg %vim =>
            put my backgrounded htop job in the foreground again => fg %htop =>
            foreground the last job => fg =>
            resume my suspended job in the foreground => fg =>
            monitor pid 2200 => top -p 2200 => top -pid 2200
            live cpu and memory usage of pid 9090 => top -p 9090 => top -pid 9090
            wait for pid 4100 to finish, then run ./deploy.sh => while kill -0 4100 2>/dev/null; do sleep 1; done; ./deploy.sh =>
            once process 77 exits run ./cleanup.sh => while kill -0 77 2>/dev/null; do sleep 1; done; ./cleanup.sh =>
            run ./after.sh when pid 3030 is done => while kill -0 3030 2>/dev/null; do sleep 1; done; ./after.sh =>
            which processes still hold deleted files open => sudo lsof +L1 =>
            list deleted files that are still open => sudo lsof +L1 =>
            the disk is full but du disagrees, find deleted but open files => sudo lsof +L1 =>
            how many open files does process 1234 have => ls /proc/1234/fd | wc -l => lsof -p 1234 | tail -n +2 | wc -l
            count the open file descriptors of pid 88 => ls /proc/88/fd | wc -l => lsof -p 88 | tail -n +2 | wc -l
            number of open fds for pid 4242 => ls /proc/4242/fd | wc -l => lsof -p 4242 | tail -n +2 | wc -l
            how much ram does each php-fpm worker use => ps -C php-fpm -o pid,rss,args => ps -o pid,rss,args -p $(pgrep -d, php-fpm)
            memory used by every nginx worker process => ps -C nginx -o pid,rss,args => ps -o pid,rss,args -p $(pgrep -d, nginx)
            rss of each python process => ps -C python -o pid,rss,args => ps -o pid,rss,args -p $(pgrep -d, python)
            pause pid 4000, I'll resume it later => kill -STOP 4000 =>
            freeze process 600 for now, ill continue it later => kill -STOP 600 =>
            tunnel local port 6000 to port 6379 on cache01 through jump.example.com => ssh -N -L 6000:cache01:6379 jump.example.com =>
            forward local port 8443 to web01:443 via bastion.corp.example.com => ssh -N -L 8443:web01:443 bastion.corp.example.com =>
            forward local port 3307 to mysql on db.internal:3306 through gw.example.com => ssh -N -L 3307:db.internal:3306 gw.example.com =>
            where does https://t.co/abc123 redirect to? => curl -Ls -o /dev/null -w '%{url_effective}\\n' https://t.co/abc123 =>
            what is the final url of https://bit.ly/xyz after redirects => curl -Ls -o /dev/null -w '%{url_effective}\\n' https://bit.ly/xyz =>
            where does https://example.com/go end up => curl -Ls -o /dev/null -w '%{url_effective}\\n' https://example.com/go =>
            scan 10.0.0.5 for open ports => nmap 10.0.0.5 =>
            what ports are open on scanme.example.org => nmap scanme.example.org =>
            open ports on 192.168.1.1 => nmap 192.168.1.1 =>
            is anything listening on ports 8000 to 8100 on 10.0.0.7 => nmap -p 8000-8100 10.0.0.7 =>
            scan ports 1-1024 on 192.168.1.50 => nmap -p 1-1024 192.168.1.50 =>
            count established connections on port 22 => ss -Htn state established '( sport = :22 )' | wc -l => netstat -an -p tcp | grep '\\.22 ' | grep -c ESTABLISHED
            how many established tcp connections are there on port 5432 => ss -Htn state established '( sport = :5432 )' | wc -l => netstat -an -p tcp | grep '\\.5432 ' | grep -c ESTABLISHED
            which process is connected to 192.168.5.9 => sudo lsof -nP -i @192.168.5.9 =>
            what program has a connection to 172.16.0.4 => sudo lsof -nP -i @172.16.0.4 =>
            bring eth0 down => sudo ip link set eth0 down => sudo ifconfig eth0 down
            take the interface wlan0 up => sudo ip link set wlan0 up => sudo ifconfig wlan0 up
            disable interface enp3s0 => sudo ip link set enp3s0 down => sudo ifconfig enp3s0 down
            ping 8.8.8.8 5 times with 1400 byte packets and the dont fragment bit => ping -c 5 -s 1400 -M do 8.8.8.8 => ping -c 5 -s 1400 -D 8.8.8.8
            send 4 pings to example.com with a packet size of 1000 => ping -c 4 -s 1000 example.com =>
            download https://example.com/big.iso with the speed limited to 500k => wget --limit-rate=500k https://example.com/big.iso => curl --limit-rate 500K -O https://example.com/big.iso
            grab https://example.com/x.tar.gz but limit the rate to 1m => wget --limit-rate=1m https://example.com/x.tar.gz => curl --limit-rate 1M -O https://example.com/x.tar.gz
            download https://example.com/tool.tar.gz into /opt/downloads => wget -P /opt/downloads https://example.com/tool.tar.gz => curl -L -o /opt/downloads/tool.tar.gz https://example.com/tool.tar.gz
            fetch https://example.com/a/report.pdf to ~/docs, follow redirects => wget -P ~/docs https://example.com/a/report.pdf => curl -L -o ~/docs/report.pdf https://example.com/a/report.pdf
            create a group named web and add alice to it => sudo groupadd web && sudo usermod -aG web alice => sudo dseditgroup -o create web && sudo dseditgroup -o edit -a alice -t user web
            make a new group devops and put bob in it => sudo groupadd devops && sudo usermod -aG devops bob => sudo dseditgroup -o create devops && sudo dseditgroup -o edit -a bob -t user devops
            make ./share group-writable for staff => sudo chgrp staff ./share && sudo chmod g+w ./share =>
            make /srv/www group-writable for www-data recursively => sudo chgrp -R www-data /srv/www && sudo chmod -R g+w /srv/www =>
            make the reports folder group-readable for auditors => sudo chgrp auditors reports && sudo chmod g+r reports =>
            remove the setgid bit from /srv/shared => sudo chmod g-s /srv/shared =>
            clear the sticky bit on ./drop => chmod -t ./drop =>
            unset the setuid bit on ./mytool => chmod u-s ./mytool =>
            change the owner of files owned by alice in /data to bob => find /data -user alice -exec chown bob {} + =>
            chown everything owned by olduser under /home/shared to newuser => sudo find /home/shared -user olduser -exec chown newuser {} + =>
            take write permission away from the group on every .conf in /etc/app => sudo chmod g-w /etc/app/*.conf =>
            give others read access to all .html files in ./site => chmod o+r ./site/*.html =>
            make /srv/data group-readable and remove all access for others => chmod g+r,o-rwx /srv/data =>
            show the diff stat against develop => git diff --stat develop =>
            diffstat vs origin/main => git diff --stat origin/main =>
            squash the last 4 commits into one => git reset --soft HEAD~4 && git commit =>
            combine my last 2 commits into a single commit => git reset --soft HEAD~2 && git commit =>
            make my branch identical to origin/develop, throw away local changes => git fetch origin && git reset --hard origin/develop =>
            reset hard to upstream/main and discard local commits => git fetch upstream && git reset --hard upstream/main =>
            git log of lib/ since March 3rd 2024, one line each => git log --oneline --since=2024-03-03 -- lib =>
            commits in docs/ since 2024-06-01 => git log --since=2024-06-01 -- docs =>
            compare app.py with 2 commits ago => git diff HEAD~2 -- app.py =>
            how has config/settings.yml changed over the last 5 commits => git diff HEAD~5 -- config/settings.yml =>
            diff of the .py files in the last 3 commits => git diff HEAD~3 -- '*.py' =>
            top 3 committers by number of commits => git shortlog -sn HEAD | head -n 3 =>
            search commit messages for bugfix ignoring case => git log --oneline -i --grep='bugfix' =>
            which kernel driver does my gpu use => lspci -k | grep -A 3 -iE 'vga|3d' => system_profiler SPDisplaysDataType
            what driver is the video card using => lspci -k | grep -A 3 -iE 'vga|3d' => system_profiler SPDisplaysDataType
            how many cpu sockets does this server have => lscpu | grep -E 'Socket|Core|Thread' => sysctl hw.packages hw.physicalcpu hw.logicalcpu
            show threads per core and cores per socket => lscpu | grep -E 'Socket|Core|Thread' => sysctl hw.packages hw.physicalcpu hw.logicalcpu
            what is the motherboard vendor and model => sudo dmidecode -t baseboard => -
            is docker running => systemctl is-active docker => -
            is the docker daemon up? => systemctl is-active docker => -
            what date is 10 days after 2024-12-25 => date -d '2024-12-25 +10 days' +%F => date -j -v+10d -f %Y-%m-%d 2024-12-25 +%F
            what date was 3 weeks before 2025-01-15 => date -d '2025-01-15 -3 weeks' +%F => date -j -v-3w -f %Y-%m-%d 2025-01-15 +%F
            what's 3pm Tokyo time in my local time => date -d 'TZ="Asia/Tokyo" 15:00' => date -r $(TZ=Asia/Tokyo date -j -f %H:%M 15:00 +%s)
            convert 8:30 London time to my local time => date -d 'TZ="Europe/London" 8:30' => date -r $(TZ=Europe/London date -j -f %H:%M 8:30 +%s)
            what time is it in New York when it's 17:00 in London => TZ=America/New_York date -d 'TZ="Europe/London" 17:00' => TZ=America/New_York date -r $(TZ=Europe/London date -j -f %H:%M 17:00 +%s)
            echo the home directory => echo "$HOME" =>
            what's my default editor => echo "$EDITOR" =>
            make nano my default editor permanently => echo 'export EDITOR=nano' >> ~/.bashrc =>
            set my default editor to vim for good, I use zsh => echo 'export EDITOR=vim' >> ~/.zshrc =>
            make alias gs='git status' stick across sessions, I'm on zsh => echo "alias gs='git status'" >> ~/.zshrc =>
            run ./app with an empty environment except PATH and HOME => env -i PATH="$PATH" HOME="$HOME" ./app =>
            run node with a clean env, only PATH and LANG kept => env -i PATH="$PATH" LANG="$LANG" node =>
            show every python3 binary on my path, not only the first one => which -a python3 =>
            top 5 processes of user postgres by memory => ps -u postgres -o pid,%cpu,%mem,comm --sort=-%mem | head -n 6 => ps -U postgres -o pid,%cpu,%mem,comm -m | head -n 6
            top processes of the user nginx sorted by cpu => ps -u nginx -o pid,%cpu,%mem,comm --sort=-%cpu | head -n 11 => ps -U nginx -o pid,%cpu,%mem,comm -r | head -n 11
            processes using more than 80% memory => ps -eo pid,user,%mem,comm --sort=-%mem | awk 'NR==1 || $3 > 80' => ps aux | awk 'NR==1 || $4 > 80'
            list processes with cpu over 90% => ps -eo pid,user,%cpu,comm --sort=-%cpu | awk 'NR==1 || $3 > 90' => ps aux | awk 'NR==1 || $3 > 90'
            process tree of user alice => pstree -p alice => -
            show the process tree for the www-data user => pstree -p www-data => -
            kill python processes running for more than 2 hours => pkill --older 7200 python => -
            pkill java processes older than 30 minutes => pkill --older 1800 java => -
            fetch https://example.com/file following redirects => curl -L https://example.com/file =>
            put the sticky bit on /tmp/drop => chmod +t /tmp/drop =>
            remove execute permission for others on all .sh files in bin => chmod o-x bin/*.sh =>
            tunnel local port 5433 to db01:5432 through bastion.example.com as user admin => ssh -N -L 5433:db01:5432 admin@bastion.example.com =>
            follow the journal of docker live => journalctl -u docker -f => -
            show the journal of the nginx service => journalctl -u nginx => -
            what ports is pid 4242 listening on => sudo lsof -Pan -p 4242 -iTCP -sTCP:LISTEN =>
            which ports does process 900 listen on => sudo lsof -Pan -p 900 -iTCP -sTCP:LISTEN =>
            resolve the mx records of example.com => dig MX example.com =>
            download https://example.com/data.csv quietly => curl -s -O https://example.com/data.csv =>
            fetch https://example.com/a.tar.gz without a progress bar => curl -s -O https://example.com/a.tar.gz =>
            show the tls certificate of example.com => echo | openssl s_client -connect example.com:443 -servername example.com 2>/dev/null | openssl x509 -noout -text =>
            print the ssl certificate of https://example.org => echo | openssl s_client -connect example.org:443 -servername example.org 2>/dev/null | openssl x509 -noout -text =>
            show the last 10 commits as a graph => git log --graph --oneline --all --decorate -n 10 =>
            show what changed in commit abc123 => git show abc123 =>
            what is the system load average => uptime =>
            print tomorrow's date in YYYY-MM-DD => date -d tomorrow +%F => date -v+1d +%F
            ping google.com every 5 seconds => ping -i 5 google.com =>
            ping 10.0.0.1 every 2 seconds => ping -i 2 10.0.0.1 =>
            how big is the root partition => df -h / =>
            count how many processes alice is running => ps -u alice --no-headers | wc -l => pgrep -u alice | wc -l
            undo git add for all files => git reset =>
            create an annotated tag v3.0 with message release 3 => git tag -a v3.0 -m 'release 3' =>
            tag v1.2 with message first stable => git tag -a v1.2 -m 'first stable' =>
            create an annotated tag v1.0 => git tag -a v1.0 -m 'v1.0' =>
            download https://example.com/f.zip with 3 retries => curl --retry 3 -O https://example.com/f.zip =>
            get https://example.com/x.iso and retry 5 times => curl --retry 5 -O https://example.com/x.iso =>
            upload report.pdf to https://example.com/upload as a multipart form with curl => curl -F 'file=@report.pdf' https://example.com/upload =>
            upload report.pdf to https://example.com/upload as form field doc => curl -F 'doc=@report.pdf' https://example.com/upload =>
            upload ./build/app.zip to https://files.example.com/api as form data => curl -F 'file=@./build/app.zip' https://files.example.com/api =>
            show the size of the git repo => git count-objects -vH =>
            how big is this git repository => git count-objects -vH =>
            send SIGHUP to the process listening on port 80 => kill -HUP $(lsof -t -i:80) =>
            send sigusr1 to whatever is on port 9000 => kill -USR1 $(lsof -t -i:9000) =>
            make /srv/share owned by group devs => sudo chgrp devs /srv/share =>
            the reports dir should belong to the finance group => chgrp finance reports =>
            remove all permissions for group and others on ~/.ssh/id_rsa => chmod go-rwx ~/.ssh/id_rsa =>
            take away all access from others on notes.txt => chmod o-rwx notes.txt =>
            append /opt/tools/bin to PATH permanently in bash => echo 'export PATH="$PATH:/opt/tools/bin"' >> ~/.bashrc =>
            append ~/go/bin to my path => export PATH="$PATH:$HOME/go/bin" =>
            count the commits on main since 2025-01-01 => git rev-list --count --since=2025-01-01 main =>
            how many commits since 2024-06-01 => git rev-list --count --since=2024-06-01 HEAD =>
            list the authors of src/app.py => git log --format='%an' -- src/app.py | sort -u =>
            who has worked on README.md => git log --format='%an' -- README.md | sort -u =>
            show the 3 oldest running processes => ps -eo pid,etime,comm --sort=start_time | head -n 4 => -
            list processes in the D state => ps -eo pid,stat,wchan:20,comm | awk 'NR==1 || $2 ~ /^D/' => ps -Ao pid,stat,wchan,comm | awk 'NR==1 || $2 ~ /^U/'
            show processes in uninterruptible sleep => ps -eo pid,stat,wchan:20,comm | awk 'NR==1 || $2 ~ /^D/' => ps -Ao pid,stat,wchan,comm | awk 'NR==1 || $2 ~ /^U/'
            restart nginx only if the config test passes => sudo nginx -t && sudo systemctl restart nginx => -
            reload nginx after testing the config => sudo nginx -t && sudo systemctl reload nginx => -
            get the ip addresses of github.com => dig +short github.com =>
            stash everything including untracked and name it wip => git stash push -u -m 'wip' =>
            show the diff between main and develop for src/ => git diff main develop -- src/ =>
            show the number of processors => nproc => sysctl -n hw.ncpu
            show the 20 most recent commits by bob => git log --author=bob -n 20 =>
            last 5 commits from alice, one line each => git log --author='alice' -n 5 --oneline =>
            who committed the most in the last month => git shortlog -sn --since='1 month ago' HEAD =>
            top contributors over the past 2 weeks => git shortlog -sn --since='2 weeks ago' HEAD =>
            delete the tag v0.9 locally and on origin => git tag -d v0.9 && git push origin --delete v0.9 =>
            remove tag v2.0-rc1 both locally and remotely => git tag -d v2.0-rc1 && git push origin --delete v2.0-rc1 =>
            show the last commit's author and date => git log -1 --pretty=format:'%h %an %ar %s' =>
            reset the last 2 commits but keep the changes staged => git reset --soft HEAD~2 =>
            undo the last 3 commits and keep my changes => git reset --soft HEAD~3 =>
            kill all processes of user www-data named php => pkill -u www-data php =>
            show pid, ppid and command of all processes => ps -eo pid,ppid,cmd => ps -Ao pid,ppid,command
            list all processes with pid, user and cpu => ps -eo pid,user,%cpu => ps -Ao pid,user,%cpu
            show which process listens on udp port 53 => sudo lsof -i UDP:53 =>
            what is using udp port 161 => sudo lsof -i UDP:161 =>
            sync ~/photos to nas:/volume1/photos and delete extra files => rsync -a --delete ~/photos/ nas:/volume1/photos/ =>
            open an ssh connection to db01 with key ~/.ssh/id_db => ssh -i ~/.ssh/id_db db01 =>
            ssh into bastion using the key ~/.ssh/ops.pem as ubuntu => ssh -i ~/.ssh/ops.pem ubuntu@bastion =>
            block incoming traffic on port 23 with ufw => sudo ufw deny 23 => -
            allow port 8080 through the ufw firewall => sudo ufw allow 8080 => -
            open port 443/tcp in ufw => sudo ufw allow 443/tcp => -
            set permissions 640 on every .conf file in /etc/myapp => sudo chmod 640 /etc/myapp/*.conf =>
            chmod 600 all the .key files in ./certs => chmod 600 ./certs/*.key =>
            make every directory under ./public 755 and every file 644 => find ./public -type d -exec chmod 755 {} + && find ./public -type f -exec chmod 644 {} + =>
            set all folders to 750 and all files to 640 in /srv/app => find /srv/app -type d -exec chmod 750 {} + && find /srv/app -type f -exec chmod 640 {} + =>
            give bob write access to /srv/shared with an acl recursively => setfacl -R -m u:bob:wX /srv/shared => -
            give user carol read access to ./reports and everything in it with acls => setfacl -R -m u:carol:rX ./reports => -
            change owner of all .log files in /var/log/app to syslog:adm => sudo chown syslog:adm /var/log/app/*.log =>
            show the current time with seconds => date +%T =>
            print every environment variable whose name starts with XDG => env | grep '^XDG' =>
            list variables starting with AWS => env | grep '^AWS' =>
            could you tell me which process is hogging port 8000? => sudo lsof -i :8000 => sudo lsof -nP -iTCP:8000 -sTCP:LISTEN
            gimme the top 3 cpu hogs => ps -eo pid,user,%cpu,comm --sort=-%cpu | head -n 4 => ps -Ao pid,user,%cpu,comm -r | head -n 4
            show me nginx processes with their memory use => ps -C nginx -o pid,rss,args => ps -o pid,rss,args -p $(pgrep -d, nginx)
            what process id does firefox have => pgrep firefox =>
            pid of the sshd process => pgrep sshd =>
            can you let the group write to shared.txt => chmod g+w shared.txt =>
            take away everyone's write access on config.ini => chmod a-w config.ini =>
            make bob the owner of project/ and all its files => sudo chown -R bob project =>
            show git config user name => git config user.name =>
            what's my git email => git config user.email =>
            what permissions does ~/.ssh have => ls -ld ~/.ssh =>
            recursively let the group write to everything in shared => chmod -R g+w shared =>
            change the group of report.csv to finance and make it group-writable => sudo chgrp finance report.csv && sudo chmod g+w report.csv =>
            trace the route to 8.8.8.8 => traceroute 8.8.8.8 =>
            """;

    static Stream<Arguments> table() {
        return Backends.gnuThenBsdRows(TABLE.strip().lines().map(String::strip)
                .reduce((a, b) -> a + "\n" + b).orElse(""));
    }

    @ParameterizedTest
    @MethodSource("table")
    void rendersGnuAndBsd(String prompt, String gnu, String bsd) {
        Backends.assertRenders(prompt, gnu, bsd);
    }

    /** Near misses: a detail the command would leave out, or a different task. */
    @ParameterizedTest
    @ValueSource(strings = {
        "send the stopped vim job to the background",
        "monitor the network traffic of process 4001",
        "which processes have deleted files open in /var/log",
        "how much swap is each gunicorn worker using",
        "show every redirect hop of https://bit.ly/x",
        "which udp ports are open on 192.168.1.20",
        "how many established connections on port 443 per remote ip",
        "create a group called qa and put dave and erin in it",
        "remove the setuid and setgid bits from ./tool",
        "files in /srv owned by nobody should belong to www-data, except the logs",
        "squash my last 3 commits into one and push",
        "reset my branch to origin/main but keep my uncommitted changes",
        "diff src/main.c against 3 commits ago, ignoring whitespace",
        "search commit messages for hotfix by alice, case insensitive",
        "what date is 6 business days after 2025-02-10",
        "make vim my default editor permanently for all users",
        "kill node processes that have been running for less than an hour",
        "processes using more than 50% cpu for over a minute",
        "download https://example.com/a.iso at 2MB/s and save it as b.iso",
        "take interface eth1 down and remove its ip address",
        "what time is it in Sydney when it's 09:00 in Berlin tomorrow",
        "top 10 processes of user www-data sorted by cpu and memory",
        "run ./server with a clean environment, only PATH, HOME and TERM passed through",
        "make the uploads folder group-writable for www-data but only the directories",
        "is docker running on host web01",
        "how many open files does pid 2048 have, grouped by type",
        "give the group write access and remove read access for others on notes.txt",
        "swap of each python process",
        "what ports is pid 4242 listening on over udp",
        "show the tls certificate chain of example.com",
        "download https://example.com/f.zip with 3 retries and save it as g.zip",
        "upload report.pdf to https://example.com/upload with curl",
        "send SIGHUP to every process on port 80",
        "remove all permissions for others except read on notes.txt",
        "count the commits by alice since 2025-01-01",
        "list the authors of src/app.py with their emails",
        "kill the 3 oldest processes",
        "restart nginx in docker only if the config test passes",
        "make a file immutable",
        "what time is it in london and new york",
        "show the diff between main and develop in /srv/app",
        "append /opt/tools/bin to PATH permanently for all users",
        "show the 20 most recent commits by bob since monday",
        "reset the last 2 commits and discard the changes",
        "kill all processes of user www-data named php except the master",
        "show pid, ppid and command of all processes sorted by memory",
        "sync ~/photos to nas:/volume1/photos and delete extra files, but skip .thumbnails",
        "open an ssh connection to db01 with key ~/.ssh/id_db and forward port 8080",
        "allow port 8080 from 10.0.0.0/8 through the firewall",
        "set permissions 640 on every .conf file in /etc/myapp recursively",
        "make every directory under ./public 755 and every file 644 except the .sh files",
        "give bob write access to /srv/shared with an acl recursively, as the default for new files",
        "change owner of all .log files in /var/log/app to syslog:adm recursively",
        "print every environment variable whose value starts with /usr",
        "block port 23 with iptables",
        "make bob the owner of project/ and all its files except the .git folder",
        "what process id does firefox have on port 80",
        "take away everyone's write access on config.ini but keep mine",
        "show git config user name and email for every repo",
        "traceroute to example.com using tcp",
        "make notes.txt readable by everyone but writable only by me",
        "which python and which pip am I using",
        "check if ports 80 and 443 are open on example.com"})
    void declinesNearMisses(String prompt) {
        Backends.assertDeclines(prompt);
    }
}
