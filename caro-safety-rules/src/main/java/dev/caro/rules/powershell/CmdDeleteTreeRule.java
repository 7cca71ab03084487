package dev.caro.rules.powershell;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** cmd.exe recursive deletes: del /s /q C:\, rd /s /q C:\Windows, rmdir /s. */
public final class CmdDeleteTreeRule extends BaseRule {

    private static final Set<String> NAMES = Set.of("del", "erase", "rd", "rmdir");

    public CmdDeleteTreeRule() {
        super("caro.powershell.cmd-delete-tree", "cmd.exe recursive deletes of drives, system folders or the profile",
                RiskLevel.CRITICAL,
                "del /s and rd /s delete whole trees, and with /q they do not ask. Target the exact folder you mean,"
                        + " and list it with dir /s first.",
                List.of("del /s /q C:\\", "rd /s /q C:\\Windows", "rmdir /S /Q %USERPROFILE%", "del /f /s /q C:\\*"),
                List.of("rd /s /q build", "del /q *.tmp", "dir /s C:\\", "rmdir /s /q node_modules"));
    }

    @Override
    public Set<String> commandNames() {
        return NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        if (!NAMES.contains(name(c))) {
            return List.of();
        }
        boolean recursive = false;
        List<Word> targets = new ArrayList<>();
        for (Word w : c.args()) {
            String v = w.source().toLowerCase(Locale.ROOT);
            if (v.equals("/s")) {
                recursive = true;
            } else if (!v.startsWith("/") || v.length() > 3) {
                targets.add(w);
            }
        }
        List<Finding> out = new ArrayList<>();
        if (!recursive) {
            return out;
        }
        for (Word w : targets) {
            PathKind k = WindowsPaths.kind(w);
            report(out, Targets.destructionRisk(k), "Recursively deletes " + Targets.describe(k, w.source()) + ".", w.span());
        }
        return out;
    }
}
