package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @TempDir
    Path home;

    @Test
    void setGetShowAndPath() throws Exception {
        CaroRunner caro = new CaroRunner(home).env("CARO_BACKEND", "offline");
        assertEquals(home.resolve(".config/caro/config.toml") + "\n", caro.run("config", "path").out());
        CaroRunner.Run set = caro.run("config", "set", "safety", "strict");
        assertEquals(0, set.exitCode(), set.err());
        assertEquals("set safety = strict in " + caro.configFile() + "\n", set.err());
        assertEquals("safety = \"strict\"\n", Files.readString(caro.configFile()));
        assertEquals("strict\n", caro.run("config", "get", "safety").out());
        assertEquals("offline\n", caro.run("config", "get", "backend").out(), "the environment beats the file");
        CaroRunner.Run show = caro.run("config");
        assertTrue(show.out().contains("backend  = \"offline\"                # from CARO_BACKEND\n"), show.out());
        assertTrue(show.out().contains("safety   = \"strict\"                 # from config file\n"), show.out());
        CaroRunner.Run unset = caro.run("config", "get", "model");
        assertEquals(1, unset.exitCode());
        assertEquals("caro: 'model' is not set\n", unset.err());
    }

    @Test
    void setRejectsBadValuesWithTheReason() {
        CaroRunner caro = new CaroRunner(home);
        CaroRunner.Run r = caro.run("config", "set", "shell", "tcsh");
        assertEquals(ExitCodes.CONFIG, r.exitCode());
        assertEquals("caro: " + caro.configFile() + ":1: invalid value for 'shell': must be one of sh, bash, zsh, fish, powershell, cmd\n",
                r.err());
        assertEquals(ExitCodes.USAGE, caro.run("config", "get", "colour").exitCode());
    }
}
