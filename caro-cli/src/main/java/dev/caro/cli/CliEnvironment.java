package dev.caro.cli;

import dev.caro.core.config.CaroPaths;
import dev.caro.core.context.ContextDetector;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the commands take from the outside world, so tests can run caro in-process with
 * their own streams, environment and terminal flags.
 *
 * @param env environment variables
 * @param in standard input
 * @param out standard output
 * @param err standard error
 * @param stdinTerminal whether standard input is a terminal
 * @param stdoutTerminal whether standard output is a terminal
 * @param detector how the execution context is detected
 * @param paths caro's directories
 * @param inheritIo whether executed commands use caro's own standard streams (the real process)
 * @param stderrTerminal whether standard error is a terminal (spinners and progress bars go there)
 * @param terminal switches the terminal to raw input for one-key questions
 */
public record CliEnvironment(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err,
        boolean stdinTerminal, boolean stdoutTerminal, ContextDetector detector, CaroPaths paths, boolean inheritIo,
        boolean stderrTerminal, TerminalModes terminal) {

    /** An environment whose standard error is not a terminal and whose terminal cannot be switched. */
    public CliEnvironment(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err,
            boolean stdinTerminal, boolean stdoutTerminal, ContextDetector detector, CaroPaths paths, boolean inheritIo) {
        this(env, in, out, err, stdinTerminal, stdoutTerminal, detector, paths, inheritIo, false, TerminalModes.NONE);
    }

    /** The real process: terminal flags come from the launcher ({@code -Dcaro.tty=in,out,err}). */
    public static CliEnvironment system(PrintWriter out, PrintWriter err) {
        return of(System.getenv(), System.getProperty("caro.tty"), ContextDetector.current(), System.getProperty("user.home"),
                System.in, out, err, true, new SttyTerminal());
    }

    /**
     * A client's process as the resident CLI server sees it ({@link CliServer}): its variables,
     * working directory, home and terminal flags, never the server's own; no standard input (the
     * server answers no line that reads it) and no terminal to switch.
     *
     * @param tty the client's {@code -Dcaro.tty}
     * @param userDir the client's working directory ({@code user.dir})
     * @param userHome the client's {@code user.home}
     */
    static CliEnvironment forClient(Map<String, String> env, String tty, String userDir, String userHome,
            PrintWriter out, PrintWriter err) {
        Map<String, String> props = Map.of(
                "os.name", System.getProperty("os.name", ""),
                "os.version", System.getProperty("os.version", ""),
                "os.arch", System.getProperty("os.arch", ""),
                "user.dir", userDir,
                "user.home", userHome,
                "user.name", System.getProperty("user.name", "")); // the same user: the socket is owner-only
        ContextDetector detector = new ContextDetector(env, props, Path.of("/etc/os-release"));
        return of(env, tty, detector, userHome, new ByteArrayInputStream(new byte[0]), out, err, false, TerminalModes.NONE);
    }

    private static CliEnvironment of(Map<String, String> env, String tty, ContextDetector detector, String userHome,
            InputStream stdin, PrintWriter out, PrintWriter err, boolean inheritIo, TerminalModes terminal) {
        boolean in;
        boolean outTty;
        boolean errTty;
        if (tty != null) {
            in = tty.contains("in");
            outTty = tty.contains("out");
            errTty = tty.contains("err");
        } else {
            in = System.console() != null;
            outTty = in;
            errTty = in;
        }
        // $HOME wins over the JVM's user.home (taken from the password database), as in other tools.
        String homeVar = env.get("HOME");
        Path home = homeVar != null && !homeVar.isBlank() && Path.of(homeVar).isAbsolute()
                ? Path.of(homeVar) : Path.of(userHome);
        return new CliEnvironment(env, stdin, out, err, in, outTty, detector, CaroPaths.from(env, home), inheritIo, errTty,
                terminal);
    }

    /** Whether colors may be used on standard output. */
    public boolean color() {
        return stdoutTerminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }

    /** Whether colors may be used on standard error. */
    public boolean errColor() {
        return stderrTerminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }

    /** Whether a person is at a terminal on both ends, so caro may offer the menu. */
    public boolean interactive() {
        return stdinTerminal && stdoutTerminal;
    }
}
