package dev.caro.core.registry;

/**
 * Something was wrong with a discovered extension: it could not be instantiated, its id is
 * invalid, duplicated or reserved. The extension was skipped.
 *
 * @param source the provider class or plugin that caused it
 * @param message what went wrong, user-facing
 */
public record RegistryProblem(String source, String message) {}
