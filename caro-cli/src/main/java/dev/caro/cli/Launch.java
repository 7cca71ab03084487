package dev.caro.cli;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher's entry point: hands the command line to the resident CLI server ({@link CliServer})
 * when one answers, and otherwise runs caro in this process as {@link Main} does, then starts the
 * server in the background for the next call if it would have answered this line.
 * <p>
 * Before the server answers, this class touches nothing of caro but itself and {@link Frames}, and
 * of the JDK only file classes a start loads anyway (the exchange is over two named pipes, see
 * {@link Frames}): loading and first running caro's classes is what a start costs. The server's answer is
 * buffered whole and printed only when its exit code arrives, so a server that is slow (over
 * {@link #DEADLINE_MS}), dies or says the line is not its own leaves no trace: caro then runs here
 * as if no server existed.
 * <p>
 * Bypassed (caro runs here, no server is asked or started) by {@code --no-daemon},
 * {@code CARO_NO_DAEMON=1}, {@code CARO_CLI_SERVER=off}, {@code --version} / {@code --help} alone
 * (already as fast in this process), and when not started by the launcher ({@code -Dcaro.tty} unset);
 * lines the server always declines ({@link #neverServed}) also run here without an exchange.
 */
public final class Launch {

    /** How long the client waits for the server's whole answer before running the line itself. */
    static final long DEADLINE_MS = 3_000;

    private Launch() {}

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String tty = System.getProperty("caro.tty");
        String base = tty == null || bypassed(args, env) || neverServed(args, tty) ? null : baseIfPrivate(env);
        if (base == null) {
            Main.main(args);
            return;
        }
        int code = ask(base, args, env, tty);
        if (code >= 0) {
            System.out.flush();
            System.err.flush();
            // Nothing to clean up, and System.exit would set up the JDK's logging on Java 21+ (it logs the call).
            Runtime.getRuntime().halt(code);
        }
        int own = Main.runHere(args);
        if (code == NO_SERVER) {
            CliServerFiles.startServerFor(args, env); // after the answer is printed
        }
        if (own >= 0) {
            System.exit(own);
        }
    }

    /** The run directory for {@code env} (not created). */
    static String directory(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && runtime.startsWith("/")) {
            return runtime + "/caro";
        }
        String cache = env.get("XDG_CACHE_HOME");
        if (cache != null && cache.startsWith("/")) {
            return cache + "/caro/run";
        }
        String home = env.get("HOME");
        if (home == null || !home.startsWith("/")) {
            home = System.getProperty("user.home", "");
        }
        return home + "/.cache/caro/run";
    }

    /** Where this build's server keeps its files: the run directory and {@code cli-<stamp>}; add the suffix. */
    static String base(Map<String, String> env) {
        return directory(env) + "/cli-" + stamp(env);
    }

    /**
     * {@link #base}, or null when the server must not be used: the run directory exists but is
     * not the user's alone, or this is not a POSIX system. A directory that does not exist yet is
     * no reason to refuse: no server can be running in it.
     */
    static String baseIfPrivate(Map<String, String> env) {
        if (File.separatorChar != '/') {
            return null;
        }
        String base = base(env);
        File dir = new File(base).getParentFile();
        if (dir.exists() && !isPrivate(dir.toPath())) {
            return null;
        }
        return base;
    }

    /** Whether {@code dir} is a directory (not a link) of this user's that no one else may enter. */
    static boolean isPrivate(Path dir) {
        try {
            PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isDirectory() || !a.owner().getName().equals(System.getProperty("user.name"))) {
                return false;
            }
            // Compared one by one: a set of the permissions (EnumSet) would reflect on the enum's values().
            for (PosixFilePermission p : a.permissions()) {
                if (p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE
                        && p != PosixFilePermission.OWNER_EXECUTE) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Variables the JVM itself reads at start (how it decodes file names and text, its time zone):
     * the server is started with these of the client's and no others, and they are part of the stamp.
     */
    static final String[] LOCALE = {"LANG", "LC_ALL", "LC_CTYPE", "TZ"};

    /**
     * A hash of what makes one server answer like this process would: the Java, every class-path
     * entry with its size and modification time, the locale and time zone. FNV-1a, 64 bits (no message digest
     * classes on the client's path).
     */
    static String stamp(Map<String, String> env) {
        StringBuilder sb = new StringBuilder();
        sb.append(Frames.VERSION).append('\n').append(System.getProperty("java.home")).append('\n')
                .append(System.getProperty("java.version")).append('\n');
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            File f = new File(entry);
            sb.append(entry).append(' ').append(f.length()).append(' ').append(f.lastModified()).append('\n');
        }
        for (String name : LOCALE) {
            sb.append(name).append('=').append(env.get(name)).append('\n');
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < sb.length(); i++) {
            h ^= sb.charAt(i);
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0000000000000000".substring(hex.length()) + hex;
    }

    /** {@link #ask}: no server is running. */
    static final int NO_SERVER = -1;
    /**
     * {@link #ask}: the server said this line is not its own, did not answer in time, or is
     * talking to another client; or the request is too large to send.
     */
    static final int DECLINED = -2;

    /** Whether caro must run in this process without asking a server. */
    static boolean bypassed(String[] args, Map<String, String> env) {
        if (args.length == 0 || (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V")
                || args[0].equals("--help") || args[0].equals("-h")))) {
            return true;
        }
        for (String arg : args) {
            if (arg.equals("--no-daemon")) {
                return true;
            }
        }
        String noDaemon = env.get("CARO_NO_DAEMON");
        if (noDaemon != null && (noDaemon.strip().equals("1") || noDaemon.strip().equalsIgnoreCase("true")
                || noDaemon.strip().equalsIgnoreCase("yes"))) {
            return true;
        }
        String server = env.get("CARO_CLI_SERVER");
        return server != null && (server.strip().equalsIgnoreCase("off") || server.strip().equals("0")
                || server.strip().equalsIgnoreCase("false") || server.strip().equalsIgnoreCase("no"));
    }

    /**
     * Lines the server would decline whatever the settings, told from the arguments alone so that
     * they cost no exchange: running ({@code -x}), explaining, and requests that may offer the
     * menu (standard input and output both terminals, no {@code -q}).
     */
    static boolean neverServed(String[] args, String tty) {
        boolean quiet = false;
        for (String arg : args) {
            if (arg.equals("-x") || arg.equals("--execute") || arg.equals("--explain")) {
                return true;
            }
            quiet |= arg.equals("-q") || arg.equals("--quiet");
        }
        return !args[0].equals("check") && !quiet && tty.contains("in") && tty.contains("out");
    }

    /** The request: protocol, length, then id, arguments, working directory, home, terminal flags, environment. */
    static byte[] request(long id, String[] args, Map<String, String> env, String tty, String cwd, String home) {
        Frames.Writer w = new Frames.Writer();
        w.putInt(Frames.MAGIC);
        w.putInt(Frames.VERSION);
        w.putInt(0); // the body's length, below
        w.putLong(id);
        w.putInt(args.length);
        for (String arg : args) {
            w.putString(arg);
        }
        w.putString(cwd);
        w.putString(home);
        w.putString(tty);
        w.putInt(env.size());
        for (Map.Entry<String, String> e : env.entrySet()) {
            w.putString(e.getKey());
            w.putString(e.getValue());
        }
        w.setInt(8, w.size() - 12);
        return w.bytes();
    }

    /**
     * Sends the line to the server at {@code base} and, when it answers it, prints what it
     * printed, in order.
     *
     * @return the exit code, {@link #NO_SERVER} or {@link #DECLINED}
     */
    static int ask(String base, String[] args, Map<String, String> env, String tty) {
        long id = System.nanoTime() ^ ((long) args.length << 48) ^ System.identityHashCode(env);
        List<byte[]> frames = new ArrayList<>();
        byte[] request = request(id, args, env, tty, System.getProperty("user.dir", ""), System.getProperty("user.home", ""));
        int code = exchange(base, id, request, frames, DEADLINE_MS);
        if (code >= 0) {
            PrintStream out = System.out;
            PrintStream err = System.err;
            for (byte[] f : frames) {
                (f[0] == Frames.OUT ? out : err).write(f, 1, f.length - 1);
            }
        }
        return code;
    }

    /** Whether the server whose files start with {@code base} runs: its pid file names a live process. */
    static boolean running(String base) {
        if (!new File(base + ".in").exists() || !new File(base + ".out").exists()) {
            return false;
        }
        byte[] b = new byte[24];
        int n;
        try (FileInputStream in = new FileInputStream(base + ".pid")) {
            n = in.read(b);
        } catch (IOException e) {
            return false;
        }
        long pid = 0;
        for (int i = 0; i < n && b[i] >= '0' && b[i] <= '9'; i++) {
            pid = pid * 10 + (b[i] - '0');
        }
        if (pid <= 0) {
            return false;
        }
        File proc = new File("/proc/self");
        if (proc.exists()) {
            return new File("/proc/" + pid).exists(); // Linux: no process-handle classes to load
        }
        return ProcessHandle.of(pid).isPresent();
    }

    /**
     * The exchange without printing: the answer's output frames (type byte, then the bytes) go to
     * {@code frames}.
     *
     * @return the exit code, {@link #NO_SERVER} or {@link #DECLINED}
     */
    static int exchange(String base, long id, byte[] request, List<byte[]> frames, long deadlineMs) {
        if (!running(base)) {
            return NO_SERVER;
        }
        if (request.length > Frames.MAX_REQUEST) {
            return DECLINED;
        }
        File busy = new File(base + ".busy");
        try {
            if (!busy.createNewFile()) {
                // Another client talks to the server now; a marker older than any answer was left by a killed one.
                if (System.currentTimeMillis() - busy.lastModified() < 2 * deadlineMs || !busy.delete()
                        || !busy.createNewFile()) {
                    return DECLINED;
                }
            }
        } catch (IOException e) {
            return DECLINED;
        }
        Deadline deadline = null;
        // Read and write (O_RDWR) opens a pipe without waiting for the other end.
        try (RandomAccessFile answers = new RandomAccessFile(base + ".out", "rw");
                RandomAccessFile requests = new RandomAccessFile(base + ".in", "rw")) {
            deadline = new Deadline(answers, id, deadlineMs);
            deadline.start();
            requests.write(request);
            byte[] head = new byte[Frames.HEADER];
            while (true) {
                answers.readFully(head);
                byte type = head[0];
                long frameId = getLong(head, 1);
                int length = getInt(head, 9);
                if (length < 0 || length > Frames.ATOMIC) {
                    return DECLINED; // not a frame of this protocol
                }
                byte[] payload = new byte[length + 1];
                payload[0] = type;
                answers.readFully(payload, 1, length);
                if (frameId != id) {
                    continue; // the rest of an answer to a client that gave up
                }
                if (type == Frames.EXIT && length == 4) {
                    int code = getInt(payload, 1);
                    if (code >= 0) {
                        requests.write(Frames.ack(id)); // the server now writes the line's history
                    }
                    return code < 0 ? DECLINED : code;
                }
                if (type == Frames.OUT || type == Frames.ERR) {
                    frames.add(payload);
                } else {
                    return DECLINED; // Frames.NOT_MINE, our own Frames.GIVE_UP, or anything unknown
                }
            }
        } catch (IOException e) {
            return DECLINED;
        } finally {
            if (deadline != null) {
                deadline.interrupt();
            }
            busy.delete();
        }
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    static long getLong(byte[] b, int at) {
        return (long) getInt(b, at) << 32 | (getInt(b, at + 4) & 0xffffffffL);
    }

    /**
     * Ends the wait for an answer that takes too long: writes {@link Frames#GIVE_UP} with the
     * request's id into the answer pipe, which the waiting read then returns.
     */
    static final class Deadline extends Thread {
        private final RandomAccessFile answers;
        private final long id;
        private final long millis;

        Deadline(RandomAccessFile answers, long id, long millis) {
            super("caro-client-deadline");
            this.answers = answers;
            this.id = id;
            this.millis = millis;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                Thread.sleep(millis);
                answers.write(Frames.frame(Frames.GIVE_UP, id, new byte[0], 0, 0));
            } catch (InterruptedException | IOException e) {
                // answered in time, or the pipe is closed
            }
        }
    }
}
