package dev.caro.rules.powershell;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Set-ExecutionPolicy Unrestricted/Bypass beyond the current process. */
public final class ExecutionPolicyRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("set-executionpolicy");

    public ExecutionPolicyRule() {
        super("caro.powershell.execution-policy", "Allowing unsigned PowerShell scripts machine- or user-wide", RiskLevel.MODERATE,
                "Unrestricted or Bypass lets any downloaded script run. Use RemoteSigned, or -Scope Process for a"
                        + " one-off session.",
                List.of("Set-ExecutionPolicy Unrestricted -Scope LocalMachine -Force", "Set-ExecutionPolicy Bypass",
                        "Set-ExecutionPolicy -ExecutionPolicy Unrestricted -Scope CurrentUser"),
                List.of("Set-ExecutionPolicy RemoteSigned -Scope CurrentUser", "Get-ExecutionPolicy -List",
                        "Set-ExecutionPolicy Bypass -Scope Process -Force"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        if (!name(c).equals("set-executionpolicy")) {
            return List.of();
        }
        String line = String.join(" ", c.argValues()).toLowerCase(Locale.ROOT);
        boolean loose = line.contains("unrestricted") || line.contains("bypass");
        boolean process = Args.psValue(c, "Scope").map(Word::value).map(v -> v.equalsIgnoreCase("Process")).orElse(false);
        List<Finding> out = new ArrayList<>();
        if (loose && !process) {
            report(out, RiskLevel.MODERATE, "Lets any unsigned PowerShell script run"
                    + (line.contains("localmachine") ? " for every user on the machine." : "."), c.span());
        }
        return out;
    }
}
