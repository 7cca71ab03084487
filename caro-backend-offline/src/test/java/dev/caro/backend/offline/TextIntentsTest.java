package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Generation;
import dev.caro.api.context.ShellKind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text-search, text-transform, counting, process, network and environment intents of
 * {@code text.intents}: phrasings that are not in any dataset render the expected command (GNU and,
 * where the tools differ, BSD), and near misses that would need something else decline.
 */
class TextIntentsTest {

    /** Request => GNU command. */
    private static final String GNU_TABLE = """
            print lines with both alpha and beta in log.txt => grep alpha log.txt | grep beta
            show the lines between START and STOP in build.log => sed -n '/START/,/STOP/p' build.log
            grep -r FIXME under lib and suppress error messages => grep -r FIXME lib 2>/dev/null
            extract every number from report.txt => grep -Eo '[0-9]+' report.txt
            show sshd.conf without comments or blank lines => grep -Ev '^[[:space:]]*(#|$)' sshd.conf
            how many files in src mention deprecated => grep -rl deprecated src | wc -l
            count lines containing WARN in each file under logs => grep -rc WARN logs
            give me the line, word and character counts of essay.txt => wc essay.txt
            how many different values does the third column of stats.txt have => awk '{print $3}' stats.txt | sort -u | wc -l
            how often does each value in column 2 of access.log appear => awk '{print $2}' access.log | sort | uniq -c | sort -rn
            list the users that have a login shell => grep -vE '(nologin|false)$' /etc/passwd | cut -d: -f1
            how many columns are in report.csv => head -n 1 report.csv | awk -F, '{print NF}'
            mean of the 4th column of scores.txt => awk '{s+=$4} END {print s/NR}' scores.txt
            sort releases.txt by version => sort -V releases.txt
            capitalize the 1st column of names.txt => awk '{$1 = toupper($1)} 1' names.txt
            show lines in new.txt but not in old.txt => grep -vxFf old.txt new.txt
            what lines are common to list1.txt and list2.txt => grep -xFf list2.txt list1.txt
            show a.csv and b.csv side by side => paste a.csv b.csv
            wrap long lines in essay.txt at 72 characters => fold -s -w 72 essay.txt
            strip the first 2 characters from each line of codes.txt => cut -c3- codes.txt
            print codes.txt starting at line 5 => tail -n +5 codes.txt
            append 'export X=1' to setup.sh => echo 'export X=1' >> setup.sh
            kill every process of user alice => sudo pkill -u alice
            get the version field out of package.json => jq -r '.version' package.json
            print the longest line in poem.txt => awk 'length($0) > max {max = length($0); line = $0} END {print line}' poem.txt
            kill all processes belonging to the user guest => sudo pkill -u guest
            A records for example.net, addresses only => dig +short A example.net
            MX records of gmail.com, just the values => dig +short MX gmail.com
            reverse dns lookup of 1.1.1.1 => host 1.1.1.1
            show the full history of lib/parser.py, following it across renames => git log --follow lib/parser.py
            show commit history for src/main.c => git log --follow -- src/main.c
            our nightly backup.sh sometimes hangs forever. run it, but kill it if it's still going after 2 hours => timeout 2h ./backup.sh
            run ./deploy.sh and kill it after 10 minutes => timeout 10m ./deploy.sh
            list running processes ordered by when they started => ps -eo pid,lstart,cmd --sort=start_time
            show processes sorted by start time => ps -eo pid,lstart,cmd --sort=start_time
            what will the date and time be 3 hours from now => date -d '+3 hours'
            what time will it be in 45 minutes => date -d '+45 minutes'
            turn 2024-06-15 08:30:00 into a unix timestamp => date -d '2024-06-15 08:30:00' +%s
            convert 2023-01-01 to epoch seconds => date -d '2023-01-01' +%s
            list the available timezones in Europe => timedatectl list-timezones | grep Europe
            list all the aliases defined in my shell => alias
            ping 192.168.1.1 20 times, half a second apart => ping -c 20 -i 0.5 192.168.1.1
            ping 8.8.8.8 5 times every 2 seconds => ping -c 5 -i 2 8.8.8.8
            grep 'segfault' in kern.log and show the 5 lines after each hit => grep -A 5 segfault kern.log
            grep error in app.log and show the 3 lines before each match => grep -B 3 error app.log
            how many commits were made today => git rev-list --count --since=midnight HEAD
            how many commits did I make today => git rev-list --count --since=midnight HEAD
            how much ram does pid 4321 use => ps -o rss= -p 4321
            what is the parent of process 77 => ps -o ppid= -p 77
            when did process 555 start => ps -o lstart= -p 555
            which files has process 99 open => lsof -p 99
            send a hangup to process 300 => kill -HUP 300
            freeze process 600 => kill -STOP 600
            wait for process 4242 to exit => while kill -0 4242 2>/dev/null; do sleep 1; done
            run ./long.sh with a timeout of 5 minutes => timeout 5m ./long.sh
            wget https://example.com/a.iso and save it as b.iso => wget -O b.iso https://example.com/a.iso
            download all the urls in list.txt => wget -i list.txt
            ssh into admin@10.0.0.5 via jump.example.com => ssh -J jump.example.com admin@10.0.0.5
            tunnel local port 5432 to port 5432 on db.example.com => ssh -L 5432:localhost:5432 db.example.com
            curl https://x.io/api with bearer token xyz => curl -H 'Authorization: Bearer xyz' https://x.io/api
            get https://x.io following redirects => curl -L https://x.io
            copy my public key to root@server.example.com => ssh-copy-id root@server.example.com
            check when the certificate for github.com expires => echo | openssl s_client -connect github.com:443 -servername github.com 2>/dev/null | openssl x509 -noout -enddate
            start a web server on port 9000 in this directory => python3 -m http.server 9000
            set the default editor to nano => export EDITOR=nano
            source the .env file => set -a; source .env; set +a
            change my default shell to fish => chsh -s "$(command -v fish)"
            env vars starting with JAVA => env | grep '^JAVA'
            what does the ll alias expand to => alias ll
            search logs recursively for timeout with line numbers => grep -rn timeout logs
            which files in docs dont contain copyright => grep -rL copyright docs
            dedupe names.txt without sorting => awk '!seen[$0]++' names.txt
            what is the hostname for 1.1.1.1 => host 1.1.1.1
            trim every line of notes.txt in place => sed -i 's/^[[:space:]]*//;s/[[:space:]]*$//' notes.txt
            show the child processes of pid 42 => pstree -p 42
            print 4 lines before panic in kern.log => grep -B 4 panic kern.log
            lines with GET but not 200 in access.log => grep GET access.log | grep -v 200
            last match of timeout in app.log => grep timeout app.log | tail -n 1
            kill whatever is running 'python app.py' => pkill -f 'python app.py'
            curl https://dev.local without verifying the certificate => curl -k https://dev.local
            what was the exit status of the previous command => echo $?
            is ll an alias or a function => type ll
            run ./x.sh with a 90 second timeout => timeout 90 ./x.sh
            ssh to example.com with the key ~/.ssh/id_work as deploy => ssh -i ~/.ssh/id_work deploy@example.com
            send a hup signal to haproxy => pkill -HUP haproxy
            sort scores.txt numerically using the third column => sort -k3,3n scores.txt
            first 64 bytes of image.bin => head -c 64 image.bin
            i would like nano as my editor => export EDITOR=nano
            python files under app that import django => grep -rlE --include='*.py' '^(import|from) django' app
            which scripts in ~/bin never mention the word sudo => grep -rL sudo ~/bin
            grep -r SECRET in config but skip the generated folder => grep -r --exclude-dir=generated SECRET config
            search for TODO in src but not in tests => grep -r --exclude-dir=tests TODO src
            how many times does WARN appear in each .log file in logs => grep -c WARN logs/*.log
            lines of inventory.txt starting with SKU => grep '^SKU' inventory.txt
            rows of prices.txt where the 3rd column is below 20 => awk '$3 < 20' prices.txt
            first 3 lines of data.txt where column 1 equals apple => awk '$1 == "apple"' data.txt | head -n 3
            how many accounts have zsh as their login shell => grep -c '/bin/zsh$' /etc/passwd
            unique values of field 2 in pairs.txt => awk '{print $2}' pairs.txt | sort -u
            count the unique ips in column 1 of access.log => awk '{print $1}' access.log | sort -u | wc -l
            top 3 most common values in the 2nd column of events.csv => awk -F, '{print $2}' events.csv | sort | uniq -c | sort -rn | head -n 3
            turn the commas in a.csv into semicolons and save it to b.csv => tr ',' ';' < a.csv > b.csv
            print the url field of every item in links.json => jq -r '.[].url' links.json
            number the lines of a.txt including the empty ones => nl -ba a.txt
            number the lines of a.txt but skip blank ones => nl a.txt
            grep dmesg for usb => sudo dmesg | grep usb
            get all https links from index.html => grep -oE 'https://[^" ]+' index.html
            lines of main.go longer than 100 chars with line numbers => awk 'length > 100 {print NR": "$0}' main.go
            how much memory in kb does pid 7 use => ps -o rss= -p 7
            search for FIXME in lib, skipping the dist and build folders => grep -r --exclude-dir=dist --exclude-dir=build FIXME lib
            how many TODO lines does each md file in docs have => grep -c TODO docs/*.md
            lines of notes.txt that start with [ => grep '^[[]' notes.txt
            how many accounts use fish => grep -c '/bin/fish$' /etc/passwd
            from nodes.json, an array, print every address => jq -r '.[].address' nodes.json
            the 5 most common values in column 2 of sales.csv => awk -F, '{print $2}' sales.csv | sort | uniq -c | sort -rn | head -n 5
            any mention of 'I/O error' in dmesg => sudo dmesg | grep 'I/O error'
            show the lines in style.css ending in a comma => grep ',$' style.css
            print the lines of notes.md starting with a hash => grep '^#' notes.md
            line count of each csv in exports => wc -l exports/*.csv
            strip empty lines from raw.txt and write the result to tidy.txt => grep -v '^$' raw.txt > tidy.txt
            change each tab to a comma in grid.txt => tr '\\t' ',' < grid.txt
            show the second and fourth fields of log.txt => awk '{print $2, $4}' log.txt
            sort totals.txt numerically, largest first => sort -n -r totals.txt
            merge the lines of ids.txt into a single line separated by spaces => paste -sd' ' ids.txt
            what is .name in package.json => jq -r '.name' package.json
            convert notes.txt from windows line endings to unix => dos2unix notes.txt
            how many non-blank lines are in list.txt => grep -cv '^$' list.txt
            grep -v DEBUG app.log => grep -v DEBUG app.log
            last 20 lines of server.log that mention refused => grep refused server.log | tail -n 20
            how many fields are on each line of table.txt => awk '{print NF}' table.txt
            strip all digits from ids.txt => tr -d '[:digit:]' < ids.txt
            count the lines of notes.txt containing todo, case insensitive => grep -ci todo notes.txt
            grep open_file in the .rs and .toml files => grep -r --include='*.rs' --include='*.toml' open_file .
            where is load_config used in python and yaml files under app, with line numbers => grep -rn --include='*.py' --include='*.yaml' load_config app
            requests in /var/log/nginx/access.log that returned 403 => awk '$9 == 403' /var/log/nginx/access.log
            access.log lines with a 3xx status => awk '$9 ~ /^3[0-9][0-9]$/' access.log
            how many 502s are in access.log => awk '$9 == 502' access.log | wc -l
            failed ssh logins => grep 'Failed password' /var/log/auth.log
            how many bad ssh password attempts are in /var/log/secure => grep -c 'Failed password' /var/log/secure
            git grep -n for getUser => git grep -n getUser
            look for deprecated in the tracked files only => git grep deprecated
            show 2 lines that follow each Traceback in worker.log => grep -A 2 Traceback worker.log
            print lines of words.txt that begin with an uppercase letter => grep '^[A-Z]' words.txt
            rows of data.txt starting with a number => grep '^[0-9]' data.txt
            how many times does the word cat occur in story.txt, ignoring case => grep -oiw cat story.txt | wc -l
            count the files under media by extension => find media -type f -name '*.*' | sed 's|.*/||; s|.*\\.||' | sort | uniq -c | sort -rn
            how many users have /bin/bash as their login shell => grep -c ':/bin/bash$' /etc/passwd
            how many distinct hosts in hits.log? the host is the 3rd column => awk '{print $3}' hits.log | sort -u | wc -l
            ppid of process 4040 => ps -o ppid= -p 4040
            whats the parent pid of 999 => ps -o ppid= -p 999
            make nginx reload its config => sudo nginx -s reload
            send a HUP signal to nginx so it rereads its configuration => sudo nginx -s reload
            send SIGHUP to rsyslogd => pkill -HUP rsyslogd
            run make test but kill it if its still running after 20 minutes => timeout 20m make test
            which jobs are running in this shell => jobs -l
            is mysqld running and how long has it been up => ps -C mysqld -o pid,etime,args
            pause process 3131 for now => kill -STOP 3131
            download https://x.io/f.zip quietly following redirects => curl -sLO https://x.io/f.zip
            how many established tcp connections are there => ss -Htan state established | wc -l
            install my ssh key on ci@build.example.com so I can log in without a password => ssh-copy-id ci@build.example.com
            set up passwordless ssh for deploy@web1.example.com => ssh-copy-id deploy@web1.example.com
            forward local port 5433 to port 5432 on pg.internal via gw.example.com as ops => ssh -N -L 5433:pg.internal:5432 ops@gw.example.com
            forward local port 8080 to port 80 on web.example.com over ssh => ssh -L 8080:localhost:80 web.example.com
            start ./api with an empty environment except for HOME => env -i HOME="$HOME" ./api
            persist alias gl='git log --oneline' in my zshrc => echo "alias gl='git log --oneline'" >> ~/.zshrc
            which version of cargo is installed => cargo --version
            what is my PAGER variable set to => echo "$PAGER"
            print the EDITOR variable => echo "$EDITOR"
            show main.c with every tab replaced by 8 spaces => sed 's/\\t/        /g' main.c
            print list.txt with the spaces turned into newlines => tr ' ' '\\n' < list.txt
            get the license field from package.json => jq -r '.license' package.json
            print the second column then the first of kv.txt => awk '{print $2, $1}' kv.txt
            add the header line date,amount at the top of ledger.csv => sed -i '1i date,amount' ledger.csv
            orders.json is an array, turn it into csv with the fields id and total => jq -r '.[] | [.id, .total] | @csv' orders.json
            show the user, cpu and memory of pid 77 => ps -o user,%cpu,%mem -p 77
            bring job 2 to the foreground => fg %2
            kill %3 => kill %3
            whois github.com => whois github.com
            curl https://x.io with a timeout of 10 seconds => curl --max-time 10 https://x.io
            wget https://x.io/a.zip to ~/Downloads => wget -P ~/Downloads https://x.io/a.zip
            post form data user=ann&pw=x to https://x.io/login => curl -d 'user=ann&pw=x' https://x.io/login
            how many items are in list.json => jq length list.json
            columns 3 to 5 of sales.csv => cut -d, -f3-5 sales.csv
            pretty print config.xml => xmllint --format config.xml
            strip the html tags from index.html => sed 's/<[^>]*>//g' index.html
            open network connections of pid 4242 => lsof -i -a -p 4242
            show the matches only for [A-Z]{3} in codes.txt => grep -oE '[A-Z]{3}' codes.txt
            would you show me the 404 requests in /var/log/apache2/access.log => awk '$9 == 404' /var/log/apache2/access.log
            could you swap the first two columns of pairs.txt => awk '{print $2, $1}' pairs.txt
            Could you tunnel local port 3307 to port 3306 on mysql.internal through bastion.acme.io as deploy? => ssh -N -L 3307:mysql.internal:3306 deploy@bastion.acme.io
            which rust files call unwrap => grep -rl --include='*.rs' unwrap .
            list the c files that define parse_args => grep -rl --include='*.c' parse_args .
            which ts files invoke setTimeout => grep -rl --include='*.ts' setTimeout .
            which js files call JSON.parse => grep -rl -F --include='*.js' JSON.parse .
            which files under conf mention db.internal.lan => grep -rl -F db.internal.lan conf
            which files in /etc mention 192.168.0.10 => grep -rl -F 192.168.0.10 /etc
            hit https://status.example.org/ping and show only the status code => curl -s -o /dev/null -w '%{http_code}\\n' https://status.example.org/ping
            send a GET request to https://api.example.org/items with the bearer token xyz789 => curl -H 'Authorization: Bearer xyz789' https://api.example.org/items
            compare folders old/ and new/ and just say which files differ => diff -rq old/ new/
            how often does each word appear in essay.txt => tr -s '[:space:]' '\\n' < essay.txt | sort | uniq -c | sort -rn
            what date is 1700000000 in utc => date -u -d @1700000000
            """;

    /** Request => GNU command => BSD command. */
    private static final String BSD_TABLE = """
            delete lines 10 through 20 from config.ini => sed -i '10,20d' config.ini => sed -i '' '10,20d' config.ini
            remove line 7 from hosts.txt => sed -i '7d' hosts.txt => sed -i '' '7d' hosts.txt
            how many threads are in process 88 => ps -o nlwp= -p 88 => ps -M -p 88 | tail -n +2 | wc -l
            what is the working directory of process 31 => pwdx 31 => lsof -a -d cwd -p 31
            print the environment of pid 12 => tr '\\0' '\\n' < /proc/12/environ => ps eww -o command= -p 12
            show the neighbor table => ip neigh => arp -a
            how many java processes are running => pgrep -c java => pgrep java | wc -l
            remove the last line of log.txt in place => sed -i '$d' log.txt => sed -i '' '$d' log.txt
            count the processes owned by user carol => ps -u carol --no-headers | wc -l => pgrep -u carol | wc -l
            what are my dns servers => cat /etc/resolv.conf => scutil --dns
            display all processes as a tree with parents and children => ps -ef --forest => pstree
            turn http links in page.md into https in place => sed -i 's|http://|https://|g' page.md => sed -i '' 's|http://|https://|g' page.md
            replace /var/www with /srv/www in site.conf in place => sed -i 's|/var/www|/srv/www|g' site.conf => sed -i '' 's|/var/www|/srv/www|g' site.conf
            change ftp: to sftp: in hosts.txt in place => sed -i 's/ftp:/sftp:/g' hosts.txt => sed -i '' 's/ftp:/sftp:/g' hosts.txt
            last 5 lines of app.log.gz => zcat app.log.gz | tail -n 5 => gzip -dc app.log.gz | tail -n 5
            how long has postgres been running => ps -C postgres -o pid,etime,args => ps -o pid,etime,args -p "$(pgrep -d, -x postgres)"
            number of sockets in time_wait => ss -Htan state time-wait | wc -l => netstat -an -p tcp | grep -c TIME_WAIT
            print tabs.txt with the tabs replaced by 2 spaces => sed 's/\\t/  /g' tabs.txt => awk '{gsub(/\\t/, "  ")} 1' tabs.txt
            process 88's pid, ppid and command => ps -o pid,ppid,cmd -p 88 => ps -o pid,ppid,command -p 88
            prepend the line '# notes' to todo.md => sed -i '1i # notes' todo.md => printf '%s\\n' '# notes' | cat - todo.md > todo.md.tmp && mv todo.md.tmp todo.md
            """;

    static Stream<Arguments> gnuTable() {
        return GNU_TABLE.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split(" => ")).map(p -> Arguments.of(p[0], p[1]));
    }

    static Stream<Arguments> bsdTable() {
        return BSD_TABLE.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split(" => ")).map(p -> Arguments.of(p[0], p[1], p[2]));
    }

    @ParameterizedTest
    @MethodSource("gnuTable")
    void rendersGnuCommands(String prompt, String command) {
        assertEquals(command, Backends.gnu(prompt), prompt);
    }

    @ParameterizedTest
    @MethodSource("bsdTable")
    void rendersBsdVariantsWhereTheyDiffer(String prompt, String gnu, String bsd) {
        assertEquals(gnu, Backends.gnu(prompt), prompt);
        assertEquals(bsd, Backends.bsd(prompt), prompt);
    }

    /** macOS has neither timeout nor systemctl ({@code bsd: -}): declined there, answered on GNU. */
    @ParameterizedTest
    @ValueSource(strings = {"run ./long.sh with a timeout of 5 minutes => timeout 5m ./long.sh",
        "is the nginx service active => systemctl is-active nginx"})
    void linuxOnlyCommandsAreDeclinedOnBsd(String line) {
        String[] p = line.split(" => ");
        assertEquals(p[1], Backends.gnu(p[0]));
        Generation g = Backends.generate(p[0], Backends.BSD);
        assertTrue(g.isEmpty(), p[0] + " -> " + g.candidates());
    }

    /** POSIX-only syntax (a while loop, $(...)) is not offered to fish. */
    @ParameterizedTest
    @ValueSource(strings = {"wait for process 4242 to exit", "change my default shell to fish"})
    void declinesPosixOnlyCommandsUnderFish(String prompt) {
        Generation g = Backends.generate(prompt, Backends.GNU.withShell(ShellKind.FISH));
        assertTrue(g.isEmpty(), prompt + " -> " + g.candidates());
    }

    /** Near misses: each needs a part the intent's command would not do, so no command is better. */
    @ParameterizedTest
    @ValueSource(strings = {
        "lines between 10 and 20 of notes.txt and delete them",
        "search for TODO in src and show the errors",
        "how many files contain spaces in their names",
        "sort files by version",
        "uppercase the header of data.csv",
        "print columns 1 and 3 of data.tsv",
        "lines in a.txt not in b.txt count",
        "wrap the json in data.json at 80 characters",
        "delete every second line of notes.txt",
        "kill process 1234 of user bob",
        "show the threads of java",
        "cpu usage of nginx",
        "wait 5 seconds",
        "run ./build.sh every 30 seconds",
        "wget the whole site https://example.com recursively",
        "remote forward port 9000 to localhost:3000 via example.com",
        "generate a gpg key",
        "generate an rsa ssh key with 4096 bits",
        "serve this directory with nginx",
        "flush the arp cache",
        "set git editor to vim",
        "run docker with an empty environment",
        "create a .env file with FOO=bar",
        "change the shell of user bob to zsh",
        "count lines that are exactly done in a.txt",
        "prepend '> ' to every line of notes.txt",
        "delete the first line of notes.txt",
        "send a DELETE request with json body to https://x.io/a",
        "how many java processes does user bob run",
        "which java files import java.util.List",
        "show the current date in utc, the log says 1700000000",
        "which python files import os, and how many",
        "count the lines in data.txt where column 2 is 5",
        "lines of a.txt where column 3 is greater than or equal to 4",
        "lines where column 2 is not 5 in a.txt",
        "lines of a.txt where the 2nd column is empty",
        "how many users have a shell other than bash",
        "delete lines starting with # in a.conf",
        "memory of process 12 in mb",
        "follow the kernel log for usb errors",
        "number of distinct values in column 2 of data.tsv",
        "convert tabs to commas in a.tsv in place and save to b.csv",
        "lines not ending with a semicolon in a.c",
        "sort the numbers in column 2 of a.txt numerically",
        "set .version in package.json to 2.0",
        "join the lines of every .txt file into one line with commas",
        "how many non-empty lines are in each file under src",
        "last 20 lines of server.log that mention refused or timeout",
        "grep TODO in the .c and .h files but not in vendor",
        "requests in access.log that did not return 200",
        "which ips in access.log got a 404",
        "which ips had failed ssh logins",
        "git grep TODO in the history",
        "parent directory of process 42",
        "send a HUP signal to apache",
        "test the nginx configuration",
        "count the files in src by size",
        "is the server up and for how long",
        "jobs scheduled with cron",
        "forward port 8080 to 80 on the firewall",
        "run ./app with an empty environment except for PATH, HOME and TERM",
        "remove the alias ll from my zshrc",
        "install the latest version of node",
        "replace spaces with tabs in a.txt in place",
        "add the header id,name at the end of data.csv",
        "turn data.json into csv with all the fields",
        "grep -c for WARN in app.log ignoring case",
        "kill the print job 3",
        "whois lookup of every domain in domains.txt",
        "length of the name field in data.json",
        "strip the html tags from page.html in place",
        "curl https://x.io with a 5 second connect timeout",
        "columns 2 to 4 of data.tsv",
        "show only the matching lines for error in a.log and count them",
        "get the field out of config.json",
        "run backup.sh every 2 hours",
        "how many commits were made yesterday"})
    void declinesNearMisses(String prompt) {
        Backends.assertDeclines(prompt);
    }
}
