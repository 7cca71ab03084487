package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.caro.core.config.CaroPaths;
import dev.caro.core.history.HistoryFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident CLI server answers exactly as caro in the client's own process would: the same
 * stdout and stderr bytes and exit code, through real named pipes, with the client's environment,
 * working directory and home (never the server's), config read afresh on every call; and it
 * declines every line that could prompt, read standard input or run anything.
 */
class CliServerTest {

    @TempDir
    Path tmp;

    private Path home;
    private String base;
    private CliServer server;
    private Thread serving;
    private long nextId = 1;

    /** What one run printed and returned. */
    record Answer(int code, String out, String err) {}

    @BeforeEach
    void start() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve("projects/app/src"));
        Path run = Files.createDirectory(tmp.resolve("run"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        base = run.resolve("cli-test").toString();
        assumeTrue(CliServerFiles.makePipes(base), "mkfifo is needed for the server's pipes");
        Files.writeString(Path.of(base + ".pid"), ProcessHandle.current().pid() + "\n");
        server = new CliServer(base);
        serving = new Thread(() -> {
            while (true) {
                try {
                    server.serveOne();
                } catch (IOException e) {
                    return; // the stop bytes below, or the pipe closed
                }
            }
        }, "test-cli-server");
        serving.setDaemon(true);
        serving.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (server == null) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(base + ".in", "rw")) {
            in.write(new byte[12]); // not a request: the serving loop ends
        }
        serving.join(5_000);
        server.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("SHELL", "/bin/bash");
        env.put("PATH", System.getenv("PATH"));
        env.put("LANG", "C.UTF-8");
        return env;
    }

    /** caro in this process, on streams wrapped as Main.main wraps the real ones. */
    private Answer inProcess(Map<String, String> env, String tty, Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        int code = Main.run(CliEnvironment.forClient(Map.copyOf(env), tty, cwd.toString(), home.toString(), o, e), args);
        o.flush();
        e.flush();
        return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The same line through the server; the code is negative when it was not answered there. */
    private Answer served(Map<String, String> env, String tty, Path cwd, String... args) {
        long id = nextId++;
        List<byte[]> frames = new ArrayList<>();
        byte[] request = Launch.request(id, args, Map.copyOf(env), tty, cwd.toString(), home.toString());
        int code = Launch.exchange(base, id, request, frames, 20_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            (f[0] == Frames.OUT ? out : err).write(f, 1, f.length - 1);
        }
        return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the line both ways and asserts the same answer; JSON's "elapsed_ms" is the only part that may differ. */
    private Answer same(Map<String, String> env, String tty, Path cwd, String... args) {
        Answer here = inProcess(env, tty, cwd, args);
        Answer there = served(env, tty, cwd, args);
        assertEquals(timeless(here), timeless(there), String.join(" ", args));
        return there;
    }

    private static Answer timeless(Answer a) {
        return new Answer(a.code(), a.out().replaceAll("\"elapsed_ms\":\\d+", "\"elapsed_ms\":0"), a.err());
    }

    @Test
    void servedLinesPrintTheSameBytesAndExitCodes() {
        Path app = home.resolve("projects/app");
        Map<String, String> env = env();
        assertEquals(12, same(env, "", app, "check", "rm -rf /").code());
        assertEquals(0, same(env, "", app, "check", "ls -la").code());
        same(env, "", app, "check", "--json", "git push --force origin main");
        same(env, "", app, "check", "--safety", "strict", "rm -r build");
        same(env, "", app, "check", "-s", "fish", "rm -rf ~/Documents");
        same(env, "", app, "check", "-q", "chmod -R 777 /", "echo hi");
        same(env, "out,err", app, "check", "rm -rf ~"); // colors on a terminal
        assertEquals(0, same(env, "", app, "-b", "offline", "-q", "list files").code());
        same(env, "", app, "-b", "offline", "find pdf files over 10MB in Downloads");
        same(env, "", app, "-b", "offline", "-o", "json", "-q", "list files");
        same(env, "", app, "-b", "offline", "--dry-run", "-q", "list files");
        assertEquals(ExitCodes.GENERATION_FAILED, same(env, "", app, "-b", "offline", "-q", "frobnicate the quux thoroughly").code());
        assertEquals(ExitCodes.USAGE, same(env, "", app, "check", "--safety", "bogus", "ls").code());
        assertEquals(ExitCodes.USAGE, same(env, "", app, "check").code());
        Map<String, String> byEnv = env();
        byEnv.put("CARO_BACKEND", "offline");
        assertEquals(0, same(byEnv, "", app, "-q", "show disk usage").code());
    }

    @Test
    void theClientsWorkingDirectoryDecidesNotTheServers() {
        Answer inApp = same(env(), "", home.resolve("projects/app"), "check", "rm -rf ..");
        Answer inHome = same(env(), "", home.resolve("projects"), "check", "rm -rf ..");
        assertNotEquals(inApp, inHome, "rm -rf .. judged the same in two directories");
        same(env(), "", home.resolve("projects/app/src"), "check", "find .. -delete");
    }

    @Test
    void aChangedConfigIsReadByTheNextCall() throws IOException {
        Path app = home.resolve("projects/app");
        Answer before = same(env(), "", app, "check", "chmod -R 777 /etc");
        Path config = home.resolve(".config/caro/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "safety = \"strict\"\n");
        Answer after = same(env(), "", app, "check", "chmod -R 777 /etc");
        assertNotEquals(before, after);
        Files.writeString(config, "safety = \n"); // broken: reported the same way
        assertEquals(ExitCodes.CONFIG, same(env(), "", app, "check", "ls").code());
        // A request's backend cannot be told from a broken config: the client's own process reports it.
        assertEquals(Launch.DECLINED, served(env(), "", app, "-b", "offline", "-q", "list files").code());
    }

    @Test
    void linesThatCouldPromptReadInputOrRunAreDeclined() throws IOException {
        Path app = home.resolve("projects/app");
        Map<String, String> env = env();
        List<String[]> declined = List.of(
                new String[] {"-b", "offline", "-x", "-y", "-q", "list files"},
                new String[] {"-b", "offline", "--explain", "-q", "list files"},
                new String[] {"check", "-"},
                new String[] {"-b", "offline"},
                new String[] {"-q", "list files"}, // backend by rank: it may load a model
                new String[] {"-b", "llamacpp", "-q", "list files"},
                new String[] {"--no-daemon", "check", "ls"},
                new String[] {"check", "--json=true", "ls"}, // picocli's line
                new String[] {"config", "show"},
                new String[] {"history"});
        for (String[] args : declined) {
            assertEquals(Launch.DECLINED, served(env, "", app, args).code(), String.join(" ", args));
        }
        // A person at the terminal may get the menu, which can run the command.
        assertEquals(Launch.DECLINED, served(env, "in,out,err", app, "-b", "offline", "list files").code());
        // (Standard error is not a terminal here: the spinner there depends on timing, in either process.)
        assertEquals(0, same(env, "in,out", app, "-b", "offline", "-q", "list files").code());
        Map<String, String> debug = env();
        debug.put("CARO_DEBUG", "1");
        assertEquals(Launch.DECLINED, served(debug, "", app, "check", "ls").code());
        Map<String, String> relative = env();
        relative.put("CARO_CONFIG", "caro.toml");
        assertEquals(Launch.DECLINED, served(relative, "", app, "check", "ls").code());
        Path plugins = Files.createDirectories(home.resolve(".local/share/caro/plugins"));
        Files.write(plugins.resolve("some-plugin-1.0.jar"), new byte[0]);
        assertEquals(Launch.DECLINED, served(env, "", app, "check", "ls").code());
    }

    /**
     * The server writes a line's history once its client has acknowledged the answer: a client
     * that gave up waiting, and so runs the line itself, does not get a second history line.
     */
    @Test
    void historyIsWrittenOnlyForAnAnswerTheClientTook() throws Exception {
        Path app = home.resolve("projects/app");
        Path history = HistoryFile.in(CaroPaths.from(env(), home).stateDir()).path();
        assertEquals(0, served(env(), "", app, "-b", "offline", "-q", "list files").code());
        assertEquals(1, historyLines(history, 1));
        // A client that leaves once the exit code is there, as one that gave up would, never acknowledges.
        long id = nextId++;
        try (RandomAccessFile in = new RandomAccessFile(base + ".in", "rw");
                RandomAccessFile out = new RandomAccessFile(base + ".out", "rw")) {
            in.write(Launch.request(id, new String[] {"-b", "offline", "-q", "show disk usage"}, env(), "",
                    app.toString(), home.toString()));
            byte[] head = new byte[Frames.HEADER];
            do {
                out.readFully(head);
                out.readFully(new byte[Launch.getInt(head, 9)]);
            } while (head[0] != Frames.EXIT || Launch.getLong(head, 1) != id);
        }
        Thread.sleep(CliServer.ACK_WAIT.toMillis() + 500);
        assertEquals(1, historyLines(history, 1), "a history line for an answer no one took");
        // The server answers the next client, and its history follows again.
        assertEquals(0, served(env(), "", app, "-b", "offline", "-q", "show disk usage").code());
        assertEquals(2, historyLines(history, 2));
        assertTrue(Files.readString(history).contains("show disk usage"), Files.readString(history));
    }

    /** The history file's line count once it reaches {@code expected} (or after 5 s). */
    private static long historyLines(Path history, int expected) throws Exception {
        long lines = 0;
        for (int i = 0; i < 100; i++) {
            lines = Files.exists(history) ? Files.readAllLines(history).size() : 0;
            if (lines >= expected) {
                return lines;
            }
            Thread.sleep(50);
        }
        return lines;
    }

    @Test
    void aServerThatDoesNotAnswerIsGivenUpOnInTime() throws Exception {
        stop(); // pipes and a live pid, but nothing reads the requests
        server = null;
        CliServerFiles.makePipes(base);
        Files.writeString(Path.of(base + ".pid"), ProcessHandle.current().pid() + "\n");
        long start = System.nanoTime();
        List<byte[]> frames = new ArrayList<>();
        int code = Launch.exchange(base, 7, Launch.request(7, new String[] {"check", "ls"}, env(), "",
                home.toString(), home.toString()), frames, 300);
        assertEquals(Launch.DECLINED, code);
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
        assertFalse(Files.exists(Path.of(base + ".busy")), "the busy marker is left behind");
    }

    @Test
    void noServerWithoutALivePidFile() throws IOException {
        Files.delete(Path.of(base + ".pid"));
        assertEquals(Launch.NO_SERVER, served(env(), "", home, "check", "ls").code());
        Files.writeString(Path.of(base + ".pid"), "999999999\n");
        assertEquals(Launch.NO_SERVER, served(env(), "", home, "check", "ls").code());
    }

    @Test
    void caroDaemonListsAndStopsARealServerProcess() throws Exception {
        // A real server JVM, started as the client starts it, in a run directory of this test's home.
        Map<String, String> env = env();
        env.put("CARO_CLI_SERVER_IDLE", "60");
        String realBase = CliServerFiles.base(env);
        assertTrue(realBase.startsWith(home.toString()));
        CliServerFiles.startServerFor(new String[] {"check", "ls"}, env);
        Path pid = Path.of(realBase + ".pid");
        try {
            listAndStop(realBase, pid);
        } finally {
            if (Files.exists(pid)) { // the test failed: no server may outlive it
                ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip())).ifPresent(ProcessHandle::destroy);
            }
        }
    }

    private void listAndStop(String realBase, Path pid) throws Exception {
        for (int i = 0; i < 300 && !Files.exists(pid); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(pid), "the server did not start");
        CaroRunner caro = new CaroRunner(home);
        CaroRunner.Run r = caro.run("daemon", "status");
        assertTrue(r.out().contains(CliServers.NAME + " (cli): pid "), r.out());
        assertTrue(r.out().contains("  pipes:  " + realBase + ".in"), r.out());
        r = caro.run("daemon", "stop");
        assertTrue(r.out().startsWith("stopped " + CliServers.NAME + " (pid "), r.out() + r.err());
        assertFalse(Files.exists(pid), "the pid file is left behind");
        assertFalse(Files.exists(Path.of(realBase + ".in")), "the pipes are left behind");
        assertEquals("no model server is running\n", caro.run("daemon").out());
    }

    @Test
    void theFlagAndVariablesBypassTheServer() {
        Map<String, String> none = Map.of();
        assertFalse(Launch.bypassed(new String[] {"check", "ls"}, none));
        assertTrue(Launch.bypassed(new String[] {"--no-daemon", "check", "ls"}, none));
        assertTrue(Launch.bypassed(new String[] {"check", "ls"}, Map.of("CARO_NO_DAEMON", "1")));
        assertFalse(Launch.bypassed(new String[] {"check", "ls"}, Map.of("CARO_NO_DAEMON", "0")));
        assertTrue(Launch.bypassed(new String[] {"check", "ls"}, Map.of("CARO_CLI_SERVER", "off")));
        assertTrue(Launch.bypassed(new String[] {"--version"}, none));
        assertTrue(Launch.bypassed(new String[] {"--help"}, none));
        assertTrue(Launch.bypassed(new String[0], none));
        assertTrue(Launch.neverServed(new String[] {"-b", "offline", "list files"}, "in,out,err"));
        assertFalse(Launch.neverServed(new String[] {"-b", "offline", "-q", "list files"}, "in,out,err"));
        assertFalse(Launch.neverServed(new String[] {"-b", "offline", "list files"}, "err"));
        assertFalse(Launch.neverServed(new String[] {"check", "ls"}, "in,out,err"));
        assertTrue(Launch.neverServed(new String[] {"-b", "offline", "-x", "-q", "list files"}, ""));
        assertTrue(Launch.neverServed(new String[] {"-b", "offline", "--explain", "-q", "list files"}, ""));
    }

    @Test
    void theClientsEnvironmentIsTheProcesssOwnInProcess() {
        PrintWriter none = new PrintWriter(new StringWriter());
        CliEnvironment system = CliEnvironment.system(none, none);
        CliEnvironment client = CliEnvironment.forClient(System.getenv(), System.getProperty("caro.tty"),
                System.getProperty("user.dir"), System.getProperty("user.home"), none, none);
        assertEquals(system.env(), client.env());
        assertEquals(system.paths(), client.paths());
        assertEquals(system.stdinTerminal(), client.stdinTerminal());
        assertEquals(system.stdoutTerminal(), client.stdoutTerminal());
        assertEquals(system.stderrTerminal(), client.stderrTerminal());
        assertEquals(system.detector().detectForJudging(null), client.detector().detectForJudging(null));
    }

    @Test
    void theStampChangesWithTheLocaleAndTheBaseIsInTheRunDirectory() {
        Map<String, String> a = Map.of("HOME", "/home/ana", "LANG", "C.UTF-8");
        Map<String, String> b = Map.of("HOME", "/home/ana", "LANG", "de_DE.UTF-8");
        assertNotEquals(CliServerFiles.stamp(a), CliServerFiles.stamp(b));
        assertEquals(CliServerFiles.stamp(a), CliServerFiles.stamp(Map.of("HOME", "/x", "LANG", "C.UTF-8")));
        assertTrue(CliServerFiles.base(a).startsWith("/home/ana/.cache/caro/run/cli-"));
        assertTrue(CliServerFiles.base(Map.of("XDG_RUNTIME_DIR", "/run/user/1000")).startsWith("/run/user/1000/caro/cli-"));
    }

    @Test
    void anOpenRunDirectoryIsRefused() throws IOException {
        Path open = Files.createDirectory(tmp.resolve("open"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        assertFalse(CliServerFiles.isPrivate(open));
        Path cache = Files.createDirectories(tmp.resolve("cache/caro/run"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertEquals(null, CliServerFiles.baseIfPrivate(Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString())));
    }

    @Test
    void chunkedFramesCarryLongOutputWhole() {
        // More than one pipe-atomic frame of output: many commands at once.
        String[] args = new String[41];
        args[0] = "check";
        for (int i = 1; i < args.length; i++) {
            args[i] = "rm -rf /tmp/dir" + i;
        }
        Answer a = same(env(), "", home, args);
        assertTrue(a.out().length() > Frames.ATOMIC, a.out());
        assertArrayEquals(inProcess(env(), "", home, args).out().getBytes(StandardCharsets.UTF_8),
                a.out().getBytes(StandardCharsets.UTF_8));
    }
}
