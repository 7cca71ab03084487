package dev.caro.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Puts a command on the clipboard: through a clipboard program when one is installed
 * ({@code wl-copy}, {@code xclip}, {@code xsel}, {@code pbcopy}, {@code clip.exe}) and always with
 * the OSC 52 escape sequence, which terminals that support it (also over SSH) turn into a copy.
 */
final class Clipboard {

    private final CliEnvironment env;

    Clipboard(CliEnvironment env) {
        this.env = env;
    }

    /** The OSC 52 sequence that asks the terminal to copy {@code text}. */
    static String osc52(String text) {
        return "\u001b]52;c;" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\u0007";
    }

    /** Copies {@code text}; returns the message to show. */
    String copy(String text) {
        env.err().print(osc52(text));
        env.err().flush();
        Optional<String> tool = copyWithProgram(text);
        return tool.map(t -> "copied to the clipboard with " + t)
                .orElse("copied with OSC 52 (works in terminals that allow it; install wl-copy or xclip otherwise)");
    }

    private Optional<String> copyWithProgram(String text) {
        for (List<String> argv : candidates()) {
            Optional<Path> exe = Executables.find(argv.get(0), env.env());
            if (exe.isEmpty()) {
                continue;
            }
            List<String> cmd = new ArrayList<>(argv);
            cmd.set(0, exe.get().toString());
            try {
                Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try (OutputStream o = p.getOutputStream()) {
                    o.write(text.getBytes(StandardCharsets.UTF_8));
                }
                // xclip stays alive to serve the selection; not waiting for it is correct.
                if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() == 0) {
                    return Optional.of(argv.get(0));
                }
            } catch (IOException e) {
                // try the next program
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private List<List<String>> candidates() {
        List<List<String>> c = new ArrayList<>();
        if (env.env().containsKey("WAYLAND_DISPLAY")) {
            c.add(List.of("wl-copy"));
        }
        if (env.env().containsKey("DISPLAY")) {
            c.add(List.of("xclip", "-selection", "clipboard"));
            c.add(List.of("xsel", "--clipboard", "--input"));
        }
        c.add(List.of("pbcopy"));
        c.add(List.of("clip.exe"));
        return c;
    }
}
