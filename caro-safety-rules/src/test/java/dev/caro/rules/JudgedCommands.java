package dev.caro.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.core.safety.SafetyEngine;
import java.util.stream.Collectors;

/**
 * The two assertions of the blind-set class tests ({@code BlindSetNClassesTest}): a command judged
 * through the real engine in {@link CorpusTest#CONTEXT}, either at its exact risk with the reason caro
 * gives, or a harmless lookalike at the risk it keeps.
 */
final class JudgedCommands {

    static final SafetyEngine ENGINE = CorpusTest.engine();

    private JudgedCommands() {}

    /** {@code command} is judged exactly {@code risk}, and a finding of that risk says {@code reason}. */
    static void assertDangerous(String command, RiskLevel risk, String reason) {
        Assessment a = ENGINE.assess(command, CorpusTest.CONTEXT);
        assertEquals(risk, a.risk(), () -> describe(a));
        assertTrue(a.findings().stream().filter(f -> f.risk() == risk).anyMatch(f -> f.message().contains(reason)),
                () -> "no " + risk + " finding says '" + reason + "':" + describe(a));
    }

    /** {@code command} is judged exactly {@code most}. */
    static void assertKeeps(String command, RiskLevel most) {
        Assessment a = ENGINE.assess(command, CorpusTest.CONTEXT);
        assertEquals(most, a.risk(), () -> describe(a));
    }

    /** The findings, one per line, for a failure message. */
    static String describe(Assessment a) {
        return a.findings().stream().map(Finding::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
