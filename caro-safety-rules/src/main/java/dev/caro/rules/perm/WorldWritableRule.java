package dev.caro.rules.perm;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Devices;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.ModeChange;
import dev.caro.rules.internal.SensitiveFiles;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** chmod that makes system files, password files or the home directory world-writable (or world-readable for secrets). */
public final class WorldWritableRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("chmod", "chown", "chgrp", "gchmod", "gchown", "gchgrp");

    /** A private key or a credentials file in a home directory (public keys, known_hosts and config are meant to be readable). */
    private static final LazyPattern PRIVATE_KEY = LazyPattern.of("/\\.ssh/(?:id_[^/]*+(?<!\\.pub)|[^/]*\\.pem|[^/]*\\.key)$"
            + "|/\\.gnupg/(?:private-keys|secring)|/\\.aws/credentials$|/\\.kube/config$|/\\.pgpass$|/\\.netrc$|/\\.docker/config\\.json$"
            // the machine's own keys: TLS, the SSH host keys, certificate authorities'
            + "|^/etc/(?:ssl|pki/tls|pki/CA)/private/[^/]+$|^/etc/ssh/ssh_host_[^/]*_key$|^/etc/letsencrypt/(?:live|archive)/.*/privkey[^/]*\\.pem$"
            + "|^/etc/.*\\.key$");

    /** SSH files that are meant to be readable: public keys, authorized_keys, known_hosts. */
    private static final LazyPattern PUBLIC_SSH_FILE = LazyPattern.of("/\\.ssh/(?:[^/]*\\.pub|authorized_keys2?|known_hosts)$");

    public WorldWritableRule() {
        super("caro.perm.world-writable", "Making system files or the home directory writable by everyone",
                RiskLevel.CRITICAL,
                "A world-writable system file lets any local user or compromised service take over the machine."
                        + " Grant access to one user or group instead (chown, or a group with chmod g+w).",
                List.of("chmod 777 /etc/passwd", "sudo chmod 666 /dev/nvme0n1", "sudo chmod o+rw /etc/shadow /etc/gshadow", "chmod a+w /usr/bin/sudo",
                        "chmod 666 /etc/sudoers", "chmod 777 ~", "sudo chmod 777 /", "chmod 644 ~/.ssh/id_ed25519",
                        "sudo chmod 644 /etc/ssl/private/site.key", "sudo chmod 0644 /etc/ssh/ssh_host_rsa_key"),
                List.of("chmod 644 file.txt", "chmod 777 ./tmp-output", "chmod +x deploy.sh", "chmod 600 ~/.ssh/id_ed25519", "chmod 644 ~/.ssh/id_ed25519.pub", "sudo chmod 666 /dev/null",
                        "chmod go= ~/.ssh/config", "chmod 777 /tmp/shared",
                        "sudo chmod 600 /etc/ssl/private/site.key", "sudo chmod 644 /etc/ssh/ssh_host_rsa_key.pub"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        Optional<ModeChange> m = ModeChange.of(c);
        if (m.isEmpty() || !m.get().program().equals("chmod") || m.get().recursive()) {
            return List.of();
        }
        boolean world = m.get().worldWritable();
        boolean readable = m.get().worldReadable();
        List<Finding> out = new ArrayList<>();
        for (Word w : m.get().files()) {
            PathKind k = Targets.kind(c, w, ctx);
            String abs = w.literal() ? Targets.absolute(c, ctx, w.value()) : "";
            boolean secret = abs.startsWith("/etc/shadow") || abs.startsWith("/etc/gshadow") || abs.startsWith("/etc/sudoers")
                    || abs.startsWith("/root/") && !PUBLIC_SSH_FILE.matcher(abs).find();
            if (secret && (world || readable)) {
                report(out, RiskLevel.CRITICAL, "Lets every user " + (world ? "rewrite " : "read ") + Targets.display(w) + ".", w.span());
                continue;
            }
            if ((world || readable) && PRIVATE_KEY.matcher(abs).find()) {
                report(out, RiskLevel.HIGH, "Lets every user " + (world ? "rewrite " : "read ") + "the private key or credentials "
                        + Targets.display(w) + ".", w.span());
                continue;
            }
            if (!world) {
                continue;
            }
            Optional<SensitiveFiles.Match> s = abs.isEmpty() ? Optional.empty() : SensitiveFiles.lookup(abs);
            RiskLevel r = switch (k) {
                case ROOT, SYSTEM -> RiskLevel.CRITICAL;
                case HOME -> RiskLevel.HIGH;
                // a disk writable by all bypasses every file permission on it (/dev/null and ttys are meant to be)
                case DEVICE -> Devices.isHarmless(w.value()) ? RiskLevel.SAFE : RiskLevel.HIGH;
                default -> s.isPresent() ? RiskLevel.HIGH : RiskLevel.SAFE;
            };
            report(out, r, "Makes " + Targets.describe(k, w) + " writable by every user.", w.span());
        }
        return out;
    }
}
