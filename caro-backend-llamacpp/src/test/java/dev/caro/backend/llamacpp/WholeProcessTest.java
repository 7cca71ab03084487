package dev.caro.backend.llamacpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.backend.llamacpp.fixtures.GenerateOnce;
import dev.caro.backend.llamacpp.fixtures.TinyLlamaModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pitfalls of java-llama.cpp 4.2.0 that only show in a whole process: output on stdout,
 * files deleted from the temp directory, a JVM that does not exit.
 */
class WholeProcessTest {

    @TempDir
    Path dir;

    private Process start(Path tmp, String... extra) throws IOException {
        Path model = TinyLlamaModel.write(dir.resolve("tiny.gguf"), 11);
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                GenerateOnce.class.getName(), model.toString(), dir.resolve("cache").toString()));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
    }

    @Test
    void nothingOnStdoutAndTheTempDirectoryIsLeftAlone() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path other = Files.writeString(tmp.resolve("llama-notes.txt"), "someone else's file");
        Process p = start(tmp, "exit");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "process did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        assertEquals("", Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8));
        assertEquals("", Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
        assertTrue(Files.exists(other), "the binding's loader deleted a llama* file in the temp directory");
        assertTrue(Files.isRegularFile(dir.resolve("cache/native/4.2.0").resolve(
                NativeLibrary.currentPlatformFolder().orElseThrow().replace('/', '-'))
                .resolve(System.mapLibraryName("jllama"))));
    }

    @Test
    void doctorsProbeLoadsTheLibraryFromCarosCacheQuietly() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path other = Files.writeString(tmp.resolve("llama-notes.txt"), "someone else's file");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                NativeLibraryProbe.class.getName(), dir.resolve("cache").toString())
                .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
        assertEquals("loaded\n", Files.readString(dir.resolve("out.txt")));
        assertEquals(0, p.exitValue());
        assertTrue(Files.exists(other));
    }

    /**
     * Documents why caro's main must call System.exit: after close() the binding leaves a
     * non-daemon thread. If this starts failing, a newer binding fixed it.
     */
    @Test
    void processDoesNotExitOnItsOwnAfterClose() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process p = start(tmp);
        try {
            Path marker = dir.resolve("cache/main-returned");
            for (int i = 0; i < 600 && !Files.exists(marker) && p.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(marker), "main did not finish: " + Files.readString(dir.resolve("err.txt")));
            assertFalse(p.waitFor(5, TimeUnit.SECONDS), "the JVM exited by itself after main returned");
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
