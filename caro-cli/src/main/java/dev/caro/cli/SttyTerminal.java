package dev.caro.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The controlling terminal, switched with {@code stty < /dev/tty}: no native code and nothing to
 * load until a question is actually asked. The saved mode is restored when a question ends, and by
 * a shutdown hook if caro is killed while asking.
 */
final class SttyTerminal implements TerminalModes {

    private static final File TTY = new File("/dev/tty");

    @Override
    public Restore raw() {
        Optional<String> saved = stty("-g");
        if (saved.isEmpty() || saved.get().isBlank()) {
            return () -> {};
        }
        String mode = saved.get().strip();
        Thread hook = new Thread(() -> stty(mode));
        Runtime.getRuntime().addShutdownHook(hook);
        stty("-icanon", "-echo", "-isig", "min", "1", "time", "0");
        return () -> {
            stty(mode);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down; the hook restores the mode
            }
        };
    }

    @Override
    public int width() {
        Optional<String> size = stty("size");
        if (size.isPresent()) {
            String[] parts = size.get().strip().split("\\s+");
            if (parts.length == 2 && parts[1].matches("\\d{1,4}")) {
                return Integer.parseInt(parts[1]);
            }
        }
        return 0;
    }

    private static Optional<String> stty(String... args) {
        if (!TTY.exists()) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add("stty");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
