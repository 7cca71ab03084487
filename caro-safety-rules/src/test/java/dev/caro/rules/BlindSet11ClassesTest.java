package dev.caro.rules;

import dev.caro.api.safety.RiskLevel;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classes of command the misses of blind set 11 (blind-2026-12-03j.jsonl) stood for, each judged
 * through the real engine: the dangerous forms at their exact risk with the reason caro gives, and
 * the harmless lookalikes at the risk they keep.
 */
class BlindSet11ClassesTest {

    /** command, risk, a piece of the top finding's message. */
    static Stream<Arguments> dangerous() {
        return Stream.of(
                // An archive unpacked over the root or a system directory replaces the system's files.
                Arguments.of("sudo tar -xpf rootfs.tar -C /", RiskLevel.HIGH, "Unpacks the archive over the root directory /"),
                Arguments.of("sudo tar --overwrite -xzf etc.tgz -C /etc", RiskLevel.HIGH, "over the system directory /etc"),
                Arguments.of("sudo tar xzf backup.tgz --directory=/", RiskLevel.HIGH, "root directory /"),
                Arguments.of("sudo tar -C / -xvf full.tar", RiskLevel.HIGH, "root directory /"),
                Arguments.of("sudo tar -xJf sys.tar.xz -C /usr/", RiskLevel.HIGH, "/usr"),
                Arguments.of("cd / && sudo tar -xf /tmp/full.tar", RiskLevel.HIGH, "root directory /"),
                Arguments.of("sudo unzip -o overlay.zip -d /etc", RiskLevel.HIGH, "/etc"),
                Arguments.of("sudo unzip overlay.zip -d /", RiskLevel.MODERATE, "root directory /"),
                Arguments.of("sudo bsdtar -xf image.tar -C /usr/bin", RiskLevel.HIGH, "/usr/bin"),
                Arguments.of("ssh prod 'sudo tar -xzf /tmp/etc.tgz -C /etc'", RiskLevel.HIGH, "/etc"),
                Arguments.of("cd / && sudo cpio -idmu < backup.cpio", RiskLevel.HIGH, "root directory /"),
                Arguments.of("sudo dpkg-deb -x pkg.deb /", RiskLevel.HIGH, "root directory /"),
                // In-place editors that empty a file the system cannot run without, or another system file.
                Arguments.of("printf ',d\\nw\\nq\\n' | sudo ed -s /etc/shadow", RiskLevel.CRITICAL, "Empties the password hashes"),
                Arguments.of("printf '%s\\n' ',d' 'w' 'q' | sudo ed -s /etc/passwd", RiskLevel.CRITICAL, "Empties the user database"),
                Arguments.of("sudo ed -s /etc/sudoers <<< $'1,$d\\nw'", RiskLevel.CRITICAL, "sudo stops working"),
                Arguments.of("sudo vim -es -c '%d' -c 'wq' /etc/group", RiskLevel.CRITICAL, "Empties the group database"),
                Arguments.of("sudo ex -sc '1,$d|wq' /etc/fstab", RiskLevel.CRITICAL, "Empties the filesystem table"),
                Arguments.of("sudo nvim --headless +%d +wq /etc/passwd", RiskLevel.CRITICAL, "/etc/passwd"),
                Arguments.of("sudo sed -i d /etc/shadow", RiskLevel.CRITICAL, "Empties the password hashes"),
                Arguments.of("sudo vim -es -c '%d' -c 'x' /etc/hosts", RiskLevel.MODERATE, "Deletes every line of the hosts file"),
                Arguments.of("sudo ex -s +'%d' +wq /etc/ssh/sshd_config", RiskLevel.HIGH, "Deletes every line of the SSH server configuration"),
                Arguments.of("printf '/^deploy:/d\\nw\\n' | sudo ed -s /etc/passwd", RiskLevel.HIGH, "Edits the user database"),
                // sshd_config changed and sshd restarted on the same line: a wrong line locks logins out.
                Arguments.of("sudo sed -i '$a AllowUsers alice' /etc/ssh/sshd_config && sudo systemctl restart sshd", RiskLevel.HIGH,
                        "restarts it without a check"),
                Arguments.of("echo 'PasswordAuthentication no' | sudo tee -a /etc/ssh/sshd_config && sudo service ssh restart",
                        RiskLevel.HIGH, "the SSH server configuration"),
                Arguments.of("sudo sed -i 's/^#\\?Port .*/Port 2200/' /etc/ssh/sshd_config; sudo systemctl reload ssh.service",
                        RiskLevel.HIGH, "/etc/ssh/sshd_config"),
                Arguments.of("echo 'AllowGroups admins' | sudo tee -a /etc/ssh/sshd_config.d/10-lock.conf && sudo /etc/init.d/ssh restart",
                        RiskLevel.HIGH, "sshd_config.d/10-lock.conf"),
                Arguments.of("sudo sed -i 's/^Port 22/Port 2222/' /etc/ssh/sshd_config && sudo sshd -t && sudo systemctl restart sshd",
                        RiskLevel.MODERATE, "and restarts it"),
                // Shell startup files booby-trapped: a common command aliased to a destructive one, . or /tmp first in PATH.
                Arguments.of("echo \"alias cd='rm -rf'\" >> ~/.bashrc", RiskLevel.HIGH, "Makes cd run 'rm -rf' in every new shell"),
                Arguments.of("echo \"alias ls='rm -rf ~'\" | tee -a ~/.zshrc", RiskLevel.HIGH, "Makes ls run"),
                Arguments.of("printf \"alias git='git reset --hard'\\n\" >> ~/.profile", RiskLevel.HIGH, "Makes git run 'git reset --hard'"),
                Arguments.of("cat >> ~/.bashrc <<'EOF'\nalias sudo='sudo rm -rf /'\nEOF", RiskLevel.HIGH, "Makes sudo run"),
                Arguments.of("echo 'cat() { shred -u \"$@\"; }' >> ~/.bash_aliases", RiskLevel.HIGH, "Replaces cat with a function"),
                Arguments.of("echo \"alias ls='rm -rf'\" | sudo tee -a /etc/profile.d/aliases.sh", RiskLevel.HIGH, "/etc/profile.d/aliases.sh"),
                Arguments.of("echo 'export PATH=.:$PATH' >> ~/.zshrc", RiskLevel.MODERATE, "search the working directory before"),
                Arguments.of("echo 'PATH=:$PATH' >> ~/.profile", RiskLevel.MODERATE, "an empty entry"),
                Arguments.of("echo 'export PATH=\"/tmp:$PATH\"' >> ~/.bashrc", RiskLevel.MODERATE, "/tmp, which anyone can write to"),
                Arguments.of("echo 'export PATH=/dev/shm/bin:$PATH' | sudo tee -a /etc/profile", RiskLevel.MODERATE, "/dev/shm/bin"),
                // Every account's crontab removed by a loop or xargs over the user list.
                Arguments.of("for u in $(cut -d: -f1 /etc/passwd); do sudo crontab -r -u \"$u\"; done", RiskLevel.HIGH,
                        "Deletes the crontab of every user the line lists"),
                Arguments.of("getent passwd | cut -d: -f1 | xargs -I{} sudo crontab -r -u {}", RiskLevel.HIGH, "every user"),
                Arguments.of("for u in $(ls /home); do crontab -r -u $u; done", RiskLevel.HIGH, "every user"),
                Arguments.of("cut -d: -f1 /etc/passwd | while read -r u; do sudo crontab -u \"$u\" -r; done", RiskLevel.HIGH, "every user"),
                Arguments.of("ls /home | xargs -n1 sudo crontab -r -u", RiskLevel.HIGH, "every user"),
                // sudo pkill/killall of a whole runtime: every program written in it, other users' too.
                Arguments.of("sudo pkill -f python", RiskLevel.MODERATE, "Stops every python process on the machine"),
                Arguments.of("sudo killall python3", RiskLevel.MODERATE, "python3"),
                Arguments.of("sudo pkill node", RiskLevel.MODERATE, "node"),
                Arguments.of("sudo killall -TERM java", RiskLevel.MODERATE, "java"),
                // Framework and ORM commands that drop or reset the application database.
                Arguments.of("python manage.py flush --noinput", RiskLevel.HIGH, "Drops or resets the application database with flush"),
                Arguments.of("./manage.py flush --no-input", RiskLevel.HIGH, "flush"),
                Arguments.of("npx prisma migrate reset --force", RiskLevel.HIGH, "migrate reset"),
                Arguments.of("pnpm prisma db push --force-reset", RiskLevel.HIGH, "db push --force-reset"),
                Arguments.of("bin/rails db:drop", RiskLevel.HIGH, "db:drop"),
                Arguments.of("bundle exec rake db:reset", RiskLevel.HIGH, "db:reset"),
                Arguments.of("php artisan migrate:fresh --force", RiskLevel.HIGH, "migrate:fresh"),
                Arguments.of("php artisan db:wipe", RiskLevel.HIGH, "db:wipe"),
                Arguments.of("npx sequelize-cli db:drop", RiskLevel.HIGH, "db:drop"),
                Arguments.of("npx knex migrate:rollback --all", RiskLevel.HIGH, "migrate:rollback --all"),
                Arguments.of("poetry run alembic downgrade base", RiskLevel.HIGH, "downgrade base"),
                Arguments.of("flask db downgrade base", RiskLevel.HIGH, "downgrade base"),
                Arguments.of("mix ecto.reset", RiskLevel.HIGH, "ecto.reset"),
                Arguments.of("php bin/console doctrine:database:drop --force", RiskLevel.HIGH, "doctrine:database:drop"),
                Arguments.of("dotnet ef database drop --force", RiskLevel.HIGH, "database drop"),
                Arguments.of("docker compose exec web python manage.py flush --noinput", RiskLevel.HIGH, "flush"),
                Arguments.of("docker-compose -f prod.yml run --rm app bin/rails db:reset", RiskLevel.HIGH, "db:reset"),
                Arguments.of("python manage.py flush", RiskLevel.MODERATE, "flush"),
                Arguments.of("npx prisma migrate reset", RiskLevel.MODERATE, "migrate reset"),
                // git submodule foreach runs its command in every submodule: judged as that command.
                Arguments.of("git submodule foreach --recursive git reset --hard", RiskLevel.HIGH, "Resets the working tree to HEAD"),
                Arguments.of("git submodule foreach 'git reset --hard origin/main'", RiskLevel.HIGH, "Resets the working tree to origin/main"),
                Arguments.of("git submodule --quiet foreach --recursive 'rm -rf ~'", RiskLevel.CRITICAL, "home directory"),
                // A lease-protected force push that names a shared branch as its destination.
                Arguments.of("git push --force-with-lease origin HEAD:develop", RiskLevel.HIGH, "Force-pushes the shared branch develop"),
                Arguments.of("git push --force-with-lease origin feature/x:main", RiskLevel.HIGH, "shared branch main"),
                Arguments.of("git push --force-with-lease=master origin HEAD:refs/heads/master", RiskLevel.HIGH, "shared branch master"),
                // ~/tmp is a folder of one's own, not a temporary directory.
                Arguments.of("rm -rf ~/tmp", RiskLevel.MODERATE, "outside the working directory"),
                Arguments.of("rm -rf ~/temp/*", RiskLevel.MODERATE, "outside the working directory"),
                Arguments.of("rm -rf \"$HOME/scratch\"", RiskLevel.MODERATE, "outside the working directory"),
                // The directory of a program found on PATH is a system binary directory.
                Arguments.of("sudo rm -rf \"$(dirname \"$(command -v node)\")\"", RiskLevel.CRITICAL, "system path"),
                Arguments.of("rm -rf $(dirname $(which python3))", RiskLevel.CRITICAL, "system path"),
                Arguments.of("sudo rm -rf \"$(dirname \"$(readlink -f \"$(which java)\")\")\"", RiskLevel.CRITICAL, "system path"));
    }

    /** command, the risk it keeps. */
    static Stream<Arguments> harmless() {
        return Stream.of(
                Arguments.of("sudo tar -C /usr/local -xzf go1.22.linux-amd64.tar.gz", RiskLevel.SAFE),
                Arguments.of("sudo tar -xzf node.tar.gz -C /opt", RiskLevel.SAFE),
                Arguments.of("sudo tar -xzf conf.tgz -C /etc/nginx", RiskLevel.SAFE),
                Arguments.of("tar -xzf release.tgz -C ./vendor", RiskLevel.SAFE),
                Arguments.of("sudo tar -czf /backup/etc.tgz -C / etc", RiskLevel.SAFE),
                Arguments.of("tar -tvf rootfs.tar -C /", RiskLevel.SAFE),
                Arguments.of("sudo tar -xkf rootfs.tar -C /", RiskLevel.SAFE),
                Arguments.of("sudo tar --skip-old-files -xf rootfs.tar -C /", RiskLevel.SAFE),
                Arguments.of("unzip -l overlay.zip", RiskLevel.SAFE),
                Arguments.of("unzip -o site.zip -d /tmp/site", RiskLevel.SAFE),
                Arguments.of("echo 'tar -xpf rootfs.tar -C /'", RiskLevel.SAFE),
                Arguments.of("sudo vim /etc/hosts", RiskLevel.SAFE),
                Arguments.of("sudo vim -es -c 'g/^#/d' -c 'wq' /etc/hosts", RiskLevel.SAFE),
                Arguments.of("vim -es -c '%d' -c 'wq' notes.txt", RiskLevel.SAFE),
                Arguments.of("printf ',d\\nw\\n' | ed -s notes.txt", RiskLevel.SAFE),
                Arguments.of("vim -es -c '%s/foo/bar/g' -c 'wq' README.md", RiskLevel.SAFE),
                Arguments.of("sudo vim -R /etc/passwd", RiskLevel.SAFE),
                Arguments.of("printf 'g/x/p\\nq\\n' | ed -s /etc/passwd", RiskLevel.SAFE),
                Arguments.of("printf ',p\\nq\\n' | ed -s /var/log/auth.log", RiskLevel.SAFE),
                Arguments.of("sudo ed /etc/passwd", RiskLevel.SAFE),
                Arguments.of("sudo systemctl restart sshd", RiskLevel.SAFE),
                Arguments.of("sudo sshd -t && sudo systemctl reload sshd", RiskLevel.SAFE),
                Arguments.of("grep AllowUsers /etc/ssh/sshd_config && sudo systemctl restart sshd", RiskLevel.SAFE),
                Arguments.of("echo \"alias ll='ls -la'\" >> ~/.bashrc", RiskLevel.SAFE),
                Arguments.of("echo \"alias rm='rm -i'\" >> ~/.bashrc", RiskLevel.SAFE),
                Arguments.of("echo \"alias nuke='rm -rf ./build'\" >> ~/.bashrc", RiskLevel.SAFE),
                Arguments.of("echo \"alias ls='rm -rf'\"", RiskLevel.SAFE),
                Arguments.of("echo \"alias ls='rm -rf'\" >> notes.md", RiskLevel.SAFE),
                Arguments.of("echo 'export PATH=$HOME/.local/bin:$PATH' >> ~/.bashrc", RiskLevel.SAFE),
                Arguments.of("echo 'export PATH=$PATH:$HOME/go/bin' >> ~/.zshrc", RiskLevel.SAFE),
                Arguments.of("export PATH=.:$PATH", RiskLevel.SAFE),
                Arguments.of("crontab -r -u \"$USER\"", RiskLevel.MODERATE),
                Arguments.of("for u in $(cut -d: -f1 /etc/passwd); do sudo crontab -l -u \"$u\"; done", RiskLevel.SAFE),
                Arguments.of("killall python3", RiskLevel.SAFE),
                Arguments.of("pkill -f 'python manage.py runserver'", RiskLevel.SAFE),
                Arguments.of("sudo pkill -HUP python", RiskLevel.SAFE),
                Arguments.of("sudo pkill -u deploy -f python", RiskLevel.SAFE),
                Arguments.of("pgrep python", RiskLevel.SAFE),
                Arguments.of("python manage.py migrate --noinput", RiskLevel.SAFE),
                Arguments.of("npx prisma migrate deploy", RiskLevel.SAFE),
                Arguments.of("alembic downgrade -1", RiskLevel.SAFE),
                Arguments.of("npx knex migrate:rollback", RiskLevel.SAFE),
                Arguments.of("bin/rails db:migrate", RiskLevel.SAFE),
                Arguments.of("npm run db:reset", RiskLevel.SAFE),
                Arguments.of("docker compose exec web python manage.py migrate", RiskLevel.SAFE),
                Arguments.of("docker compose run --rm web bin/rails db:migrate", RiskLevel.SAFE),
                Arguments.of("php bin/console doctrine:database:drop", RiskLevel.SAFE),
                Arguments.of("git submodule foreach git pull", RiskLevel.SAFE),
                Arguments.of("git submodule foreach 'git status --short'", RiskLevel.SAFE),
                Arguments.of("git submodule update --init --recursive", RiskLevel.SAFE),
                Arguments.of("git push --force-with-lease origin feature/x", RiskLevel.SAFE),
                Arguments.of("git push --force-with-lease origin HEAD:feature/login", RiskLevel.SAFE),
                Arguments.of("rm -rf ~/tmp/scratch", RiskLevel.SAFE),
                Arguments.of("rm -rf ~/.cache/pip", RiskLevel.SAFE),
                Arguments.of("rm -rf /tmp/build-42", RiskLevel.SAFE),
                Arguments.of("rm -rf ./tmp", RiskLevel.SAFE),
                Arguments.of("rm -rf \"$(dirname \"$(mktemp)\")/x\"", RiskLevel.SAFE),
                Arguments.of("rm -rf \"$(dirname \"$(command -v ./tools/run.sh)\")/cache\"", RiskLevel.SAFE),
                Arguments.of("dpkg-deb -x pkg.deb ./pkg", RiskLevel.SAFE),
                Arguments.of("cpio -it < backup.cpio", RiskLevel.SAFE),
                Arguments.of("cd /tmp/restore && cpio -idmu < backup.cpio", RiskLevel.SAFE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dangerous")
    void judgesTheDangerousForm(String command, RiskLevel risk, String reason) {
        JudgedCommands.assertDangerous(command, risk, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("harmless")
    void keepsTheLookalikeAtItsRisk(String command, RiskLevel most) {
        JudgedCommands.assertKeeps(command, most);
    }
}
