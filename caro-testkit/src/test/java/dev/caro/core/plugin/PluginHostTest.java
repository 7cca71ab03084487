package dev.caro.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.CaroApi;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Decision;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.SafetyMode;
import dev.caro.api.safety.SafetyRule;
import dev.caro.core.plugin.fakes.Commands;
import dev.caro.core.plugin.fakes.ConstructorThrowsBackendProvider;
import dev.caro.core.plugin.fakes.FailingStartPlugin;
import dev.caro.core.plugin.fakes.HelloBackendProvider;
import dev.caro.core.plugin.fakes.LoaderReportingBackendProvider;
import dev.caro.core.plugin.fakes.OfflineImpostorBackendProvider;
import dev.caro.core.plugin.fakes.ReservedIdRule;
import dev.caro.core.plugin.fakes.StarDeleteRule;
import dev.caro.core.plugin.fakes.ThrowingBackendProvider;
import dev.caro.core.plugin.fakes.ThrowingFormatter;
import dev.caro.core.plugin.fakes.ThrowingRule;
import dev.caro.core.plugin.fakes.UpperFormatter;
import dev.caro.testkit.PluginJarBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin host over real jars: loading, the failure matrix, and the install/enable/disable state. */
class PluginHostTest {

    private static final Set<String> BUILTINS = Set.of("caro.offline", "caro.fs.recursive-delete", "plain", "json");

    @TempDir
    Path dir;

    private PluginHost host;

    @AfterEach
    void closeHost() {
        if (host != null) {
            host.close();
        }
        PluginLog.verbose(false);
        PluginLog.redirect(null);
    }

    private LoadedPlugins load() {
        host = PluginHost.open(dir, BUILTINS);
        return host.load();
    }

    private static PluginProblem.Kind onlyKind(LoadedPlugins loaded) {
        assertEquals(1, loaded.problems().size(), () -> loaded.problems().toString());
        return loaded.problems().get(0).kind();
    }

    private static PluginJarBuilder hello(String id) {
        return PluginJarBuilder.plugin(id, "1.0.0").service(ModelBackendProvider.class, HelloBackendProvider.class);
    }

    private static BackendEnvironment env() {
        return new BackendEnvironment(Map.of(), Map.of(), Optional.empty(), Path.of("/tmp/c"), Path.of("/tmp/d"), null);
    }

    private static GenerationRequest request() {
        return new GenerationRequest("say hello", ExecutionContext.linux("/home/u", "/home/u"), List.of(), 1,
                Duration.ofSeconds(5));
    }

    private static CommandResult result(String command) {
        return new CommandResult("p", command, "", List.of(), "fake.hello", ExecutionContext.linux("/w", "/h"),
                Assessment.of(command, List.of(), true), SafetyMode.MODERATE, Decision.ALLOW, List.of(), Duration.ZERO);
    }

    @Test
    void noPluginsDirectoryLoadsNothing() {
        host = PluginHost.open(dir.resolve("absent"), BUILTINS);
        assertEquals(List.of(), host.list());
        LoadedPlugins loaded = host.load();
        assertEquals(List.of(), loaded.backends());
        assertEquals(List.of(), loaded.problems());
        assertFalse(loaded.safetyPluginFailed());
    }

    @Test
    void listingReadsManifestsWithoutLoadingClasses() {
        System.clearProperty(HelloBackendProvider.LOADED_PROPERTY);
        hello("acme.hello").build(dir);
        host = PluginHost.open(dir, BUILTINS);
        PluginInfo info = host.list().get(0);
        assertEquals("acme.hello", info.id());
        assertEquals("1.0.0", info.version());
        assertEquals(PluginStatus.ENABLED, info.status());
        assertEquals("1 backend", info.provides().summary());
        assertFalse(host.isLoaded());
        assertNull(System.getProperty(HelloBackendProvider.LOADED_PROPERTY), "listing initialized a plugin class");
        host.load();
        assertEquals("yes", System.getProperty(HelloBackendProvider.LOADED_PROPERTY));
    }

    @Test
    void severalPluginsContributeWorkingExtensions() throws Exception {
        hello("acme.hello").build(dir);
        PluginJarBuilder.plugin("acme.rules", "0.3.0").service(SafetyRule.class, StarDeleteRule.class).build(dir);
        PluginJarBuilder.plugin("acme.format", "2.1.0").service(OutputFormatter.class, UpperFormatter.class).build(dir);

        LoadedPlugins loaded = load();

        assertEquals(List.of(), loaded.problems());
        assertEquals(Optional.empty(), loaded.executionRefusal());
        assertEquals(List.of("acme.format", "acme.hello", "acme.rules"),
                loaded.plugins().stream().map(PluginInfo::id).toList());
        assertTrue(loaded.plugins().stream().allMatch(p -> p.status() == PluginStatus.STARTED));
        ModelBackendProvider provider = loaded.backends().get(0);
        assertEquals("fake.hello", provider.id());
        try (ModelBackend backend = provider.create(env())) {
            assertEquals("echo hello", backend.generate(request()).rawText());
        }
        SafetyRule rule = loaded.rules().get(0);
        assertEquals(1, rule.evaluate(Commands.of("rm *.log"), null).size());
        assertEquals(0, rule.evaluate(Commands.of("rm a.log"), null).size());
        assertEquals("ECHO HI\n", loaded.formatters().get(0).render(result("echo hi"), FormatOptions.pipe()));
        assertFalse(loaded.safetyPluginFailed());
    }

    @Test
    void pluginClassesComeFromTheJarAndTheApiFromTheHost() throws Exception {
        hello("acme.hello").build(dir);
        LoadedPlugins loaded = load();
        ModelBackendProvider inner = ((GuardedBackendProvider) loaded.backends().get(0)).delegate();
        assertTrue(inner.getClass().getClassLoader() instanceof ApiFirstClassLoader);
        assertTrue(inner instanceof ModelBackendProvider, "API class shared with the host");
    }

    @Test
    void pluginCodeRunsWithItsOwnContextClassLoader() throws Exception {
        PluginJarBuilder.plugin("acme.loader", "1.0.0")
                .service(ModelBackendProvider.class, LoaderReportingBackendProvider.class).build(dir);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (ModelBackend backend = load().backends().get(0).create(env())) {
            assertEquals("plugin", backend.generate(request()).rawText());
        }
        assertTrue(Thread.currentThread().getContextClassLoader() == before, "restored afterwards");
    }

    @Test
    void wrongApiRangeIsRejectedBeforeAnyClassLoads() {
        System.clearProperty(HelloBackendProvider.LOADED_PROPERTY);
        hello("acme.future").requires(">=2.0.0 & <3.0.0").build(dir);
        LoadedPlugins loaded = load();
        assertEquals(PluginProblem.Kind.API_RANGE, onlyKind(loaded));
        assertEquals("Plugin 'acme.future' 1.0.0 requires caro API >=2.0.0 & <3.0.0, but this caro provides API "
                + CaroApi.VERSION + ": install a version of the plugin built for API " + CaroApi.VERSION + ".",
                loaded.problems().get(0).message());
        assertEquals(List.of(), loaded.backends());
        assertNull(System.getProperty(HelloBackendProvider.LOADED_PROPERTY));
        assertEquals(PluginStatus.FAILED, loaded.plugins().get(0).status());
    }

    @Test
    void missingApiRangeIsRejected() {
        hello("acme.vague").requires(null).build(dir);
        LoadedPlugins loaded = load();
        assertEquals(PluginProblem.Kind.INVALID_DESCRIPTOR, onlyKind(loaded));
        assertEquals("Plugin 'acme.vague' (acme.vague-1.0.0.jar) declares no Plugin-Requires: it must name the caro"
                + " API range it was built for.", loaded.problems().get(0).message());
    }

    @Test
    void duplicatePluginIdLoadsOnlyTheFirstFile() {
        hello("acme.twin").fileName("a.jar").build(dir);
        hello("acme.twin").fileName("b.jar").build(dir);
        LoadedPlugins loaded = load();
        assertEquals(PluginProblem.Kind.DUPLICATE_ID, onlyKind(loaded));
        assertEquals("Plugin id 'acme.twin' is used by both a.jar and b.jar: delete one of them from " + dir + ".",
                loaded.problems().get(0).message());
        assertEquals(1, loaded.backends().size());
    }

    @Test
    void extensionIdsMayNotRepeatABuiltInOrAnotherPlugin() {
        PluginJarBuilder.plugin("acme.impostor", "1.0.0")
                .service(ModelBackendProvider.class, OfflineImpostorBackendProvider.class).build(dir);
        hello("acme.first").build(dir);
        hello("acme.second").build(dir);
        LoadedPlugins loaded = load();
        assertEquals(List.of(
                "Plugin 'acme.impostor': backend id 'offline' is already used by a built-in; it is skipped.",
                "Plugin 'acme.second': backend id 'fake.hello' is already used by plugin 'acme.first'; it is skipped."),
                loaded.problems().stream().map(PluginProblem::message).toList());
        assertTrue(loaded.problems().stream().allMatch(p -> p.kind() == PluginProblem.Kind.DUPLICATE_ID));
        assertEquals(List.of("fake.hello"), loaded.backends().stream().map(ModelBackendProvider::id).toList());
    }

    @Test
    void caroPrefixIsReservedForPluginAndExtensionIds() {
        hello("caro.fake").build(dir);
        PluginJarBuilder.plugin("acme.rules", "1.0.0").service(SafetyRule.class, ReservedIdRule.class).build(dir);
        LoadedPlugins loaded = load();
        assertEquals(List.of(
                "Plugin 'acme.rules': safety rule id 'caro.fs.star-delete' uses the prefix 'caro.', which is reserved"
                        + " for built-ins; it is skipped.",
                "Plugin 'caro.fake' (caro.fake-1.0.0.jar) uses the prefix 'caro.', which is reserved for built-ins:"
                        + " the publisher must rename it."),
                loaded.problems().stream().map(PluginProblem::message).sorted().toList());
        assertTrue(loaded.problems().stream().allMatch(p -> p.kind() == PluginProblem.Kind.RESERVED_ID));
        assertEquals(List.of(), loaded.rules());
        assertTrue(loaded.safetyPluginFailed(), "a pack with a skipped rule must fail closed");
        assertEquals(List.of("acme.rules"), loaded.failedSafetyPlugins());
    }

    @Test
    void pluginThatThrowsOnStartIsSkippedAndOthersLoad() {
        hello("acme.crashy").pluginClass(FailingStartPlugin.class).build(dir);
        PluginJarBuilder.plugin("acme.format", "1.0.0").service(OutputFormatter.class, UpperFormatter.class).build(dir);
        LoadedPlugins loaded = load();
        assertEquals(PluginProblem.Kind.START_FAILED, onlyKind(loaded));
        assertEquals("Plugin 'acme.crashy' 1.0.0 failed to start (IllegalStateException: cannot open database):"
                + " update it, or run 'caro plugins disable acme.crashy'.", loaded.problems().get(0).message());
        assertEquals(List.of(), loaded.backends());
        assertEquals(1, loaded.formatters().size());
    }

    @Test
    void extensionWhoseConstructorThrowsIsSkipped() {
        PluginJarBuilder.plugin("acme.half", "1.0.0")
                .service(ModelBackendProvider.class, ConstructorThrowsBackendProvider.class, ThrowingBackendProvider.class)
                .build(dir);
        LoadedPlugins loaded = load();
        assertEquals(PluginProblem.Kind.EXTENSION_FAILED, onlyKind(loaded));
        assertEquals("Plugin 'acme.half': cannot create backend " + ConstructorThrowsBackendProvider.class.getName()
                + " (IllegalStateException: no config); it is skipped.", loaded.problems().get(0).message());
        assertEquals(List.of("fake.throwing"), loaded.backends().stream().map(ModelBackendProvider::id).toList());
    }

    @Test
    void registrationOfAMissingClassIsSkipped() {
        PluginJarBuilder.plugin("acme.ghost", "1.0.0").serviceNames(OutputFormatter.class, "acme.Missing").build(dir);
        LoadedPlugins loaded = load();
        assertEquals(PluginProblem.Kind.EXTENSION_FAILED, onlyKind(loaded));
        assertEquals("Plugin 'acme.ghost': cannot create formatter acme.Missing (ClassNotFoundException:"
                + " acme.Missing); it is skipped.", loaded.problems().get(0).message());
    }

    @Test
    void backendThatThrowsOnCallBecomesABackendExceptionReportedOnce() throws Exception {
        PluginJarBuilder.plugin("acme.bad", "1.0.0").service(ModelBackendProvider.class, ThrowingBackendProvider.class)
                .build(dir);
        LoadedPlugins loaded = load();
        ModelBackendProvider provider = loaded.backends().get(0);
        assertFalse(provider.availability(env()).available());
        assertEquals("caro plugins disable acme.bad", provider.availability(env()).fix());
        ModelBackend backend = provider.create(env());
        BackendException e = assertThrows(BackendException.class, () -> backend.generate(request()));
        assertEquals("Backend 'fake.throwing' from plugin 'acme.bad' failed in generate() (IllegalStateException:"
                + " model exploded); run 'caro plugins disable acme.bad' if this persists.", e.getMessage());
        assertThrows(BackendException.class, () -> backend.generate(request()));
        List<PluginProblem> calls = loaded.problems().stream()
                .filter(p -> p.kind() == PluginProblem.Kind.CALL_FAILED).toList();
        assertEquals(2, calls.size(), "one for availability, one for generate: " + calls);
    }

    @Test
    void ruleThatThrowsFailsClosedAtItsMaximumRisk() {
        PluginJarBuilder.plugin("acme.rules", "1.0.0").service(SafetyRule.class, ThrowingRule.class).build(dir);
        LoadedPlugins loaded = load();
        List<Finding> findings = loaded.rules().get(0).evaluate(Commands.of("ls -l"), null);
        assertEquals(1, findings.size());
        assertEquals(RiskLevel.HIGH, findings.get(0).risk());
        assertEquals("Safety rule 'fake.broken.throws' from plugin 'acme.rules' failed (ArrayIndexOutOfBoundsException:"
                + " Index 3 out of bounds for length 3); judged as if it matched.", findings.get(0).message());
        assertEquals(PluginProblem.Kind.CALL_FAILED, onlyKind(loaded));
    }

    @Test
    void formatterThatThrowsGivesAClearError() {
        PluginJarBuilder.plugin("acme.fmt", "1.0.0").service(OutputFormatter.class, ThrowingFormatter.class).build(dir);
        LoadedPlugins loaded = load();
        PluginCallException e = assertThrows(PluginCallException.class,
                () -> loaded.formatters().get(0).render(result("ls"), FormatOptions.pipe()));
        assertEquals("Output format 'fake-broken' from plugin 'acme.fmt' failed (NullPointerException: template"
                + " missing): use another format (for example -o plain) or run 'caro plugins disable acme.fmt'.",
                e.getMessage());
        assertEquals("acme.fmt", e.pluginId());
    }

    @Test
    void missingDependencyStopsOnlyTheDependents() {
        hello("acme.base").build(dir);
        PluginJarBuilder.plugin("acme.needy", "1.0.0").dependencies("acme.absent")
                .service(OutputFormatter.class, UpperFormatter.class).build(dir);
        PluginJarBuilder.plugin("acme.top", "1.0.0").dependencies("acme.needy")
                .service(SafetyRule.class, StarDeleteRule.class).build(dir);
        PluginJarBuilder.plugin("acme.uses-base", "1.0.0").dependencies("acme.base@>=1.0.0")
                .service(SafetyRule.class, StarDeleteRule.class).build(dir);
        LoadedPlugins loaded = load();
        assertEquals(List.of(
                "Plugin 'acme.needy' needs plugin 'acme.absent', which is not installed: install it, or remove 'acme.needy'.",
                "Plugin 'acme.top' needs plugin 'acme.needy', which cannot be loaded: fix 'acme.needy' first."),
                loaded.problems().stream().map(PluginProblem::message).toList());
        assertTrue(loaded.problems().stream().allMatch(p -> p.kind() == PluginProblem.Kind.MISSING_DEPENDENCY));
        assertEquals(1, loaded.backends().size());
        assertEquals(1, loaded.rules().size(), "acme.uses-base loads after its dependency");
        assertEquals(List.of("acme.top"), loaded.failedSafetyPlugins());
    }

    @Test
    void dependencyOfTheWrongVersionIsNamed() {
        hello("acme.base").build(dir);
        PluginJarBuilder.plugin("acme.needy", "1.0.0").dependencies("acme.base@>=2.0.0")
                .service(OutputFormatter.class, UpperFormatter.class).build(dir);
        LoadedPlugins loaded = load();
        assertEquals(PluginProblem.Kind.MISSING_DEPENDENCY, onlyKind(loaded));
        assertEquals("Plugin 'acme.needy' needs plugin 'acme.base' >=2.0.0, but 1.0.0 is installed: install a"
                + " matching version of 'acme.base'.", loaded.problems().get(0).message());
    }

    @Test
    void truncatedJarIsNotAJarAndCountsAsABrokenSafetyPack() {
        Path jar = PluginJarBuilder.plugin("acme.rules", "1.0.0").service(SafetyRule.class, StarDeleteRule.class)
                .build(dir);
        PluginJarBuilder.truncate(jar);
        hello("acme.hello").build(dir);
        LoadedPlugins loaded = load();
        assertEquals(PluginProblem.Kind.NOT_A_JAR, onlyKind(loaded));
        assertTrue(loaded.problems().get(0).message().startsWith("acme.rules-1.0.0.jar is not a readable jar ("),
                loaded.problems().get(0).message());
        assertTrue(loaded.problems().get(0).message().endsWith("). Remove it, or download it again."));
        assertTrue(loaded.safetyPluginFailed());
        assertEquals(List.of("acme.rules-1.0.0.jar"), loaded.failedSafetyPlugins());
        assertEquals(Optional.of("Safety pack acme.rules-1.0.0.jar failed to load: caro will not run commands until it"
                + " is fixed or removed (caro plugins remove acme.rules-1.0.0.jar, or caro plugins disable"
                + " acme.rules-1.0.0.jar)."), loaded.executionRefusal());
        assertEquals(1, loaded.backends().size());
    }

    @Test
    void tamperedEntryIsDetectedByItsChecksum() {
        Path jar = hello("acme.hello").build(dir);
        PluginJarBuilder.tamper(jar, HelloBackendProvider.class.getName().replace('.', '/') + ".class");
        LoadedPlugins loaded = load();
        assertEquals(PluginProblem.Kind.NOT_A_JAR, onlyKind(loaded));
        assertEquals(List.of(), loaded.backends());
    }

    @Test
    void fileThatIsNotAZipIsNotAJar() throws IOException {
        Files.writeString(dir.resolve("notes.jar"), "hello");
        LoadedPlugins loaded = load();
        assertEquals(PluginProblem.Kind.NOT_A_JAR, onlyKind(loaded));
        assertEquals("notes.jar", loaded.plugins().get(0).id());
    }

    @Test
    void jarWithoutDescriptorIsNamed() {
        hello("acme.plain").withoutDescriptor().build(dir);
        LoadedPlugins loaded = load();
        assertEquals(PluginProblem.Kind.NO_DESCRIPTOR, onlyKind(loaded));
        assertEquals("acme.plain-1.0.0.jar has no plugin descriptor (no Plugin-Id in META-INF/MANIFEST.MF): it is"
                + " not a caro plugin.", loaded.problems().get(0).message());
    }

    @Test
    void bundledApiIsRejected() throws IOException {
        byte[] api;
        try (var in = CaroApi.class.getResourceAsStream("CaroApi.class")) {
            api = in.readAllBytes();
        }
        hello("acme.fat").entry("dev/caro/api/CaroApi.class", api).build(dir);
        LoadedPlugins loaded = load();
        assertEquals(PluginProblem.Kind.BUNDLED_API, onlyKind(loaded));
        assertEquals("Plugin 'acme.fat' (acme.fat-1.0.0.jar) bundles caro's API (dev/caro/api/CaroApi.class): the"
                + " publisher must declare caro-api with <scope>provided</scope> and rebuild.",
                loaded.problems().get(0).message());
    }

    @Test
    void installCopiesTheJarAndRefusesDowngrades(@TempDir Path downloads) throws Exception {
        host = PluginHost.open(dir.resolve("plugins"), BUILTINS);
        Path v2 = hello("acme.hello").attribute("Plugin-Version", "2.0.0").fileName("x.jar").build(downloads);
        Path v1 = hello("acme.hello").fileName("y.jar").build(downloads);

        PluginInfo installed = host.install(v2, false);
        assertEquals(dir.resolve("plugins/acme.hello-2.0.0.jar"), installed.path());
        assertTrue(Files.exists(installed.path()));

        PluginException e = assertThrows(PluginException.class, () -> host.install(v1, false));
        assertEquals("Plugin 'acme.hello' 2.0.0 is installed and 1.0.0 is older: add --force to downgrade.",
                e.getMessage());

        host.install(v1, true);
        assertEquals(List.of("acme.hello-1.0.0.jar"), fileNames(dir.resolve("plugins")));
    }

    @Test
    void installRejectsAnInvalidJarAndNamesTheCause(@TempDir Path downloads) {
        host = PluginHost.open(dir, BUILTINS);
        Path jar = hello("acme.future").requires(">=9.0.0").build(downloads);
        PluginException e = assertThrows(PluginException.class, () -> host.install(jar, false));
        assertEquals(PluginProblem.Kind.API_RANGE, e.kind());
        assertEquals(List.of(), fileNames(dir));
    }

    @Test
    void disabledStateSurvivesARestartAndDisabledPluginsDoNotLoad() throws Exception {
        hello("acme.hello").build(dir);
        PluginJarBuilder.plugin("acme.format", "1.0.0").service(OutputFormatter.class, UpperFormatter.class).build(dir);
        PluginHost.open(dir, BUILTINS).disable("acme.hello");

        assertEquals("# Plugins switched off with 'caro plugins disable'. One id per line.\nacme.hello\n",
                Files.readString(dir.resolve(PluginStateStore.FILE_NAME)));
        LoadedPlugins loaded = load();
        assertEquals(List.of(), loaded.backends());
        assertEquals(PluginStatus.DISABLED, loaded.plugins().stream()
                .filter(p -> p.id().equals("acme.hello")).findFirst().orElseThrow().status());
        host.close();

        PluginHost.open(dir, BUILTINS).enable("acme.hello");
        assertEquals(1, load().backends().size());
    }

    @Test
    void removeDeletesThePluginAndUnknownIdsAreNamed() throws Exception {
        hello("acme.hello").build(dir);
        host = PluginHost.open(dir, BUILTINS);
        host.disable("acme.hello");
        host.remove("acme.hello");
        assertEquals(List.of(PluginStateStore.FILE_NAME), fileNames(dir));
        PluginException e = assertThrows(PluginException.class, () -> host.remove("acme.hello"));
        assertEquals("No plugin 'acme.hello' is installed; no plugins are installed.", e.getMessage());
        hello("acme.other").build(dir);
        e = assertThrows(PluginException.class, () -> host.enable("acme.hello"));
        assertEquals("No plugin 'acme.hello' is installed; installed: acme.other.", e.getMessage());
    }

    @Test
    void pf4jIsSilentUnlessVerbose() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PluginLog.redirect(new PrintStream(out, true, StandardCharsets.UTF_8));
        hello("acme.crashy").pluginClass(FailingStartPlugin.class).build(dir);
        load();
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        host.close();

        PluginLog.verbose(true);
        load();
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("caro: plugins: problem: Plugin 'acme.crashy'"),
                out.toString(StandardCharsets.UTF_8));
    }

    private static List<String> fileNames(Path d) {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
