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
            case ROOT -> RiskLevel.HIGH;
            case DEVICE -> RiskLevel.HIGH;
            case SYSTEM -> housekeeping(abs) && f.aged() && !emptiesFiles ? RiskLevel.SAFE : RiskLevel.HIGH;
            case HOME -> f.nameFiltered() && !recursiveRemoval ? RiskLevel.SAFE : RiskLevel.MODERATE;
            case UNKNOWN -> RiskLevel.MODERATE;
            case OUTSIDE_CWD -> recursiveRemoval ? RiskLevel.MODERATE : RiskLevel.SAFE;
            default -> RiskLevel.SAFE;
        };
    }

    /** Directories where deleting old files is routine cleanup. */
    private static boolean housekeeping(String abs) {
        return abs != null && (abs.startsWith("/var/log") || abs.startsWith("/var/cache") || abs.startsWith("/var/tmp")
                || abs.startsWith("/var/crash") || abs.startsWith("/var/backups") || abs.startsWith("/var/spool"));
    }
}
