package dev.caro.core.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The contents of config.toml, validated. Top-level keys are the {@link ConfigKey}s;
 * {@code [backends.ID]} tables hold settings for one backend; {@code [plugins]} holds
 * {@code repository} (a Maven repository URL for {@code caro plugins install}).
 */
public final class CaroConfig {

    private final Path file;
    private final Map<String, TomlParser.Entry> entries;

    private CaroConfig(Path file, Map<String, TomlParser.Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** An empty configuration (no file). */
    public static CaroConfig empty(Path file) {
        return new CaroConfig(file, Map.of());
    }

    /**
     * Reads and validates {@code file}; a missing file is an empty configuration.
     *
     * @throws ConfigException naming the file, line and key when it is invalid or unreadable
     */
    public static CaroConfig load(Path file) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            return empty(file);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not valid UTF-8 text; fix or delete the file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the configuration file (" + e.getMessage() + ")", e);
        }
        return parse(file, text);
    }

    /** Parses and validates {@code text} as the contents of {@code file}. */
    public static CaroConfig parse(Path file, String text) {
        Map<String, TomlParser.Entry> entries = new TomlParser(file.toString()).parse(text);
        for (TomlParser.Entry e : entries.values()) {
            validate(file, e);
        }
        return new CaroConfig(file, entries);
    }

    private static void validate(Path file, TomlParser.Entry e) {
        String key = e.key();
        String where = file + ":" + e.line() + ": ";
        if (key.startsWith("backends.")) {
            if (key.split("\\.").length < 3) {
                throw new ConfigException(where + "'" + key + "' must be a table of settings, e.g. [backends.ollama] host = \"...\"");
            }
            return;
        }
        if (key.startsWith("plugins.")) {
            if (!key.equals("plugins.repository")) {
                throw new ConfigException(where + "unknown key '" + key + "'; the [plugins] table accepts: repository");
            }
            return;
        }
        Optional<ConfigKey> known = ConfigKey.of(key);
        if (known.isEmpty()) {
            throw new ConfigException(where + "unknown key '" + key + "'; valid keys: " + ConfigKey.names()
                    + ", and [backends.ID] and [plugins] tables");
        }
        if (e.value() instanceof List) {
            throw new ConfigException(where + "'" + key + "' must be a single value, not an array");
        }
        known.get().problem(String.valueOf(e.value())).ifPresent(p -> {
            throw new ConfigException(where + "invalid value for '" + key + "': " + p);
        });
    }

    public Path file() {
        return file;
    }

    /** The value of a dotted key as text, if set. */
    public Optional<String> get(String key) {
        TomlParser.Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(String.valueOf(e.value()));
    }

    public Optional<String> get(ConfigKey key) {
        return get(key.key());
    }

    /** The settings of {@code [backends.<id>]}, keyed by their name inside the table. */
    public Map<String, String> backendSettings(String backendId) {
        Map<String, String> out = new LinkedHashMap<>();
        String prefix = "backends." + backendId + ".";
        for (TomlParser.Entry e : entries.values()) {
            if (e.key().startsWith(prefix)) {
                out.put(e.key().substring(prefix.length()), String.valueOf(e.value()));
            }
        }
        return out;
    }

    /** Every key and value, sorted, for {@code caro config show}. */
    public Map<String, String> all() {
        Map<String, String> out = new TreeMap<>();
        entries.values().forEach(e -> out.put(e.key(), String.valueOf(e.value())));
        return out;
    }
}
