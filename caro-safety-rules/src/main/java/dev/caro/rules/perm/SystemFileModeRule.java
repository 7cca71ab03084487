package dev.caro.rules.perm;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.ModeChange;
import dev.caro.rules.internal.SensitiveFiles;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** chmod that locks programs or system files away (000, a-x), and chown of essential system files. */
public final class SystemFileModeRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("chmod", "chown", "chgrp", "gchmod", "gchown", "gchgrp");

    public SystemFileModeRule() {
        super("caro.perm.system-lockout", "Removing access to system programs or changing the owner of essential files",
                RiskLevel.CRITICAL,
                "Taking the execute bit off chmod, sudo or a shell, or giving /etc/sudoers another owner, can leave"
                        + " no way to repair the system without a rescue disk. Change the file you actually meant.",
                List.of("sudo chmod a-x \"$(command -v chmod)\"", "chmod 000 /etc", "sudo chmod -x /usr/bin/sudo",
                        "sudo chown nobody /etc/sudoers", "chmod 000 /", "sudo chown user /usr/bin/sudo"),
                List.of("chmod -x ./script.sh", "chmod 000 secret.txt", "sudo chown root:root /etc/myapp.conf",
                        "chmod u-x ~/bin/old-tool", "chmod a+x /usr/local/bin/tool"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        Optional<ModeChange> m = ModeChange.of(c);
        if (m.isEmpty() || m.get().recursive()) {
            return List.of();
        }
        ModeChange mc = m.get();
        List<Finding> out = new ArrayList<>();
        for (Word w : mc.files()) {
            PathKind k = Targets.kind(c, w, ctx);
            String abs = w.literal() ? Targets.absolute(c, ctx, w.value()) : Targets.resolve(c, w, ctx).orElse("");
            Optional<SensitiveFiles.Match> s = abs.isEmpty() ? Optional.empty() : SensitiveFiles.lookup(abs);
            if (mc.program().equals("chmod")) {
                boolean noRead = mc.removesOwnerAccess();
                boolean noExec = mc.removesExecute();
                boolean shallow = abs.split("/").length <= 2 || SensitiveFiles.inBinaryDir(abs + "/");
                if (k == PathKind.ROOT && (noRead || noExec)) {
                    report(out, RiskLevel.CRITICAL, "Takes access away from the root directory /.", w.span());
                } else if (k == PathKind.SYSTEM && ((noRead && (s.isPresent() || shallow))
                        || (noExec && (SensitiveFiles.inBinaryDir(abs) || shallow)))) {
                    report(out, RiskLevel.HIGH, "Takes " + (noRead ? "all access" : "the execute permission")
                            + " away from " + Targets.describe(k, abs) + ".", w.span());
                }
            } else if (s.isPresent() && s.get().risk().atLeast(RiskLevel.HIGH) && !mc.spec().startsWith("root")) {
                report(out, RiskLevel.HIGH, "Gives " + s.get().what() + " " + abs + " to " + mc.spec()
                        + ", which breaks its security checks.", w.span());
            }
        }
        return out;
    }
}
