package dev.caro.backend.llamacpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ProgressListener;
import dev.caro.backend.llamacpp.fakes.FakeModelServer;
import dev.caro.backend.llamacpp.fixtures.GenerateOnce;
import dev.caro.backend.llamacpp.fixtures.TinyLlamaModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, faults of the llama.cpp backend: a full disk while downloading, a cache that cannot be
 * created, a native library for another platform (or no library at all where one is configured),
 * and a platform with no native library.
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

    /**
     * A model bigger than the free space is refused before a byte is written, from the size the
     * server announces: here 1 PB, more than any disk this test runs on.
     */
    @Test
    void aModelLargerThanTheFreeSpaceIsRefusedBeforeDownloading() throws Exception {
        long petabyte = 1L << 50;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, petabyte); // and then nothing: caro must not start reading
            exchange.close();
        });
        server.start();
        Path target = Files.createDirectories(dir.resolve("models")).resolve(FILE);
        try {
            ModelDownloader downloader = new ModelDownloader(
                    Map.of("HF_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort()), java.time.Duration.ofSeconds(5));
            BackendException e = assertThrows(BackendException.class, () -> downloader.download(
                    new ModelDownloader.Request("tiny", REPO, FILE, OptionalLong.empty(), Optional.empty()), target,
                    ProgressListener.NONE));
            long free = Files.getFileStore(target.getParent()).getUsableSpace();
            assertTrue(e.getMessage().matches("not enough disk space for tiny in " + java.util.regex.Pattern.quote(
                    target.getParent().toString()) + ": 1125899906\\.8 MB needed, [0-9]+\\.[0-9] MB free"), e.getMessage());
            assertTrue(free < petabyte);
        } finally {
            server.stop(0);
        }
        assertFalse(Files.exists(ModelDownloader.partFile(target)), "no part file was started");
        assertFalse(Files.exists(target));
    }

    /**
     * The download lock across real processes (threads of one JVM meet an in-process lock first):
     * while this JVM holds the lock file as another caro would, a second caro process waits and says
     * so; when the first has put the model in place, the second uses it without downloading.
     */
    @Test
    void aSecondProcessWaitsForTheFirstsDownloadAndUsesItsFile() throws Exception {
        Path source = TinyLlamaModel.write(dir.resolve("m.gguf"), 3);
        byte[] model = Files.readAllBytes(source);
        Path target = Files.createDirectories(dir.resolve("models")).resolve(FILE);
        try (FakeModelServer server = new FakeModelServer(REPO, FILE, model);
                FileChannel channel = FileChannel.open(target.resolveSibling(FILE + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = channel.lock();
            Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), DownloadOnce.class.getName(), server.endpoint(), REPO,
                    FILE, target.toString(), Long.toString(model.length), ModelDownloader.sha256(source))
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("started: Waiting for another caro to finish downloading tiny", out.readLine());
            Thread.sleep(500); // the second process keeps waiting while the lock is held
            assertTrue(second.isAlive());
            assertEquals(0, server.bodiesServed());
            Files.write(target, model); // the first caro finishes its download
            held.release();
            assertEquals("done", out.readLine());
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, second.exitValue());
            assertEquals(0, server.bodiesServed(), "the second process did not download the model again");
        }
        assertArrayEquals(model, Files.readAllBytes(target));
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
     * A library for another CPU where the user pointed the binding (a GPU build copied from another
     * machine, say). Left alone, the binding would print a warning and quietly load its bundled
     * library from the system temp directory; caro reads the file's header first and refuses it.
     */
    @Test
    void aNativeLibraryForAnotherPlatformIsRefusedBeforeTheBindingLoadsIt() throws Exception {
        String here = NativeLibrary.currentPlatformFolder().orElseThrow();
        String other = here.equals("Linux/x86_64") ? "Linux/aarch64" : "Linux/x86_64";
        String lib = System.mapLibraryName("jllama");
        Path libDir = Files.createDirectories(dir.resolve("wrong-platform"));
        copyBindingLibrary(other, libDir.resolve(lib));
        Path model = TinyLlamaModel.write(dir.resolve("m.gguf"), 3);
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String err = generateOnceFailing(libDir, model, cache, tmp);
        String machine = here.replace('/', ' ');
        assertTrue(err.contains("dev.caro.api.backend.BackendException: cannot install the llama.cpp native library: "
                + libDir.resolve(lib) + " (set by -Dde.kherud.llama.lib.path) is built for " + other.replace('/', ' ')
                + ", not for this " + machine + " machine; point -Dde.kherud.llama.lib.path at a library built for "
                + machine + ", or remove it to use the bundled one\n"), err);
        assertFalse(err.contains("Failed to load native library"), "the binding never saw the library:\n" + err);
        assertFalse(Files.exists(cache.resolve("main-returned")));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the binding extracted nothing into the temp directory");
        }
    }

    /** `caro backends` and the pipeline see the wrong library up front, not only when loading. */
    @Test
    void aNativeLibraryForAnotherPlatformMakesTheBackendUnavailable() throws Exception {
        String here = NativeLibrary.currentPlatformFolder().orElseThrow();
        String other = here.equals("Linux/x86_64") ? "Linux/aarch64" : "Linux/x86_64";
        Path libDir = Files.createDirectories(dir.resolve("wrong-platform-availability"));
        copyBindingLibrary(other, libDir.resolve(System.mapLibraryName("jllama")));
        Path model = TinyLlamaModel.write(dir.resolve("m.gguf"), 3);
        String before = System.getProperty("de.kherud.llama.lib.path");
        try {
            System.setProperty("de.kherud.llama.lib.path", libDir.toString());
            Availability a = new LlamaCppBackendProvider().availability(new BackendEnvironment(Map.of(), Map.of(),
                    Optional.of(model.toString()), dir, dir, ProgressListener.NONE));
            assertFalse(a.available());
            String machine = here.replace('/', ' ');
            assertEquals(libDir.resolve(System.mapLibraryName("jllama")) + " (set by -Dde.kherud.llama.lib.path) is built for "
                    + other.replace('/', ' ') + ", not for this " + machine + " machine; point"
                    + " -Dde.kherud.llama.lib.path at a library built for " + machine + ", or remove it to use the bundled one",
                    a.reason());
            System.setProperty("de.kherud.llama.lib.path", dir.resolve("nowhere").toString());
            a = new LlamaCppBackendProvider().availability(new BackendEnvironment(Map.of(), Map.of(),
                    Optional.of(model.toString()), dir, dir, ProgressListener.NONE));
            assertEquals(dir.resolve("nowhere") + " (set by -Dde.kherud.llama.lib.path) holds no "
                    + System.mapLibraryName("jllama") + "; point -Dde.kherud.llama.lib.path at the directory that"
                    + " holds it, or remove it to use the bundled one", a.reason());
        } finally {
            if (before == null) {
                System.clearProperty("de.kherud.llama.lib.path");
            } else {
                System.setProperty("de.kherud.llama.lib.path", before);
            }
        }
    }

    /**
     * A whole library for this platform that is not llama.cpp's (here the system's zlib under the
     * binding's name): it loads, but has none of the binding's functions. caro says so; no crash.
     */
    @Test
    void aLibraryWithoutTheBindingsFunctionsIsAClearErrorNotACrash() throws Exception {
        Path zlib = Path.of("/lib/x86_64-linux-gnu/libz.so.1");
        Assumptions.assumeTrue(NativeLibrary.currentPlatformFolder().equals(Optional.of("Linux/x86_64")) && Files.isReadable(zlib),
                "needs a Linux x86_64 system library to stand in");
        Path libDir = Files.createDirectories(dir.resolve("not-llama"));
        Files.copy(zlib, libDir.resolve(System.mapLibraryName("jllama")));
        Path model = TinyLlamaModel.write(dir.resolve("m.gguf"), 3);
        Path cache = Files.createDirectories(dir.resolve("cache"));
        String err = generateOnceFailing(libDir, model, cache, dir);
        assertTrue(err.contains("dev.caro.api.backend.BackendException: cannot load the llama.cpp native library ("), err);
        assertTrue(err.contains("); use --backend offline\n"), err);
    }

    /**
     * Runs {@link GenerateOnce} in a child JVM with the binding pointed at {@code libDir}; it must
     * end within 60 s with exit 1 (main throws the backend's exception) and no JVM crash.
     *
     * @return what it printed on standard error
     */
    private String generateOnceFailing(Path libDir, Path model, Path cache, Path tmp) throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + NativeLibrary.LIB_PATH_PROPERTY + "=" + libDir, "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), GenerateOnce.class.getName(), model.toString(),
                cache.toString(), "exit"))
                .directory(dir.toFile())
                .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
        boolean finished = p.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertTrue(finished, "the process did not finish:\n" + err);
        assertEquals(1, p.exitValue(), "main ends with the backend's exception:\n" + err);
        assertFalse(Files.exists(dir.resolve("hs_err_pid" + p.pid() + ".log")), "no JVM crash");
        return err;
    }

    /** What {@code caro doctor} runs in its child JVM: the refusal is one line, exit 3. */
    @Test
    void theDoctorsProbeSaysWhichPlatformTheLibraryIsFor() throws Exception {
        String lib = System.mapLibraryName("jllama");
        Path libDir = Files.createDirectories(dir.resolve("windows"));
        copyBindingLibrary("Windows/x86_64", libDir.resolve(lib));
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + NativeLibrary.LIB_PATH_PROPERTY + "=" + libDir, "-cp", System.getProperty("java.class.path"),
                NativeLibraryProbe.class.getName(), dir.resolve("cache").toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String machine = NativeLibrary.currentPlatformFolder().orElseThrow().replace('/', ' ');
        assertEquals(libDir.resolve(lib) + " (set by -Dde.kherud.llama.lib.path) is built for Windows x86_64, not for this "
                + machine + " machine; point -Dde.kherud.llama.lib.path at a library built for " + machine
                + ", or remove it to use the bundled one\n", out);
        assertEquals(3, p.exitValue());
    }

    /** A chosen directory without the library (a typo, a build that failed): said so, not replaced by the bundled one. */
    @Test
    void aChosenDirectoryWithoutTheLibraryIsSaidSo() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + NativeLibrary.LIB_PATH_PROPERTY + "=" + empty, "-cp", System.getProperty("java.class.path"),
                NativeLibraryProbe.class.getName(), dir.resolve("cache").toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(empty + " (set by -Dde.kherud.llama.lib.path) holds no " + System.mapLibraryName("jllama")
                + "; point -Dde.kherud.llama.lib.path at the directory that holds it, or remove it to use the bundled one\n", out);
        assertEquals(3, p.exitValue());
        assertFalse(Files.exists(dir.resolve("cache/native")), "the bundled library was not extracted in its place");
    }

    @Test
    void aFileThatIsNoLibraryAtAllIsSaidSo() throws Exception {
        Assumptions.assumeTrue(NativeLibrary.currentPlatformFolder().isPresent());
        Path text = Files.writeString(dir.resolve(System.mapLibraryName("jllama")), "<html>not found</html>");
        IOException e = assertThrows(IOException.class, () -> NativeLibrary.checkConfiguredLibrary(text));
        assertTrue(e.getMessage().startsWith(text + " (set by -Dde.kherud.llama.lib.path) is not a native library"
                + " (no ELF, Mach-O or PE header); point -Dde.kherud.llama.lib.path at a library built for "), e.getMessage());
        Path cut = dir.resolve("cut");
        try (InputStream in = NativeLibrary.class.getResourceAsStream("/de/kherud/llama/Linux/x86_64/libjllama.so")) {
            Files.write(cut, in.readNBytes(12)); // the ELF magic and little more
        }
        assertThrows(IOException.class, () -> LibraryPlatform.read(cut));
    }

    /** caro's archive for one platform unpacked on another: its launcher points the binding at native/. */
    @Test
    void anArchiveForAnotherPlatformSaysWhichArchiveToInstall() throws Exception {
        String here = NativeLibrary.currentPlatformFolder().orElseThrow();
        String other = here.equals("Linux/x86_64") ? "Linux/aarch64" : "Linux/x86_64";
        Path archive = dir.resolve("caro-1.0.0");
        Files.createDirectories(archive.resolve("lib"));
        Files.writeString(archive.resolve("lib/caro-cli.jar"), "the jar");
        Path lib = Files.createDirectories(archive.resolve("native")).resolve(System.mapLibraryName("jllama"));
        copyBindingLibrary(other, lib);
        IOException e = assertThrows(IOException.class, () -> NativeLibrary.checkConfiguredLibrary(lib));
        assertEquals(lib + " (from the caro archive) is built for " + other.replace('/', ' ') + ", not for this "
                + here.replace('/', ' ') + " machine; install the caro archive built for " + here.replace('/', ' '), e.getMessage());
    }

    /**
     * A library cut short (an interrupted copy) for this very platform: llama.cpp could not link it
     * and the binding would quietly load another, so the size its header describes is checked too.
     */
    @Test
    void aLibraryCutShortIsRefusedBeforeLoading() throws Exception {
        String here = NativeLibrary.currentPlatformFolder().orElseThrow();
        Path lib = Files.createDirectories(dir.resolve("cut")).resolve(System.mapLibraryName("jllama"));
        copyBindingLibrary(here, lib);
        long whole = Files.size(lib);
        truncate(lib, whole / 2);
        IOException e = assertThrows(IOException.class, () -> NativeLibrary.checkConfiguredLibrary(lib));
        String machine = here.replace('/', ' ');
        assertTrue(e.getMessage().startsWith(lib + " (set by -Dde.kherud.llama.lib.path) is cut short: " + (whole / 2)
                + " bytes, where its header describes "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; point -Dde.kherud.llama.lib.path at a library built for " + machine
                + ", or remove it to use the bundled one"), e.getMessage());
        for (String other : List.of("Windows/x86_64", "Mac/aarch64", "Linux/aarch64")) {
            Path copy = dir.resolve(other.replace('/', '-'));
            copyBindingLibrary(other, copy);
            truncate(copy, Files.size(copy) - 1);
            IOException cut = assertThrows(IOException.class, () -> LibraryPlatform.read(copy), other);
            assertTrue(cut.getMessage().startsWith("cut short: "), cut.getMessage());
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    /** Every library the binding ships, read from the real files in its jar. */
    @Test
    void everyLibraryInTheBindingsJarIsRecognisedFromItsHeader() throws Exception {
        Map<String, String> expected = Map.of(
                "Linux/x86_64/libjllama.so", "Linux x86_64",
                "Linux/aarch64/libjllama.so", "Linux aarch64",
                "Linux-Android/aarch64/libjllama.so", "Linux aarch64",
                "Mac/x86_64/libjllama.dylib", "Mac x86_64",
                "Mac/aarch64/libjllama.dylib", "Mac aarch64",
                "Windows/x86_64/jllama.dll", "Windows x86_64",
                "Windows/x86/jllama.dll", "Windows x86");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path copy = dir.resolve(e.getKey().replace('/', '-'));
            try (InputStream in = NativeLibrary.class.getResourceAsStream("/de/kherud/llama/" + e.getKey())) {
                Files.copy(in, copy);
            }
            LibraryPlatform platform = LibraryPlatform.read(copy);
            assertEquals(e.getValue(), platform.toString(), e.getKey());
            String folder = e.getKey().substring(0, e.getKey().lastIndexOf('/')).replace("Linux-Android", "Linux");
            assertTrue(platform.runsOn(folder), e.getKey());
            assertFalse(platform.runsOn(folder.startsWith("Windows") ? "Linux/x86_64" : "Windows/x86_64"), e.getKey());
        }
    }

    /**
     * A cache shared between machines can hold a library for another CPU under this machine's
     * name; a same-sized one would pass a size check, so the header decides and it is extracted again.
     */
    @Test
    void aSameSizedLibraryForAnotherCpuInCarosCacheIsReplaced() throws Exception {
        String here = NativeLibrary.currentPlatformFolder().orElseThrow();
        String other = here.equals("Linux/x86_64") ? "Linux/aarch64" : "Linux/x86_64";
        String lib = System.mapLibraryName("jllama");
        byte[] right;
        try (InputStream in = NativeLibrary.class.getResourceAsStream("/de/kherud/llama/" + here + "/" + lib)) {
            right = in.readAllBytes();
        }
        byte[] wrong;
        try (InputStream in = NativeLibrary.class.getResourceAsStream("/de/kherud/llama/" + other + "/" + lib)) {
            wrong = Arrays.copyOf(in.readAllBytes(), right.length);
        }
        Path cache = dir.resolve("cache");
        Path cached = Files.createDirectories(cache.resolve("native").resolve(NativeLibrary.bindingVersion())
                .resolve(here.replace('/', '-'))).resolve(lib);
        Files.write(cached, wrong);
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NativeLibraryProbe.class.getName(), cache.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("loaded\n", out);
        assertEquals(0, p.exitValue());
        assertTrue(Arrays.equals(right, Files.readAllBytes(cached)), "the library was extracted again");
    }

    private static void copyBindingLibrary(String folder, Path target) throws IOException {
        String name = folder.startsWith("Windows") ? "jllama.dll"
                : folder.startsWith("Mac") ? "libjllama.dylib" : "libjllama.so";
        try (InputStream in = NativeLibrary.class.getResourceAsStream("/de/kherud/llama/" + folder + "/" + name)) {
            Files.copy(in, target);
        }
    }
}
