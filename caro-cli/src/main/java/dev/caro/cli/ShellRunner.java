package dev.caro.cli;

import dev.caro.api.context.ShellKind;
import java.io.IOException;
import java.util.List;

/** Runs a command in the target shell with the terminal handed over, returning its exit code. */
final class ShellRunner {

    private ShellRunner() {}

    /** The program and arguments that run {@code command} in {@code shell}. */
    static List<String> argv(ShellKind shell, String command) {
        return switch (shell) {
            case BASH -> List.of("bash", "-c", command);
            case ZSH -> List.of("zsh", "-c", command);
            case FISH -> List.of("fish", "-c", command);
            case POWERSHELL -> List.of("pwsh", "-NoProfile", "-Command", command);
            case CMD -> List.of("cmd.exe", "/c", command);
            case SH -> List.of("sh", "-c", command);
        };
    }

    /**
     * Runs it. In the real process the child inherits caro's standard streams, so interactive
     * programs work and Ctrl-C reaches it; in-process (tests, embedding) its output is copied to
     * the environment's writers.
     */
    static int run(ShellKind shell, String command, String cwd, CliEnvironment env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv(shell, command));
        pb.directory(new java.io.File(cwd));
        if (env.inheritIo()) {
            pb.inheritIO();
        } else {
            pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        }
        Process p = pb.start();
        try {
            if (!env.inheritIo()) {
                p.getOutputStream().close();
                Thread errCopy = new Thread(() -> copy(p.getErrorStream(), env.err()));
                errCopy.start();
                copy(p.getInputStream(), env.out());
                errCopy.join();
            }
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            throw e;
        }
    }

    private static void copy(java.io.InputStream in, java.io.PrintWriter out) {
        try (var r = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
            out.flush();
        } catch (IOException e) {
            // the child went away; nothing more to copy
        }
    }
}
