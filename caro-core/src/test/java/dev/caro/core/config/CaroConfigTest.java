package dev.caro.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaroConfigTest {

    private static final Path FILE = Path.of("/home/ana/.config/caro/config.toml");

    @Test
    void readsTopLevelKeysAndBackendTables() {
        CaroConfig c = CaroConfig.parse(FILE, """
                # my settings
                backend = "ollama"   # the local server
                safety = 'strict'
                timeout = 30
                history = false

                [backends.ollama]
                host = "http://127.0.0.1:11434"
                model = "qwen2.5-coder:1.5b"

                [plugins]
                repository = "https://repo.example.org/maven2"
                """);
        assertEquals("ollama", c.get(ConfigKey.BACKEND).orElseThrow());
        assertEquals("strict", c.get(ConfigKey.SAFETY).orElseThrow());
        assertEquals("30", c.get(ConfigKey.TIMEOUT).orElseThrow());
        assertEquals("false", c.get(ConfigKey.HISTORY).orElseThrow());
        assertEquals(Map.of("host", "http://127.0.0.1:11434", "model", "qwen2.5-coder:1.5b"), c.backendSettings("ollama"));
        assertEquals("https://repo.example.org/maven2", c.get("plugins.repository").orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            safety = "careful"                 | /home/ana/.config/caro/config.toml:1: invalid value for 'safety': must be one of strict, moderate, permissive
            colour = "red"                     | /home/ana/.config/caro/config.toml:1: unknown key 'colour'; valid keys: backend, model, safety, output, shell, timeout, history, and [backends.ID] and [plugins] tables
            backend = ollama                   | /home/ana/.config/caro/config.toml:1: invalid value for 'backend': ollama (strings need quotes)
            backend = "ollama                  | /home/ana/.config/caro/config.toml:1: unterminated string in 'backend'
            timeout = "soon"                   | /home/ana/.config/caro/config.toml:1: invalid value for 'timeout': must be a whole number of seconds, e.g. 60
            shell = "tcsh"                     | /home/ana/.config/caro/config.toml:1: invalid value for 'shell': must be one of sh, bash, zsh, fish, powershell, cmd
            [backends                          | /home/ana/.config/caro/config.toml:1: table header is missing its closing ']'
            just some words                    | /home/ana/.config/caro/config.toml:1: expected 'key = value' but found 'just some words'
            """)
    void rejectsInvalidFilesNamingFileLineAndKey(String text, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> CaroConfig.parse(FILE, text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void reportsTheLineOfTheOffendingKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> CaroConfig.parse(FILE, """
                backend = "offline"

                [plugins]
                mirror = "x"
                """));
        assertEquals("/home/ana/.config/caro/config.toml:4: unknown key 'plugins.mirror'; the [plugins] table accepts: repository",
                e.getMessage());
    }

    @Test
    void duplicateKeysAreAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> CaroConfig.parse(FILE, "model = \"a\"\nmodel = \"b\"\n"));
        assertEquals("/home/ana/.config/caro/config.toml:2: key 'model' is defined twice (first on line 1)", e.getMessage());
    }

    @Test
    void missingFileIsEmpty(@TempDir Path dir) {
        CaroConfig c = CaroConfig.load(dir.resolve("config.toml"));
        assertTrue(c.all().isEmpty());
    }

    @Test
    void invalidUtf8IsReported(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("config.toml");
        Files.write(f, new byte[] {'m', '=', (byte) 0xff, (byte) 0xfe});
        ConfigException e = assertThrows(ConfigException.class, () -> CaroConfig.load(f));
        assertEquals(f + ": not valid UTF-8 text; fix or delete the file", e.getMessage());
    }

    @Test
    void escapesAndArraysParse() {
        CaroConfig c = CaroConfig.parse(FILE, """
                [backends.openai]
                key = "a\\"b\\\\c\\u0041"
                stop = ["a", 'b', 3]
                """);
        assertEquals("a\"b\\cA", c.backendSettings("openai").get("key"));
        assertEquals("[a, b, 3]", c.backendSettings("openai").get("stop"));
    }
}
