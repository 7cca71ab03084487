package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ProgressListener;
import dev.caro.backend.llamacpp.LlamaCppBackendProvider;
import dev.caro.backend.llamacpp.fixtures.TinyLlamaModel;
import dev.caro.testkit.StartedProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caro daemon status|stop} and the doctor's line against a real model server: a JVM the
 * llama.cpp backend starts on a tiny GGUF model, in the run directory under caro's cache.
 */
class DaemonCommandTest {

    @TempDir
    Path home;

    private final StartedProcesses started = new StartedProcesses();

    @AfterEach
    void killServers() throws Exception {
        started.killAll();
    }

    private Path runDir() {
        return home.resolve(".cache/caro/run");
    }

    /** Starts a server the way a caro request would, through the backend, in caro's cache. */
    private void startServer() throws Exception {
        Path model = TinyLlamaModel.write(home.resolve("tiny.gguf"), 7);
        BackendEnvironment env = new BackendEnvironment(Map.of("threads", "1", "context", "256", "idle", "10m"),
                Map.of(), Optional.of(model.toString()), home.resolve(".cache/caro"), home.resolve(".local/share/caro"),
                ProgressListener.NONE);
        try (ModelBackend backend = new LlamaCppBackendProvider().create(env)) {
            started.add(Long.parseLong(Files.readString(only(".pid")).strip()));
        }
    }

    private Path only(String suffix) throws Exception {
        try (Stream<Path> files = Files.list(runDir())) {
            List<Path> found = files.filter(f -> f.toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    @Test
    void statusAndStopSayWhenNothingRuns() {
        CaroRunner caro = new CaroRunner(home);
        CaroRunner.Run r = caro.run("daemon");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("no model server is running\n", r.out());
        r = caro.run("daemon", "stop");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("no model server is running\n", r.out());
        assertEquals("", caro.run("daemon", "status", "--json").out());
        assertTrue(caro.run("doctor", "--skip-native").out()
                .contains("\nOK    server     no model server is running (the next request starts one)\n"));
    }

    @Test
    void statusListsARunningServerAndStopEndsIt() throws Exception {
        startServer();
        long pid = started.get(0);
        Path socket = only(".sock");
        Path log = only(".log");
        CaroRunner caro = new CaroRunner(home);

        CaroRunner.Run r = caro.run("daemon", "status");
        assertEquals(0, r.exitCode(), r.err());
        Matcher m = Pattern.compile("tiny\\.gguf \\(llamacpp\\): pid " + pid + ", exits after (\\d+)m (\\d\\d)s more"
                + " without a request\n  socket: " + Pattern.quote(socket.toString()) + "\n  log:    "
                + Pattern.quote(log.toString()) + "\n").matcher(r.out());
        assertTrue(m.matches(), r.out());
        assertTrue(Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2)) <= 600, r.out());

        r = caro.run("daemon", "--json");
        assertTrue(r.out().matches("\\{\"backend\":\"llamacpp\",\"model\":\"tiny.gguf\",\"pid\":" + pid
                + ",\"address\":\"" + Pattern.quote(socket.toString()) + "\",\"busy\":false,\"idle_left_s\":\\d+,"
                + "\"log\":\"" + Pattern.quote(log.toString()) + "\"}\n"), r.out());

        r = caro.run("doctor", "--skip-native");
        assertTrue(r.out().contains("\nOK    server     tiny.gguf is loaded in a model server (pid " + pid + ", "
                + socket + ")\n"), r.out());

        r = caro.run("daemon", "stop");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("stopped tiny.gguf (pid " + pid + ")\n", r.out());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the server exited");
        assertFalse(Files.exists(socket), "and removed its socket");
        assertEquals("no model server is running\n", caro.run("daemon").out());
    }

    @Test
    void noDaemonReachesTheDoctor() {
        CaroRunner.Run r = new CaroRunner(home).run("--no-daemon", "doctor", "--skip-native");
        assertTrue(r.out().contains("\nOK    server     model servers are off (--no-daemon or CARO_NO_DAEMON=1): models load"
                + " in caro's own process\n"), r.out());
        r = new CaroRunner(home).env("CARO_NO_DAEMON", "1").run("doctor", "--skip-native");
        assertTrue(r.out().contains("\nOK    server     model servers are off (--no-daemon or CARO_NO_DAEMON=1)"), r.out());
    }
}
