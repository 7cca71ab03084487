/** Where a command will run: operating system, userland, shell, working directory and tools. */
@Stable(since = "1.0")
package dev.caro.api.context;

import dev.caro.api.Stable;
