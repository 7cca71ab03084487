package dev.caro.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private final CaroConfig config = CaroConfig.parse(Path.of("c.toml"), "backend = \"llamacpp\"\nsafety = \"strict\"\nshell = \"zsh\"\n");

    @Test
    void flagBeatsEnvironmentBeatsConfig() {
        Settings s = Settings.resolve(Map.of(ConfigKey.BACKEND, "offline"),
                Map.of("CARO_BACKEND", "ollama", "CARO_SAFETY", "permissive"), config);
        assertEquals(new Settings.Value("offline", Settings.Source.FLAG), s.value(ConfigKey.BACKEND).orElseThrow());
        assertEquals(new Settings.Value("permissive", Settings.Source.ENVIRONMENT), s.value(ConfigKey.SAFETY).orElseThrow());
        assertEquals(new Settings.Value("zsh", Settings.Source.CONFIG_FILE), s.value(ConfigKey.SHELL).orElseThrow());
        assertEquals(java.util.Optional.empty(), s.value(ConfigKey.MODEL));
    }

    @Test
    void invalidEnvironmentValueNamesTheVariable() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.resolve(Map.of(), Map.of("CARO_SAFETY", "loose"), config));
        assertEquals("invalid value in environment variable CARO_SAFETY: must be one of strict, moderate, permissive", e.getMessage());
    }

    @Test
    void pathsFollowXdgAndOverrides() {
        Path home = Path.of("/home/ana");
        CaroPaths d = CaroPaths.from(Map.of(), home);
        assertEquals(Path.of("/home/ana/.config/caro/config.toml"), d.configFile());
        assertEquals(Path.of("/home/ana/.cache/caro"), d.cacheDir());
        assertEquals(Path.of("/home/ana/.local/share/caro/plugins"), d.pluginsDir());
        assertEquals(Path.of("/home/ana/.local/state/caro"), d.stateDir());
        CaroPaths x = CaroPaths.from(Map.of("XDG_CONFIG_HOME", "/x/conf", "XDG_CACHE_HOME", "relative/ignored",
                "CARO_PLUGINS_DIR", "/p"), home);
        assertEquals(Path.of("/x/conf/caro/config.toml"), x.configFile());
        assertEquals(Path.of("/home/ana/.cache/caro"), x.cacheDir());
        assertEquals(Path.of("/p"), x.pluginsDir());
    }
}
