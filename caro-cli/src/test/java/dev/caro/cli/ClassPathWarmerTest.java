package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassPathWarmerTest {

    /** It only gives the registry a head start: a failing lookup is left for the registry to report. */
    @Test
    void aFailingLookupIsLeftToTheRegistry() {
        List<String> asked = new ArrayList<>();
        ClassLoader failing = new ClassLoader(null) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                asked.add(name);
                throw new IOException("unreadable jar");
            }
        };
        assertDoesNotThrow(() -> new ClassPathWarmer(failing).run());
        assertEquals(List.of("META-INF/services/dev.caro.api.safety.SafetyRule"), asked);
    }

    @Test
    void warmsOnADaemonThreadThatEnds() throws InterruptedException {
        Thread t = ClassPathWarmer.start(ClassPathWarmerTest.class.getClassLoader());
        assertTrue(t.isDaemon(), "a daemon never delays the exit");
        assertEquals("caro-classpath", t.getName());
        t.join(10_000);
        assertFalse(t.isAlive());
    }
}
