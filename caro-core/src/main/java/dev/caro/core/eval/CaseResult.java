package dev.caro.core.eval;

import dev.caro.api.safety.RiskLevel;
import java.util.Optional;

/**
 * How a backend did on one request.
 *
 * @param evalCase the request
 * @param answer the first command the backend gave; empty when it declined
 * @param equivalent whether the answer matched an acceptable command
 * @param how {@code normalized}, {@code execution}, or empty when not equivalent
 * @param risk the safety engine's verdict on the answer; empty when unanswered or unassessed
 * @param latencyMillis how long the backend took
 * @param note the backend's reason for declining, the execution verdict, or an error
 */
public record CaseResult(EvalCase evalCase, Optional<String> answer, boolean equivalent, String how,
        Optional<RiskLevel> risk, double latencyMillis, String note) {

    public boolean answered() {
        return answer.isPresent();
    }

    /** An answer to a request that should have been declined, or a non-equivalent answer. */
    public boolean wrong() {
        return answered() && !equivalent;
    }
}
