package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.safety.SafetyRule;
import dev.caro.cli.plugintest.NoCowsayRule;
import dev.caro.cli.plugintest.ShoutBackendProvider;
import dev.caro.testkit.PluginJarBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    @TempDir
    Path home;

    @Test
    void reportsEachCheckWithStatusAndExitsZeroWithoutFailures() throws Exception {
        Path models = Files.createDirectories(home.resolve(".cache/caro/models"));
        Files.write(models.resolve("tiny.gguf"), new byte[1500]);
        CaroRunner.Run r = new CaroRunner(home).run("doctor", "--skip-native");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        String out = r.out();
        assertTrue(out.startsWith("OK    java       Java " + System.getProperty("java.version") + " ("), out);
        assertTrue(out.contains("\nOK    config     no " + home.resolve(".config/caro/config.toml") + " (defaults apply)\n"), out);
        assertTrue(out.contains("\nOK    dirs       state directory " + home.resolve(".local/state/caro") + " can be created\n"), out);
        assertTrue(out.contains("\nOK    dirs       plugins directory " + home.resolve(".local/share/caro/plugins") + " can be created\n"), out);
        assertTrue(out.contains("\nOK    backend    test-echo is ready\n"), out);
        assertTrue(out.contains("\nOK    models     tiny.gguf 1.5 KB\n"), out);
        assertTrue(out.contains("\nOK    plugins    none installed (" + home.resolve(".local/share/caro/plugins") + ")\n"), out);
        assertTrue(out.contains("\nOK    shell      commands are written for and run with bash\n"), out);
    }

    @Test
    void anInvalidConfigAndAnUnwritableDirectoryFailWithTheFix() throws Exception {
        CaroRunner caro = new CaroRunner(home);
        Files.createDirectories(caro.configFile().getParent());
        Files.writeString(caro.configFile(), "safety = \"loose\"\n");
        // A file where the state directory should be: it can never be created.
        Files.createDirectories(home.resolve(".local"));
        Files.writeString(home.resolve(".local/state"), "not a directory");
        CaroRunner.Run r = caro.run("doctor", "--skip-native");
        assertEquals(ExitCodes.DOCTOR_FAILED, r.exitCode());
        assertTrue(r.out().contains("FAIL  config     " + caro.configFile() + ":1: invalid value for 'safety': must be one of strict, moderate, permissive\n"
                + "                 fix: edit " + caro.configFile() + ", or check with 'caro config show'\n"), r.out());
        Path state = home.resolve(".local/state/caro");
        assertTrue(r.out().contains("FAIL  dirs       state directory " + state + " is not writable\n"
                + "                 fix: mkdir -p '" + state + "' && chmod u+rwx '" + state + "'\n"), r.out());
    }

    @Test
    void jsonHasOneObjectPerCheck() {
        CaroRunner.Run r = new CaroRunner(home).run("doctor", "--json", "--skip-native");
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("{\"check\":\"") && l.contains("\"status\":\"")), r.out());
        assertTrue(r.out().contains("{\"check\":\"models\",\"status\":\"WARN\",\"message\":\"no model downloaded in "), r.out());
    }

    @Test
    void theNativeLibraryIsLoadedInAChildProcess() {
        DoctorCommand.Check c = DoctorCommand.nativeLibrary(home.resolve("cache"));
        assertEquals("native", c.name());
        // Either outcome is a real answer about this machine; it must never take this JVM down.
        assertTrue(c.status() == DoctorCommand.Status.OK ? c.message().equals("the llama.cpp native library loads")
                : c.message().startsWith("the llama.cpp native library does not load: "), c.toString());
    }

    /** A library the user chose with -Dde.kherud.llama.lib.path is the one the doctor checks. */
    @Test
    void aChosenNativeLibraryForAnotherPlatformIsNamedWithTheFix() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux"), "the expected text names a Linux machine");
        Path libDir = Files.createDirectories(home.resolve("gpu-build"));
        Path lib = libDir.resolve(System.mapLibraryName("jllama"));
        try (InputStream in = DoctorCommand.class.getResourceAsStream("/de/kherud/llama/Windows/x86_64/jllama.dll")) {
            Files.copy(in, lib);
        }
        DoctorCommand.Check c = DoctorCommand.nativeLibrary(home.resolve("cache"), Optional.of(libDir.toString()));
        String here = System.getProperty("os.arch").equals("aarch64") ? "Linux aarch64" : "Linux x86_64";
        assertEquals(new DoctorCommand.Check("native", DoctorCommand.Status.WARN, "the llama.cpp native library does not load: "
                + lib + " (set by -Dde.kherud.llama.lib.path) is built for Windows x86_64, not for this " + here
                + " machine; point -Dde.kherud.llama.lib.path at a library built for " + here
                + ", or remove it to use the bundled one", "use the offline backend (caro -b offline) or a remote backend plugin"), c);
    }

    @Test
    void pluginsAreReportedWithTheirStateAndTheirBackendsChecked() throws Exception {
        Path dir = Files.createDirectories(home.resolve("plugins"));
        PluginJarBuilder.plugin("acme-tools", "1.2.0").service(ModelBackendProvider.class, ShoutBackendProvider.class).build(dir);
        Path broken = PluginJarBuilder.plugin("acme-rules", "1.0.0").service(SafetyRule.class, NoCowsayRule.class).build(dir);
        PluginJarBuilder.truncate(broken);
        CaroRunner.Run r = new CaroRunner(home).env("CARO_PLUGINS_DIR", dir.toString()).run("doctor", "--skip-native");
        assertEquals(ExitCodes.DOCTOR_FAILED, r.exitCode(), r.out());
        assertTrue(r.out().contains("\nOK    plugins    acme-tools 1.2.0 is started\n"), r.out());
        assertTrue(r.out().contains("\nFAIL  plugins    acme-rules"), r.out());
        assertTrue(r.out().contains("\nFAIL  safety     "), r.out());
        assertTrue(r.out().contains("\nOK    backend    acme.shout is ready\n"), r.out());
    }
}
