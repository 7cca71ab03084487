package dev.caro.core.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Changes one key of config.toml in place, keeping comments and the other lines, and replaces the
 * file atomically so a crash never leaves it half-written. Concurrent writers, in this process or
 * others, take turns on a lock file, so none loses another's change.
 */
public final class ConfigWriter {

    private ConfigWriter() {}

    /**
     * Sets {@code key} (a top-level key or {@code backends.ID.name} / {@code plugins.repository})
     * to {@code value}, validating the result before anything is written.
     *
     * @throws ConfigException when the key or value is invalid or the file cannot be written
     */
    public static void set(Path file, String key, String value) {
        // Two `caro config set` runs each read the file, change their key and write it back; without
        // one lock around all three steps the last writer drops the other's key. The config file is
        // replaced by a move, so the lock is a file of its own beside it. A JVM cannot take the same
        // file lock twice, hence the monitor.
        synchronized (ConfigWriter.class) {
            Path lockFile = lockFile(file);
            try {
                Files.createDirectories(lockFile.getParent());
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot write the configuration file (" + e.getMessage() + ")", e);
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                setLocked(file, key, value);
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot lock the configuration file (" + e.getMessage() + ")", e);
            }
        }
    }

    /** {@code .config.toml.lock} beside {@code file}; it stays, since deleting a lock file races with its next user. */
    public static Path lockFile(Path file) {
        return file.toAbsolutePath().resolveSibling("." + file.getFileName() + ".lock");
    }

    private static void setLocked(Path file, String key, String value) {
        List<String> lines = new ArrayList<>();
        if (Files.exists(file)) {
            CaroConfig.load(file); // refuse to edit a file that is already broken
            try {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot read the configuration file (" + e.getMessage() + ")", e);
            }
        }
        String table = "";
        String name = key;
        int dot = key.lastIndexOf('.');
        if (dot > 0) {
            table = key.substring(0, dot);
            name = key.substring(dot + 1);
        }
        String rendered = name + " = " + quote(value);
        apply(lines, table, name, rendered);
        String text = String.join("\n", lines) + "\n";
        CaroConfig.parse(file, text); // validates key and value; throws with file and line
        writeAtomically(file, text);
    }

    private static void apply(List<String> lines, String table, String name, String rendered) {
        Pattern keyLine = Pattern.compile("^\\s*" + Pattern.quote(name) + "\\s*=.*");
        String current = "";
        int tableEnd = -1;  // index after the last line of the target table
        boolean inTable = table.isEmpty();
        if (inTable) {
            tableEnd = 0;
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("[")) {
                current = l.replaceAll("^\\[\\s*|\\s*]$", "");
                inTable = current.equals(table);
                if (table.isEmpty() && tableEnd < 0) {
                    tableEnd = i;
                }
                continue;
            }
            if (inTable) {
                if (keyLine.matcher(lines.get(i)).matches()) {
                    lines.set(i, rendered);
                    return;
                }
                if (!l.isEmpty()) {
                    tableEnd = i + 1;
                }
            }
        }
        if (table.isEmpty()) {
            int firstHeader = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith("[")) {
                    firstHeader = i;
                    break;
                }
            }
            lines.add(firstHeader < 0 ? lines.size() : firstHeader, rendered);
        } else if (tableEnd >= 0) {
            lines.add(tableEnd, rendered);
        } else {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("[" + table + "]");
            lines.add(rendered);
        }
    }

    private static String quote(String value) {
        if (value.equals("true") || value.equals("false") || value.matches("-?\\d{1,18}")) {
            return value;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                default: sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Writes {@code text} to a temporary file beside {@code file}, then moves it into place. */
    public static void writeAtomically(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
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
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot write the configuration file (" + e.getMessage() + ")", e);
        }
    }
}
