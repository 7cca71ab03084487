/**
 * The safety engine: {@link dev.caro.core.safety.SafetyEngine} runs every rule on a parsed
 * command and combines the findings; {@link dev.caro.core.safety.PathClassifier} says what a path
 * points at; also the intent check and shell-compatibility warnings.
 */
package dev.caro.core.safety;
