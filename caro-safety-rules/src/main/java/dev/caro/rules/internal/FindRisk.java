package dev.caro.rules.internal;

import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;

/** How dangerous a find that deletes (or empties) what it matches is, by its starting point and tests. */
public final class FindRisk {

    private FindRisk() {}

    /**
     * @param kind what the starting point is
     * @param abs the starting point as an absolute path, when known
     * @param f the find
     * @param recursiveRemoval whether the action removes whole directory trees ({@code -exec rm -r})
     * @param emptiesFiles whether the action empties files rather than removing them (truncate, shred)
     */
    public static RiskLevel of(PathKind kind, String abs, FindInvocation f, boolean recursiveRemoval, boolean emptiesFiles) {
        if (!f.narrowed()) {
            return Targets.destructionRisk(kind);
        }
        return switch (kind) {
            // From / by a program's name (*.so*, *.py): the system's own files among them.
            case ROOT -> f.nameFiltered() && !f.junkOnly() || f.olderOnly() ? RiskLevel.CRITICAL : RiskLevel.HIGH;
            case DEVICE -> RiskLevel.HIGH;
            case SYSTEM -> housekeeping(abs) && f.aged() && !emptiesFiles ? RiskLevel.SAFE
                    : programTree(abs) && !f.junkOnly() ? RiskLevel.CRITICAL : RiskLevel.HIGH;
            // Only an age, size or type test under the home directory: documents, keys and dotfiles alike;
            // "older than a week" is most of it.
            case HOME -> f.olderOnly() ? RiskLevel.CRITICAL : !f.nameFiltered() ? RiskLevel.HIGH
                    : !recursiveRemoval ? RiskLevel.SAFE : RiskLevel.MODERATE;
            case UNKNOWN -> RiskLevel.MODERATE;
            case OUTSIDE_CWD -> recursiveRemoval ? RiskLevel.MODERATE : RiskLevel.SAFE;
            default -> RiskLevel.SAFE;
        };
    }

    /**
     * The trees the operating system runs from: deleting files there by anything but a leftover's
     * name ({@code *.so*}, {@code *.conf}, {@code -mtime +30}) removes programs, libraries or settings.
     */
    private static boolean programTree(String abs) {
        if (abs == null) {
            return false;
        }
        for (String top : new String[] {"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/boot"}) {
            if (abs.equals(top) || abs.startsWith(top + "/") && !abs.startsWith("/usr/local/src") && !abs.startsWith("/usr/share/doc")) {
                return true;
            }
        }
        return false;
    }

    /** Directories where deleting old files is routine cleanup. */
    private static boolean housekeeping(String abs) {
        return abs != null && (abs.startsWith("/var/log") || abs.startsWith("/var/cache") || abs.startsWith("/var/tmp")
                || abs.startsWith("/var/crash") || abs.startsWith("/var/backups") || abs.startsWith("/var/spool"));
    }
}
