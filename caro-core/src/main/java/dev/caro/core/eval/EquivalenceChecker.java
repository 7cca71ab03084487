package dev.caro.core.eval;

import java.util.List;

/** Decides whether a generated command answers a request as well as an expected one. */
public final class EquivalenceChecker {

    private EquivalenceChecker() {}

    /** Whether the two commands are equal after {@link CommandNormalizer normalization}. */
    public static boolean equivalent(String answer, String expected) {
        if (answer == null || answer.isBlank() || expected == null) {
            return false;
        }
        return CommandNormalizer.normalize(answer).equals(CommandNormalizer.normalize(expected));
    }

    /** Whether {@code answer} is equivalent to any of {@code expected}. */
    public static boolean equivalentToAny(String answer, List<String> expected) {
        return expected.stream().anyMatch(e -> equivalent(answer, e));
    }
}
