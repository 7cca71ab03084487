package dev.caro.core.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ids of disabled plugins, one per line in {@code plugins-disabled.txt} inside the plugins
 * directory. Written atomically (temporary file, then rename) so a crash never leaves half a file.
 */
final class PluginStateStore {

    static final String FILE_NAME = "plugins-disabled.txt";

    private final Path file;

    PluginStateStore(Path dir) {
        this.file = dir.resolve(FILE_NAME);
    }

    Set<String> disabled() {
        Set<String> out = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    out.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            // An unreadable state file must not stop caro; everything counts as enabled.
            PluginLog.print("warn", "cannot read " + file + ": " + e.getMessage(), null);
        }
        return out;
    }

    void setDisabled(String id, boolean disabled) throws IOException {
        Set<String> ids = disabled();
        boolean changed = disabled ? ids.add(id) : ids.remove(id);
        if (changed) {
            write(ids);
        }
    }

    private void write(Set<String> ids) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder("# Plugins switched off with 'caro plugins disable'. One id per line.\n");
        ids.forEach(id -> text.append(id).append('\n'));
        Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
