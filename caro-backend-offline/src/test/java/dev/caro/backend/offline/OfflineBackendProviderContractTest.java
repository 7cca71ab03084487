package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.testkit.ModelBackendContract;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineBackendProviderContractTest extends ModelBackendContract {

    @Override
    protected ModelBackendProvider provider() {
        return new OfflineBackendProvider();
    }

    @Override
    protected BackendEnvironment workingEnvironment() {
        return new BackendEnvironment(Map.of(), Map.of(), Optional.empty(), Path.of("/nonexistent/cache"),
                Path.of("/nonexistent/data"), null);
    }

    @Override
    protected boolean builtIn() {
        return true;
    }

    @Test
    void describesItselfAsTheOfflineLastResort() {
        OfflineBackendProvider p = new OfflineBackendProvider();
        assertEquals("caro.offline", p.id());
        assertEquals(10, p.rank());
        assertTrue(p.worksOffline());
        assertFalse(p.needsModel());
        assertTrue(p.availability(workingEnvironment()).available());
    }

    /**
     * A process that answers many requests (the resident CLI server) reads the catalog once; a
     * plugin's catalog on the context class loader gets a backend of its own, and the built-in
     * one comes back without the plugin's intents once the plugin is gone.
     */
    @Test
    void reusesTheCatalogUntilTheCatalogFilesChange(@TempDir Path dir) throws Exception {
        OfflineBackendProvider p = new OfflineBackendProvider();
        ModelBackend first = p.create(workingEnvironment());
        assertSame(first, p.create(workingEnvironment()));
        Path meta = Files.createDirectories(dir.resolve("META-INF/caro/offline"));
        Files.writeString(meta.resolve("catalog.intents"), """
                [acme.deploy-status]
                category: acme
                when: \\bacme\\b.*\\bstatus\\b
                gnu: acme status
                explain: Shows the deployment status.
                """);
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            t.setContextClassLoader(plugin);
            ModelBackend withPlugin = p.create(workingEnvironment());
            assertNotSame(first, withPlugin);
            assertEquals("acme status", command(withPlugin, "show the acme status"));
        } finally {
            t.setContextClassLoader(before);
        }
        ModelBackend after = p.create(workingEnvironment());
        assertEquals("NONE", command(after, "show the acme status"));
        assertEquals("git status", command(after, "git status"));
    }

    private static String command(ModelBackend b, String prompt) throws Exception {
        var g = b.generate(new GenerationRequest(prompt, Backends.GNU, List.of(), 1, Duration.ofSeconds(5)));
        return g.candidates().isEmpty() ? "NONE" : g.candidates().get(0).command();
    }
}
