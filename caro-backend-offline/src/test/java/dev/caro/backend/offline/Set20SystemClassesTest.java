package dev.caro.backend.offline;


import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classes of system-side requests (disk usage, compression, processes, network, permissions, git,
 * system information, date, environment) that blind set 20 declined or answered wrongly, in
 * phrasings of our own, with their siblings: the command they render on GNU and BSD, and near
 * misses that must decline. Wrong answers first: "make root the owner" was a find (the word "root"
 * passed as a prefix of a template flag), a download with basic auth lost its {@code -O}, a sums
 * file inside the directory lost its directory, "in total" printed the whole free table, and the
 * sticky bit on a shared directory outside /tmp and home needs root; a path captured only for a
 * fallback the template did not take is left out ("report.csv recursively in ./shared"). Then
 * everyday siblings written before they were run: services at boot, stash entries by position,
 * umask, tag and push, clone into a folder, nice a script, "on this machine" for machine state.
 */
class Set20SystemClassesTest {

    /** Request => GNU command [|| BSD command, when it differs; "-" when BSD declines]. */
    private static final String TABLE = """
            make www-data the owner of the .php files in /var/www/html => sudo chown www-data /var/www/html/*.php
            chown all .log files in /srv/logs to syslog => sudo chown syslog /srv/logs/*.log
            set the owner of every .conf file in /etc/app to root => sudo chown root /etc/app/*.conf
            grab https://example.com/a.zip with basic auth user joe password pw1 => curl -u joe:pw1 -O https://example.com/a.zip
            download https://example.com/r.pdf using basic auth joe:pw1 => curl -u joe:pw1 -O https://example.com/r.pdf
            fetch https://example.com/api using user admin and password secret => curl -u admin:secret https://example.com/api
            write md5 sums of all files in build/ to build/MD5SUMS => cd build && md5sum * > MD5SUMS || cd build && md5 -r * > MD5SUMS
            save sha256 checksums for everything in release to release/SHA256SUMS => cd release && sha256sum * > SHA256SUMS || cd release && shasum -a 256 * > SHA256SUMS
            how much total memory is there => grep MemTotal /proc/meminfo || sysctl -n hw.memsize
            total ram of this server? => grep MemTotal /proc/meminfo || sysctl -n hw.memsize
            how much ram does this laptop have => free -h || sysctl -n hw.memsize
            put the sticky bit on /srv/drop => sudo chmod +t /srv/drop
            set the sticky bit on /tmp/inbox => chmod +t /tmp/inbox
            add the sticky bit to ./shared => chmod +t ./shared
            how much space does the journal take at the moment => journalctl --disk-usage || -
            how big does disk.img claim to be versus what it really takes on disk => ls -lsh disk.img
            apparent size vs actual disk usage of ./cache => du -h ./cache && du -h --apparent-size ./cache || du -h ./cache && du -hA ./cache
            list the mounted filesystems with their source devices => findmnt || mount
            gunzip everything in ./logs => gunzip ./logs/*.gz
            unxz all files in backups => unxz backups/*.xz
            bunzip2 every file in /data/in => bunzip2 /data/in/*.bz2
            decompress all the .zst files in dumps => unzstd dumps/*.zst
            load dump.sql.xz into the mysql database shop without unpacking it => xz -dc dump.sql.xz | mysql shop
            import backup.sql.gz into the postgres database app => gunzip -c backup.sql.gz | psql -d app
            restore dump.sql into the mysql database crm => mysql crm < dump.sql
            how big would notes.txt be if I xz it => xz -c notes.txt | wc -c
            how many bytes is data.csv once gzipped, without changing it => gzip -c data.csv | wc -c
            compressed size of app.log with zstd, dont touch the file => zstd -c app.log | wc -c
            total memory used by all chrome processes together => ps -C chrome -o rss= | awk '{s+=$1} END {print s/1024 " MB"}' || ps -Ao rss,comm | awk '/chrome/ {s+=$1} END {print s/1024 " MB"}'
            combined ram of all the node processes => ps -C node -o rss= | awk '{s+=$1} END {print s/1024 " MB"}' || ps -Ao rss,comm | awk '/node/ {s+=$1} END {print s/1024 " MB"}'
            run node app.js so it survives logout, all output to app.log => nohup node app.js > app.log 2>&1 &
            send SIGHUP to the pid in /run/haproxy.pid => sudo kill -HUP "$(cat /run/haproxy.pid)"
            send SIGUSR1 to the pid in ./app.pid => kill -USR1 "$(cat ./app.pid)"
            kill the process whose pid is stored in /var/run/app.pid => sudo kill "$(cat /var/run/app.pid)"
            stop the process from the pid file ~/svc.pid => kill "$(cat ~/svc.pid)"
            top once sorted by cpu => top -b -n 1 -o %CPU || top -l 1 -o cpu
            a single snapshot of top sorted by memory => top -b -n 1 -o %MEM || top -l 1 -o mem
            run top in batch mode, one iteration => top -b -n 1 || top -l 1
            only the ipv4 addresses of github.com => dig +short A github.com
            ipv6 addresses of example.org => dig +short AAAA example.org
            is db.example.com accepting connections on port 5432? => nc -z -w 3 db.example.com 5432 && echo open
            check whether mail.example.org is listening on port 25 => nc -z -w 3 mail.example.org 25 && echo open
            tunnel local port 5432 to port 5432 on dbhost over ssh => ssh -L 5432:localhost:5432 dbhost
            forward my local port 9000 to port 80 on web02 => ssh -L 9000:localhost:80 web02
            create a group called devs and add myself to it => sudo groupadd devs && sudo usermod -aG devs "$USER" || -
            make a new group called qa and put me in it => sudo groupadd qa && sudo usermod -aG qa "$USER" || -
            create a group called ops => sudo groupadd ops || sudo dseditgroup -o create ops
            create a group named devs => sudo groupadd devs || sudo dseditgroup -o create devs
            add me to the docker group => sudo usermod -aG docker "$USER" || sudo dseditgroup -o edit -a "$USER" -t user docker
            rename branch 'feature-x' to 'feature-y' => git branch -m feature-x feature-y
            rename the branch "dev" as "develop" => git branch -m dev develop
            add a remote named "fork" at git@github.com:me/widget.git => git remote add fork git@github.com:me/widget.git
            add remote 'mirror' for https://example.com/r.git => git remote add mirror https://example.com/r.git
            what has been committed to docs/ since yesterday => git log --since=yesterday -- docs
            commits touching src/api/ in the last 3 days => git log --since='3 days ago' -- src/api
            pop my stash and remove them from the stash list => git stash pop
            stop tracking 'config/local.yml' but keep it on disk => git rm --cached config/local.yml
            I need the serial number of this laptop for a warranty claim => sudo dmidecode -s system-serial-number || system_profiler SPHardwareDataType | grep Serial
            show the last 5 logins on this box => last -n 5
            convert 2025-01-31 08:30 UTC to a unix timestamp => date -d '2025-01-31 08:30 UTC' +%s || -
            convert 2027-01-01 to unix time in utc => date -u -d 2027-01-01 +%s || date -u -j -f %Y-%m-%d 2027-01-01 +%s
            every python3 executable on my path => which -a python3
            all the copies of java on the PATH, not only the first => which -a java
            make gs an alias for git status => alias gs='git status'
            make la an alias for ls -A => alias la='ls -A'
            set JAVA_HOME for this session to /opt/jdk-21 => export JAVA_HOME=/opt/jdk-21
            run backup.sh with low priority => nice -n 19 ./backup.sh
            run train.py with the lowest cpu priority => nice -n 19 python3 train.py
            renice process 777 to priority 10 => renice -n 10 -p 777
            create a tag v1.2.0 and push it => git tag v1.2.0 && git push origin v1.2.0
            tag the current commit as v2.0 and push the tag to origin => git tag v2.0 && git push origin v2.0
            clone https://github.com/acme/widget.git into ./widget => git clone https://github.com/acme/widget.git ./widget
            clone git@github.com:acme/widget.git into a folder called w2 => git clone git@github.com:acme/widget.git w2
            what ports are open on this machine => sudo ss -tlnp || sudo lsof -nP -iTCP -sTCP:LISTEN
            show ip addresses => ip -brief address || ifconfig | grep 'inet '
            network interfaces and their ip addresses => ip -brief address || ifconfig | grep 'inet '
            set the default umask to 027 => umask 027
            umask 022 please => umask 022
            revert commit abc123 => git revert abc123
            show the log of file.py with diffs => git log -p --follow -- file.py
            enable docker to start at boot => sudo systemctl enable docker || -
            enable the ssh service at boot => sudo systemctl enable ssh || -
            make nginx start automatically on boot => sudo systemctl enable nginx || -
            enable ssh at boot and start it now => sudo systemctl enable --now ssh || -
            stop cups from starting at boot => sudo systemctl disable cups || -
            fetch all branches from origin => git fetch origin
            fetch from upstream => git fetch upstream
            apply the second stash => git stash apply stash@{1}
            drop the third stash => git stash drop stash@{2}
            how many threads are running on this box => ps -eLf --no-headers | wc -l || -
            total number of running threads => ps -eLf --no-headers | wc -l || -
            how many cpu threads do I have => nproc || sysctl -n hw.ncpu
            kill -9 everything named chrome => pkill -9 chrome
            send SIGTERM to all node processes => pkill -TERM node
            send sigusr1 to gunicorn => pkill -USR1 gunicorn
            which program has file /var/log/syslog open => sudo lsof /var/log/syslog
            set git user name to Alice for this repo only => git config user.name 'Alice'
            set my git name to Alice Smith => git config --global user.name 'Alice Smith'
            show free space on the disk holding /home => df -h /home
            remove the alias ll => unalias ll
            unalias gs => unalias gs
            enable and start nginx => sudo systemctl enable --now nginx || -
            stop and disable the cups service => sudo systemctl disable --now cups || -
            clone https://github.com/acme/widget.git into ./widget with depth 1 => git clone --depth=1 https://github.com/acme/widget.git ./widget
            top once by memory => top -b -n 1 -o %MEM || top -l 1 -o mem
            dig A record example.com short => dig +short A example.com
            nginx reload via pid file /run/nginx.pid => sudo kill -HUP "$(cat /run/nginx.pid)"
            add myself to group docker => sudo usermod -aG docker "$USER" || sudo dseditgroup -o edit -a "$USER" -t user docker
            add a group called devs => sudo groupadd devs || sudo dseditgroup -o create devs
            show the current shell's PID => echo $$
            pid of this shell => echo $$
            print my username => whoami
            what is my home directory => echo "$HOME"
            what was the date last friday => date -d 'last friday' +%F || date -v-1d -v-fri +%F
            how many days between 2024-01-01 and 2024-03-01 => echo $(( ( $(date -d 2024-03-01 +%s) - $(date -d 2024-01-01 +%s) ) / 86400 )) || echo $(( ( $(date -j -f %Y-%m-%d 2024-03-01 +%s) - $(date -j -f %Y-%m-%d 2024-01-01 +%s) ) / 86400 ))
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
        "make root the owner of all the .conf files under /etc/myapp",
        "make alice the owner of the .txt files in ~/docs, and the group too",
        "make the group staff",
        "create a group called devs and put alice and bob in it",
        "download https://example.com/a.zip with basic auth joe:pw1 and save it as b.zip",
        "gunzip everything in logs except today's",
        "gunzip everything in ./logs and keep the originals",
        "load dump.sql.xz into mysql",
        "how big would a.txt be with gzip vs xz",
        "swap of each python process",
        "delete the stale pid file /run/app.pid",
        "show the pid in /run/nginx.pid",
        "top 5 processes once",
        "ping the ipv6 address of example.com",
        "what changed in docs/ since last week",
        "how many commits to src/ since monday",
        "make ll an alias for ls -alF permanently",
        "forward local port 3000 to port 3000 on the server",
        "give the group read access to report.csv recursively in ./shared",
        "make sure docker starts at boot",
        "run my app at boot",
        "run ./backup.sh with low priority and log it to backup.log",
        "set the umask to 027 for all users permanently",
        "compress logs/ into logs.tar.zst",
        "free space on /home and /var",
        "send SIGTERM to process 4242 and all node processes",
        "reopen the logs of the pid in /run/nginx.pid",
        "clone https://github.com/acme/widget.git with depth 5",
        "disable nginx at boot but keep it running",
        "kill the parent of this shell",
        "how many weeks between 2024-01-01 and 2024-03-01"})
    void declinesNearMisses(String prompt) {
        Backends.assertDeclines(prompt);
    }
}
