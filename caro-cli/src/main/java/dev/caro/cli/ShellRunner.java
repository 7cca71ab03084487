package dev.caro.cli;

import dev.caro.api.context.ShellKind;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Runs a command in the target shell with the terminal handed over, returning its exit code. */
final class ShellRunner {

    private ShellRunner() {}

    /** The program and arguments that run {@code command} in {@code shell}. */
    static List<String> argv(ShellKind shell, String command) {
        return argv(shell, command, Map.of());
    }

    /** As {@link #argv(ShellKind, String)}; PowerShell is {@code pwsh} when on the PATH, else Windows PowerShell. */
    static List<String> argv(ShellKind shell, String command, Map<String, String> env) {
        return switch (shell) {
            case BASH -> List.of("bash", "-c", command);
            case ZSH -> List.of("zsh", "-c", command);
            case FISH -> List.of("fish", "-c", command);
            case POWERSHELL -> List.of(powershell(env), "-NoProfile", "-Command", command);
            case CMD -> List.of("cmd.exe", "/c", command);
            case SH -> List.of("sh", "-c", command);
        };
    }

    private static String powershell(Map<String, String> env) {
        if (env.isEmpty() || Executables.find("pwsh", env).isPresent() || Executables.find("pwsh.exe", env).isPresent()) {
            return "pwsh";
        }
        return "powershell";
    }

    /**
     * Runs it. In the real process the child inherits caro's standard streams, so interactive
     * programs work, and caro ignores Ctrl-C while it runs, so Ctrl-C stops the child and caro
     * reports its exit code (130). In-process (tests, embedding) its output is copied to the
     * environment's writers.
     */
    static int run(ShellKind shell, String command, String cwd, CliEnvironment env) throws IOException, InterruptedException {
        List<String> argv = argv(shell, command, env.env());
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.directory(new java.io.File(cwd));
        if (env.inheritIo()) {
            pb.inheritIO();
            env.out().flush();
            env.err().flush();
            try (InterruptShield shield = InterruptShield.ignoreInterrupts()) {
                Process p = start(pb, argv);
                try {
                    return p.waitFor();
                } catch (InterruptedException e) {
                    p.destroy();
                    throw e;
                }
            }
        }
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = start(pb, argv);
        try {
            p.getOutputStream().close();
            Thread errCopy = new Thread(() -> copy(p.getErrorStream(), env.err()));
            errCopy.start();
            copy(p.getInputStream(), env.out());
            errCopy.join();
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            throw e;
        }
    }

    private static Process start(ProcessBuilder pb, List<String> argv) throws IOException {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UsageException("cannot start " + argv.get(0) + " to run the command (" + e.getMessage()
                    + "); install it or choose another shell with --shell");
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
