package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.format.OutputFormatter;
import dev.caro.cli.plugins.fakes.ShoutFormatter;
import dev.caro.testkit.PluginJarBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, faults seen from the command line: an unreadable configuration file, a configuration
 * that cannot be written, a full disk for the history, and several caro runs installing plugins or
 * setting configuration keys at once.
 */
class HardeningFaultsTest {

    @TempDir
    Path home;

    @Test
    void aConfigFileThatCannotBeReadIsAConfigurationError() throws Exception {
        CaroRunner caro = new CaroRunner(home);
        Path config = caro.configFile();
        // Tests run as root, so permissions 000 would not stop a read: a directory stands in the file's place.
        Files.createDirectories(config);
        CaroRunner.Run dir = caro.run("-b", "test-echo", "-x", "cmd: echo ran");
        assertEquals(ExitCodes.CONFIG, dir.exitCode(), dir.err());
        assertTrue(dir.err().startsWith("caro: " + config + ": cannot read the configuration file ("), dir.err());
        assertEquals("", dir.out(), "nothing ran");

        Files.delete(config);
        Files.write(config, new byte[] {'b', 'a', 'c', 'k', 'e', 'n', 'd', '=', (byte) 0xc3, (byte) 0x28, '\n'});
        CaroRunner.Run bytes = new CaroRunner(home).run("-b", "test-echo", "cmd: ls");
        assertEquals(ExitCodes.CONFIG, bytes.exitCode());
        assertEquals("caro: " + config + ": not valid UTF-8 text; fix or delete the file\n", bytes.err());
    }

    @Test
    void aConfigFileThatCannotBeWrittenIsNamed() throws Exception {
        Path blocked = Files.writeString(home.resolve("blocked"), "a file where a directory should be");
        Path config = blocked.resolve("config.toml");
        CaroRunner.Run r = new CaroRunner(home).env("CARO_CONFIG", config.toString()).run("config", "set", "timeout", "30");
        assertEquals(ExitCodes.CONFIG, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("caro: " + config + ": cannot write the configuration file ("), r.err());
    }

    @Test
    void aFullDiskForTheHistoryWarnsAndTheCommandStillRuns() throws Exception {
        Path history = Files.createDirectories(home.resolve(".local/state/caro")).resolve("history.jsonl");
        // /dev/full fails every write with ENOSPC, as a full disk does.
        Files.createSymbolicLink(history, Path.of("/dev/full"));
        CaroRunner.Run r = new CaroRunner(home).run("-b", "test-echo", "-x", "cmd: echo ran");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("echo ran\nran\n", r.out());
        assertEquals("caro: cannot write the history file " + history + " (No space left on device);"
                + " turn history off with 'caro config set history false'\n", r.err());
    }

    @Test
    void pluginInstallsRacingEachOtherLeaveOnlyWholeJars() throws Exception {
        Path downloads = Files.createDirectories(home.resolve("downloads"));
        Path pluginsDir = home.resolve("plugins");
        List<Path> jars = new ArrayList<>();
        for (String version : List.of("1.0.0", "1.1.0", "1.2.0")) {
            jars.add(shoutJar(downloads, version));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<CaroRunner.Run>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                Path jar = jars.get(i % jars.size());
                Callable<CaroRunner.Run> install = () -> new CaroRunner(home).env("CARO_PLUGINS_DIR", pluginsDir.toString())
                        .run("plugins", "install", "--force", jar.toString());
                runs.add(pool.submit(install));
            }
            for (Future<CaroRunner.Run> f : runs) {
                CaroRunner.Run r = f.get();
                assertTrue(r.exitCode() == 0 || r.exitCode() == ExitCodes.PLUGIN_REJECTED, r.out() + r.err());
            }
        } finally {
            pool.shutdown();
        }
        assertOneWholeVersionInstalled(pluginsDir);
    }

    /**
     * Real caro processes, so only the file locks can keep them apart (threads of one JVM also
     * meet an in-process lock): three processes each install their own version five times.
     */
    @Test
    void pluginInstallsFromSeparateProcessesLeaveOneWholeJar() throws Exception {
        Path downloads = Files.createDirectories(home.resolve("downloads"));
        Path pluginsDir = home.resolve("plugins");
        List<Process> processes = new ArrayList<>();
        for (String version : List.of("1.0.0", "1.1.0", "1.2.0")) {
            processes.add(caroProcess("5", "plugins", "install", "--force", shoutJar(downloads, version).toString()));
        }
        for (Process p : processes) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "an install did not finish");
            assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertOneWholeVersionInstalled(pluginsDir);
    }

    /** Exactly one of the three versions' jars, no partial file, and the plugin loads. */
    private void assertOneWholeVersionInstalled(Path pluginsDir) throws Exception {
        List<String> left;
        try (Stream<Path> files = Files.list(pluginsDir)) {
            left = files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".json") && !n.endsWith(".properties")).toList();
        }
        assertEquals(1, left.size(), "one version of the plugin is installed, no partial file: " + left);
        assertTrue(left.get(0).matches("acme\\.shout-1\\.[012]\\.0\\.jar"), left.toString());
        CaroRunner.Run list = new CaroRunner(home).env("CARO_PLUGINS_DIR", pluginsDir.toString()).run("plugins", "list");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("enabled"), list.out());
    }

    /** Issue 9's case as a user meets it: two caro processes, twenty `config set` each, different keys. */
    @Test
    void configSetFromTwoProcessesAtOnceKeepsEveryKey() throws Exception {
        CaroRunner caro = new CaroRunner(home);
        Process a = caroProcess("20", "config", "set", "backends.alpha.key{i}", "a{i}");
        Process b = caroProcess("20", "config", "set", "backends.beta.key{i}", "b{i}");
        for (Process p : List.of(a, b)) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "config set did not finish");
            assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        String config = Files.readString(caro.configFile());
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (String line : List.of("key" + i + " = \"a" + i + "\"", "key" + i + " = \"b" + i + "\"")) {
                if (!config.contains(line)) {
                    missing.add(line);
                }
            }
        }
        assertEquals(List.of(), missing, config);
        assertTrue(config.contains("[backends.alpha]") && config.contains("[backends.beta]"), config);
    }

    /** One version of a test plugin, in a folder of its own under {@code downloads}. */
    private static Path shoutJar(Path downloads, String version) throws Exception {
        return PluginJarBuilder.plugin("acme.shout", version).service(OutputFormatter.class, ShoutFormatter.class)
                .fileName("acme.shout-" + version + ".jar").build(Files.createDirectories(downloads.resolve(version)));
    }

    /** A caro JVM with only this test's home in its environment, running {@link CaroInALoop}. */
    private Process caroProcess(String times, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CaroInALoop.class.getName(), times));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("HOME", home.toString());
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().put("CARO_PLUGINS_DIR", home.resolve("plugins").toString());
        return pb.start();
    }
}
