package dev.caro.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ProgressListener;
import dev.caro.backend.djl.fixtures.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selection, availability and the error messages users see before any native code loads. */
class DjlBackendProviderTest {

    @TempDir
    Path temp;

    private final DjlBackendProvider provider = new DjlBackendProvider();

    private BackendEnvironment env(Map<String, String> settings, Optional<String> model) {
        return new BackendEnvironment(settings, Map.of(), model, temp.resolve("cache"), temp.resolve("data"),
                ProgressListener.NONE);
    }

    @Test
    void describesItselfAsAnOfflineEmbeddedBackend() {
        assertEquals("caro.djl", provider.id());
        assertEquals(50, provider.rank());
        assertTrue(provider.worksOffline());
        assertTrue(provider.needsModel());
    }

    @Test
    void withoutAModelDirectoryItSaysHowToConfigureOne() {
        Availability a = provider.availability(env(Map.of(), Optional.empty()));
        assertFalse(a.available());
        assertEquals("no DJL model directory is configured", a.reason());
        assertEquals("caro config set backends.djl.model_dir /path/to/model-dir", a.fix());
        BackendException e = assertThrows(BackendException.class, () -> provider.create(env(Map.of(), Optional.empty())));
        assertEquals("no DJL model directory is configured; run 'caro config set backends.djl.model_dir"
                + " /path/to/model-dir'", e.getMessage());
        assertFalse(Files.exists(temp.resolve("cache")), "nothing is unpacked before a model is chosen");
    }

    @Test
    void isReadyForAModelDirectoryFromTheSettingOrFromModel() {
        Path dir = TinyModels.WITH_CACHE;
        assertEquals(Availability.ready(dir.toString()), provider.availability(env(Map.of("model_dir", dir.toString()),
                Optional.empty())));
        assertEquals(Availability.ready(dir.toString()), provider.availability(env(Map.of(),
                Optional.of(dir.toString()))));
        // A --model that is not a directory (a GGUF catalog id) belongs to another backend.
        assertEquals("no DJL model directory is configured",
                provider.availability(env(Map.of(), Optional.of("qwen2.5-coder-1.5b"))).reason());
    }

    @Test
    void missingModelFileIsReportedWithTheExportScript() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("model"));
        Files.copy(TinyModels.WITH_CACHE.resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
        Files.copy(TinyModels.WITH_CACHE.resolve("caro-model.properties"), dir.resolve("caro-model.properties"));
        String expected = "the DJL model directory " + dir + " has no model.pt; export one with"
                + " caro-backend-djl/scripts/export_hf_model.py";
        assertEquals(expected, provider.availability(env(Map.of("model_dir", dir.toString()), Optional.empty())).reason());
        BackendException e = assertThrows(BackendException.class,
                () -> provider.create(env(Map.of("model_dir", dir.toString()), Optional.empty())));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void missingTokenizerAndMissingDirectoryAreReported() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("model"));
        Files.copy(TinyModels.WITH_CACHE.resolve("model.pt"), dir.resolve("model.pt"));
        assertEquals("the DJL model directory " + dir + " has no tokenizer.json; export one with"
                        + " caro-backend-djl/scripts/export_hf_model.py",
                provider.availability(env(Map.of("model_dir", dir.toString()), Optional.empty())).reason());
        Path gone = temp.resolve("gone");
        assertEquals("the DJL model directory " + gone + " does not exist",
                provider.availability(env(Map.of("model_dir", gone.toString()), Optional.empty())).reason());
    }

    @Test
    void badSettingsNameTheKey() {
        Map<String, String> settings = Map.of("model_dir", TinyModels.WITH_CACHE.toString(), "max_tokens", "lots");
        Availability a = provider.availability(env(settings, Optional.empty()));
        assertEquals("backends.djl.max_tokens must be a positive whole number, not 'lots'", a.reason());
        BackendException e = assertThrows(BackendException.class,
                () -> provider.create(env(Map.of("model_dir", TinyModels.WITH_CACHE.toString(), "temperature", "hot"),
                        Optional.empty())));
        assertEquals("backends.djl.temperature must be a number from 0 to 10, not 'hot'", e.getMessage());
    }

    @Test
    void badModelConfigNamesTheFileAndKey() throws IOException {
        Path dir = TinyModels.copyWith(TinyModels.WITH_CACHE, temp.resolve("m"), Map.of("chat_template", "jinja"));
        BackendException e = assertThrows(BackendException.class,
                () -> provider.create(env(Map.of("model_dir", dir.toString()), Optional.empty())));
        assertEquals(dir.resolve("caro-model.properties") + ": chat_template must be one of chatml, llama3, plain,"
                + " not 'jinja'", e.getMessage());
        Path dir2 = TinyModels.copyWith(TinyModels.WITH_CACHE, temp.resolve("m2"), Map.of("kv_cache.shape", "2, 2"));
        e = assertThrows(BackendException.class,
                () -> provider.create(env(Map.of("model_dir", dir2.toString()), Optional.empty())));
        assertEquals(dir2.resolve("caro-model.properties") + ": kv_cache.shape must list the empty cache's dimensions"
                + " with exactly one 0 (the sequence), e.g. '24, 2, 1, 2, 0, 64', not '2, 2'", e.getMessage());
    }

    @Test
    void unsupportedPlatformAndMissingNativeLibraryAreClearErrors() {
        assertEquals(Optional.of("PyTorch 2.7.1 has no native library for FreeBSD amd64; use --backend llamacpp or"
                        + " --backend offline instead"),
                TorchRuntime.nativeProblem("FreeBSD", "amd64", Optional.of("linux-x86_64")));
        assertEquals(Optional.of("the PyTorch native library is missing: put"
                        + " ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64 on caro's class path; use --backend"
                        + " llamacpp or --backend offline instead"),
                TorchRuntime.nativeProblem("Linux", "amd64", Optional.empty()));
        assertEquals(Optional.of("the bundled PyTorch native library is for linux-x86_64, this machine needs"
                        + " osx-aarch64: install the DJL backend built for it; use --backend llamacpp or --backend"
                        + " offline instead"),
                TorchRuntime.nativeProblem("Mac OS X", "aarch64", Optional.of("linux-x86_64")));
        assertEquals(Optional.empty(), TorchRuntime.nativeProblem("Linux", "amd64", Optional.of("linux-x86_64")));
        assertEquals(Optional.of("win-x86_64"), TorchRuntime.classifier("Windows 11", "amd64"));
        assertEquals(Optional.empty(), TorchRuntime.classifier("Mac OS X", "x86_64"));
    }

    @Test
    void theBuiltClassPathCarriesTheNativeLibraryForThisMachine() {
        assertEquals(Optional.of("linux-x86_64"), TorchRuntime.bundledClassifier(getClass().getClassLoader()));
        assertEquals(Optional.empty(), TorchRuntime.nativeProblem());
    }
}
