package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.safety.SafetyRule;
import dev.caro.cli.plugintest.NoCowsayRule;
import dev.caro.cli.plugintest.ShoutBackendProvider;
import dev.caro.testkit.PluginJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real plugin jars in the plugins directory change what the whole CLI does. */
class PluginsEndToEndTest {

    @TempDir
    Path home;

    private CaroRunner caro(Path pluginsDir) {
        return new CaroRunner(home).env("CARO_PLUGINS_DIR", pluginsDir.toString());
    }

    @Test
    void aPluginBackendAndRuleJoinTheBuiltIns() throws Exception {
        Path dir = Files.createDirectories(home.resolve("plugins"));
        PluginJarBuilder.plugin("acme-tools", "1.2.0")
                .service(ModelBackendProvider.class, ShoutBackendProvider.class)
                .service(SafetyRule.class, NoCowsayRule.class)
                .build(dir);
        CaroRunner.Run backends = caro(dir).run("backends");
        assertTrue(backends.out().contains("\nacme.shout       5  yes      ready       echoes the request in capitals\n"), backends.out());
        CaroRunner.Run gen = caro(dir).run("-b", "acme.shout", "hello");
        assertEquals("echo HELLO\n", gen.out(), gen.err());
        CaroRunner.Run check = caro(dir).run("check", "cowsay moo");
        assertEquals(ExitCodes.CHECK_HIGH, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("[acme.no-cowsay @0-10]"), check.out());
    }

    @Test
    void aBrokenSafetyPluginMakesCaroRefuseToRunCommands() throws Exception {
        Path dir = Files.createDirectories(home.resolve("plugins"));
        Path jar = PluginJarBuilder.plugin("acme-rules", "1.0.0").service(SafetyRule.class, NoCowsayRule.class).build(dir);
        PluginJarBuilder.truncate(jar);
        Path marker = home.resolve("ran");
        CaroRunner.Run r = caro(dir).run("-b", "test-echo", "-x", "cmd: touch " + marker);
        assertEquals(ExitCodes.BLOCKED, r.exitCode(), r.err());
        assertFalse(Files.exists(marker), "nothing runs while a safety pack is broken");
        assertTrue(r.err().contains("acme-rules"), r.err());
        CaroRunner.Run check = caro(dir).run("check", "ls");
        assertEquals(ExitCodes.OK, check.exitCode(), "check still judges with the rules that loaded");
    }
}
