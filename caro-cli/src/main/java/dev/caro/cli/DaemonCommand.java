package dev.caro.cli;

import dev.caro.api.backend.BackgroundServer;
import dev.caro.api.backend.BackgroundServers;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.core.pipeline.BackendEnvironments;
import dev.caro.core.registry.Registry;
import dev.caro.core.text.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code caro daemon status|stop}: the background model servers backends keep running between
 * caro calls (today the llama.cpp backend's), and the resident CLI servers ({@link CliServers}).
 * {@code status} is the default. Neither starts a server or loads a model.
 */
@Command(name = "daemon", description = "Shows or stops the background model servers and the resident CLI server.",
        subcommands = {DaemonCommand.Status.class, DaemonCommand.Stop.class})
final class DaemonCommand implements Callable<Integer> {

    /** Exit code when a server did not stop. */
    static final int FAILED = 1;

    /** One running server and the backends's servers it belongs to. */
    record Found(String backend, BackgroundServers servers, BackgroundServer server) {}

    @ParentCommand
    CaroCommand parent;

    @Option(names = "--json", description = "One JSON object per server and line.")
    boolean json;

    @Override
    public Integer call() {
        return status(find(parent.session()), json, parent.session().cli().out());
    }

    /** The running servers of every backend that has any; a backend that fails is skipped with a note. */
    static List<Found> find(Session session) {
        CliEnvironment env = session.cli();
        BackendEnvironments envs = new BackendEnvironments(session.config(), env.paths(), session.backendEnv(),
                Optional.empty(), null);
        List<Found> found = new ArrayList<>();
        CliServers cli = new CliServers(env.env());
        for (BackgroundServer s : cli.list()) {
            found.add(new Found("cli", cli, s));
        }
        for (ModelBackendProvider p : session.registry().backends()) {
            try {
                Optional<BackgroundServers> servers = p.servers(envs.forBackend(p.id()));
                if (servers.isPresent()) {
                    for (BackgroundServer s : servers.get().list()) {
                        found.add(new Found(Registry.displayName(p.id()), servers.get(), s));
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                env.err().println("caro: skipped the servers of " + Registry.displayName(p.id()) + ": " + e.getMessage());
            }
        }
        return found;
    }

    static int status(List<Found> found, boolean json, PrintWriter out) {
        if (found.isEmpty() && !json) {
            out.println("no model server is running");
        }
        for (Found f : found) {
            BackgroundServer s = f.server();
            if (json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("backend", f.backend());
                row.put("model", s.model());
                row.put("pid", s.pid());
                row.put("address", s.address());
                row.put("busy", s.idleLeft().isEmpty());
                row.put("idle_left_s", s.idleLeft().map(Duration::toSeconds).orElse(-1L));
                row.put("log", s.log().map(Path::toString).orElse(""));
                out.println(Json.write(row));
            } else {
                out.println(s.model() + " (" + f.backend() + "): pid " + s.pid() + ", "
                        + s.idleLeft().map(d -> "exits after " + human(d) + " more without a request")
                                .orElse("answering a request"));
                out.println((f.backend().equals("cli") ? "  pipes:  " : "  socket: ") + s.address());
                s.log().ifPresent(log -> out.println("  log:    " + log));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static int stop(List<Found> found, PrintWriter out, PrintWriter err) {
        if (found.isEmpty()) {
            out.println("no model server is running");
        }
        int code = ExitCodes.OK;
        for (Found f : found) {
            BackgroundServer s = f.server();
            if (f.servers().stop(s)) {
                out.println("stopped " + s.model() + " (pid " + s.pid() + ")");
            } else if (ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                err.println("caro: " + s.model() + " (pid " + s.pid() + ") did not stop; end it with: kill " + s.pid());
                code = FAILED;
            } else {
                out.println(s.model() + " (pid " + s.pid() + ") had already stopped");
            }
        }
        out.flush();
        err.flush();
        return code;
    }

    /** {@code 14m 05s}, {@code 45s}, {@code 1h 02m}. */
    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return String.format("%dh %02dm", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return String.format("%dm %02ds", s / 60, s % 60);
        }
        return s + "s";
    }

    @Command(name = "status", description = "Lists the running model servers and CLI server: model, pid, socket, idle time left, log (default).")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        DaemonCommand parent;

        @Option(names = "--json", description = "One JSON object per server and line.")
        boolean json;

        @Override
        public Integer call() {
            Session s = parent.parent.session();
            return status(find(s), json || parent.json, s.cli().out());
        }
    }

    @Command(name = "stop", description = "Stops every running model server and CLI server; the next request starts one again.")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        DaemonCommand parent;

        @Override
        public Integer call() {
            Session s = parent.parent.session();
            return stop(find(s), s.cli().out(), s.cli().err());
        }
    }
}
