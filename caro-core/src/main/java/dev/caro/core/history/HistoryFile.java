package dev.caro.core.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The history file, {@code history.jsonl}. Each entry is appended as one line under an exclusive
 * file lock, so concurrent caro processes never interleave their lines.
 */
public final class HistoryFile {

    /** The file name inside caro's state directory. */
    public static final String FILE_NAME = "history.jsonl";

    private final Path file;

    public HistoryFile(Path file) {
        this.file = file;
    }

    /** The history file in {@code stateDir}. */
    public static HistoryFile in(Path stateDir) {
        return new HistoryFile(stateDir.resolve(FILE_NAME));
    }

    public Path path() {
        return file;
    }

    /** Appends one entry, creating the directory and file (readable by the owner only) as needed. */
    public void append(HistoryEntry entry) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] line = (entry.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
        // The file lock keeps other processes out; it cannot be taken twice in one JVM, hence the monitor.
        synchronized (HistoryFile.class) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
                    FileLock lock = ch.lock()) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
        restrictToOwner();
    }

    /** The last {@code n} entries, oldest first; lines that are not entries are skipped. */
    public List<HistoryEntry> last(int n) throws IOException {
        Deque<HistoryEntry> tail = new ArrayDeque<>();
        // InputStreamReader replaces malformed bytes, so one damaged line cannot hide the rest.
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                Optional<HistoryEntry> e = HistoryEntry.parse(l);
                if (e.isPresent()) {
                    tail.addLast(e.get());
                    if (tail.size() > n) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return new ArrayList<>(tail);
    }

    private void restrictToOwner() {
        // Prompts and commands can be private; keep the file to its owner where POSIX permissions exist.
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system, or not ours to change: leave it
        }
    }
}
