package dev.caro.rules.system;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Windows system damage: deleting machine registry keys, shadow copies and backups, or boot configuration. */
public final class WindowsSystemRule extends BaseRule {

    private static final LazyPattern HKLM = LazyPattern.of("(?i)^[\"']?(?:hklm|hkey_local_machine)(?::)?(?:\\\\+(.*))?");
    private static final LazyPattern HKLM_CORE = LazyPattern.of("(?i)^(system|security|sam|software\\\\+microsoft\\\\+windows"
            + "(?: nt)?\\\\+currentversion\\\\*[^\\\\]*$|software\\\\*$|software\\\\+microsoft\\\\*$|\\s*$)");

    private static final java.util.Set<String> NAMES = java.util.Set.of("reg", "remove-item", "ri", "del", "rm",
            "remove-itemproperty", "vssadmin", "wmic", "wbadmin", "bcdedit");

    public WindowsSystemRule() {
        super("caro.system.windows-system", "Deleting Windows registry hives, shadow copies or boot settings", RiskLevel.CRITICAL,
                "These changes can leave Windows unbootable and remove the restore points you would need to recover."
                        + " Export the key (reg export) or create a restore point first, and change only the value you need.",
                List.of("reg delete HKLM\\SYSTEM\\CurrentControlSet\\Services /f", "vssadmin delete shadows /all /quiet",
                        "wmic shadowcopy delete", "bcdedit /set {default} recoveryenabled no", "wbadmin delete catalog -quiet",
                        "bcdedit /delete {default} /f",
                        "reg delete HKLM\\SOFTWARE\\Contoso /f"),
                List.of("reg query HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion", "reg delete HKCU\\Software\\MyApp\\Cache /f",
                        "vssadmin list shadows", "bcdedit /enum", "reg export HKLM\\SOFTWARE\\Contoso backup.reg"));
    }

    @Override
    public Set<String> commandNames() {
        return NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        if (!NAMES.contains(n)) {
            return out;
        }
        List<String> a = new ArrayList<>(c.args().size()); // a loop: rm runs this rule too
        for (Word w : c.args()) {
            a.add(w.source().toLowerCase(Locale.ROOT));
        }
        switch (n) {
            case "reg" -> {
                String line = String.join(" ", a);
                if (!a.isEmpty() && a.get(0).equals("add") && (line.contains("disableantispyware") || line.contains("disablerealtimemonitoring")
                        || line.contains("enablelua /t reg_dword /d 0") || line.contains("disableantivirus"))) {
                    report(out, RiskLevel.HIGH, "Turns off Windows security protection through the registry.", c.span());
                    return out;
                }
                if (a.isEmpty() || !a.get(0).equals("delete") || a.size() < 2) {
                    return out;
                }
                Word key = c.args().get(1);
                java.util.regex.Matcher m = HKLM.matcher(key.source());
                if (m.find()) {
                    String rest = m.group(1) == null ? "" : m.group(1);
                    boolean core = HKLM_CORE.matcher(rest).find();
                    report(out, core ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Deletes the machine registry key "
                            + key.source() + (core ? ", which Windows needs to start." : "."), key.span());
                }
            }
            case "remove-item", "ri", "del", "rm", "remove-itemproperty" -> {
                for (Word w : c.args()) {
                    java.util.regex.Matcher m = HKLM.matcher(w.source());
                    if (m.find() && w.source().contains(":")) {
                        report(out, RiskLevel.HIGH, "Deletes the machine registry key " + w.source() + ".", w.span());
                    }
                }
            }
            case "vssadmin" -> {
                if (a.contains("delete") || a.contains("resize") && a.stream().anyMatch(s -> s.startsWith("/maxsize=") && s.contains("401mb"))) {
                    report(out, RiskLevel.HIGH, "Deletes the Volume Shadow Copies (restore points).", c.span());
                }
            }
            case "wmic" -> {
                if (a.contains("shadowcopy") && a.contains("delete")) {
                    report(out, RiskLevel.HIGH, "Deletes the Volume Shadow Copies (restore points).", c.span());
                }
            }
            case "wbadmin" -> {
                if (!a.isEmpty() && a.get(0).equals("delete")) {
                    report(out, RiskLevel.HIGH, "Deletes Windows backups.", c.span());
                }
            }
            case "bcdedit" -> {
                String line = String.join(" ", a);
                if (line.contains("/delete") && (line.contains("{current}") || line.contains("{default}") || line.contains("{bootmgr}"))) {
                    report(out, RiskLevel.CRITICAL, "Deletes the boot entry Windows starts from, so it will not boot again.", c.span());
                } else if (line.contains("/delete") || line.contains("recoveryenabled no") || line.contains("bootstatuspolicy ignoreallfailures")) {
                    report(out, RiskLevel.HIGH, "Changes the Windows boot configuration so it cannot recover.", c.span());
                }
            }
            default -> { }
        }
        return out;
    }
}
