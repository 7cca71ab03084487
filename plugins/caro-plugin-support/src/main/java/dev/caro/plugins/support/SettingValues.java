package dev.caro.plugins.support;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Parses backend settings (strings from caro's config); exception messages are user-facing and name the key. */
public final class SettingValues {

    private SettingValues() {}

    /** {@code 30} (seconds), {@code 30s}, {@code 500ms} or {@code 2m}; empty when unset. */
    public static Optional<Duration> duration(String raw, String key) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return Optional.of(Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip())));
            }
            if (s.endsWith("m")) {
                return Optional.of(Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1).strip())));
            }
            if (s.endsWith("s")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + raw
                    + "' is not a duration: use seconds (30), 30s, 500ms or 2m.");
        }
    }

    /** true/false, yes/no, on/off, 1/0. */
    public static boolean bool(String raw, String key) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(key + " '" + raw + "' is not true or false.");
        };
    }

    public static double number(String raw, String key) {
        try {
            return Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + raw + "' is not a number.");
        }
    }

    /** {@code 300 ms} or {@code 30 s}, for messages. */
    public static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
