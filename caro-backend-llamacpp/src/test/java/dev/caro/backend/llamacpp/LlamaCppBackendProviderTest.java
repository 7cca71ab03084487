package dev.caro.backend.llamacpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.backend.ProgressListener;
import dev.caro.backend.llamacpp.fixtures.TinyLlamaModel;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaCppBackendProviderTest {

    @TempDir
    Path dir;

    private BackendEnvironment env(Optional<String> model, Map<String, String> settings) {
        Map<String, String> s = new java.util.HashMap<>(settings);
        s.putIfAbsent("daemon", "false"); // the server has its own tests (ModelServerTest)
        return new BackendEnvironment(s, Map.of(), model, dir.resolve("cache"), dir.resolve("data"),
                ProgressListener.NONE);
    }

    private BackendEnvironment env(String model) {
        return env(Optional.of(model), Map.of());
    }

    private Path installAsDefault() throws IOException {
        Path file = dir.resolve("cache/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf");
        Files.createDirectories(file.getParent());
        return TinyLlamaModel.write(file, 1);
    }

    @Test
    void isRegisteredAsAService() {
        assertTrue(ServiceLoader.load(ModelBackendProvider.class).stream()
                .anyMatch(p -> p.type() == LlamaCppBackendProvider.class));
        LlamaCppBackendProvider p = new LlamaCppBackendProvider();
        assertEquals("caro.llamacpp", p.id());
        assertEquals(100, p.rank());
        assertTrue(p.worksOffline());
        assertTrue(p.needsModel());
        assertEquals("local GGUF model run by llama.cpp, kept loaded by a background server (default qwen2.5-coder-1.5b)", p.description());
    }

    @Test
    void missingDefaultModelSaysHowToGetIt() {
        Availability a = new LlamaCppBackendProvider().availability(env(Optional.empty(), Map.of()));
        assertEquals(Availability.unavailable("model qwen2.5-coder-1.5b is not downloaded",
                "caro models pull qwen2.5-coder-1.5b"), a);
    }

    @Test
    void modelSettingIsUsedWhenNoModelIsSelected() {
        Availability a = new LlamaCppBackendProvider().availability(
                env(Optional.empty(), Map.of("model", "qwen2.5-coder-0.5b")));
        assertEquals("caro models pull qwen2.5-coder-0.5b", a.fix());
    }

    @Test
    void unknownModelListsTheKnownOnes() {
        Availability a = new LlamaCppBackendProvider().availability(env("gpt-5"));
        assertEquals(Availability.unavailable("unknown model 'gpt-5'; known models: qwen2.5-coder-0.5b,"
                + " qwen2.5-coder-1.5b, qwen2.5-coder-3b, llama-3.2-1b, or a path to a .gguf file",
                "caro models list"), a);
    }

    @Test
    void missingLocalFileIsNamed() {
        Path p = dir.resolve("nowhere.gguf");
        Availability a = new LlamaCppBackendProvider().availability(env(p.toString()));
        assertEquals(Availability.unavailable("model file " + p + " does not exist", ""), a);
    }

    @Test
    void fileThatIsNotGgufIsRejectedBeforeLlamaCppSeesIt() throws IOException {
        Path p = Files.writeString(dir.resolve("model.gguf"), "<html>not found</html>");
        assertEquals(Availability.unavailable(p + " is not a GGUF model file", ""),
                new LlamaCppBackendProvider().availability(env(p.toString())));
        BackendException e = assertThrows(BackendException.class,
                () -> new LlamaCppBackendProvider().create(env(p.toString())));
        assertEquals(p + " is not a GGUF model file", e.getMessage());
    }

    @Test
    void downloadedCatalogModelIsAvailable() throws IOException {
        installAsDefault();
        assertEquals(Availability.ready("qwen2.5-coder-1.5b"),
                new LlamaCppBackendProvider().availability(env(Optional.empty(), Map.of())));
    }

    @Test
    void truncatedFileIsReportedWithTheRealReason() throws IOException {
        Path full = TinyLlamaModel.write(dir.resolve("full.gguf"), 1);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(bytes, bytes.length - 1000));
        GgufFile header = assertDoesNotThrowRead(full);
        BackendException e = assertThrows(BackendException.class,
                () -> new LlamaCppBackendProvider().create(env(cut.toString())));
        assertEquals(cut + " is truncated: its tensors need " + header.expectedMinimumSize()
                + " bytes but the file has " + (bytes.length - 1000), e.getMessage());
    }

    @Test
    void truncatedCatalogModelSaysHowToFetchItAgain() throws IOException {
        Path file = installAsDefault();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, 200));
        BackendException e = assertThrows(BackendException.class,
                () -> new LlamaCppBackendProvider().create(env(Optional.empty(), Map.of())));
        assertEquals(file + " is truncated inside its header; run 'caro models pull qwen2.5-coder-1.5b'", e.getMessage());
    }

    @Test
    void soundFileThatLlamaCppRejectsIsReportedAsSuch() throws IOException {
        Path p = TinyLlamaModel.write(dir.resolve("future.gguf"), 1, "future-arch");
        BackendException e = assertThrows(BackendException.class,
                () -> new LlamaCppBackendProvider().create(env(p.toString())));
        assertEquals("llama.cpp could not load " + p + " (architecture 'future-arch'); the file is a complete GGUF"
                + " model, so it probably needs a newer llama.cpp than the bundled one; set backends.llamacpp.log ="
                + " true to see why", e.getMessage());
    }

    @Test
    void badSettingIsNamed() throws IOException {
        Path p = TinyLlamaModel.write(dir.resolve("m.gguf"), 1);
        BackendException e = assertThrows(BackendException.class, () -> new LlamaCppBackendProvider().create(
                env(Optional.of(p.toString()), Map.of("threads", "many"))));
        assertEquals("backends.llamacpp.threads must be a positive whole number, not 'many'", e.getMessage());
    }

    @Test
    void providerChecksDoNotLoadTheBinding() throws Exception {
        // A fresh class loader sees exactly which classes the cheap calls pull in.
        URL[] urls = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(s -> {
                    try {
                        return Path.of(s).toUri().toURL();
                    } catch (java.net.MalformedURLException ex) {
                        throw new IllegalStateException(ex);
                    }
                }).toArray(URL[]::new);
        try (InspectableLoader loader = new InspectableLoader(urls)) {
            Class<?> providerClass = loader.loadClass(LlamaCppBackendProvider.class.getName());
            Object provider = providerClass.getConstructor().newInstance();
            Class<?> envClass = loader.loadClass(BackendEnvironment.class.getName());
            Class<?> progressClass = loader.loadClass(ProgressListener.class.getName());
            Object environment = envClass.getConstructors()[0].newInstance(Map.of(), Map.of(), Optional.empty(),
                    dir.resolve("cache"), dir.resolve("data"), progressClass.getField("NONE").get(null));
            for (String name : new String[] {"id", "description", "rank", "worksOffline", "needsModel"}) {
                providerClass.getMethod(name).invoke(provider);
            }
            Method availability = providerClass.getMethod("availability", envClass);
            availability.invoke(provider, environment);
            providerClass.getMethod("modelStore", envClass).invoke(provider, environment);
            assertNull(loader.loaded("de.kherud.llama.LlamaModel"));
            assertNull(loader.loaded("de.kherud.llama.ModelParameters"));
            assertFalse(loader.loaded(LlamaCppBackendProvider.class.getName()) == null, "sanity: the loader works");
        }
    }

    private static GgufFile assertDoesNotThrowRead(Path p) {
        try {
            return GgufFile.read(p);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Loads classes itself (child first) and says which it has loaded. */
    private static final class InspectableLoader extends URLClassLoader {
        InspectableLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        Class<?> loaded(String name) {
            return findLoadedClass(name);
        }
    }
}
