/**
 * The safety SPI: {@link dev.caro.api.safety.SafetyRule}s judge parsed commands and report
 * {@link dev.caro.api.safety.Finding}s; caro combines them into an
 * {@link dev.caro.api.safety.Assessment} and a {@link dev.caro.api.safety.SafetyMode} turns that
 * into a {@link dev.caro.api.safety.Decision}.
 */
@Stable(since = "1.0")
package dev.caro.api.safety;

import dev.caro.api.Stable;
