package dev.caro.core.hardening;

/**
 * How many inputs the long fuzz runs try: {@code -Dcaro.fuzz.tries=N} (the same property the
 * parser fuzz run reads), default 20000. The short runs in the normal build use {@code @Property(tries)}.
 */
final class FuzzTries {

    static final int LONG = Integer.getInteger("caro.fuzz.tries", 20_000);

    private FuzzTries() {}
}
