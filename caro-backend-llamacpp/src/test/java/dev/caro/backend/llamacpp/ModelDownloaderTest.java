package dev.caro.backend.llamacpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ProgressListener;
import dev.caro.backend.llamacpp.fakes.FakeModelServer;
import dev.caro.backend.llamacpp.fixtures.TinyLlamaModel;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real download code against a local HTTP server. */
class ModelDownloaderTest {

    private static final String REPO = "acme/Tiny-GGUF";
    private static final String FILE = "tiny-q4.gguf";

    private static final java.time.Duration STALL = java.time.Duration.ofSeconds(5);

    static byte[] model;
    static String sha;

    @TempDir
    Path dir;
    FakeModelServer server;
    Path target;

    @BeforeAll
    static void writeModel(@TempDir Path tmp) throws IOException {
        model = Files.readAllBytes(TinyLlamaModel.write(tmp.resolve("m.gguf"), 3));
        sha = ModelDownloader.sha256(tmp.resolve("m.gguf"));
    }

    @BeforeEach
    void start() throws IOException {
        server = new FakeModelServer(REPO, FILE, model);
        target = dir.resolve("models").resolve(FILE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelDownloader downloader(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("HF_ENDPOINT", server.endpoint()));
        env.putAll(extra);
        return new ModelDownloader(env, STALL);
    }

    private static ModelDownloader.Request request(boolean known) {
        return new ModelDownloader.Request("tiny", REPO, FILE,
                known ? OptionalLong.of(model.length) : OptionalLong.empty(),
                known ? Optional.of(sha) : Optional.empty());
    }

    private Path pull(Map<String, String> env, boolean known) throws Exception {
        return downloader(env).download(request(known), target, ProgressListener.NONE);
    }

    @Test
    void downloadsVerifiesAndMovesIntoTheCache() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        ProgressListener progress = new ProgressListener() {
            @Override public void started(String task, long total) { events.add("start " + task + " " + total); }
            @Override public void advanced(long done) { events.add("at " + done); }
            @Override public void finished() { events.add("done"); }
        };
        Path p = downloader(Map.of()).download(request(true), target, progress);
        assertEquals(target, p);
        assertArrayEquals(model, Files.readAllBytes(p));
        assertFalse(Files.exists(ModelDownloader.partFile(target)));
        assertEquals(sha + "  " + FILE + "\n", Files.readString(ModelDownloader.checksumFile(target)));
        assertEquals("start Downloading tiny " + model.length, events.get(0));
        assertEquals(List.of("at " + model.length, "done", "start Verifying tiny " + model.length,
                "at " + model.length, "done"), events.subList(events.size() - 5, events.size()));
        assertEquals("/" + REPO + "/resolve/main/" + FILE, server.requests().get(0).path());
    }

    @Test
    void droppedConnectionIsResumedWithARangeRequest() throws Exception {
        server.dropAfter(100_000, 1);
        pull(Map.of(), true);
        assertArrayEquals(model, Files.readAllBytes(target));
        List<FakeModelServer.Seen> seen = server.requests();
        assertEquals(2, seen.size());
        assertNull(seen.get(0).range());
        assertEquals("bytes=100000-", seen.get(1).range());
    }

    @Test
    void stalledConnectionIsAbandonedAndResumed() throws Exception {
        server.stallAfter(70_000, 1);
        new ModelDownloader(Map.of("HF_ENDPOINT", server.endpoint()), java.time.Duration.ofMillis(1000))
                .download(request(true), target, ProgressListener.NONE);
        assertArrayEquals(model, Files.readAllBytes(target));
        assertEquals("bytes=70000-", server.requests().get(server.requests().size() - 1).range());
    }

    @Test
    void interruptionsThatPersistKeepThePartialFileForALaterRun() throws Exception {
        server.dropAfter(50_000, 100);
        BackendException e = assertThrows(BackendException.class, () -> pull(Map.of(), true));
        long pct = 4 * 50_000L * 100 / model.length;
        assertEquals("download of tiny was interrupted at " + pct + "%; run 'caro models pull tiny' to resume",
                e.getMessage());
        assertEquals(4 * 50_000L, Files.size(ModelDownloader.partFile(target)));
        assertFalse(Files.exists(target));

        server.dropAfter(0, 0);
        pull(Map.of(), true);
        assertArrayEquals(model, Files.readAllBytes(target));
        List<FakeModelServer.Seen> seen = server.requests();
        assertEquals("bytes=200000-", seen.get(seen.size() - 1).range());
    }

    @Test
    void serverIgnoringTheRangeMakesTheDownloadStartOver() throws Exception {
        Files.createDirectories(target.getParent());
        Files.write(ModelDownloader.partFile(target), Arrays.copyOf(model, 1000));
        server.ignoreRange();
        pull(Map.of(), true);
        assertArrayEquals(model, Files.readAllBytes(target));
        assertEquals("bytes=1000-", server.requests().get(0).range());
    }

    @Test
    void completePartialFileIsInstalledWhenTheServerSaysTheRangeIsPastTheEnd() throws Exception {
        Files.createDirectories(target.getParent());
        Files.write(ModelDownloader.partFile(target), model);
        pull(Map.of(), false);
        assertArrayEquals(model, Files.readAllBytes(target));
        assertEquals("bytes=" + model.length + "-", server.requests().get(0).range());
        assertEquals(0, server.bodiesServed());
    }

    @Test
    void checksumMismatchDeletesTheFile() {
        byte[] corrupt = model.clone();
        corrupt[corrupt.length - 1] ^= 1;
        server.payload(corrupt);
        BackendException e = assertThrows(BackendException.class, () -> pull(Map.of(), true));
        assertTrue(e.getMessage().startsWith("downloaded tiny is corrupt (SHA-256 "), e.getMessage());
        assertTrue(e.getMessage().endsWith(", expected " + sha
                + "); it was deleted, run 'caro models pull tiny' to download it again"), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(ModelDownloader.partFile(target)));
    }

    @Test
    void missingFileSaysNotFound() {
        server.status(404);
        BackendException e = assertThrows(BackendException.class, () -> pull(Map.of(), true));
        assertEquals("acme/Tiny-GGUF/tiny-q4.gguf was not found on 127.0.0.1 (HTTP 404); check HF_ENDPOINT or the"
                + " model id with 'caro models list'", e.getMessage());
    }

    @Test
    void unauthorizedAsksForHfToken() {
        server.requireToken("s3cret");
        BackendException e = assertThrows(BackendException.class, () -> pull(Map.of(), true));
        assertEquals("127.0.0.1 refused acme/Tiny-GGUF/tiny-q4.gguf (HTTP 401): the repository may be gated or"
                + " private; set HF_TOKEN to a Hugging Face access token", e.getMessage());
        e = assertThrows(BackendException.class, () -> pull(Map.of("HF_TOKEN", "wrong"), true));
        assertEquals("127.0.0.1 refused acme/Tiny-GGUF/tiny-q4.gguf (HTTP 401): check that HF_TOKEN is valid and"
                + " has access to acme/Tiny-GGUF", e.getMessage());
    }

    @Test
    void tokenIsSentToTheEndpointButNotToTheHostItRedirectsTo() throws Exception {
        server.requireToken("s3cret").redirectToCdn("localhost");
        pull(Map.of("HF_TOKEN", "s3cret"), true);
        assertArrayEquals(model, Files.readAllBytes(target));
        List<FakeModelServer.Seen> seen = server.requests();
        assertEquals("Bearer s3cret", seen.get(0).authorization());
        assertEquals("/cdn/" + FILE, seen.get(1).path());
        assertNull(seen.get(1).authorization());
    }

    @Test
    void unreachableEndpointSaysOffline() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ModelDownloader d = new ModelDownloader(Map.of("HF_ENDPOINT", "http://127.0.0.1:" + closedPort), STALL);
        BackendException e = assertThrows(BackendException.class,
                () -> d.download(request(true), target, ProgressListener.NONE));
        assertEquals("cannot reach 127.0.0.1: you seem to be offline or behind a proxy (set https_proxy); to use a"
                + " model file you already have, run caro --model /path/to/model.gguf", e.getMessage());
    }

    @Test
    void malformedEndpointIsNamed() {
        ModelDownloader d = new ModelDownloader(Map.of("HF_ENDPOINT", "huggingface mirror"), STALL);
        BackendException e = assertThrows(BackendException.class,
                () -> d.download(request(true), target, ProgressListener.NONE));
        assertEquals("HF_ENDPOINT 'huggingface mirror' is not a valid http(s) URL", e.getMessage());
    }

    @Test
    void proxyVariablesAreHonoured() throws Exception {
        // The fake server acts as the proxy: the model host itself does not exist.
        ModelDownloader d = new ModelDownloader(Map.of("HF_ENDPOINT", "http://models.example.invalid",
                "http_proxy", "http://127.0.0.1:" + server.port()), STALL);
        d.download(request(true), target, ProgressListener.NONE);
        assertArrayEquals(model, Files.readAllBytes(target));
        assertEquals("/" + REPO + "/resolve/main/" + FILE, server.requests().get(0).path());
    }

    @Test
    void twoConcurrentPullsDownloadOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Path> a = pool.submit(() -> pull(Map.of(), true));
            Future<Path> b = pool.submit(() -> pull(Map.of(), true));
            assertEquals(a.get(), b.get());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, server.bodiesServed());
        assertArrayEquals(model, Files.readAllBytes(target));
    }

    @Test
    void withoutACatalogChecksumTheFileIsStillCheckedAndItsChecksumRecorded() throws Exception {
        pull(Map.of(), false);
        assertEquals(sha + "  " + FILE + "\n", Files.readString(ModelDownloader.checksumFile(target)));
    }

    @Test
    void withoutACatalogChecksumTheChecksumTheEndpointDeclaresIsEnforced() {
        byte[] corrupt = model.clone();
        corrupt[corrupt.length - 1] ^= 1;
        server.payload(corrupt).declare("\"" + sha + "\"", model.length).redirectToCdn("localhost");
        BackendException e = assertThrows(BackendException.class, () -> pull(Map.of(), false));
        assertTrue(e.getMessage().endsWith(", expected " + sha
                + "); it was deleted, run 'caro models pull tiny' to download it again"), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(ModelDownloader.partFile(target)));
    }

    @Test
    void withoutACatalogSizeTheSizeTheEndpointDeclaresIsEnforced() {
        server.declare("W/\"not-a-checksum\"", model.length + 1L);
        BackendException e = assertThrows(BackendException.class, () -> pull(Map.of(), false));
        assertEquals("downloaded tiny has " + model.length + " bytes instead of " + (model.length + 1)
                + "; it was deleted, run 'caro models pull tiny' to download it again", e.getMessage());
    }

    @Test
    void aDeclaredChecksumThatMatchesInstallsTheFile() throws Exception {
        server.declare("\"" + sha.toUpperCase(java.util.Locale.ROOT) + "\"", model.length).redirectToCdn("localhost");
        pull(Map.of(), false);
        assertArrayEquals(model, Files.readAllBytes(target));
    }

    @Test
    void theCatalogChecksumWinsOverADeclaredOne() throws Exception {
        server.declare("\"" + "0".repeat(64) + "\"", 1);
        pull(Map.of(), true);
        assertArrayEquals(model, Files.readAllBytes(target));
    }

    @Test
    void onlyAnEtagHoldingASha256CountsAsAChecksum() {
        assertEquals(Optional.of("a".repeat(64)), ModelDownloader.declaredSha256("W/\"" + "A".repeat(64) + "\""));
        assertEquals(Optional.empty(), ModelDownloader.declaredSha256("\"abc123\""));
        assertEquals(Optional.empty(), ModelDownloader.declaredSha256("\"" + "g".repeat(64) + "\""));
        assertEquals(Optional.empty(), ModelDownloader.declaredSha256(null));
    }

    @Test
    void aWebPageInsteadOfAModelIsRejected() {
        server.payload("<html>Please log in to the network</html>".getBytes(StandardCharsets.UTF_8));
        BackendException e = assertThrows(BackendException.class, () -> pull(Map.of(), false));
        assertEquals("downloaded tiny is not a GGUF file (it does not start with 'GGUF'); it was deleted."
                + " Is HF_ENDPOINT a Hugging Face mirror?", e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void aTruncatedModelIsRejectedEvenWithoutAKnownSize() {
        server.payload(Arrays.copyOf(model, model.length - 4096));
        BackendException e = assertThrows(BackendException.class, () -> pull(Map.of(), false));
        assertTrue(e.getMessage().startsWith("downloaded tiny is truncated ("), e.getMessage());
        assertFalse(Files.exists(target));
    }
}
