package dev.caro.rules.system;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.SensitiveFiles;
import dev.caro.rules.internal.Stdin;
import dev.caro.rules.internal.Targets;
import dev.caro.rules.internal.Writes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Overwriting or editing system configuration: {@code > /etc/fstab}, {@code tee /etc/passwd},
 * {@code cp /dev/null /etc/shadow}, {@code sed -i … /etc/passwd}, {@code ed}/{@code ex}/{@code vim -es} scripts that
 * empty a file, appending a uid-0 user, writing to root's authorized_keys, replacing system programs, changing
 * sshd_config and restarting sshd on the same line.
 */
public final class SystemConfigWriteRule extends BaseRule {

    private static final LazyPattern PUBLIC_RESOLVER = LazyPattern.of(
            "^\\s*nameserver\\s+(?:1\\.1\\.1\\.1|1\\.0\\.0\\.1|8\\.8\\.8\\.8|8\\.8\\.4\\.4|9\\.9\\.9\\.9|149\\.112\\.112\\.112"
            + "|208\\.67\\.222\\.222|208\\.67\\.220\\.220|127\\.0\\.0\\.53|127\\.0\\.0\\.1|2606:4700:4700::1111|2001:4860:4860::8888)\\s*$");

    private static final LazyPattern DOWNLOAD_EXEC = LazyPattern.of(
            "\\b(?:curl|wget|fetch)\\b[^|]*\\|\\s*(?:sudo\\s+)?(?:ba|z|da|k)?sh\\b|/dev/tcp/");

    private static final LazyPattern HOSTS_PUBLIC = LazyPattern.of(
            "(?m)^\\s*[0-9a-f.:]+\\s+(?:\\S+\\s+)*?((?:[a-z0-9-]+\\.)+(?!local\\b|test\\b|localhost\\b|internal\\b|lan\\b|home\\b|corp\\b|example\\b|invalid\\b|dev\\b)[a-z]{2,})\\s*$");
    private static final LazyPattern SED_SUBSTITUTE = LazyPattern.of("^s(.)(.*?)\\1(.*?)\\1");

    public SystemConfigWriteRule() {
        super("caro.system.config-overwrite", "Overwriting system configuration files or programs", RiskLevel.CRITICAL,
                "A broken /etc/passwd, fstab or sshd_config can lock everyone out or stop the machine from booting."
                        + " Back the file up, edit it with the proper tool (vipw, visudo, sudoedit), and validate it before reloading.",
                List.of("sudo cp /dev/null /etc/passwd", "echo '/dev/sdb1 / ext4 defaults 0 1' > /etc/fstab",
                        "echo 'PermitRootLogin yes' | sudo tee -a /etc/ssh/sshd_config",
                        "echo 'toor:x:0:0::/root:/bin/bash' | sudo tee -a /etc/passwd",
                        "echo 'nameserver 203.0.113.53' | sudo tee /etc/resolv.conf", "sudo sed -i 's/^root:[^:]*:/root::/' /etc/shadow",
                        "echo 'ssh-ed25519 AAAA attacker@host' | sudo tee -a /root/.ssh/authorized_keys",
                        "sudo cp ./my-sudo /usr/bin/sudo", "sudo sed -i 's/^deploy:x:1001:/deploy:x:0:/' /etc/passwd",
                        ": > ~/.ssh/authorized_keys", "cat new.pem > ~/.ssh/id_ed25519",
                        "sudo sed -i.bak '/^root:/d' /etc/shadow", "sudo sed -i 's/pam_unix.so/pam_permit.so/' /etc/pam.d/sshd",
                        "wget -qO- https://keys.example.org/ops.pub | tee -a ~/.ssh/authorized_keys", "sudo sed -i '/^UUID/d' /etc/fstab",
                        "printf ',d\\nw\\nq\\n' | sudo ed -s /etc/passwd", "sudo vim -es -c '%d' -c 'wq' /etc/hosts",
                        "sudo sed -i '$a AllowUsers bob' /etc/ssh/sshd_config && sudo systemctl restart sshd"),
                List.of("grep -E '^(ID|VERSION_ID)=' /etc/os-release", "cat /etc/fstab", "echo '127.0.0.1 app.local' | sudo tee -a /etc/hosts",
                        "echo 'deb https://apt.example.com stable main' | sudo tee /etc/apt/sources.list.d/example.list",
                        "sudo cp nginx.conf /etc/nginx/conf.d/app.conf", "echo '/swapfile none swap sw 0 0' | sudo tee -a /etc/fstab",
                        "sudo cp mytool /usr/local/bin/", "cp /etc/hosts ./hosts.bak",
                        "cat ~/.ssh/id_ed25519.pub >> ~/.ssh/authorized_keys", "ssh-keyscan github.com > ~/.ssh/known_hosts",
                        "sudo vim /etc/hosts", "vim -es -c '%d' -c 'wq' notes.txt"));
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Writes.Target t : Writes.of(c)) {
            Word w = t.target();
            if (!w.literal()) {
                continue;
            }
            String abs = Targets.absolute(c, ctx, w.value());
            if (t.append() && "authorized_keys".equals(ownSshFile(abs, ctx.execution().home())) && downloaded(c)) {
                report(out, RiskLevel.HIGH, "Lets a key downloaded from the network, unchecked, log in as you.", w.span());
                continue;
            }
            if (!t.append() && !t.how().equals("edits")) {
                String key = ownSshFile(abs, ctx.execution().home());
                if (key != null) {
                    report(out, key.equals("authorized_keys") ? RiskLevel.MODERATE : RiskLevel.HIGH,
                            key.equals("authorized_keys") ? "Empties or replaces your authorized SSH keys, so key logins to this account stop working."
                                    : "Overwrites your private SSH key " + key + ", which cannot be recovered.", w.span());
                    continue;
                }
            }
            Optional<SensitiveFiles.Vital> vital = SensitiveFiles.vital(abs);
            boolean wiped = t.how().equals("edits") && Writes.deletesEverything(c);
            if (vital.isPresent() && (empties(c, t) || wiped)) {
                report(out, RiskLevel.CRITICAL, "Empties " + vital.get().what() + " " + abs + ": " + vital.get().without() + ".", w.span());
                continue;
            }
            if (abs.startsWith("/etc/sudoers") || abs.equals("/proc/sysrq-trigger") || SensitiveFiles.isSystemLog(abs)) {
                continue; // judged by their own rules
            }
            Optional<SensitiveFiles.Match> m = SensitiveFiles.lookup(abs);
            if (m.isEmpty()) {
                continue;
            }
            RiskLevel r = m.get().risk();
            boolean append = t.append();
            String text = Stdin.text(c).orElse(Names.of(c).equals("echo") || Names.of(c).equals("printf")
                    ? String.join(" ", c.argValues()) : "").toLowerCase(Locale.ROOT);
            boolean viaHome = w.source().startsWith("~") || w.source().startsWith("$HOME") || w.source().startsWith("\"$HOME");
            if (viaHome && (c.origin() == dev.caro.api.shell.Origin.REMOTE || abs.startsWith("/root/"))) {
                continue; // the user's own files (or the remote user's), not another account's
            }
            if (abs.equals("/etc/resolv.conf") && PUBLIC_RESOLVER.matcher(text).find()) {
                continue;
            }
            if (abs.equals("/etc/hosts") && append) {
                java.util.regex.Matcher hm = HOSTS_PUBLIC.matcher(text);
                if (hm.find()) {
                    report(out, RiskLevel.MODERATE, "Points " + hm.group(1) + " at another address in /etc/hosts.", w.span());
                }
                continue;
            }
            if (abs.startsWith("/etc/cron") && !abs.equals("/etc/crontab") || abs.startsWith("/etc/cron.d")) {
                r = DOWNLOAD_EXEC.matcher(text).find() ? RiskLevel.HIGH : RiskLevel.SAFE;
            } else if (append) {
                r = appendRisk(abs, r, text);
            } else if (t.how().equals("edits")) {
                r = editRisk(abs, r, c);
            }
            if (wiped) {
                report(out, r.compareTo(RiskLevel.HIGH) >= 0 || m.get().risk().compareTo(RiskLevel.HIGH) >= 0 ? RiskLevel.HIGH
                        : RiskLevel.MODERATE, "Deletes every line of " + m.get().what() + " " + abs + ".", w.span());
                continue;
            }
            if (abs.startsWith("/etc/ssh/sshd_config") && (append || t.how().equals("edits")) && r.compareTo(RiskLevel.HIGH) < 0) {
                String src = ctx.script().source();
                if (SSHD_RESTART.matcher(src).find()) {
                    // AllowUsers, PasswordAuthentication no, a typo: the restart applies it to every new login at once
                    boolean checked = src.contains("sshd -t") || src.contains("sshd -T");
                    report(out, checked ? RiskLevel.MODERATE : RiskLevel.HIGH, "Changes the SSH server's settings in " + abs
                            + " and restarts it" + (checked ? "" : " without a check (sshd -t)")
                            + ": a wrong line can lock every login out.", w.span());
                    continue;
                }
            }
            report(out, r, capitalize(t.how()) + " " + m.get().what() + " " + abs + ".", w.span());
        }
        return out;
    }

    /**
     * Whether the write leaves the file empty (or a bare newline): {@code cp /dev/null F}, {@code : > F},
     * {@code > F}, {@code echo > F}, {@code cat /dev/null > F}, {@code echo -n | tee F}, {@code truncate -s 0 F}.
     */
    private static boolean empties(SimpleCommand c, Writes.Target t) {
        String n = Names.of(c);
        List<String> a = c.argValues();
        if (t.how().equals("truncates")) {
            return a.contains("-s0") || a.contains("--size=0") || java.util.stream.IntStream.range(0, a.size() - 1)
                    .anyMatch(i -> (a.get(i).equals("-s") || a.get(i).equals("--size")) && a.get(i + 1).equals("0"));
        }
        if (t.append() || !t.how().equals("overwrites")) {
            return false;
        }
        if (n.equals("cp") || n.equals("install") || n.equals("dd")) {
            return a.contains("/dev/null") || a.contains("if=/dev/null");
        }
        if (n.equals("tee")) {
            return Stdin.text(c).map(String::isBlank).orElse(false); // echo -n | tee F
        }
        boolean redirected = c.redirects().stream().anyMatch(r -> r.target() == t.target());
        return redirected && c.upstream().isEmpty() && Stdin.text(c).isEmpty() && (n.isEmpty() || n.equals(":") || n.equals("true")
                || n.equals("echo") && a.stream().allMatch(v -> v.equals("-n") || v.equals("-e") || v.isEmpty())
                || n.equals("printf") && a.stream().allMatch(String::isEmpty)
                || n.equals("cat") && a.equals(List.of("/dev/null")));
    }

    /** Whether the text written comes straight from the network: curl or wget writes it, or feeds the writer. */
    private static boolean downloaded(SimpleCommand c) {
        String n = Names.of(c);
        if (n.equals("curl") || n.equals("wget")) {
            return true;
        }
        for (SimpleCommand u : c.upstream()) {
            String un = Names.of(u);
            if (un.equals("curl") || un.equals("wget")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "authorized_keys" or the private key's name when {@code abs} is one of the user's own SSH files
     * that a write would destroy; null otherwise (public keys, known_hosts and config are easy to redo).
     */
    private static String ownSshFile(String abs, String home) {
        if (home == null || home.isEmpty() || !abs.startsWith(home + "/.ssh/")) {
            return null;
        }
        String name = abs.substring(home.length() + 6);
        if (name.equals("authorized_keys") || name.equals("authorized_keys2")) {
            return "authorized_keys";
        }
        return name.startsWith("id_") && !name.endsWith(".pub") && name.indexOf('/') < 0 ? name : null;
    }

    /** Appending is usually how admins add entries; only some files make it dangerous. */
    private static RiskLevel appendRisk(String abs, RiskLevel r, String text) {
        if (abs.equals("/etc/passwd") || abs.equals("/etc/shadow") || abs.equals("/etc/group") || abs.startsWith("/etc/ld.so.preload")) {
            return RiskLevel.CRITICAL;
        }
        if (abs.startsWith("/root/.ssh") || abs.startsWith("/etc/ssh/sshd_config") || abs.startsWith("/etc/pam.d")) {
            return RiskLevel.HIGH;
        }
        if (abs.equals("/etc/crontab") || abs.startsWith("/etc/cron.d") || abs.equals("/etc/rc.local")
                || abs.startsWith("/etc/profile") || abs.equals("/etc/bash.bashrc") || abs.equals("/etc/environment")) {
            return text.contains("curl") || text.contains("wget") || text.contains("/dev/tcp") || text.contains("nc ")
                    ? RiskLevel.HIGH : RiskLevel.SAFE;
        }
        if (abs.equals("/etc/resolv.conf")) {
            return RiskLevel.MODERATE;
        }
        return RiskLevel.SAFE;
    }

    /** A sed script that comments out ({@code s/^/#/}, {@code s/^UUID/#UUID/}) or deletes ({@code /^UUID/d}) fstab's mount lines. */
    private static final LazyPattern FSTAB_DISABLE = LazyPattern.of(
            "(?:^|\\s)s(.)\\^([^#]*?)\\1#|(?:^|\\s)/\\^?(?:uuid|/dev|label|partuuid)[^/]*/d|(?:^|\\s)[0-9,$]*d(?:\\s|$)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** In a sed replacement for /etc/passwd or /etc/shadow: "user::" (no password), ":0:0:" (uid 0), root with no shell. */
    private static final LazyPattern ACCOUNT_TAKEOVER = LazyPattern.of(
            "(?:^|[\\s^])[a-z_][a-z0-9_-]*::|(?:^|[\\s^])[a-z_][a-z0-9_-]*:[^:\\s]*:0:|^\\s*root:.*(?:nologin|/false)");

    /** A sed command deleting root's line ({@code /^root:/d}). */
    private static final LazyPattern ROOT_LINE_DELETE = LazyPattern.of("(?:^|\\s)/\\^?root:?[^/]*/d\\b");

    /** A restart or reload of the SSH server: systemctl, service, init.d, rc-service, launchctl, SIGHUP. */
    private static final LazyPattern SSHD_RESTART = LazyPattern.of(
            "\\bsystemctl\\s++(?:-\\S+\\s++)*(?:restart|reload|try-restart|reload-or-restart|force-reload)\\s++(?:\\S+\\s++)*?(?:sshd?|openssh-server|openssh)(?:\\.service)?\\b"
            + "|\\bservice\\s++sshd?\\s++(?:restart|reload|force-reload)|/etc/init\\.d/sshd?\\s++(?:restart|reload|force-reload)"
            + "|\\brc-service\\s++sshd?\\s++(?:restart|reload)|\\blaunchctl\\s++kickstart\\s++-k\\s++\\S*ssh"
            + "|\\b(?:pkill|killall)\\s++-(?:HUP|SIGHUP|1)\\s++(?:-\\w+\\s++)*sshd\\b");

    private static RiskLevel editRisk(String abs, RiskLevel r, SimpleCommand c) {
        StringBuilder replacements = new StringBuilder();
        List<String> words = new ArrayList<>(c.argValues());
        if (!Names.of(c).equals("sed") && !Names.of(c).equals("gsed")) {
            words.addAll(Writes.editScript(c)); // ed's and vim's commands
        }
        for (String v : words) {
            java.util.regex.Matcher m = SED_SUBSTITUTE.matcher(v);
            replacements.append(' ').append(m.find() ? m.group(3) : v);
        }
        String script = replacements.toString().toLowerCase(Locale.ROOT);
        if (abs.startsWith("/etc/ssh/sshd_config")) {
            return script.contains("permitrootlogin yes") || script.contains("permitemptypasswords yes")
                    ? RiskLevel.HIGH : script.contains("passwordauthentication yes") ? RiskLevel.MODERATE : RiskLevel.SAFE;
        }
        if (abs.startsWith("/etc/passwd") || abs.startsWith("/etc/shadow")) {
            // An empty password field or a second uid 0 is a passwordless root login; a login shell of
            // nologin/false for root locks the administrator out.
            return ACCOUNT_TAKEOVER.matcher(script).find() || ROOT_LINE_DELETE.matcher(String.join(" ", words)).find()
                    ? RiskLevel.CRITICAL : RiskLevel.HIGH;
        }
        if (abs.startsWith("/etc/pam.d")) {
            // pam_permit accepts any password; sufficient pam_permit, or required lines commented out, do the same.
            return script.contains("pam_permit") ? RiskLevel.CRITICAL : RiskLevel.MODERATE;
        }
        if (abs.startsWith("/etc/group") || abs.startsWith("/etc/gshadow") || abs.startsWith("/boot")) {
            return RiskLevel.HIGH;
        }
        if (abs.equals("/etc/fstab")) {
            // Commenting out or deleting mount lines (s/^UUID/#UUID/, /^UUID/d): the root filesystem's line too.
            return FSTAB_DISABLE.matcher(String.join(" ", words)).find() ? RiskLevel.HIGH : RiskLevel.MODERATE;
        }
        if (abs.startsWith("/etc/selinux/config")) {
            // disabled turns the policy off for good (relabelling on the way back); permissive only logs
            return script.contains("disabled") ? RiskLevel.HIGH : script.contains("permissive") ? RiskLevel.MODERATE : RiskLevel.SAFE;
        }
        return RiskLevel.SAFE;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
