/**
 * The model backend SPI: a cheap {@link dev.caro.api.backend.ModelBackendProvider} that is
 * discovered and ranked, and the heavy {@link dev.caro.api.backend.ModelBackend} it creates
 * lazily, which turns a request into candidate commands.
 */
@Stable(since = "1.0")
package dev.caro.api.backend;

import dev.caro.api.Stable;
