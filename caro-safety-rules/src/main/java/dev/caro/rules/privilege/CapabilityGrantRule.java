package dev.caro.rules.privilege;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** setcap with capabilities that amount to root (cap_setuid, cap_sys_admin, cap_dac_override, all caps). */
public final class CapabilityGrantRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("setcap");

    private static final LazyPattern ROOT_EQUIVALENT = LazyPattern.of("(?i)cap_(setuid|setgid|sys_admin|dac_override|dac_read_search"
            + "|sys_ptrace|sys_module|chown|fowner|sys_rawio|bpf)|^=ep|^all[+=]|^=eip|(^|,)all\\b");

    public CapabilityGrantRule() {
        super("caro.privilege.capability", "Giving programs root-equivalent Linux capabilities", RiskLevel.CRITICAL,
                "cap_setuid, cap_sys_admin and friends let a program become root; on an interpreter anyone can use"
                        + " them. Grant the one narrow capability needed (e.g. cap_net_bind_service).",
                List.of("sudo setcap cap_setuid+ep /usr/bin/python3", "setcap cap_sys_admin+eip ./tool", "sudo setcap =ep /usr/bin/perl",
                        "setcap cap_dac_override+ep /usr/local/bin/backup"),
                List.of("sudo setcap cap_net_bind_service=+ep /usr/local/bin/server", "getcap -r /usr/bin", "setcap -r ./tool"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        if (!name(c).equals("setcap") || Args.hasShort(c, 'r')) {
            return List.of();
        }
        List<Word> ops = Args.operands(c);
        List<Finding> out = new ArrayList<>();
        if (ops.size() < 2 || !ROOT_EQUIVALENT.matcher(ops.get(0).value()).find()) {
            return out;
        }
        for (Word w : ops.subList(1, ops.size())) {
            String base = Names.normalize(w.value());
            boolean interp = Names.isInterpreter(base) || base.equals("vim") || base.equals("find") || base.equals("env");
            report(out, interp ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Gives " + w.value() + " the capabilities "
                    + ops.get(0).value().toLowerCase(Locale.ROOT) + ", which are as good as root.", w.span());
        }
        return out;
    }
}
