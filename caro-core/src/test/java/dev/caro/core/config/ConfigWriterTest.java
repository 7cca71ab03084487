package dev.caro.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWriterTest {

    @TempDir
    Path dir;

    @Test
    void createsTheFileAndItsDirectory() throws Exception {
        Path f = dir.resolve("caro/config.toml");
        ConfigWriter.set(f, "safety", "strict");
        assertEquals("safety = \"strict\"\n", Files.readString(f));
    }

    @Test
    void replacesAKeyInPlaceKeepingComments() throws Exception {
        Path f = dir.resolve("config.toml");
        Files.writeString(f, """
                # caro settings
                safety = "moderate"  # default
                [backends.ollama]
                host = "http://a"
                """);
        ConfigWriter.set(f, "safety", "strict");
        ConfigWriter.set(f, "backend", "ollama");
        ConfigWriter.set(f, "backends.ollama.host", "http://b");
        ConfigWriter.set(f, "backends.openai.key", "k");
        ConfigWriter.set(f, "timeout", "90");
        assertEquals("""
                # caro settings
                safety = "strict"
                backend = "ollama"
                timeout = 90
                [backends.ollama]
                host = "http://b"

                [backends.openai]
                key = "k"
                """, Files.readString(f));
    }

    @Test
    void refusesInvalidValuesAndLeavesTheFileAlone() throws Exception {
        Path f = dir.resolve("config.toml");
        Files.writeString(f, "safety = \"moderate\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigWriter.set(f, "safety", "yolo"));
        assertEquals(f + ":1: invalid value for 'safety': must be one of strict, moderate, permissive", e.getMessage());
        assertEquals("safety = \"moderate\"\n", Files.readString(f));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(ConfigWriter.lockFile(f), f), files.sorted().toList(),
                    "no temporary file is left behind, only the lock file");
        }
    }
}
