package dev.caro.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.backend.djl.fixtures.TinyModels;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the provider from this module's real class path minus the libtorch jar, as a user whose
 * installation lost it would: the backend must say what is missing and never reach for the
 * network.
 */
class MissingNativeLibraryTest {

    @TempDir
    Path temp;

    /** This test's class path without the jars whose path contains {@code fragment}. */
    private static URLClassLoader classPathWithout(String fragment) {
        List<URL> urls = new ArrayList<>();
        boolean removed = false;
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.contains(fragment)) {
                removed = true;
            } else if (!entry.isBlank()) {
                urls.add(toUrl(entry));
            }
        }
        assertTrue(removed, "the test class path should hold " + fragment + ": " + classPath);
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void providerWithoutDjlsApiJarSaysItIsIncomplete() throws Exception {
        try (URLClassLoader loader = classPathWithout("/ai/djl/api/")) {
            Class<?> envType = loader.loadClass("dev.caro.api.backend.BackendEnvironment");
            Class<?> providerType = loader.loadClass(DjlBackendProvider.class.getName());
            Class<?> progressType = loader.loadClass("dev.caro.api.backend.ProgressListener");
            // The shared cache: DJL's settings are system properties, global to this JVM and its other tests.
            Object env = envType.getConstructor(Map.class, Map.class, Optional.class, Path.class, Path.class, progressType)
                    .newInstance(Map.of("model_dir", TinyModels.WITH_CACHE.toString()), Map.of(), Optional.empty(),
                            TinyModels.cacheDir(), temp.resolve("data"), null);
            Object provider = providerType.getConstructor().newInstance();
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> providerType.getMethod("create", envType).invoke(provider, env));
            assertEquals("dev.caro.api.backend.BackendException", e.getCause().getClass().getName());
            assertEquals("the DJL backend is installed without all of its libraries (missing class ai/djl/engine/Engine);"
                    + " reinstall it as docs/djl-backend.md describes", e.getCause().getMessage());
        }
    }

    @Test
    void providerWithoutTheLibtorchJarExplainsWhatIsMissing() throws Exception {
        try (URLClassLoader loader = classPathWithout("pytorch-native-cpu")) {
            Class<?> envType = loader.loadClass("dev.caro.api.backend.BackendEnvironment");
            Class<?> providerType = loader.loadClass(DjlBackendProvider.class.getName());
            Class<?> progressType = loader.loadClass("dev.caro.api.backend.ProgressListener");
            Object env = envType.getConstructor(Map.class, Map.class, Optional.class, Path.class, Path.class, progressType)
                    .newInstance(Map.of("model_dir", TinyModels.WITH_CACHE.toString()), Map.of(), Optional.empty(),
                            temp.resolve("cache"), temp.resolve("data"), null);
            Object provider = providerType.getConstructor().newInstance();
            String expected = "the PyTorch native library is missing: put"
                    + " ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64 on caro's class path; use --backend"
                    + " llamacpp or --backend offline instead";

            Object availability = providerType.getMethod("availability", envType).invoke(provider, env);
            assertEquals(false, availability.getClass().getMethod("available").invoke(availability));
            assertEquals(expected, availability.getClass().getMethod("reason").invoke(availability));

            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> providerType.getMethod("create", envType).invoke(provider, env));
            assertEquals("dev.caro.api.backend.BackendException", e.getCause().getClass().getName());
            assertEquals(expected, e.getCause().getMessage());
            assertFalse(Files.exists(temp.resolve("cache")), "nothing was unpacked or downloaded");
        }
    }

    private static URL toUrl(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }
}
