package dev.caro.backend.llamacpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.BackgroundServer;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ProgressListener;
import dev.caro.api.context.ExecutionContext;
import dev.caro.backend.llamacpp.fixtures.TinyLlamaModel;
import dev.caro.core.prompt.PromptBuilder;
import dev.caro.testkit.StartedProcesses;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background model server, for real: a server JVM started by the backend on a tiny GGUF model,
 * reached over a real Unix socket, killed with SIGKILL, fed garbage, left idle until it exits.
 */
class ModelServerTest {

    private static final ExecutionContext CONTEXT = ExecutionContext.linux("/home/user/work", "/home/user");
    /** Forces 200 generated tokens, so a request lasts long enough to be cut off. */
    private static final String LONG_ANSWER = "root ::= [a-z]{200}";

    @TempDir
    static Path shared;
    static Path model;

    @TempDir
    Path dir;

    private final StartedProcesses started = new StartedProcesses();

    @BeforeAll
    static void writeModel() throws IOException {
        model = TinyLlamaModel.write(shared.resolve("tiny.gguf"), 7);
    }

    @AfterEach
    void killServers() throws Exception {
        started.killAll();
    }

    private BackendEnvironment env(Map<String, String> settings, Map<String, String> environment) {
        Map<String, String> s = new HashMap<>(Map.of("threads", "1", "context", "256", "max_tokens", "8", "idle", "60s"));
        s.putAll(settings);
        return new BackendEnvironment(s, environment, Optional.of(model.toString()), dir.resolve("cache"),
                dir.resolve("data"), ProgressListener.NONE);
    }

    private BackendEnvironment env(Map<String, String> settings) {
        return env(settings, Map.of());
    }

    private ModelServerClient client(BackendEnvironment env) throws BackendException {
        ModelBackend backend = new LlamaCppBackendProvider().create(env);
        assertTrue(backend instanceof ModelServerClient, backend.getClass().getName());
        ModelServerClient client = (ModelServerClient) backend;
        started.add(client.serverPid());
        return client;
    }

    private static GenerationRequest request(String prompt) {
        return new GenerationRequest(prompt, CONTEXT, PromptBuilder.build(prompt, CONTEXT), 1, Duration.ofSeconds(60));
    }

    private Path runDir() {
        return dir.resolve("cache/run");
    }

    private static ProcessHandle process(long pid) {
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Waits until the server's log shows a request being answered. */
    private static void awaitRequest(ServerFiles files, int count) throws Exception {
        for (int i = 0; i < 3000; i++) {
            if (Files.exists(files.log()) && Files.readString(files.log()).split("request: ", -1).length > count) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no request in " + Files.readString(files.log()));
    }

    /**
     * Waits for a server not in {@code killed} to log a request; returns its pid. A restarted server
     * starts a new log before it writes its pid file, so the two always belong together.
     */
    private static long awaitRequestOnANewServer(ServerFiles files, List<Long> killed) throws Exception {
        for (int i = 0; i < 6000; i++) {
            try {
                long pid = Long.parseLong(Files.readString(files.pid()).strip());
                if (!killed.contains(pid) && Files.readString(files.log()).contains("request: ")) {
                    return pid;
                }
            } catch (IOException | NumberFormatException e) {
                // between two servers
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no new server took the request");
    }

    @Test
    void firstRequestStartsTheServerAndTheNextOnesReuseIt() throws Exception {
        ModelServerClient first = client(env(Map.of()));
        long pid = first.serverPid();
        assertTrue(process(pid).isAlive());
        assertNotEquals(ProcessHandle.current().pid(), pid);
        Generation served = first.generate(request("list files"));
        assertTrue(served.note().matches("tiny\\.gguf: \\d+ tokens in \\d+\\.\\d\\d s \\(first after \\d+\\.\\d\\d s\\)"), served.note());

        ModelServerClient second = client(env(Map.of()));
        assertEquals(pid, second.serverPid(), "a second caro finds the running server");
        second.generate(request("show disk usage"));
        assertEquals(pid, second.serverPid());

        // The server answers exactly what the model loaded in-process answers.
        try (ModelBackend inProcess = new LlamaCppBackendProvider().create(env(Map.of("daemon", "false")))) {
            assertTrue(inProcess instanceof LlamaCppBackend);
            assertEquals(inProcess.generate(request("list files")).rawText(), served.rawText());
        }
    }

    /**
     * The point of the server: after the first request, llama.cpp evaluates only the last message.
     * The signal is llama.cpp's own (its log, which {@code log = true} sends to the server's log
     * file): the prompt length of each request and how many of its tokens it evaluated. The model
     * has a long enough context for caro's whole prompt, which this vocabulary spells out almost
     * character by character (about 740 tokens).
     */
    @Test
    void aSecondRequestFromAnotherDirectoryEvaluatesOnlyItsLastMessage() throws Exception {
        Path longContext = TinyLlamaModel.write(dir.resolve("tiny-2048.gguf"), 7, 2048);
        BackendEnvironment env = new BackendEnvironment(Map.of("threads", "1", "context", "2048", "max_tokens", "8",
                "idle", "60s", "log", "true"), Map.of(), Optional.of(longContext.toString()), dir.resolve("cache"),
                dir.resolve("data"), ProgressListener.NONE);
        ModelServerClient client = client(env);
        List<ExecutionContext> contexts = List.of(CONTEXT, ExecutionContext.linux("/srv/www/site", "/home/user"),
                ExecutionContext.linux("/home/user/Downloads", "/home/user"));
        List<String> requests = List.of("list files", "show disk usage", "find pdf files over 10MB");
        for (int i = 0; i < 3; i++) {
            client.generate(new GenerationRequest(requests.get(i), contexts.get(i),
                    PromptBuilder.build(requests.get(i), contexts.get(i)), 1, Duration.ofSeconds(60)));
        }
        List<int[]> prompts = PromptEvaluation.read(client.files().log());
        assertEquals(3, prompts.size(), Files.readString(client.files().log()));
        int[] first = prompts.get(0);
        assertTrue(first[0] > 600, "caro's whole prompt: " + first[0] + " tokens");
        assertEquals(first[0], first[1], "the first request evaluates all of its prompt");
        for (int[] next : prompts.subList(1, 3)) {
            // The last message is "Working directory: <dir>\n<request>" plus the template's tokens around it.
            assertTrue(next[1] < 60, "evaluated " + next[1] + " of " + next[0] + " tokens");
            assertTrue(next[0] - next[1] > 650, "reused " + (next[0] - next[1]) + " of " + next[0] + " tokens");
        }
    }

    @Test
    void runDirectorySocketAndLogAreTheOwnersAlone() throws Exception {
        ModelServerClient client = client(env(Map.of()));
        ServerFiles files = client.files();
        assertEquals(runDir(), files.dir());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.socket())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.log())));
        assertEquals(client.serverPid() + "\n", Files.readString(files.pid()));
    }

    @Test
    void xdgRuntimeDirIsPreferred() throws Exception {
        Path runtime = Files.createDirectories(dir.resolve("xdg"));
        ModelServerClient client = client(env(Map.of(), Map.of("XDG_RUNTIME_DIR", runtime.toString())));
        assertEquals(runtime.resolve("caro"), client.files().dir());
        assertTrue(Files.exists(client.files().socket()));
        assertFalse(Files.exists(runDir()));
    }

    @Test
    void aRunDirectoryOpenToOthersIsRefused() throws Exception {
        Files.createDirectories(runDir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(runDir(), PosixFilePermissions.fromString("rwxr-xr-x"));
        BackendException e = assertThrows(BackendException.class, () -> new LlamaCppBackendProvider().create(env(Map.of())));
        assertEquals("cannot use the model server: " + runDir() + " is open to other users (rwxr-xr-x); run 'chmod 700 "
                + runDir() + "'; or run caro with --no-daemon", e.getMessage());
    }

    /** A socket path longer than the system allows (108 bytes on Linux) cannot be bound. */
    @Test
    void aRunDirectoryTooLongForASocketLoadsTheModelInProcess() throws Exception {
        Path deep = dir.resolve("x".repeat(60)).resolve("y".repeat(60));
        assertFalse(ServerFiles.socketPathFits(deep.resolve("caro")));
        try (ModelBackend backend = new LlamaCppBackendProvider().create(env(Map.of(), Map.of("XDG_RUNTIME_DIR", deep.toString())))) {
            assertTrue(backend instanceof LlamaCppBackend, backend.getClass().getName());
        }
        assertFalse(Files.exists(deep), "no server was started");
        assertTrue(ServerFiles.socketPathFits(Path.of("/run/user/1000/caro")));
    }

    @Test
    void noDaemonLoadsTheModelInProcessAndStartsNothing() throws Exception {
        try (ModelBackend backend = new LlamaCppBackendProvider().create(env(Map.of(), Map.of("CARO_NO_DAEMON", "1")))) {
            assertTrue(backend instanceof LlamaCppBackend, backend.getClass().getName());
            assertFalse(backend.generate(request("list files")).note().isEmpty());
        }
        try (ModelBackend backend = new LlamaCppBackendProvider().create(env(Map.of("daemon", "false")))) {
            assertTrue(backend instanceof LlamaCppBackend, backend.getClass().getName());
        }
        assertFalse(Files.exists(runDir()), "no server was started");
        // The environment beats the config file, both ways.
        ModelServerClient client = client(env(Map.of("daemon", "false"), Map.of("CARO_NO_DAEMON", "0")));
        assertTrue(process(client.serverPid()).isAlive());
    }

    @Test
    void badDaemonSettingsAreNamed() {
        BackendException e = assertThrows(BackendException.class,
                () -> new LlamaCppBackendProvider().create(env(Map.of("daemon", "maybe"))));
        assertEquals("backends.llamacpp.daemon must be true or false, not 'maybe'", e.getMessage());
        e = assertThrows(BackendException.class, () -> new LlamaCppBackendProvider().create(env(Map.of("idle", "soon"))));
        assertEquals("backends.llamacpp.idle must be a time such as 90s, 15m or 1h, not 'soon'", e.getMessage());
        e = assertThrows(BackendException.class,
                () -> new LlamaCppBackendProvider().create(env(Map.of(), Map.of("CARO_NO_DAEMON", "please"))));
        assertEquals("CARO_NO_DAEMON must be 1 or 0, not 'please'", e.getMessage());
        assertEquals(Duration.ofSeconds(90), ServerSettings.idle("90"));
        assertEquals(Duration.ofSeconds(90), ServerSettings.idle("90s"));
        assertEquals(Duration.ofMinutes(15), ServerSettings.idle("15m"));
        assertEquals(Duration.ofHours(1), ServerSettings.idle("1h"));
        assertEquals(ServerSettings.DEFAULT_IDLE, ServerSettings.idle(""));
    }

    @Test
    void anIdleServerExitsRemovesItsSocketAndIsStartedAgainWhenNeeded() throws Exception {
        ModelServerClient client = client(env(Map.of("idle", "1s")));
        ServerFiles files = client.files();
        long pid = client.serverPid();
        process(pid).onExit().get(60, TimeUnit.SECONDS);
        assertFalse(Files.exists(files.socket()), "socket removed");
        assertFalse(Files.exists(files.pid()), "pid file removed");
        assertTrue(Files.readString(files.log()).contains("idle for PT1S, exiting"), Files.readString(files.log()));

        assertFalse(client.generate(request("list files")).note().isEmpty());
        started.add(client.serverPid());
        assertNotEquals(pid, client.serverPid(), "a new server answered");
    }

    @Test
    void aSocketLeftByAKilledServerIsReplaced() throws Exception {
        ModelServerClient client = client(env(Map.of()));
        long pid = client.serverPid();
        process(pid).destroyForcibly();
        process(pid).onExit().get(20, TimeUnit.SECONDS);
        assertTrue(Files.exists(client.files().socket()), "SIGKILL leaves the socket file behind");

        ModelServerClient next = client(env(Map.of()));
        assertNotEquals(pid, next.serverPid());
        assertFalse(next.generate(request("list files")).note().isEmpty());
    }

    @Test
    void aStaleSocketFileWithNoServerEverIsReplaced() throws Exception {
        // A socket file nobody listens on: bound and closed (Java leaves the file).
        Files.createDirectories(runDir(), PosixFilePermissions.asFileAttribute(ServerFiles.OWNER_ONLY));
        LlamaCppBackendProvider provider = new LlamaCppBackendProvider();
        BackendEnvironment env = env(Map.of());
        ServerFiles files = ServerFiles.prepare(runDir(),
                ServerFiles.key(provider.choose(env), LlamaCppSettings.from(env)));
        try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(files.socket()));
        }
        assertTrue(Files.exists(files.socket()));
        ModelServerClient client = client(env);
        assertEquals(files, client.files());
        assertFalse(client.generate(request("list files")).note().isEmpty());
    }

    @Test
    void aServerKilledMidRequestIsRestartedAndTheRequestRepeated() throws Exception {
        ModelServerClient client = client(env(Map.of("grammar", LONG_ANSWER, "max_tokens", "200")));
        long pid = client.serverPid();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Generation> answer = pool.submit(() -> client.generate(request("list files")));
            awaitRequest(client.files(), 1);
            process(pid).destroyForcibly();
            Generation g = answer.get(120, TimeUnit.SECONDS);
            started.add(client.serverPid());
            assertEquals(200, g.rawText().length(), g.rawText());
            assertNotEquals(pid, client.serverPid(), "answered by a new server");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aServerKilledTwiceDuringOneRequestIsReportedClearly() throws Exception {
        ModelServerClient client = client(env(Map.of("grammar", LONG_ANSWER, "max_tokens", "200")));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Generation> answer = pool.submit(() -> client.generate(request("list files")));
            List<Long> killed = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                long pid = awaitRequestOnANewServer(client.files(), killed);
                started.add(pid);
                killed.add(pid);
                process(pid).destroyForcibly();
                process(pid).onExit().get(20, TimeUnit.SECONDS);
            }
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> answer.get(120, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof BackendException, e.getCause().toString());
            assertEquals("the model server for tiny.gguf stopped while answering, twice; see " + client.files().log()
                    + ", or run caro with --no-daemon", e.getCause().getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInterruptedRequestIsCancelledAndTheServerStaysHealthy() throws Exception {
        ModelServerClient client = client(env(Map.of("grammar", LONG_ANSWER, "max_tokens", "200")));
        long pid = client.serverPid();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Generation> answer = pool.submit(() -> client.generate(request("list files")));
            awaitRequest(client.files(), 1);
            answer.cancel(true); // what caro's pipeline does on Ctrl-C or its timeout
            for (int i = 0; i < 2000 && !Files.readString(client.files().log()).contains("cancelled by the client"); i++) {
                Thread.sleep(10);
            }
            assertTrue(Files.readString(client.files().log()).contains("cancelled by the client"),
                    Files.readString(client.files().log()));
        } finally {
            pool.shutdownNow();
        }
        Generation g = client.generate(request("list files"));
        assertEquals(200, g.rawText().length(), g.rawText());
        assertEquals(pid, client.serverPid(), "the same server answered");
    }

    @Test
    void twoClientsAtOnceStartOneServer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<ModelServerClient>> clients = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clients.add(pool.submit(() -> {
                    go.await();
                    return (ModelServerClient) new LlamaCppBackendProvider().create(env(Map.of()));
                }));
            }
            go.countDown();
            long a = clients.get(0).get(120, TimeUnit.SECONDS).serverPid();
            long b = clients.get(1).get(120, TimeUnit.SECONDS).serverPid();
            started.add(a);
            started.add(b);
            assertEquals(a, b);
            assertEquals(1, Files.readString(clients.get(0).get().files().log()).split("listening on", -1).length - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoProcessesAtOnceStartOneServer() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ConnectOnce.class.getName(), model.toString(),
                    dir.resolve("cache").toString()).redirectErrorStream(true).start());
        }
        List<Long> pids = new ArrayList<>();
        for (Process p : processes) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            Matcher m = Pattern.compile("server: (\\d+)").matcher(out);
            assertTrue(m.find(), out);
            pids.add(Long.parseLong(m.group(1)));
        }
        started.addAll(pids);
        assertEquals(pids.get(0), pids.get(1), "both processes reached the same server");
        assertTrue(process(pids.get(0)).isAlive());
        Path log = Files.list(runDir()).filter(f -> f.toString().endsWith(".log")).findFirst().orElseThrow();
        assertEquals(1, Files.readString(log).split("listening on", -1).length - 1, Files.readString(log));
        assertEquals(1, Files.list(runDir()).filter(f -> f.toString().endsWith(".sock")).count());
    }

    @Test
    void aChangedIdleTimeAppliesFromTheNextRequest() throws Exception {
        ModelServerClient client = client(env(Map.of("idle", "60s")));
        long pid = client.serverPid();
        assertEquals(60_000, ServerLauncher.status(client.files().socket()).orElseThrow().idleMillis());
        // Same model and settings but a shorter idle time: the same server, which now exits sooner.
        ModelServerClient shorter = client(env(Map.of("idle", "1s")));
        assertEquals(pid, shorter.serverPid());
        shorter.generate(request("list files"));
        assertEquals(1_000, ServerLauncher.status(client.files().socket()).orElseThrow().idleMillis());
        process(pid).onExit().get(60, TimeUnit.SECONDS);
        String log = Files.readString(client.files().log());
        assertTrue(log.contains("idle time now PT1S (was PT1M)"), log);
        assertTrue(log.contains("idle for PT1S, exiting"), log);
    }

    @Test
    void statusListsTheServerWithoutKeepingItAliveAndStopEndsIt() throws Exception {
        ModelServerClient client = client(env(Map.of("idle", "3s")));
        ModelServers servers = new ModelServers(runDir());
        List<BackgroundServer> list = servers.list();
        assertEquals(1, list.size());
        BackgroundServer s = list.get(0);
        assertEquals("tiny.gguf", s.model());
        assertEquals(client.serverPid(), s.pid());
        assertEquals(client.files().socket().toString(), s.address());
        assertEquals(Optional.of(client.files().log()), s.log());
        assertTrue(s.idleLeft().orElseThrow().compareTo(Duration.ofSeconds(3)) <= 0, s.toString());
        // Asking for the status again and again does not postpone the idle exit.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (alive(client.serverPid()) && System.nanoTime() < deadline) {
            servers.list();
            Thread.sleep(100);
        }
        assertFalse(alive(client.serverPid()));
        assertEquals(List.of(), servers.list());

        ModelServerClient next = client(env(Map.of()));
        BackgroundServer running = servers.list().get(0);
        assertTrue(servers.stop(running));
        assertFalse(alive(next.serverPid()));
        assertEquals(List.of(), servers.list());
        assertFalse(servers.stop(running), "already gone");
    }

    @Test
    void garbageFromAClientNeitherCrashesNorBlocksTheServer() throws Exception {
        ModelServerClient client = client(env(Map.of()));
        Path socket = client.files().socket();
        assertEquals("bad request: bad frame length 1195725856",
                rawExchange(socket, "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("bad request: protocol version 9 is not supported (expected 2)",
                rawExchange(socket, new byte[] {0, 0, 0, 2, 9, 'G'}));
        assertEquals("bad request: protocol version 1 is not supported (expected 2)",
                rawExchange(socket, new byte[] {0, 0, 0, 2, 1, 'P'}));
        assertEquals("bad request: unknown request type 88", rawExchange(socket, new byte[] {0, 0, 0, 2, 2, 'X'}));
        assertEquals("bad request: frame too short", rawExchange(socket, new byte[] {0, 0, 0, 3, 2, 'G', 0}));
        assertEquals("bad request: bad message count -1", rawExchange(socket, ByteBuffer.allocate(26)
                .putInt(22).put((byte) 2).put((byte) 'G').putLong(1000).putLong(60_000).putInt(-1).array()));
        assertEquals("bad request: bad idle time 0", rawExchange(socket, ByteBuffer.allocate(26)
                .putInt(22).put((byte) 2).put((byte) 'G').putLong(1000).putLong(0).putInt(0).array()));
        try (SocketChannel half = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            half.write(ByteBuffer.wrap(new byte[] {0, 0, 1})); // then hang up mid-frame
        }
        assertFalse(client.generate(request("list files")).note().isEmpty());
        assertEquals(client.serverPid(), ServerLauncher.ping(socket).orElseThrow());
    }

    /** The prompt figures llama.cpp logs for each request. */
    static final class PromptEvaluation {
        private static final Pattern PROMPT = Pattern.compile("n_prompt_tokens = (\\d+)");
        private static final Pattern EVALUATED = Pattern.compile("^prompt eval time = .* / +(\\d+) tokens");

        /** For each request, {prompt tokens, tokens evaluated}, in order. */
        static List<int[]> read(Path log) throws IOException {
            List<int[]> result = new ArrayList<>();
            int prompt = -1;
            for (String line : Files.readAllLines(log)) {
                Matcher m = PROMPT.matcher(line);
                if (m.find()) {
                    prompt = Integer.parseInt(m.group(1));
                }
                m = EVALUATED.matcher(line.strip());
                if (m.find()) {
                    result.add(new int[] {prompt, Integer.parseInt(m.group(1))});
                }
            }
            return result;
        }
    }

    /** Sends raw bytes and returns the server's error message. */
    private static String rawExchange(Path socket, byte[] bytes) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap(bytes));
            ServerProtocol.Frame reply = ServerProtocol.read(channel);
            assertEquals(ServerProtocol.ERROR, reply.type());
            return reply.readString();
        }
    }

    @Test
    void aModelTheServerCannotLoadIsReportedWithLlamaCppsReason() throws Exception {
        Path future = TinyLlamaModel.write(dir.resolve("future.gguf"), 1, "future-arch");
        BackendEnvironment env = new BackendEnvironment(Map.of("threads", "1"), Map.of(), Optional.of(future.toString()),
                dir.resolve("cache"), dir.resolve("data"), ProgressListener.NONE);
        BackendException e = assertThrows(BackendException.class, () -> new LlamaCppBackendProvider().create(env));
        assertEquals("llama.cpp could not load " + future + " (architecture 'future-arch'); the file is a complete GGUF"
                + " model, so it probably needs a newer llama.cpp than the bundled one; set backends.llamacpp.log ="
                + " true to see why", e.getMessage());
    }

    @Test
    void stopEndsTheServer() throws Exception {
        ModelServerClient client = client(env(Map.of()));
        assertTrue(ServerLauncher.stop(client.files().socket()));
        process(client.serverPid()).onExit().get(30, TimeUnit.SECONDS);
        assertFalse(Files.exists(client.files().socket()));
        assertFalse(ServerLauncher.stop(client.files().socket()), "nobody answers any more");
    }
}
