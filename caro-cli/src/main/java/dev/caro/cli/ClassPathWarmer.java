package dev.caro.cli;

import dev.caro.api.safety.SafetyRule;
import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * Opens the class path's jars on a background thread while the main thread reads the settings.
 * The first {@link java.util.ServiceLoader} lookup opens every jar on the class path (their
 * directories and manifests, interpreted), a sixth of a {@code caro check}; done beside the main
 * thread's own start-up work, the lookup later finds them open. Changes nothing else: the lookup
 * itself, and any error, stay the registry's.
 */
final class ClassPathWarmer implements Runnable {

    private final ClassLoader loader;

    ClassPathWarmer(ClassLoader loader) {
        this.loader = loader;
    }

    /** Starts the warming thread for {@code loader}; a daemon, so it never delays exit. */
    static Thread start(ClassLoader loader) {
        Thread t = new Thread(new ClassPathWarmer(loader), "caro-classpath");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void run() {
        try {
            Enumeration<URL> found = loader.getResources("META-INF/services/" + SafetyRule.class.getName());
            while (found.hasMoreElements()) {
                found.nextElement();
            }
        } catch (IOException | RuntimeException e) {
            // only a head start: the registry's own lookup reports any problem
        }
    }
}
