package dev.caro.cli.plugins;

import static dev.caro.testkit.ScriptedHttpServer.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.SafetyRule;
import dev.caro.cli.plugins.fakes.GlobDeleteRule;
import dev.caro.cli.plugins.fakes.ShoutFormatter;
import dev.caro.cli.plugins.fakes.WrongExampleRule;
import dev.caro.testkit.PluginJarBuilder;
import dev.caro.testkit.ScriptedHttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code caro plugins} end to end: real jars, a real plugins directory, a local HTTP repository. */
class PluginsCommandTest {

    @TempDir
    Path home;

    @TempDir
    Path downloads;

    private Path pluginsDir;
    private StringWriter out;
    private StringWriter err;
    private ScriptedHttpServer server;
    private final Map<String, String> envVars = new HashMap<>();
    private Optional<String> repository = Optional.empty();
    private boolean terminal;
    private String typed = "";

    @BeforeEach
    void setUp() throws IOException {
        pluginsDir = home.resolve("plugins");
        server = new ScriptedHttpServer();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private int caro(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        PluginsEnvironment env = new PluginsEnvironment(envVars,
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true), terminal, pluginsDir, repository);
        return new CommandLine(new PluginsCommand(env)).execute(args);
    }

    private static PluginJarBuilder shout(String version) {
        return PluginJarBuilder.plugin("acme.shout", version).attribute("Plugin-Provider", "Acme")
                .attribute("Plugin-Description", "Shouting output").service(OutputFormatter.class, ShoutFormatter.class);
    }

    private static String sha256(Path file) throws IOException {
        return PluginDownloader.digest("SHA-256", Files.readAllBytes(file));
    }

    private static String sha1(Path file) throws IOException {
        return PluginDownloader.digest("SHA-1", Files.readAllBytes(file));
    }

    @Test
    void listWithoutPluginsSaysHowToInstallOne() {
        assertEquals(0, caro());
        assertEquals("No plugins installed in " + pluginsDir + ".\n"
                + "Install one with: caro plugins install PATH|URL|GROUP:ARTIFACT:VERSION\n", out.toString());
        assertFalse(Files.exists(pluginsDir), "listing creates nothing");
    }

    @Test
    void installsALocalJarAndListsIt() {
        Path jar = shout("1.0.0").build(downloads);
        assertEquals(0, caro("install", jar.toString()));
        Path installed = pluginsDir.resolve("acme.shout-1.0.0.jar");
        assertEquals("acme.shout 1.0.0 by Acme: Shouting output\n"
                + "  provides: 1 formatter; requires caro API " + PluginJarBuilder.defaultRequires() + "\n"
                + "Installed acme.shout 1.0.0 as " + installed + ".\n", out.toString());

        assertEquals(0, caro("list"));
        assertEquals(String.format("%-20s %-10s %-9s %-24s %s%n", "ID", "VERSION", "STATE", "PROVIDES", "PATH")
                + String.format("%-20s %-10s %-9s %-24s %s%n", "acme.shout", "1.0.0", "enabled", "1 formatter", installed),
                out.toString());

        assertEquals(0, caro("--json"));
        assertEquals("{\"id\":\"acme.shout\",\"version\":\"1.0.0\",\"state\":\"enabled\",\"provides\":{\"backends\":[],"
                + "\"rules\":[],\"formatters\":[\"dev.caro.cli.plugins.fakes.ShoutFormatter\"]},\"requires\":\""
                + PluginJarBuilder.defaultRequires() + "\",\"provider\":\"Acme\",\"description\":\"Shouting output\","
                + "\"dependencies\":[],\"path\":\"" + installed + "\",\"problem\":null}\n", out.toString());
    }

    @Test
    void asksOnATerminalAndRespectsNo() {
        Path jar = shout("1.0.0").build(downloads);
        terminal = true;
        typed = "n\n";
        assertEquals(PluginsCommand.EXIT_DECLINED, caro("install", jar.toString()));
        assertTrue(out.toString().endsWith("Install it into " + pluginsDir + "? [y/N] Not installed.\n"), out.toString());
        assertFalse(Files.exists(pluginsDir.resolve("acme.shout-1.0.0.jar")));
        typed = "y\n";
        assertEquals(0, caro("install", jar.toString()));
        assertTrue(Files.exists(pluginsDir.resolve("acme.shout-1.0.0.jar")));
    }

    @Test
    void refusesDowngradesUnlessForced() {
        assertEquals(0, caro("install", shout("2.0.0").build(downloads.resolve("a")).toString()));
        String older = shout("1.0.0").build(downloads.resolve("b")).toString();
        assertEquals(PluginsCommand.EXIT_REJECTED, caro("install", older));
        assertEquals("caro: Plugin 'acme.shout' 2.0.0 is installed and 1.0.0 is older: add --force to downgrade.\n",
                err.toString());
        assertEquals(0, caro("install", "--force", older));
        assertTrue(Files.exists(pluginsDir.resolve("acme.shout-1.0.0.jar")));
        assertFalse(Files.exists(pluginsDir.resolve("acme.shout-2.0.0.jar")));
    }

    @Test
    void rejectsAJarForAnotherApiAndNamesTheCause() {
        Path jar = shout("1.0.0").requires(">=7.0.0").build(downloads);
        assertEquals(PluginsCommand.EXIT_REJECTED, caro("install", jar.toString()));
        assertTrue(err.toString().startsWith("caro: Plugin 'acme.shout' 1.0.0 requires caro API >=7.0.0, but this caro"
                + " provides API "), err.toString());
    }

    @Test
    void rejectsAFileThatIsNotAPlugin() throws IOException {
        Path notAJar = Files.writeString(downloads.resolve("x.jar"), "<html>404</html>");
        assertEquals(PluginsCommand.EXIT_REJECTED, caro("install", notAJar.toString()));
        assertTrue(err.toString().startsWith("caro: x.jar is not a readable jar ("), err.toString());
    }

    @Test
    void installsFromAUrlVerifiedByItsPublishedSha256() throws IOException {
        Path jar = shout("1.0.0").build(downloads);
        server.on("/dl/shout.jar", bytes(200, Files.readAllBytes(jar)))
                .on("/dl/shout.jar.sha256", bytes(200, (sha256(jar) + "  shout.jar\n").getBytes(StandardCharsets.UTF_8)));
        envVars.put(PluginsEnvironment.ALLOW_LOOPBACK_HTTP, "1");
        assertEquals(0, caro("install", server.url() + "/dl/shout.jar"), err.toString());
        assertTrue(Files.exists(pluginsDir.resolve("acme.shout-1.0.0.jar")));
        try (Stream<Path> s = Files.list(pluginsDir)) {
            assertEquals(List.of(".downloads", "acme.shout-1.0.0.jar"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> s = Files.list(pluginsDir.resolve(".downloads"))) {
            assertEquals(0, s.count(), "no download left behind");
        }
    }

    @Test
    void refusesADownloadWhoseChecksumDoesNotMatch() throws IOException {
        Path jar = shout("1.0.0").build(downloads);
        String wrong = "0".repeat(64);
        server.on("/dl/shout.jar", bytes(200, Files.readAllBytes(jar)))
                .on("/dl/shout.jar.sha256", bytes(200, wrong.getBytes(StandardCharsets.UTF_8)));
        envVars.put(PluginsEnvironment.ALLOW_LOOPBACK_HTTP, "1");
        assertEquals(PluginsCommand.EXIT_REJECTED, caro("install", server.url() + "/dl/shout.jar"));
        assertEquals("caro: Checksum mismatch for " + server.url() + "/dl/shout.jar: shout.jar.sha256 says " + wrong
                + ", the download has " + sha256(jar) + ". The file is corrupt or was tampered with; nothing was"
                + " installed.\n", err.toString());
        assertFalse(Files.exists(pluginsDir.resolve("acme.shout-1.0.0.jar")));
    }

    @Test
    void refusesAnUnverifiableDownloadUnlessGivenAChecksum() throws IOException {
        Path jar = shout("1.0.0").build(downloads);
        server.on("/dl/shout.jar", bytes(200, Files.readAllBytes(jar)));
        envVars.put(PluginsEnvironment.ALLOW_LOOPBACK_HTTP, "1");
        assertEquals(PluginsCommand.EXIT_REJECTED, caro("install", server.url() + "/dl/shout.jar"));
        assertEquals("caro: No checksum is published next to " + server.url() + "/dl/shout.jar (.sha256 or .sha1), so"
                + " it cannot be verified: pass --sha256 HEX from a source you trust.\n", err.toString());
        assertEquals(0, caro("install", "--sha256", sha256(jar), server.url() + "/dl/shout.jar"), err.toString());
    }

    @Test
    void refusesPlainHttp() {
        assertEquals(PluginsCommand.EXIT_USAGE, caro("install", server.url() + "/dl/shout.jar"));
        assertEquals("caro: Refusing to download a plugin over http: use an https URL.\n", err.toString());
    }

    @Test
    void installsMavenCoordinatesFromTheConfiguredRepository() throws IOException {
        Path jar = shout("1.2.0").build(downloads);
        String path = "/maven2/dev/acme/acme-shout/1.2.0/acme-shout-1.2.0.jar";
        server.on(path, bytes(200, Files.readAllBytes(jar)))
                .on(path + ".sha1", bytes(200, sha1(jar).getBytes(StandardCharsets.UTF_8)));
        envVars.put(PluginsEnvironment.ALLOW_LOOPBACK_HTTP, "1");
        repository = Optional.of(server.url() + "/maven2/");
        assertEquals(0, caro("install", "dev.acme:acme-shout:1.2.0"), err.toString());
        assertTrue(server.paths().contains(path));
        assertTrue(server.paths().contains(path + ".sha1"));
        assertTrue(Files.exists(pluginsDir.resolve("acme.shout-1.2.0.jar")));
    }

    @Test
    void missingArtifactIsNamed() {
        envVars.put(PluginsEnvironment.ALLOW_LOOPBACK_HTTP, "1");
        repository = Optional.of(server.url() + "/maven2");
        assertEquals(PluginsCommand.EXIT_REJECTED, caro("install", "dev.acme:nothing:9.9.9"));
        assertEquals("caro: Nothing at " + server.url() + "/maven2/dev/acme/nothing/9.9.9/nothing-9.9.9.jar (HTTP 404):"
                + " check the address or the coordinates.\n", err.toString());
    }

    @Test
    void unknownSourceIsAUsageError() {
        assertEquals(PluginsCommand.EXIT_USAGE, caro("install", "no-such-file.jar"));
        assertEquals("caro: 'no-such-file.jar' is not a file, an https URL or GROUP:ARTIFACT:VERSION. Example: caro"
                + " plugins install dev.caro:caro-plugin-ollama:0.1.0\n", err.toString());
    }

    @Test
    void disableEnableInfoAndRemove() {
        caro("install", shout("1.0.0").build(downloads).toString());
        assertEquals(0, caro("disable", "acme.shout"));
        assertEquals("Disabled acme.shout; it stays installed ('caro plugins enable acme.shout' switches it back on).\n",
                out.toString());
        caro("list", "--json");
        assertTrue(out.toString().contains("\"state\":\"disabled\""), out.toString());

        assertEquals(0, caro("enable", "acme.shout"));
        assertEquals("Enabled acme.shout; it loads from the next run on.\n", out.toString());

        assertEquals(0, caro("info", "acme.shout"));
        Path installed = pluginsDir.resolve("acme.shout-1.0.0.jar");
        assertEquals("acme.shout 1.0.0 by Acme\n"
                + "  Shouting output\n"
                + "  state:      enabled\n"
                + "  requires:   caro API " + PluginJarBuilder.defaultRequires() + "\n"
                + "  provides:   1 formatter\n"
                + "    formatter dev.caro.cli.plugins.fakes.ShoutFormatter\n"
                + "  path:       " + installed + "\n", out.toString());

        assertEquals(0, caro("remove", "acme.shout"));
        assertEquals("Removed acme.shout 1.0.0 (" + installed + ").\n", out.toString());
        assertEquals(PluginsCommand.EXIT_USAGE, caro("remove", "acme.shout"));
        assertEquals("caro: No plugin 'acme.shout' is installed; no plugins are installed.\n", err.toString());
    }

    @Test
    void safetyPackIsInstalledOnlyIfItsRulesKeepTheirExamples() {
        Path good = PluginJarBuilder.plugin("acme.rules", "1.0.0").service(SafetyRule.class, GlobDeleteRule.class)
                .build(downloads.resolve("good"));
        assertEquals(0, caro("install", good.toString()), err.toString());
        Path bad = PluginJarBuilder.plugin("acme.rules", "1.1.0")
                .service(SafetyRule.class, GlobDeleteRule.class, WrongExampleRule.class).build(downloads.resolve("bad"));
        assertEquals(PluginsCommand.EXIT_REJECTED, caro("install", bad.toString()));
        assertEquals("caro: Safety pack acme.rules 1.1.0 fails its own checks with this caro; nothing was installed:\n"
                + "  acme.fs.wrong does not flag its own example: rm a.log\n", err.toString());
        assertTrue(Files.exists(pluginsDir.resolve("acme.rules-1.0.0.jar")));
    }

    @Test
    void brokenJarsAreListedWithTheirProblem() throws IOException {
        Files.createDirectories(pluginsDir);
        Files.writeString(pluginsDir.resolve("junk.jar"), "junk");
        assertEquals(0, caro("list"));
        assertTrue(out.toString().contains("junk.jar             -          failed    nothing"), out.toString());
        assertTrue(out.toString().contains("  problem: junk.jar is not a readable jar ("), out.toString());
    }
}
