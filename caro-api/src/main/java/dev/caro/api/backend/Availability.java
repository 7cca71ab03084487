package dev.caro.api.backend;

import dev.caro.api.Stable;
import java.util.Objects;

/**
 * Whether a backend can be used now, and if not, why and what the user can do about it.
 *
 * @param available true when {@link ModelBackendProvider#create} is expected to succeed
 * @param reason for an unavailable backend, a short explanation ({@code "model not downloaded"});
 *     for an available one, optional detail; never null
 * @param fix for an unavailable backend, the command or setting that fixes it
 *     ({@code "caro models pull qwen2.5-coder-1.5b"}); empty when there is none
 */
@Stable(since = "1.0")
public record Availability(boolean available, String reason, String fix) {

    public Availability {
        reason = Objects.requireNonNullElse(reason, "");
        fix = Objects.requireNonNullElse(fix, "");
    }

    public static Availability ready() {
        return new Availability(true, "", "");
    }

    public static Availability ready(String detail) {
        return new Availability(true, detail, "");
    }

    public static Availability unavailable(String reason, String fix) {
        return new Availability(false, reason, fix);
    }
}
