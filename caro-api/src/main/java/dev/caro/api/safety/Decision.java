package dev.caro.api.safety;

import dev.caro.api.Stable;

/** What caro may do with a command under a {@link SafetyMode}. */
@Stable(since = "1.0")
public enum Decision {
    /** Run when the user asked to run it ({@code -x} or the menu), with no further question. */
    ALLOW,
    /** Ask a yes/no question first; {@code --yes} answers it. */
    CONFIRM,
    /** Ask the user to type the word {@code yes}; nothing else, not even {@code --yes}, answers it. */
    CONFIRM_TYPED,
    /** Never run. */
    BLOCK
}
