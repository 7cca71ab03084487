package dev.caro.rules.system;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Removing packages the system cannot run without (libc, systemd, the system Python, sudo, the kernel). */
public final class EssentialPackageRemovalRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("apt", "apt-get", "aptitude", "dnf", "yum", "zypper", "microdnf", "tdnf", "apk",
            "dpkg", "rpm", "pacman");

    private static final LazyPattern ESSENTIAL = LazyPattern.of("(?i)(?:python3?|python3-minimal|python3\\.\\d+|libc6|libc-bin|glibc"
            + "|bash|coreutils|sudo|systemd|systemd-sysv|init|apt|dpkg|rpm|dnf|yum|pacman|openssh-server|openssh|grub.*"
            + "|linux-image.*|linux-generic|linux|kernel.*|util-linux|login|passwd|shadow|shadow-utils|perl-base|libstdc\\+\\+6"
            + "|zlib1g|base-files|base-passwd|ubuntu-minimal|findutils|tar|gzip|procps|mount|e2fsprogs|udev|dbus"
            + "|libpam.*|pam|network-manager|networkmanager|netplan\\.io|ifupdown|glibc-common|filesystem|setup|bash-completion-never"
            + "|\\*|.*\\*)(?::\\w+)?");
    /** Packages every program or the boot itself needs: removing them breaks the machine at once, forced or not. */
    private static final LazyPattern CORE = LazyPattern.of("(?i)(?:libc6|libc-bin|glibc|glibc-common|coreutils|libstdc\\+\\+6|zlib1g"
            + "|base-files|filesystem|linux-image.*|kernel|kernel-core|systemd|systemd-sysv|init|bash|dpkg|rpm)(?::\\w+)?");
    private static final Set<String> APT_REMOVE = Set.of("remove", "purge", "autoremove", "erase", "rm", "del", "uninstall");

    public EssentialPackageRemovalRule() {
        super("caro.system.package-removal", "Removing packages the operating system depends on", RiskLevel.CRITICAL,
                "Removing libc, systemd, the system Python or the package manager itself can leave a machine that"
                        + " no longer boots or cannot install anything. Remove only the application package you meant.",
                List.of("sudo apt-get purge -y python3", "sudo apt remove --purge systemd", "dnf remove -y glibc",
                        "sudo rpm -e --nodeps bash", "sudo pacman -Rdd linux", "sudo dpkg --purge --force-all libc6",
                        "sudo apt-get remove openssh-server"),
                List.of("sudo apt-get install -y jq", "apt-get -s purge python3", "sudo apt remove nodejs", "pip uninstall -y requests",
                        "dnf remove -y httpd", "sudo apt autoremove", "brew uninstall wget"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        boolean apt = n.equals("apt") || n.equals("apt-get") || n.equals("aptitude");
        if (Args.has(c, apt ? "s" : "", "--simulate", "--dry-run", "--just-print", "--no-act", "--recon", "--assumeno")) {
            return List.of(); // a simulation prints what would go and removes nothing
        }
        List<Word> ops = Args.operands(c, Set.of("-o", "-t", "--target-release", "-c", "--config-file", "--root", "-r"));
        List<Word> packages;
        switch (n) {
            case "apt", "apt-get", "aptitude", "dnf", "yum", "zypper", "microdnf", "tdnf", "apk" -> {
                if (ops.isEmpty() || !APT_REMOVE.contains(ops.get(0).value().toLowerCase(Locale.ROOT))) {
                    return List.of();
                }
                packages = ops.subList(1, ops.size());
            }
            case "dpkg" -> {
                if (!Args.has(c, "rP", "--remove", "--purge")) {
                    return List.of();
                }
                packages = ops;
            }
            case "rpm" -> {
                if (!Args.has(c, "e", "--erase")) {
                    return List.of();
                }
                packages = ops;
            }
            case "pacman" -> {
                if (!Args.hasShort(c, 'R') && !Args.hasLong(c, "--remove")) {
                    return List.of();
                }
                packages = ops;
            }
            default -> {
                return List.of();
            }
        }
        List<Finding> out = new ArrayList<>();
        boolean forced = Args.hasLong(c, "--nodeps") || Args.hasLong(c, "--force-all") || Args.hasLong(c, "--force-remove-essential")
                || Args.hasLong(c, "--allow-remove-essential")
                || (n.equals("pacman") && c.argValues().stream().anyMatch(v -> v.startsWith("-R") && v.indexOf('d') != v.lastIndexOf('d')));
        for (Word p : packages) {
            if (ESSENTIAL.matcher(p.value()).matches()) {
                report(out, forced || CORE.matcher(p.value()).matches() ? RiskLevel.CRITICAL : RiskLevel.HIGH,
                        "Removes the essential package " + p.value()
                        + ", which the system needs to run.", p.span());
            }
        }
        return out;
    }
}
