package dev.caro.backend.llamacpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ProgressListener;
import dev.caro.backend.llamacpp.fakes.FakeModelServer;
import dev.caro.backend.llamacpp.fixtures.GenerateOnce;
import dev.caro.backend.llamacpp.fixtures.TinyLlamaModel;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, faults of the llama.cpp backend: a full disk while downloading, a cache that cannot be
 * created, a native library for another platform, and a platform with no native library.
 */
class LlamaCppFaultsTest {

    private static final String REPO = "acme/Tiny-GGUF";
    private static final String FILE = "tiny-q4.gguf";

    @TempDir
    Path dir;

    private static ModelDownloader.Request request(byte[] model, String sha) {
        return new ModelDownloader.Request("tiny", REPO, FILE, OptionalLong.of(model.length), Optional.of(sha));
    }

    @Test
    void aFullDiskWhileDownloadingSaysSoAndInstallsNothing() throws Exception {
        Path source = TinyLlamaModel.write(dir.resolve("m.gguf"), 3);
        byte[] model = Files.readAllBytes(source);
        Path target = Files.createDirectories(dir.resolve("models")).resolve(FILE);
        // /dev/full fails every write with ENOSPC: the download's part file is made to point at it.
        Files.createSymbolicLink(ModelDownloader.partFile(target), Path.of("/dev/full"));
        try (FakeModelServer server = new FakeModelServer(REPO, FILE, model)) {
            ModelDownloader downloader = new ModelDownloader(Map.of("HF_ENDPOINT", server.endpoint()),
                    java.time.Duration.ofSeconds(5));
            BackendException e = assertThrows(BackendException.class,
                    () -> downloader.download(request(model, ModelDownloader.sha256(source)), target, ProgressListener.NONE));
            assertEquals("the disk is full: tiny does not fit in " + target.getParent()
                    + "; free some space and run 'caro models pull tiny' to resume", e.getMessage());
        }
        assertFalse(Files.exists(target), "nothing half-written is installed as the model");
    }

    @Test
    void aCacheThatCannotBeCreatedIsNamed() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("cache"), "a file where the cache directory should be");
        Path target = notADirectory.resolve("models").resolve(FILE);
        ModelDownloader downloader = new ModelDownloader(Map.of("HF_ENDPOINT", "http://127.0.0.1:9"),
                java.time.Duration.ofSeconds(5));
        BackendException e = assertThrows(BackendException.class, () -> downloader.download(
                request(new byte[] {1}, "0".repeat(64)), target, ProgressListener.NONE));
        assertTrue(e.getMessage().startsWith("cannot create " + target.getParent() + ": "), e.getMessage());
    }

    @Test
    void aPlatformWithoutANativeLibraryIsUnavailableWithTheReason() {
        String arch = System.getProperty("os.arch");
        try {
            System.setProperty("os.arch", "riscv64");
            Availability a = new LlamaCppBackendProvider().availability(new BackendEnvironment(Map.of(), Map.of(),
                    Optional.empty(), dir, dir, ProgressListener.NONE));
            assertFalse(a.available());
            assertEquals("llama.cpp has no native library for " + System.getProperty("os.name") + " riscv64", a.reason());
        } finally {
            System.setProperty("os.arch", arch);
        }
    }

    /**
     * A library for another CPU where caro's cache keeps it (e.g. a home directory shared between
     * machines): the binding fails to load it, says so on stderr, and falls back to the library in
     * its own jar. The process neither crashes nor fails.
     */
    @Test
    void aNativeLibraryForAnotherPlatformFallsBackToTheBundledOneWithoutACrash() throws Exception {
        String here = NativeLibrary.currentPlatformFolder().orElseThrow();
        String other = here.equals("Linux/x86_64") ? "Linux/aarch64" : "Linux/x86_64";
        String lib = System.mapLibraryName("jllama");
        Path libDir = Files.createDirectories(dir.resolve("wrong-platform"));
        try (InputStream in = NativeLibrary.class.getResourceAsStream("/de/kherud/llama/" + other + "/" + lib)) {
            Files.copy(in, libDir.resolve(lib));
        }
        Path model = TinyLlamaModel.write(dir.resolve("m.gguf"), 3);
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + NativeLibrary.LIB_PATH_PROPERTY + "=" + libDir, "-Djava.io.tmpdir=" + dir,
                "-cp", System.getProperty("java.class.path"), GenerateOnce.class.getName(), model.toString(),
                cache.toString(), "exit"))
                .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
        boolean finished = p.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertTrue(finished, "the process did not finish:\n" + err);
        assertEquals(0, p.exitValue(), "no crash, no failure:\n" + err);
        assertTrue(Files.exists(cache.resolve("main-returned")), "the model answered after the fallback");
        assertTrue(err.contains("Failed to load native library: " + libDir.resolve(lib)), err);
        assertFalse(Files.exists(dir.resolve("hs_err_pid" + p.pid() + ".log")));
    }
}
