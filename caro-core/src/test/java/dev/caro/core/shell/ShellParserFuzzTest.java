package dev.caro.core.shell;

import java.util.Iterator;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The long run of the parser properties: {@code ./mvnw -pl caro-core -am test -Pfuzz}
 * ({@code -Dcaro.fuzz.tries=N} per generator, default 20000). Excluded from the normal build.
 */
@Tag("fuzz")
class ShellParserFuzzTest {

    private static final int TRIES = Integer.getInteger("caro.fuzz.tries", 20_000);

    @Test
    void shellCharacters() {
        run(ShellArbitraries.shellCharacters());
    }

    @Test
    void shellFragments() {
        run(ShellArbitraries.shellFragments());
    }

    @Test
    void anyText() {
        run(ShellArbitraries.anyText());
    }

    private static void run(Arbitrary<String> inputs) {
        Iterator<String> it = inputs.sampleStream().limit(TRIES).iterator();
        while (it.hasNext()) {
            ParserInvariants.check(it.next());
        }
    }
}
