package dev.caro.core.hardening;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.core.config.CaroConfig;
import dev.caro.core.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Any config.toml text either parses or fails with a ConfigException that names the file. */
class ConfigParseFuzzTest {

    private static final Path FILE = Path.of("/home/ana/.config/caro/config.toml");

    @Property(tries = 1000)
    void anyTextParsesOrIsAConfigException(@ForAll("tomls") String text) {
        check(text);
    }

    @Provide
    Arbitrary<String> tomls() {
        return HostileText.tomlTexts();
    }

    @Test
    void deeplyNestedArraysAreAnErrorNotAStackOverflow() {
        check("model = " + "[".repeat(200_000));
        check("model = " + "[".repeat(100_000) + "]".repeat(100_000));
    }

    @Test
    void aMegabyteOfKeysIsHandledQuickly() {
        check("a = 1\n".repeat(200_000));
        check("#".repeat(1_000_000));
    }

    static void check(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                CaroConfig.parse(FILE, text);
            } catch (ConfigException e) {
                assertTrue(e.getMessage().startsWith(FILE + ":"), "the message names the file: " + e.getMessage());
            }
        });
    }

    /** The long run: {@code ./mvnw -pl caro-core -am test -Pfuzz [-Dcaro.fuzz.tries=N]}. */
    @Nested
    @Tag("fuzz")
    class LongRun {
        @Test
        void manyTexts() {
            Iterator<String> it = HostileText.tomlTexts().sampleStream().limit(FuzzTries.LONG).iterator();
            while (it.hasNext()) {
                check(it.next());
            }
        }
    }
}
