package dev.caro.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The resident CLI server: answers the lines {@link ServedLines} accepts (pure computation:
 * {@code caro check 'CMD'}, offline requests that print a command) for caro clients
 * ({@link Launch}) of the same user and build, so that a call costs a bare JVM's start and an
 * exchange over two named pipes instead of loading and first running some 1,300 classes. Each
 * request runs through {@link Main#run} with a fresh session built from the client's environment,
 * working directory, home and terminal flags: config, history and plugins behave as in the
 * client's own process. Nothing is ever executed here; every other line gets
 * {@link Frames#NOT_MINE}.
 * <p>
 * Why pipes and not a Unix domain socket: on Java 17 the client's first socket costs a secure
 * random generator and the method-handle machinery of two lambdas, about 50 ms of CPU, as much as
 * the whole bare JVM; pipes are plain files. The pipes' directory is the user's alone (0700).
 * <p>
 * One request at a time. It holds its lock file for its whole life (a second server exits at
 * once), and exits after an idle time, removing its pid file and pipes first (also on SIGTERM);
 * a request that runs for over {@link #REQUEST_LIMIT} ends the server (its clients have long
 * gone on without it).
 */
public final class CliServer implements AutoCloseable {

    /** No served line takes this long; the server is stuck and ends. */
    static final Duration REQUEST_LIMIT = Duration.ofSeconds(30);

    /**
     * Held for the server's whole life. A static field: a lock only a local variable refers to is
     * released when the garbage collector closes its channel, and a second server would start.
     */
    private static FileLock lock;

    private final String base;
    /** The pipes' identities: the files are removed on the way out only while they are still these. */
    private final Object requestsKey;
    private final Object answersKey;
    private final RandomAccessFile requests;
    private final RandomAccessFile answers;
    /** From a request's first bytes to its answer's last (the idle exit waits for it). */
    private volatile boolean receiving;
    /** A request that came while an acknowledgement was awaited: the next one to answer. */
    private byte[] carried;

    /** How long the client's acknowledgement of an answer is awaited before its history is dropped. */
    static final Duration ACK_WAIT = Duration.ofSeconds(1);

    /** Opens the pipes {@code base.in} and {@code base.out}, which must be named pipes. */
    CliServer(String base) throws IOException {
        this.base = base;
        for (String suffix : new String[] {".in", ".out"}) {
            PosixFileAttributes a = Files.readAttributes(Path.of(base + suffix), PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!a.isOther()) {
                throw new IOException(base + suffix + " is not a named pipe");
            }
        }
        // Read and write: opening does not wait for a client, and reading never sees the end of the pipe.
        requests = new RandomAccessFile(base + ".in", "rw");
        answers = new RandomAccessFile(base + ".out", "rw");
        requestsKey = fileKey(Path.of(base + ".in"));
        answersKey = fileKey(Path.of(base + ".out"));
    }

    /** {@code CliServer BASE IDLE_SECONDS}: started by {@link CliServerFiles#startServerFor}. */
    public static void main(String[] args) throws IOException {
        String base = args[0];
        Duration idle = Duration.ofSeconds(Long.parseLong(args[1]));
        Path dir = Path.of(base).getParent();
        if (!CliServerFiles.isPrivate(dir)) {
            System.err.println("caro cli server: " + dir + " is not private to this user (chmod 700); not started");
            System.exit(1);
        }
        FileChannel lockFile = FileChannel.open(Path.of(base + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockFile.tryLock();
        if (lock == null) {
            return; // another server runs or starts: it answers
        }
        CliServer server = new CliServer(base);
        Path pid = Path.of(base + ".pid");
        // The pid, and the idle time: caro daemon status tells the time left from the file's age.
        Files.writeString(pid, ProcessHandle.current().pid() + "\n" + idle.toSeconds() + "\n");
        Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
            @Override
            public void run() {
                server.removeFiles();
            }
        }, "caro-cli-server-exit"));
        Watchdog watchdog = new Watchdog(server, idle);
        watchdog.start();
        while (true) {
            byte[] body;
            try {
                body = server.nextRequest();
            } catch (IOException e) {
                // Another protocol version, or garbage: the next client starts a server with fresh pipes.
                System.err.println("caro cli server: " + e.getMessage() + "; exiting");
                server.removeFiles();
                System.exit(1);
                return;
            }
            watchdog.busy(true);
            server.answer(body);
            watchdog.busy(false);
            try {
                Files.setLastModifiedTime(pid, FileTime.fromMillis(System.currentTimeMillis()));
            } catch (IOException e) {
                // caro daemon status then reports less time left than there is
            }
        }
    }

    /**
     * The next request's body; blocks until one comes. A correct client writes a whole request
     * with one write, so anything else means the pipe's contents cannot be trusted.
     *
     * @throws IOException when the pipe holds something that is not a request
     */
    byte[] nextRequest() throws IOException {
        if (carried != null) {
            byte[] body = carried;
            carried = null;
            receiving = true;
            return body;
        }
        int magic = requests.readInt();
        receiving = true;
        int version = requests.readInt();
        int length = requests.readInt();
        if (magic != Frames.MAGIC || version != Frames.VERSION || length <= 8 || length > Frames.MAX_REQUEST) {
            throw new IOException("not a request of protocol " + Frames.VERSION);
        }
        byte[] body = new byte[length];
        requests.readFully(body);
        return body;
    }

    /** Reads and answers one request. */
    void serveOne() throws IOException {
        answer(nextRequest());
    }

    /**
     * Answers one request body: the line's output and exit code, or {@link Frames#NOT_MINE} (also
     * when the body is malformed or caro failed with an error, after which the client runs the
     * line itself and any output sent is dropped).
     */
    void answer(byte[] body) throws IOException {
        try {
            Frames.Reader in = new Frames.Reader(body);
            long id = in.getLong();
            try {
                answer(id, in);
            } catch (IOException | RuntimeException | StackOverflowError e) {
                answers.write(Frames.frame(Frames.NOT_MINE, id, new byte[0], 0, 0));
            }
        } finally {
            receiving = false;
        }
    }

    private void answer(long id, Frames.Reader in) throws IOException {
        int count = in.getInt();
        if (count == Frames.ACK) {
            return; // an acknowledgement that came too late: nothing to answer
        }
        if (count < 0 || count > Frames.MAX_COUNT) {
            throw new IOException("bad count " + count);
        }
        String[] args = new String[count];
        for (int i = 0; i < args.length; i++) {
            args[i] = in.getString();
        }
        String cwd = in.getString();
        String home = in.getString();
        String tty = in.getString();
        Map<String, String> env = new HashMap<>();
        int n = in.getCount();
        for (int i = 0; i < n; i++) {
            env.put(in.getString(), in.getString());
        }
        Map<String, String> clientEnv = Map.copyOf(env);
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        if (!ServedLines.serves(CliEnvironment.forClient(clientEnv, tty, cwd, home, none, none), args)) {
            answers.write(Frames.frame(Frames.NOT_MINE, id, new byte[0], 0, 0));
            return;
        }
        // As Main.main wraps the process's streams, so the bytes are the same.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FrameStream(answers, Frames.OUT, id),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FrameStream(answers, Frames.ERR, id),
                StandardCharsets.UTF_8), true);
        List<Runnable> history = new ArrayList<>();
        int code;
        HistoryRecorder.deferOnThisThread(history);
        try {
            code = Main.run(CliEnvironment.forClient(clientEnv, tty, cwd, home, out, err), args);
        } finally {
            HistoryRecorder.deferOnThisThread(null);
        }
        out.flush();
        err.flush();
        answers.write(Frames.frame(Frames.EXIT, id, ByteBuffer.allocate(4).putInt(code).array(), 0, 4));
        if (!history.isEmpty() && acknowledged(id)) {
            for (Runnable write : history) {
                write.run();
            }
        }
    }

    /**
     * Whether the client acknowledges the answer to {@code id} within {@link #ACK_WAIT}. A client
     * that gave up sends none; a request that comes instead is kept as the next to answer.
     */
    private boolean acknowledged(long id) throws IOException {
        long until = System.nanoTime() + ACK_WAIT.toNanos();
        while (System.nanoTime() < until) {
            if (pending() > 0) {
                byte[] body = nextRequest();
                if (Frames.isAck(body)) {
                    if (ByteBuffer.wrap(body).getLong(0) == id) {
                        return true;
                    }
                    continue; // a late acknowledgement of an earlier answer
                }
                carried = body;
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Each write becomes frames of its type, each small enough to reach the pipe whole. */
    private static final class FrameStream extends OutputStream {
        private final RandomAccessFile answers;
        private final byte type;
        private final long id;

        FrameStream(RandomAccessFile answers, byte type, long id) {
            this.answers = answers;
            this.type = type;
            this.id = id;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int max = Frames.ATOMIC - Frames.HEADER;
            for (int at = off; at < off + len; at += max) {
                answers.write(Frames.frame(type, id, b, at, Math.min(max, off + len - at)));
            }
        }
    }

    /**
     * Removes the pid file first (clients then stop coming), then the pipes, each only while it is
     * still this server's: files another server has made since are left alone.
     */
    void removeFiles() {
        try {
            Path pid = Path.of(base + ".pid");
            if (Files.readString(pid).startsWith(ProcessHandle.current().pid() + "\n")) {
                Files.delete(pid);
            }
        } catch (IOException e) {
            // gone already, or another server's
        }
        removeIf(Path.of(base + ".in"), requestsKey);
        removeIf(Path.of(base + ".out"), answersKey);
    }

    private static void removeIf(Path pipe, Object key) {
        try {
            if (key != null && key.equals(fileKey(pipe))) {
                Files.delete(pipe);
            }
        } catch (IOException e) {
            // best effort on the way out
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /** Bytes of requests waiting in the pipe. */
    int pending() {
        try {
            return new FileInputStream(requests.getFD()).available();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Closes the pipes (this process's ends) and removes the server's files. */
    @Override
    public void close() throws IOException {
        removeFiles();
        requests.close();
        answers.close();
    }

    /** Ends the server after the idle time without a request, or when one request runs too long. */
    private static final class Watchdog extends Thread {
        private final CliServer server;
        private final Duration idle;
        private volatile boolean busy;
        private volatile long since = System.nanoTime();
        private boolean closing;

        Watchdog(CliServer server, Duration idle) {
            super("caro-cli-server-watchdog");
            this.server = server;
            this.idle = idle;
            setDaemon(true);
        }

        void busy(boolean b) {
            busy = b;
            since = System.nanoTime();
        }

        @Override
        public void run() {
            while (true) {
                // Once the files are gone, no client can come: go as soon as the last one is answered.
                long limit = busy ? REQUEST_LIMIT.toNanos() : closing ? 200_000_000L : idle.toNanos();
                long left = limit - (System.nanoTime() - since);
                if (left <= 0) {
                    if (busy) {
                        System.err.println("caro cli server: a request ran for over " + REQUEST_LIMIT.toSeconds()
                                + " s; exiting");
                        server.removeFiles();
                        Runtime.getRuntime().halt(1);
                    }
                    server.removeFiles(); // no new client comes now
                    closing = true;
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!busy && !server.receiving && server.pending() == 0) {
                        Runtime.getRuntime().halt(0);
                    }
                    // A client that found the files just before wrote its request: answer it, then go.
                    since = System.nanoTime();
                    continue;
                }
                try {
                    Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 1_000)));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
