package dev.caro.rules.powershell;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.PowerShellSyntax;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PowerShell Remove-Item -Recurse (and its aliases rm, del, ri, rd, rmdir, erase) on drives, system folders or the
 * profile; without -Recurse, on the Windows folder's own files (C:\Windows\System32\hal.dll, not its Temp or Logs).
 */
public final class PowerShellRemoveItemRule extends BaseRule {

    private static final Set<String> NAMES = Set.of("remove-item", "ri", "rm", "del", "rd", "rmdir", "erase");
    private static final Set<String> PARAMS_WITH_VALUE = Set.of("-erroraction", "-ea", "-filter", "-include", "-exclude",
            "-stream", "-credential", "-warningaction", "-informationaction");

    public PowerShellRemoveItemRule() {
        super("caro.powershell.remove-item", "PowerShell recursive deletes of drives, system folders or the user profile; deletes of Windows' own files",
                RiskLevel.CRITICAL,
                "Remove-Item -Recurse -Force deletes everything below the path without asking, and nothing goes to the"
                        + " Recycle Bin. Run it with -WhatIf first and target the exact folder.",
                List.of("Remove-Item -Path $env:USERPROFILE\\* -Recurse -Force -ErrorAction SilentlyContinue",
                        "Remove-Item C:\\ -Recurse -Force", "rm -Recurse -Force C:\\Windows\\System32", "ri $env:windir -r -fo",
                        "Get-ChildItem C:\\ -Recurse | Remove-Item -Force", "Remove-Item -Recurse -Force $target",
                        "Remove-Item -Force C:\\Windows\\System32\\hal.dll", "del C:\\Windows\\System32\\drivers\\etc\\hosts"),
                List.of("Remove-Item -LiteralPath .\\obj, .\\bin -Recurse -Force -ErrorAction SilentlyContinue",
                        "Get-Help Remove-Item -Examples", "Remove-Item .\\build -Recurse", "Remove-Item C:\\ -Recurse -WhatIf",
                        "Remove-Item $env:TEMP\\cache -Recurse -Force", "Remove-Item C:\\Windows\\Temp\\setup.log",
                        "del C:\\Windows\\SoftwareDistribution\\Download\\*.cab"));
    }

    @Override
    public Set<String> commandNames() {
        return NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        if (!NAMES.contains(n)) {
            return List.of();
        }
        boolean ps = n.equals("remove-item") || n.equals("ri") || PowerShellSyntax.style(c) || Args.hasPsParam(c, "recurse", 2)
                && c.args().stream().anyMatch(w -> w.value().toLowerCase(Locale.ROOT).startsWith("-rec") || w.value().startsWith("-Fo"));
        if (!ps && (n.equals("rm") || n.equals("rmdir"))) {
            return List.of();
        }
        if (Args.hasPsParam(c, "whatif", 2)) {
            return List.of();
        }
        boolean recurse = Args.hasPsParam(c, "recurse", 1) && c.args().stream().anyMatch(w -> w.value().toLowerCase(Locale.ROOT).startsWith("-r"));
        List<Finding> out = new ArrayList<>();
        List<Word> targets = paths(c);
        if (targets.isEmpty()) {
            for (SimpleCommand u : c.upstream()) {
                String un = name(u);
                if (un.equals("get-childitem") || un.equals("gci") || un.equals("dir") || un.equals("ls")) {
                    boolean uRecurse = Args.hasPsParam(u, "recurse", 1);
                    for (Word w : paths(u)) {
                        PathKind k = WindowsPaths.kind(w);
                        RiskLevel r = uRecurse || recurse ? Targets.destructionRisk(k) : RiskLevel.SAFE;
                        report(out, r, "Deletes everything Get-ChildItem lists under " + Targets.describe(k, w.source()) + ".", c.span());
                    }
                }
            }
            return out;
        }
        if (!recurse) {
            boolean cmdTree = c.argValues().stream().anyMatch(v -> v.equalsIgnoreCase("/s")); // caro.powershell.cmd-delete-tree's
            for (Word w : n.equals("rd") || n.equals("rmdir") || cmdTree ? List.<Word>of() : targets) {
                if (WindowsPaths.windowsFile(w.source())) {
                    report(out, RiskLevel.HIGH, "Deletes " + w.source() + ", part of Windows itself.", w.span());
                }
            }
            return out;
        }
        for (Word w : targets) {
            PathKind k = WindowsPaths.kind(w);
            RiskLevel r = Targets.destructionRisk(k);
            if (r.compareTo(RiskLevel.HIGH) < 0 && WindowsPaths.personalFolder(w.source())) {
                report(out, RiskLevel.HIGH, "Recursively deletes " + w.source() + ", a whole folder of your own files.", w.span());
                continue;
            }
            report(out, r, "Recursively deletes " + Targets.describe(k, w.source()) + ".", w.span());
        }
        return out;
    }

    /** Positional paths and -Path/-LiteralPath values (comma lists split). */
    private static List<Word> paths(SimpleCommand c) {
        List<Word> out = new ArrayList<>();
        List<Word> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value().toLowerCase(Locale.ROOT);
            if (v.equals("-path") || v.equals("-literalpath") || v.equals("-lp") || v.equals("-pspath")) {
                if (i + 1 < args.size()) {
                    split(args.get(i + 1), out);
                    i++;
                }
            } else if (PARAMS_WITH_VALUE.contains(v)) {
                i++;
            } else if (!v.startsWith("-") || v.equals("-")) {
                if (!v.equals(",")) {
                    split(args.get(i), out);
                }
            }
        }
        return out;
    }

    private static void split(Word w, List<Word> out) {
        String src = w.source();
        if (src.endsWith(",")) {
            src = src.substring(0, src.length() - 1);
        }
        for (String part : src.split(",")) {
            if (!part.isBlank()) {
                out.add(new Word(part.strip(), part.strip(), w.quoted(), w.unknownExpansion(), w.glob(), w.span()));
            }
        }
    }
}
