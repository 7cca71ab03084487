/**
 * The output SPI: an {@link dev.caro.api.format.OutputFormatter} renders what caro produced
 * (a generated command, or the verdict of {@code caro check}) as text.
 */
@Stable(since = "1.0")
package dev.caro.api.format;

import dev.caro.api.Stable;
