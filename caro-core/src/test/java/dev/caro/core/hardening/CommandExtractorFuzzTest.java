package dev.caro.core.hardening;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.caro.api.backend.CommandCandidate;
import dev.caro.core.prompt.CommandExtractor;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Nested;

/**
 * Whatever a model writes, the command extractor returns a (possibly empty) list of non-blank
 * commands without throwing and without taking long. The long run is {@code -Pfuzz}.
 */
class CommandExtractorFuzzTest {

    @Property(tries = 500)
    void anyAnswerGivesCommandsOrNothing(@ForAll("answers") String answer) {
        check(answer);
    }

    @Provide
    Arbitrary<String> answers() {
        return HostileText.modelAnswers();
    }

    @Test
    void aBrokenUnicodeEscapeInJsonIsNotACrash() {
        // Found by the property above: "\\uZZZZ" made the JSON unescaping throw NumberFormatException.
        check("{\"command\": \"\\uZZZZ\"}");
        check("{\"command\": \"ls \\uZZ\"}");
        check("{\"command\": \"ls \\u12\"}");
    }

    @Test
    void aMegabyteOfAnswerIsHandledQuickly() {
        check("```bash\n" + "ls -la ".repeat(150_000));
        check("`".repeat(1_000_000));
        check("{\"command\": \"" + "\\\\".repeat(300_000));
        check("Sure, here it is.\n".repeat(50_000));
    }

    static void check(String answer) {
        List<CommandCandidate> out = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> CommandExtractor.extract(answer), () -> "the extractor hung on: " + abbreviate(answer));
        assertNotNull(out);
        for (CommandCandidate c : out) {
            assertFalse(c.command().isBlank(), "a blank command was extracted from: " + abbreviate(answer));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** The long run: {@code ./mvnw -pl caro-core -am test -Pfuzz [-Dcaro.fuzz.tries=N]}. */
    @Nested
    @Tag("fuzz")
    class LongRun {
        @Test
        void manyAnswers() {
            Iterator<String> it = HostileText.modelAnswers().sampleStream().limit(FuzzTries.LONG).iterator();
            while (it.hasNext()) {
                check(it.next());
            }
        }
    }
}
