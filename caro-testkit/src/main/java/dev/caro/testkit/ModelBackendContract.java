package dev.caro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.ChatMessage;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.context.ExecutionContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ModelBackendProvider} and its {@link ModelBackend} meet, built-in or
 * plugin. Extend it in a test; for a remote backend, start a local server in the test and return
 * an environment pointing at it from {@link #workingEnvironment()}.
 */
public abstract class ModelBackendContract {

    private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9._-]*[a-z0-9])?");

    /** A new provider instance, as {@link ServiceLoader} would create it. */
    protected abstract ModelBackendProvider provider();

    /** An environment in which the backend is available and answers. */
    protected abstract BackendEnvironment workingEnvironment();

    /** Whether the backend ships with caro (only built-ins may use the {@code caro.} prefix). */
    protected boolean builtIn() {
        return false;
    }

    /** The request sent in {@link #generatesAnAnswer()}. */
    protected GenerationRequest request() {
        return new GenerationRequest("list files", ExecutionContext.linux("/home/ana", "/home/ana"),
                List.of(ChatMessage.system("Answer with one shell command."), ChatMessage.user("list files")), 1,
                Duration.ofSeconds(10));
    }

    /** An environment with nothing configured; the backend must say so rather than throw. */
    protected BackendEnvironment emptyEnvironment() {
        return new BackendEnvironment(Map.of(), Map.of(), Optional.empty(), Path.of("/nonexistent/cache"),
                Path.of("/nonexistent/data"), null);
    }

    @Test
    void metadataIsWellFormedAndStable() {
        ModelBackendProvider p = provider();
        assertNotNull(p.id(), "id()");
        assertTrue(ID.matcher(p.id()).matches(), "id '" + p.id() + "' must be lower case letters, digits, '.', '-', '_'");
        if (!builtIn()) {
            assertFalse(p.id().startsWith("caro."), "the caro. prefix is reserved for built-ins");
        }
        assertEquals(p.id(), provider().id(), "id() is the same for every instance");
        assertNotNull(p.description(), "description()");
        assertFalse(p.description().isBlank(), "description()");
        assertEquals(p.rank(), provider().rank(), "rank() is stable");
    }

    @Test
    void availabilityNeverThrowsAndExplainsItself() {
        Availability a = provider().availability(emptyEnvironment());
        assertNotNull(a, "availability() must not return null");
        if (!a.available()) {
            assertFalse(a.reason().isBlank(), "an unavailable backend says why");
        }
    }

    @Test
    void isAvailableInTheWorkingEnvironment() {
        Availability a = provider().availability(workingEnvironment());
        assertTrue(a.available(), "expected available, got: " + a);
    }

    @Test
    void generatesAnAnswer() throws Exception {
        try (ModelBackend backend = provider().create(workingEnvironment())) {
            Generation g = backend.generate(request());
            assertNotNull(g, "generate() must not return null");
            assertFalse(g.isEmpty() && g.note().isBlank(), "an empty answer says why in note()");
        }
    }

    @Test
    void closeIsIdempotent() throws Exception {
        ModelBackend backend = provider().create(workingEnvironment());
        backend.close();
        backend.close();
    }

    @Test
    void isRegisteredAsAService() {
        Class<?> type = provider().getClass();
        boolean found = ServiceLoader.load(ModelBackendProvider.class, type.getClassLoader()).stream()
                .anyMatch(p -> p.type() == type);
        assertTrue(found, type.getName() + " must be listed in META-INF/services/"
                + ModelBackendProvider.class.getName());
    }
}
