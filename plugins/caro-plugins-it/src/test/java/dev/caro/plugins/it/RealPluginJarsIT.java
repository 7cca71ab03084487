package dev.caro.plugins.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static dev.caro.testkit.ScriptedHttpServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.ChatMessage;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.SafetyRule;
import dev.caro.core.plugin.LoadedPlugins;
import dev.caro.core.plugin.PluginHost;
import dev.caro.core.plugin.PluginInfo;
import dev.caro.core.plugin.PluginStatus;
import dev.caro.core.safety.SafetyEngine;
import dev.caro.testkit.PluginJarBuilder;
import dev.caro.testkit.ScriptedHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugins as users get them: the packaged jars, installed and loaded by the real host. */
class RealPluginJarsIT {

    private static final Path JARS = Path.of(System.getProperty("caro.it.pluginJars", "target/plugin-jars"));

    @TempDir
    Path pluginsDir;

    private PluginHost host;

    @BeforeEach
    void install() throws Exception {
        host = PluginHost.open(pluginsDir, Set.of("caro.offline", "plain", "json", "yaml"));
        for (Path jar : jars()) {
            host.install(jar, false);
        }
    }

    @AfterEach
    void close() {
        host.close();
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> jars() throws IOException {
        try (Stream<Path> s = Files.list(JARS)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    @Test
    void theFourPluginJarsAreSmallSelfContainedAndCarryTheirDescriptors() throws IOException {
        List<Path> jars = jars();
        assertEquals(List.of("caro-plugin-format-markdown-0.1.0.jar", "caro-plugin-ollama-0.1.0.jar",
                "caro-plugin-openai-0.1.0.jar", "caro-plugin-safety-extra-0.1.0.jar"),
                jars.stream().map(p -> p.getFileName().toString()).toList());
        for (Path jar : jars) {
            assertTrue(Files.size(jar) < 100_000, jar + " is " + Files.size(jar) + " bytes");
            try (JarFile jf = new JarFile(jar.toFile())) {
                assertFalse(jf.stream().anyMatch(e -> e.getName().startsWith("dev/caro/api/")), jar + " bundles the API");
                assertEquals(">=1.0.0 & <2.0.0", jf.getManifest().getMainAttributes().getValue("Plugin-Requires"));
            }
        }
    }

    @Test
    void pluginsDependOnlyOnTheApiAndTheJdk() throws IOException {
        List<JarFile> files = new java.util.ArrayList<>();
        for (Path jar : jars()) {
            files.add(new JarFile(jar.toFile()));
        }
        JavaClasses shipped = new ClassFileImporter().importJars(files);
        for (JarFile f : files) {
            f.close();
        }
        assertTrue(shipped.size() > 10, "imported " + shipped.size() + " classes");
        classes().that().resideInAPackage("dev.caro.plugins..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.caro.api..", "dev.caro.plugins..", "java..")
                .check(shipped);
    }

    @Test
    void allLoadWithoutProblems() {
        LoadedPlugins loaded = host.load();
        assertEquals(List.of(), loaded.problems());
        assertEquals(List.of("format-markdown 0.1.0 started 1 formatter", "ollama 0.1.0 started 1 backend",
                "openai 0.1.0 started 1 backend", "safety-extra 0.1.0 started 5 safety rules"),
                loaded.plugins().stream().map(p -> p.id() + " " + p.version() + " " + p.status().id() + " "
                        + p.provides().summary()).toList());
        assertEquals(List.of("ollama", "openai"), loaded.backends().stream().map(ModelBackendProvider::id).sorted().toList());
        assertEquals(List.of("markdown"), loaded.formatters().stream().map(OutputFormatter::id).toList());
        assertFalse(loaded.safetyPluginFailed());
    }

    @Test
    void ollamaFromItsJarTalksToAServer() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            server.on("/api/chat", json(200,
                    "{\"message\":{\"role\":\"assistant\",\"content\":\"ls -la\"},\"done\":true}"));
            ModelBackendProvider ollama = host.load().backends().stream().filter(b -> b.id().equals("ollama"))
                    .findFirst().orElseThrow();
            BackendEnvironment env = new BackendEnvironment(Map.of("host", server.url(), "stream", "false"), Map.of(),
                    Optional.empty(), pluginsDir, pluginsDir, null);
            try (ModelBackend b = ollama.create(env)) {
                assertEquals("ls -la", b.generate(new GenerationRequest("list", ExecutionContext.linux("/w", "/h"),
                        List.of(ChatMessage.user("list")), 1, Duration.ofSeconds(5))).rawText());
            }
        }
    }

    @Test
    void openAiFromItsJarTalksToAServer() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer()) {
            server.on("/v1/chat/completions", json(200, "{\"choices\":[{\"index\":0,\"message\":{\"role\":"
                    + "\"assistant\",\"content\":\"df -h\"},\"finish_reason\":\"stop\"}]}"));
            ModelBackendProvider openai = host.load().backends().stream().filter(b -> b.id().equals("openai"))
                    .findFirst().orElseThrow();
            BackendEnvironment env = new BackendEnvironment(Map.of("base_url", server.url(), "model", "m"), Map.of(),
                    Optional.empty(), pluginsDir, pluginsDir, null);
            try (ModelBackend b = openai.create(env)) {
                assertEquals("df -h", b.generate(new GenerationRequest("disk", ExecutionContext.linux("/w", "/h"),
                        List.of(ChatMessage.user("disk")), 1, Duration.ofSeconds(5))).rawText());
            }
        }
    }

    @Test
    void safetyPackFromItsJarJudgesCommands() {
        List<SafetyRule> rules = host.load().rules();
        Assessment a = new SafetyEngine(rules).assess("helm uninstall payments -n billing",
                ExecutionContext.linux("/home/u", "/home/u"));
        assertEquals(RiskLevel.HIGH, a.risk());
        assertEquals("extra.k8s.helm-uninstall", a.findings().get(0).ruleId());
    }

    @Test
    void markdownFormatterFromItsJarRenders() {
        OutputFormatter md = host.load().formatters().get(0);
        String text = md.renderChecks(List.of(), FormatOptions.pipe());
        assertEquals("", text);
    }

    @Test
    void aDamagedSafetyPackFailsClosedAndTheOtherPluginsStillLoad() throws Exception {
        Path pack = pluginsDir.resolve("safety-extra-0.1.0.jar");
        PluginJarBuilder.truncate(pack);
        PluginHost fresh = PluginHost.open(pluginsDir, Set.of());
        try {
            LoadedPlugins loaded = fresh.load();
            assertTrue(loaded.safetyPluginFailed());
            assertEquals(List.of("safety-extra-0.1.0.jar"), loaded.failedSafetyPlugins());
            assertEquals(List.of("ollama", "openai"),
                    loaded.backends().stream().map(ModelBackendProvider::id).sorted().toList());
            assertEquals(1, loaded.formatters().size());
        } finally {
            fresh.close();
        }
    }

    @Test
    void disablingASafetyPackIsAChoiceNotAFailure() throws Exception {
        host.disable("safety-extra");
        PluginHost fresh = PluginHost.open(pluginsDir, Set.of());
        try {
            LoadedPlugins loaded = fresh.load();
            assertEquals(List.of(), loaded.rules());
            assertFalse(loaded.safetyPluginFailed());
            assertEquals(PluginStatus.DISABLED, loaded.plugins().stream().filter(p -> p.id().equals("safety-extra"))
                    .map(PluginInfo::status).findFirst().orElseThrow());
        } finally {
            fresh.close();
        }
    }

    @Test
    void reinstallingTheSameVersionKeepsOneFilePerPlugin() throws Exception {
        host.install(jars().get(1), false);
        assertEquals(List.of("format-markdown-0.1.0.jar", "ollama-0.1.0.jar", "openai-0.1.0.jar",
                "safety-extra-0.1.0.jar"), fileNames(pluginsDir));
    }
}
