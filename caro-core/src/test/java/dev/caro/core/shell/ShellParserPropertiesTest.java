package dev.caro.core.shell;

import dev.caro.api.context.ShellKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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

    /** Fragments inside the other shells' scripts, aliases and runners caro reads, also for a fish or zsh user. */
    @Property(tries = 300)
    void otherShellsAndRunners(@ForAll("runnerFragments") String text) {
        ParserInvariants.check(text);
        ParserInvariants.check(text, Scripts.CONTEXT.withShell(ShellKind.FISH));
        ParserInvariants.check(text, Scripts.CONTEXT.withShell(ShellKind.ZSH));
    }

    @Provide
    Arbitrary<String> runnerFragments() {
        return Combinators.combine(Arbitraries.of("fish -c '@'", "tcsh -c '@'", "csh -c \"@\"", "zsh -c '@'", "nu -c '@'",
                "alias a='@'; a", "eval \"alias a='@'\"; a", "cmd /c @", "powershell -Command \"@\"", "tmux send-keys '@' Enter",
                "git config alias.a '!@'; git a", "tar --checkpoint-action=exec='@' -cf x y", "Start-Process cmd -ArgumentList '@'",
                "@"), ShellArbitraries.shellFragments()).as((form, fragment) -> form.replace("@", fragment));
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
