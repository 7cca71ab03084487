package dev.caro.backend.offline;

/**
 * A time range from the request.
 *
 * @param kind WITHIN ("in the last 3 days"), OLDER ("older than a week") or TODAY
 * @param amount the number of {@code unit}s (0 for TODAY)
 * @param unit minutes, hours, days, weeks, months or years (singular, e.g. {@code day})
 */
record TimeBound(Kind kind, int amount, String unit) {

    enum Kind { WITHIN, OLDER, TODAY }

    /** Minutes when the unit is minutes or hours; -1 otherwise. */
    int minutes() {
        switch (unit) {
            case "minute": return amount;
            case "hour": return amount * 60;
            default: return -1;
        }
    }

    /** Whole days for day units and above. */
    int days() {
        switch (unit) {
            case "week": return amount * 7;
            case "month": return amount * 30;
            case "year": return amount * 365;
            case "day": return amount;
            default: return 0;
        }
    }

    /** A phrase git and GNU date understand: {@code 3 days ago}. */
    String ago() {
        return amount + " " + unit + (amount == 1 ? "" : "s") + " ago";
    }
}
