package dev.caro.rules.privilege;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.ModeChange;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Setting the setuid bit (chmod u+s, 4755), above all on shells, interpreters or hidden copies of them. */
public final class SetuidRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("install", "chmod", "chown", "chgrp", "gchmod", "gchown", "gchgrp");

    private static final Set<String> SHELL_LIKE = Set.of("bash", "sh", "dash", "zsh", "ksh", "fish", "csh", "tcsh", "python",
            "python3", "perl", "ruby", "node", "php", "lua", "find", "vim", "vi", "nano", "less", "more", "awk", "gawk", "env",
            "cp", "mv", "tar", "zip", "nmap", "docker", "busybox", "socat", "nc", "tee", "dd", "chmod", "chown", "bash.bak");

    public SetuidRule() {
        super("caro.privilege.setuid", "Setting the setuid bit, especially on shells and interpreters", RiskLevel.CRITICAL,
                "A setuid-root shell or interpreter lets any user become root. If a program needs extra rights,"
                        + " give it a narrow sudo rule or a single capability.",
                List.of("sudo cp /bin/bash /tmp/.sh && sudo chmod 4755 /tmp/.sh", "sudo chmod u+s /bin/bash",
                        "chmod +s /usr/bin/python3", "sudo chmod 4755 /usr/local/bin/helper"),
                List.of("chmod 755 /usr/local/bin/helper", "chmod g+s shared-dir", "chmod 2775 /srv/team", "ls -l /usr/bin/passwd",
                        "find / -xdev -perm -4000 -type f 2>/dev/null"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        Optional<ModeChange> m = ModeChange.of(c);
        List<Finding> out = new ArrayList<>();
        if (name(c).equals("install")) {
            Optional<String> mode = Args.value(c, "-m", "--mode");
            java.util.Optional<Word> dest = dev.caro.rules.internal.Writes.destination(c, Set.of("-m", "--mode", "-o", "--owner",
                    "-g", "--group", "-t", "--target-directory", "-S", "--suffix"));
            if (mode.isPresent() && dest.isPresent()) {
                m = Optional.of(new ModeChange("chmod", false, mode.get(), List.of(dest.get())));
                List<Word> srcs = dev.caro.rules.internal.Writes.sources(c, Set.of("-m", "--mode", "-o", "--owner", "-g", "--group"));
                if (m.get().setsSetuid() && !srcs.isEmpty()) {
                    String src = Names.normalize(srcs.get(0).value());
                    if (SHELL_LIKE.contains(src) || Names.isPython(src)) {
                        report(out, RiskLevel.CRITICAL, "Installs a copy of " + srcs.get(0).value()
                                + " with the setuid bit, a root shell for anyone.", c.span());
                        return out;
                    }
                }
            }
        }
        if (m.isEmpty() || !m.get().setsSetuid()) {
            return out;
        }
        for (Word w : m.get().files()) {
            String v = w.literal() ? w.value() : Targets.resolve(c, w, ctx).orElse(w.value());
            String base = Names.normalize(v);
            PathKind k = Targets.kind(c, w, ctx);
            boolean shell = SHELL_LIKE.contains(base) || Names.isPython(base) || base.startsWith(".") || copiedShell(c, ctx, v);
            boolean risky = shell || k == PathKind.TEMP;
            report(out, risky ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Sets the setuid bit on " + Targets.display(w)
                    + (risky ? ", creating a program anyone can use to become root." : ", so it runs with its owner's rights."), w.span());
        }
        return out;
    }

    /** Whether the same line copies a shell or interpreter to {@code target} first. */
    private static boolean copiedShell(SimpleCommand at, RuleContext ctx, String target) {
        for (SimpleCommand c : ctx.script().commands()) {
            if (!Names.of(c).equals("cp") && !Names.of(c).equals("install")) {
                continue;
            }
            List<Word> ops = Args.operands(c);
            if (ops.size() >= 2 && ops.get(ops.size() - 1).value().equals(target)) {
                String src = Names.normalize(ops.get(0).value());
                if (SHELL_LIKE.contains(src) || Names.isPython(src)) {
                    return true;
                }
            }
        }
        return false;
    }
}
