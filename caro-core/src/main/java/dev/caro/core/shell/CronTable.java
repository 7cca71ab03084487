package dev.caro.core.shell;

/**
 * Crontab text as the commands cron will run: the schedule (and, in the system tables, the user)
 * of each entry is blanked with spaces, so the rest parses as shell at the same offsets.
 */
final class CronTable {

    private CronTable() {}

    /** How the text written to {@code path} is read, or null when it is not a cron file. */
    enum Kind {
        /** {@code /etc/crontab}, {@code /etc/cron.d/*}: schedule, user, command. */
        SYSTEM,
        /** A user's crontab ({@code crontab -}, {@code /var/spool/cron/...}): schedule, command. */
        USER,
        /** {@code /etc/cron.daily/*} and kin: a whole script. */
        SCRIPT
    }

    /** The kind of cron file {@code path} is, or null. */
    static Kind of(String path) {
        if (path.equals("/etc/crontab") || path.startsWith("/etc/cron.d/")) {
            return Kind.SYSTEM;
        }
        if (path.startsWith("/var/spool/cron/")) {
            return Kind.USER;
        }
        if (path.startsWith("/etc/cron.hourly/") || path.startsWith("/etc/cron.daily/") || path.startsWith("/etc/cron.weekly/")
                || path.startsWith("/etc/cron.monthly/")) {
            return Kind.SCRIPT;
        }
        return null;
    }

    /** {@code text} with each entry's schedule (and user, for SYSTEM) and every variable line replaced by spaces. */
    static String commands(String text, Kind kind) {
        if (kind == Kind.SCRIPT) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            out.append(entry(text.substring(start, end), kind));
            if (nl < 0) {
                break;
            }
            out.append('\n');
            start = nl + 1;
        }
        return out.toString();
    }

    private static String entry(String line, Kind kind) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return line;
        }
        if (t.matches("[A-Za-z_][A-Za-z0-9_]*\\s*=.*")) {
            return " ".repeat(line.length()); // SHELL=/bin/sh, MAILTO=...
        }
        int fields = (t.startsWith("@") ? 1 : 5) + (kind == Kind.SYSTEM ? 1 : 0);
        int i = 0;
        for (int f = 0; f < fields; f++) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
        }
        return " ".repeat(i) + line.substring(i);
    }
}
