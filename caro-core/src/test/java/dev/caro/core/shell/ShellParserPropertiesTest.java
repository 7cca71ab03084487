package dev.caro.core.shell;

import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

/**
 * The parser never throws an unexpected exception, never hangs and keeps every span inside the
 * input. A short run here; {@code -Pfuzz} runs {@link ShellParserFuzzTest} for much longer.
 */
class ShellParserPropertiesTest {

    @Property(tries = 300)
    void shellCharacters(@ForAll("shellCharacters") String text) {
        ParserInvariants.check(text);
    }

    @Property(tries = 300)
    void shellFragments(@ForAll("shellFragments") String text) {
        ParserInvariants.check(text);
    }

    @Property(tries = 300)
    void anyText(@ForAll("anyText") String text) {
        ParserInvariants.check(text);
    }

    @Provide
    Arbitrary<String> shellCharacters() {
        return ShellArbitraries.shellCharacters();
    }

    @Provide
    Arbitrary<String> shellFragments() {
        return ShellArbitraries.shellFragments();
    }

    @Provide
    Arbitrary<String> anyText() {
        return ShellArbitraries.anyText();
    }
}
