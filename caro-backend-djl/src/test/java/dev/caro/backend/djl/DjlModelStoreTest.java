package dev.caro.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelInfo;
import dev.caro.api.backend.ModelStore;
import dev.caro.api.backend.ProgressListener;
import dev.caro.backend.djl.fixtures.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caro models} for DJL: registered directories, the configured one, verify and remove. */
class DjlModelStoreTest {

    @TempDir
    Path temp;

    private final DjlBackendProvider provider = new DjlBackendProvider();

    private BackendEnvironment env(Map<String, String> settings, Optional<String> model) {
        return new BackendEnvironment(settings, Map.of(), model, temp.resolve("cache"), temp.resolve("data"),
                ProgressListener.NONE);
    }

    private ModelStore store(Map<String, String> settings) {
        return provider.modelStore(env(settings, Optional.empty())).orElseThrow();
    }

    /** Links a copy of {@code export} (kept inside the temp dir) into the registered models. */
    private Path register(String id, Path export) throws IOException {
        Path copy = temp.resolve("exports").resolve(id);
        if (!Files.isDirectory(copy)) {
            TinyModels.copyWith(export, copy, Map.of());
        }
        Path root = Files.createDirectories(temp.resolve("data/djl/models"));
        return Files.createSymbolicLink(root.resolve(id), copy.toAbsolutePath());
    }

    @Test
    void listsRegisteredDirectoriesAndTheConfiguredOne() throws IOException {
        assertEquals(List.of(), store(Map.of()).list());
        Path link = register("tiny", TinyModels.WITH_CACHE);
        Path configured = TinyModels.WITHOUT_CACHE.toAbsolutePath();
        List<ModelInfo> models = store(Map.of("model_dir", configured.toString())).list();
        assertEquals(List.of(
                new ModelInfo("tiny", "TorchScript, chatml template, 2048 tokens of context, cached", link.toString(),
                        "0.2 MB", Optional.of(link), false),
                new ModelInfo("tiny-chatml-nocache", "TorchScript, chatml template, 2048 tokens of context",
                        configured.toString(), "0.2 MB", Optional.of(configured), true)), models);
    }

    @Test
    void aRegisteredIdSelectsTheModelAndBeatsModelDir() throws IOException {
        Path link = register("tiny", TinyModels.WITH_CACHE);
        BackendEnvironment e = env(Map.of("model_dir", TinyModels.WITHOUT_CACHE.toString()), Optional.of("tiny"));
        assertEquals(Availability.ready(link.toString()), provider.availability(e));
        // A model id meant for another backend leaves model_dir in charge.
        e = env(Map.of("model_dir", TinyModels.WITHOUT_CACHE.toString()), Optional.of("qwen2.5-coder-1.5b"));
        assertEquals(Availability.ready(TinyModels.WITHOUT_CACHE.toString()), provider.availability(e));
    }

    @Test
    void verifyAcceptsAnExportAndNamesWhatIsWrongWithABrokenOne() throws Exception {
        register("tiny", TinyModels.WITH_CACHE);
        assertEquals("tiny", store(Map.of()).verify("tiny", ProgressListener.NONE).id());

        Path broken = TinyModels.copyWith(TinyModels.WITH_CACHE, temp.resolve("broken"), Map.of());
        Files.writeString(broken.resolve("model.pt"), "not a model");
        register("broken", broken);
        BackendException e = assertThrows(BackendException.class,
                () -> store(Map.of()).verify("broken", ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith(temp.resolve("data/djl/models/broken/model.pt") + " is not a TorchScript archive ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("); export one with caro-backend-djl/scripts/export_hf_model.py"), e.getMessage());
    }

    @Test
    void removeUnregistersALinkAndLeavesTheExportAlone() throws Exception {
        Path link = register("tiny", TinyModels.WITH_CACHE);
        assertTrue(store(Map.of()).remove("tiny"));
        assertTrue(Files.notExists(link, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isRegularFile(temp.resolve("exports/tiny/model.pt")), "the export itself stays");

        Path configured = TinyModels.WITH_CACHE.toAbsolutePath();
        BackendException e = assertThrows(BackendException.class,
                () -> store(Map.of("model_dir", configured.toString())).remove("tiny-chatml"));
        assertEquals("tiny-chatml is the configured backends.djl.model_dir (" + configured + "); caro leaves it alone:"
                + " unset that setting or delete the folder yourself", e.getMessage());
    }

    @Test
    void pullExplainsThatDjlModelsAreExportedNotDownloaded() {
        BackendException e = assertThrows(BackendException.class,
                () -> store(Map.of()).pull("qwen-coder", ProgressListener.NONE));
        assertEquals("caro does not download DJL models: export qwen-coder with 'python3"
                + " caro-backend-djl/scripts/export_hf_model.py HF_MODEL " + temp.resolve("data/djl/models/qwen-coder")
                + "'", e.getMessage());
    }
}
