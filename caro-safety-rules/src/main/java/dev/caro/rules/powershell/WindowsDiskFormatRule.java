package dev.caro.rules.powershell;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Stdin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Windows disk erasure: format C:, Format-Volume, Clear-Disk, Remove-Partition, Initialize-Disk, diskpart clean. */
public final class WindowsDiskFormatRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("format", "format.com", "format-volume", "clear-disk", "remove-partition",
            "initialize-disk", "reset-physicaldisk", "diskpart");

    private static final LazyPattern DRIVE = LazyPattern.of("(?i)^[a-z]:\\\\?$");

    public WindowsDiskFormatRule() {
        super("caro.powershell.disk-format", "Formatting or wiping Windows disks and volumes", RiskLevel.CRITICAL,
                "Formatting or clearing a disk erases everything on it. Check Get-Disk / Get-Volume output first and"
                        + " select the disk by number, never by pipeline of all disks.",
                List.of("format C: /q /y", "Format-Volume -DriveLetter D -FileSystem NTFS",
                        "Get-Disk | Where-Object Number -ne 0 | Clear-Disk -RemoveData -RemoveOEM -Confirm:$false",
                        "Remove-Partition -DriveLetter E -Confirm:$false", "echo clean | diskpart", "diskpart /s layout.txt"),
                List.of("Get-Disk", "Get-Volume", "format-table", "Get-Partition -DiskNumber 1", "diskpart /?"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        switch (n) {
            case "format", "format.com" -> {
                for (Word w : c.args()) {
                    if (DRIVE.matcher(w.source()).matches()) {
                        report(out, w.source().toLowerCase(Locale.ROOT).startsWith("c") ? RiskLevel.CRITICAL : RiskLevel.HIGH,
                                "Formats the drive " + w.source() + ", erasing everything on it.", w.span());
                    }
                }
            }
            case "format-volume" -> report(out, RiskLevel.HIGH, "Formats a volume, erasing everything on it.", c.span());
            case "clear-disk" -> report(out, c.upstream().isEmpty() ? RiskLevel.HIGH : RiskLevel.CRITICAL,
                    "Wipes " + (c.upstream().isEmpty() ? "a disk" : "every disk the pipeline selects") + ", removing all partitions and data.", c.span());
            case "remove-partition" -> report(out, RiskLevel.HIGH, "Deletes a partition and the data on it.", c.span());
            case "initialize-disk", "reset-physicaldisk" -> report(out, RiskLevel.HIGH, "Re-initializes a disk.", c.span());
            case "diskpart" -> {
                String text = Stdin.text(c).orElse("").toLowerCase(Locale.ROOT);
                if (text.contains("clean") || text.contains("format") || text.contains("delete")) {
                    report(out, RiskLevel.CRITICAL, "Runs a diskpart script that erases a disk.", c.span());
                } else if (Args.hasWordIgnoreCase(c, "/s")) {
                    report(out, RiskLevel.MODERATE, "Runs a diskpart script from a file caro cannot see; diskpart"
                            + " scripts usually change partitions.", c.span());
                }
            }
            default -> { }
        }
        return out;
    }
}
