package dev.caro.backend.llamacpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelInfo;
import dev.caro.api.backend.ModelStore;
import dev.caro.api.backend.ProgressListener;
import dev.caro.backend.llamacpp.fakes.FakeModelServer;
import dev.caro.backend.llamacpp.fixtures.TinyLlamaModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaCppModelStoreTest {

    private static final String REPO = "Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF";
    private static final String FILE = "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf";

    @TempDir
    Path dir;

    private ModelStore store(String endpoint) {
        BackendEnvironment env = new BackendEnvironment(Map.of(), Map.of("HF_ENDPOINT", endpoint), Optional.empty(),
                dir.resolve("cache"), dir.resolve("data"), ProgressListener.NONE);
        return new LlamaCppBackendProvider().modelStore(env).orElseThrow();
    }

    @Test
    void listsTheCatalogWithTheDefaultMarked() {
        List<ModelInfo> models = store("http://127.0.0.1:1").list();
        assertEquals(List.of("qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b", "qwen2.5-coder-3b", "llama-3.2-1b"),
                models.stream().map(ModelInfo::id).toList());
        ModelInfo def = models.get(1);
        assertTrue(def.isDefault());
        assertFalse(def.downloaded());
        assertEquals("Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf", def.source());
        assertEquals("1.1 GB", def.size());
    }

    @Test
    void pullVerifyCorruptRemove() throws Exception {
        byte[] model = Files.readAllBytes(TinyLlamaModel.write(dir.resolve("t.gguf"), 5));
        try (FakeModelServer server = new FakeModelServer(REPO, FILE, model)) {
            ModelStore store = store(server.endpoint());
            ModelInfo pulled = store.pull("qwen2.5-coder-0.5b", ProgressListener.NONE);
            Path file = dir.resolve("cache/models").resolve(FILE);
            assertEquals(Optional.of(file), pulled.path());
            assertArrayEquals(model, Files.readAllBytes(file));
            assertTrue(store.find("qwen2.5-coder-0.5b").orElseThrow().downloaded());
            assertEquals(pulled, store.verify("qwen2.5-coder-0.5b", ProgressListener.NONE));

            // A second pull finds the file and downloads nothing.
            store.pull("qwen2.5-coder-0.5b", ProgressListener.NONE);
            assertEquals(1, server.bodiesServed());

            byte[] bad = model.clone();
            bad[bad.length - 10] ^= 0x55;
            Files.write(file, bad);
            BackendException e = assertThrows(BackendException.class,
                    () -> store.verify("qwen2.5-coder-0.5b", ProgressListener.NONE));
            assertTrue(e.getMessage().startsWith("model qwen2.5-coder-0.5b is corrupt (SHA-256 "), e.getMessage());
            assertTrue(e.getMessage().endsWith("); run 'caro models remove qwen2.5-coder-0.5b' and 'caro models pull"
                    + " qwen2.5-coder-0.5b'"), e.getMessage());

            assertTrue(store.remove("qwen2.5-coder-0.5b"));
            assertFalse(Files.exists(file));
            assertFalse(store.remove("qwen2.5-coder-0.5b"));
            e = assertThrows(BackendException.class, () -> store.verify("qwen2.5-coder-0.5b", ProgressListener.NONE));
            assertEquals("model qwen2.5-coder-0.5b is not downloaded; run 'caro models pull qwen2.5-coder-0.5b'",
                    e.getMessage());
        }
    }

    @Test
    void unknownIdIsAnError() {
        BackendException e = assertThrows(BackendException.class,
                () -> store("http://127.0.0.1:1").pull("mistral", ProgressListener.NONE));
        assertEquals("unknown model 'mistral'; known models: qwen2.5-coder-0.5b, qwen2.5-coder-1.5b, qwen2.5-coder-3b,"
                + " llama-3.2-1b", e.getMessage());
    }
}
