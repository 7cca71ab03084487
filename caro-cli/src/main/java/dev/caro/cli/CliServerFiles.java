package dev.caro.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the resident CLI server is started, and where it lives (the parts the client needs are in
 * {@link Launch}, which loads nothing it does not need). Its files are {@code cli-<stamp>.in}
 * and {@code .out} (the pipes, see {@link Frames}), {@code .busy}, {@code .lock}, {@code .pid} and
 * {@code .log} in the model server's run
 * directory ({@code $XDG_RUNTIME_DIR/caro}, else {@code $XDG_CACHE_HOME/caro/run}, else
 * {@code ~/.cache/caro/run}), which must belong to the user and be closed to everyone else (0700):
 * a client sends the server its whole environment. The stamp is a hash of the Java, the class path
 * with each jar's size and modification time, and the locale and time zone variables, so a rebuilt
 * caro, another Java or another locale never talks to an old server.
 */
final class CliServerFiles {

    /** Idle time before the server exits, unless {@code CARO_CLI_SERVER_IDLE} (seconds) says otherwise. */
    static final long DEFAULT_IDLE_SECONDS = 300;
    /**
     * Variables the JVM itself reads at start (how it decodes file names and text, its time zone):
     * the server is started with these of the client's and no others, and they are part of the stamp.
     */
    private static final String[] LOCALE = Launch.LOCALE;

    private CliServerFiles() {}

    /** The run directory for {@code env} (not created). */
    static String directory(Map<String, String> env) {
        return Launch.directory(env);
    }

    /** Where this build's server keeps its files: the run directory and {@code cli-<stamp>}; add the suffix. */
    static String base(Map<String, String> env) {
        return Launch.base(env);
    }

    /** {@link Launch#baseIfPrivate}. */
    static String baseIfPrivate(Map<String, String> env) {
        return Launch.baseIfPrivate(env);
    }

    /** {@link Launch#isPrivate}. */
    static boolean isPrivate(Path dir) {
        return Launch.isPrivate(dir);
    }

    /** {@link Launch#stamp}. */
    static String stamp(Map<String, String> env) {
        return Launch.stamp(env);
    }

    /** Creates the run directory owner-only if it is missing; true when it is (now) private. */
    static boolean preparePrivate(Path dir) {
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            // checked below like any existing directory
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
        return isPrivate(dir);
    }

    /**
     * After caro answered {@code args} in this process: starts the server in the background when
     * it would have answered this line, unless one is running or starting (it holds the lock file
     * for its whole life). Never fails visibly: the user's answer is already printed.
     */
    static void startServerFor(String[] args, Map<String, String> env) {
        try {
            PrintWriter none = new PrintWriter(Writer.nullWriter());
            if (!ServedLines.serves(CliEnvironment.system(none, none), args)) {
                return;
            }
            String base = baseIfPrivate(env);
            if (base == null) {
                return;
            }
            Path dir = Path.of(base).getParent();
            if (!preparePrivate(dir)) {
                return;
            }
            try (FileChannel lockFile = FileChannel.open(Path.of(base + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
                if (lock == null) {
                    return; // a server holds it: running, or starting
                }
                if (!makePipes(base)) {
                    return;
                }
            }
            ProcessBuilder pb = new ProcessBuilder(command(base, idleSeconds(env)))
                    .directory(dir.toFile()) // not the user's directory, which it would keep busy
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(base + ".log")))
                    .redirectErrorStream(true);
            // The server reads no variable of its own (each request brings the client's); only the locale
            // decides how its JVM decodes file names.
            Map<String, String> serverEnv = pb.environment();
            serverEnv.clear();
            for (String name : LOCALE) {
                if (env.get(name) != null) {
                    serverEnv.put(name, env.get(name));
                }
            }
            pb.start();
        } catch (IOException | RuntimeException e) {
            // no server this time; the next call tries again
        }
    }

    /** {@code CARO_CLI_SERVER_IDLE} in seconds, or the default when unset or not a positive number. */
    static long idleSeconds(Map<String, String> env) {
        String v = env.get("CARO_CLI_SERVER_IDLE");
        if (v != null) {
            try {
                long s = Long.parseLong(v.strip());
                if (s > 0) {
                    return s;
                }
            } catch (NumberFormatException e) {
                // the default
            }
        }
        return DEFAULT_IDLE_SECONDS;
    }

    /**
     * Replaces the server's pipes with new ones (mode 0600), so nothing a killed server or client
     * left in them is read. Java cannot make a named pipe, so {@code mkfifo} does, here in the
     * client: the server itself runs no program.
     */
    static boolean makePipes(String base) throws IOException {
        Files.deleteIfExists(Path.of(base + ".in"));
        Files.deleteIfExists(Path.of(base + ".out"));
        Files.deleteIfExists(Path.of(base + ".busy"));
        try {
            Process p = new ProcessBuilder("mkfifo", "-m", "600", base + ".in", base + ".out")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> command(String base, long idleSeconds) {
        List<String> cmd = new ArrayList<>();
        // setsid takes the server out of the terminal's session, so closing the terminal leaves it be.
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                cmd.add(setsid);
                break;
            }
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A long-lived process: full JIT (unlike the launcher's C1 only), a small serial heap, the launcher's stack size.
        cmd.addAll(List.of("-XX:+UseSerialGC", "-Xss4m", "-Xmx256m", "-Dcaro.cliServer=true"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), CliServer.class.getName(), base,
                String.valueOf(idleSeconds)));
        return cmd;
    }
}
