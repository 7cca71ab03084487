package dev.caro.backend.llamacpp;

import dev.caro.api.backend.BackendEnvironment;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the model runs in a background server and how long that server waits for the next
 * request. {@code CARO_NO_DAEMON} (set by {@code caro --no-daemon}) beats
 * {@code backends.llamacpp.daemon} in config.toml.
 *
 * @param enabled whether to use the background server (default true)
 * @param idle how long the server stays up without a request (default 15 minutes)
 */
record ServerSettings(boolean enabled, Duration idle) {

    static final String NO_DAEMON_ENV = "CARO_NO_DAEMON";
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})\\s*(ms|s|m|h)?");

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException with a user-facing message naming the bad value
     */
    static ServerSettings from(BackendEnvironment env) {
        boolean enabled;
        Optional<String> noDaemon = env.env(NO_DAEMON_ENV).map(v -> v.strip().toLowerCase(Locale.ROOT));
        if (noDaemon.isPresent()) {
            enabled = switch (noDaemon.get()) {
                case "1", "true", "yes" -> false;
                case "0", "false", "no" -> true;
                default -> throw new IllegalArgumentException(NO_DAEMON_ENV + " must be 1 or 0, not '" + noDaemon.get() + "'");
            };
        } else {
            String v = env.setting("daemon", "true").strip();
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("backends.llamacpp.daemon must be true or false, not '" + v + "'");
            }
            enabled = v.equals("true");
        }
        return new ServerSettings(enabled, idle(env.setting("idle", "")));
    }

    /** {@code 90s}, {@code 15m}, {@code 1h}, {@code 500ms}; a bare number is seconds. */
    static Duration idle(String value) {
        if (value.isBlank()) {
            return DEFAULT_IDLE;
        }
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("backends.llamacpp.idle must be a time such as 90s, 15m or 1h, not '"
                    + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
