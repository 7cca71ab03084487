package dev.caro.core.pipeline;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.SafetyMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked for.
 *
 * @param prompt the request in plain language
 * @param context where the command will run
 * @param backend the backend the user chose (flag, environment or config), or empty to use the
 *     available backends by rank
 * @param mode the safety mode in force
 * @param timeout how long one backend may take
 */
public record PipelineRequest(String prompt, ExecutionContext context, Optional<String> backend, SafetyMode mode,
        Duration timeout) {

    public PipelineRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(context, "context");
        backend = backend == null ? Optional.empty() : backend;
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timeout, "timeout");
    }
}
