package dev.caro.cli;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.context.ExecutionContext;
import dev.caro.core.config.CaroConfig;
import dev.caro.core.config.ConfigException;
import dev.caro.core.config.ConfigKey;
import dev.caro.core.pipeline.BackendEnvironments;
import dev.caro.core.plugin.PluginInfo;
import dev.caro.core.registry.Registry;
import dev.caro.core.text.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code caro doctor}: checks what caro needs, one line each, OK, WARN or FAIL with the fix.
 * Native code is loaded in a child JVM only, so a broken library cannot crash the doctor.
 */
@Command(name = "doctor", sortOptions = false,
        description = "Checks Java, the native llama.cpp library, models, config, plugins, backends and caro's directories.",
        footerHeading = "%nExit codes:%n", footer = "  0 nothing FAILed (WARNs allowed), 7 at least one check FAILed.")
final class DoctorCommand implements java.util.concurrent.Callable<Integer> {

    enum Status { OK, WARN, FAIL }

    /** One line of the report. */
    record Check(String name, Status status, String message, String fix) {}

    @ParentCommand
    CaroCommand parent;

    @Option(names = "--json", description = "One JSON object per check and line.")
    boolean json;

    @Option(names = "--skip-native", description = "Do not try to load the llama.cpp native library.")
    boolean skipNative;

    @Override
    public Integer call() {
        Session session = parent.session();
        CliEnvironment env = session.cli();
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        checks.add(new Check("system", Status.OK, System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"), ""));
        CaroConfig config = config(env, checks);
        directories(env, checks);
        Registry registry = session.registry();
        plugins(session, checks);
        backends(session, config, registry, checks);
        if (!skipNative) {
            checks.add(nativeLibrary(env.paths().cacheDir()));
        }
        models(env, checks);
        servers(session, checks);
        shell(session, checks);
        boolean failed = false;
        for (Check c : checks) {
            failed |= c.status() == Status.FAIL;
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("check", c.name());
                m.put("status", c.status().name());
                m.put("message", c.message());
                m.put("fix", c.fix());
                env.out().println(Json.write(m));
            } else {
                env.out().printf("%-4s  %-10s %s%n", c.status(), c.name(), c.message());
                if (!c.fix().isEmpty()) {
                    env.out().println("                 fix: " + c.fix());
                }
            }
        }
        env.out().flush();
        return failed ? ExitCodes.DOCTOR_FAILED : ExitCodes.OK;
    }

    static Check java() {
        String version = System.getProperty("java.version");
        String vendor = System.getProperty("java.vendor", "");
        String message = "Java " + version + " (" + vendor + ", " + System.getProperty("java.vm.name", "") + ")";
        return Runtime.version().feature() >= 17 ? new Check("java", Status.OK, message, "")
                : new Check("java", Status.FAIL, message + " is too old", "install Java 17 or newer");
    }

    private static CaroConfig config(CliEnvironment env, List<Check> checks) {
        Path file = env.paths().configFile();
        try {
            CaroConfig config = CaroConfig.load(file);
            checks.add(new Check("config", Status.OK, Files.exists(file) ? file + " is valid" : "no " + file + " (defaults apply)", ""));
            return config;
        } catch (ConfigException e) {
            checks.add(new Check("config", Status.FAIL, e.getMessage(), "edit " + file + ", or check with 'caro config show'"));
            return CaroConfig.empty(file);
        }
    }

    private static void directories(CliEnvironment env, List<Check> checks) {
        Map<String, Path> dirs = new LinkedHashMap<>();
        dirs.put("config", env.paths().configFile().getParent());
        dirs.put("cache", env.paths().cacheDir());
        dirs.put("data", env.paths().dataDir());
        dirs.put("state", env.paths().stateDir());
        dirs.put("plugins", env.paths().pluginsDir());
        for (Map.Entry<String, Path> d : dirs.entrySet()) {
            Path dir = d.getValue();
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            boolean writable = existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
            String what = d.getKey() + " directory " + dir;
            if (writable) {
                checks.add(new Check("dirs", Status.OK, what + (existing.equals(dir) ? " is writable" : " can be created"), ""));
            } else {
                checks.add(new Check("dirs", Status.FAIL, what + " is not writable",
                        "mkdir -p '" + dir + "' && chmod u+rwx '" + dir + "'"));
            }
        }
    }

    private void backends(Session session, CaroConfig config, Registry registry, List<Check> checks) {
        CliEnvironment env = session.cli();
        BackendEnvironments envs = new BackendEnvironments(config, env.paths(), session.backendEnv(),
                java.util.Optional.ofNullable(env.env().get(ConfigKey.MODEL.envVar())).or(() -> config.get(ConfigKey.MODEL)),
                dev.caro.api.backend.ProgressListener.NONE);
        int ready = 0;
        for (ModelBackendProvider p : registry.backends()) {
            Availability a = envs.availability(p);
            String name = Registry.displayName(p.id());
            if (a.available()) {
                ready++;
                checks.add(new Check("backend", Status.OK, name + " is ready", ""));
            } else {
                checks.add(new Check("backend", Status.WARN, name + ": " + a.reason(), a.fix()));
            }
        }
        if (ready == 0) {
            checks.add(new Check("backend", Status.FAIL, "no backend can answer", "follow a fix above, or install a backend plugin"));
        }
    }

    /** The llama.cpp backend's probe, run by class name: the CLI does not compile against a backend. */
    static final String NATIVE_PROBE = "dev.caro.backend.llamacpp.NativeLibraryProbe";

    /**
     * Installs and loads the llama.cpp library the way the backend does (into caro's cache) in a
     * child JVM with caro's class path, so a broken library cannot crash the doctor.
     */
    static Check nativeLibrary(Path cacheDir) {
        return nativeLibrary(cacheDir, Optional.ofNullable(System.getProperty(NATIVE_LIB_PATH_PROPERTY)));
    }

    /** The binding's property for a library of the user's choosing (a GPU build, say). */
    static final String NATIVE_LIB_PATH_PROPERTY = "de.kherud.llama.lib.path";

    /** As {@link #nativeLibrary(Path)}, with the library directory the user chose, if any. */
    static Check nativeLibrary(Path cacheDir, Optional<String> libraryPath) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto"));
        libraryPath.ifPresent(dir -> command.add("-D" + NATIVE_LIB_PATH_PROPERTY + "=" + dir));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), NATIVE_PROBE, cacheDir.toString()));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(8192);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Check("native", Status.WARN, "loading the llama.cpp library took over 60 s", "");
            }
            String said = new String(out, StandardCharsets.UTF_8).strip();
            String last = said.contains("\n") ? said.substring(said.lastIndexOf('\n') + 1).strip() : said;
            if (p.exitValue() == 0) {
                return new Check("native", Status.OK, "the llama.cpp native library loads", "");
            }
            if (said.contains("Could not find or load main class")) {
                return new Check("native", Status.WARN, "the llama.cpp backend is not installed with this caro", "");
            }
            return new Check("native", Status.WARN, "the llama.cpp native library does not load: "
                    + (last.isEmpty() ? "exit " + p.exitValue() : last), "use the offline backend (caro -b offline) or a remote backend plugin");
        } catch (IOException e) {
            return new Check("native", Status.WARN, "could not start a JVM to test the llama.cpp library: " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check("native", Status.WARN, "interrupted", "");
        }
    }

    private static void models(CliEnvironment env, List<Check> checks) {
        Path dir = env.paths().cacheDir().resolve("models");
        List<Path> models = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir, 3)) {
                s.filter(p -> p.getFileName().toString().endsWith(".gguf") && Files.isRegularFile(p)).sorted().forEach(models::add);
            } catch (IOException e) {
                checks.add(new Check("models", Status.WARN, "cannot read " + dir + ": " + e.getMessage(), ""));
                return;
            }
        }
        if (models.isEmpty()) {
            checks.add(new Check("models", Status.WARN, "no model downloaded in " + dir,
                    "caro models pull (or use the offline backend)"));
            return;
        }
        long total = 0;
        for (Path m : models) {
            long size = size(m);
            total += size;
            checks.add(new Check("models", Status.OK, dir.relativize(m) + " " + DownloadProgress.bytes(size), ""));
        }
        checks.add(new Check("models", Status.OK, models.size() + " model file(s), " + DownloadProgress.bytes(total) + " in " + dir, ""));
    }

    /** The background model servers ({@code caro daemon status}); asking does not keep them alive. */
    private static void servers(Session session, List<Check> checks) {
        List<DaemonCommand.Found> found;
        try {
            found = DaemonCommand.find(session);
        } catch (ConfigException e) {
            return; // the config check reports it
        }
        String noDaemon = session.backendEnv().getOrDefault("CARO_NO_DAEMON", "").strip();
        if (List.of("1", "true", "yes").contains(noDaemon)) {
            checks.add(new Check("server", Status.OK, "model servers are off (--no-daemon or CARO_NO_DAEMON=1):"
                    + " models load in caro's own process", ""));
        }
        if (found.isEmpty()) {
            checks.add(new Check("server", Status.OK, "no model server is running (the next request starts one)", ""));
        }
        for (DaemonCommand.Found f : found) {
            checks.add(new Check("server", Status.OK, f.server().model() + " is loaded in a model server (pid "
                    + f.server().pid() + ", " + f.server().address() + ")", ""));
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The plugins as loading found them; plugin code runs here, contained by the plugin host. */
    private static void plugins(Session session, List<Check> checks) {
        Path dir = session.cli().paths().pluginsDir();
        List<PluginInfo> plugins;
        try {
            plugins = session.installedPlugins();
        } catch (RuntimeException e) {
            checks.add(new Check("plugins", Status.FAIL, "cannot read " + dir + ": " + e.getMessage(), ""));
            return;
        }
        if (plugins.isEmpty()) {
            checks.add(new Check("plugins", Status.OK, "none installed (" + dir + ")", ""));
        }
        for (PluginInfo p : plugins) {
            String what = p.id() + (p.version().isEmpty() ? "" : " " + p.version());
            switch (p.status()) {
                case FAILED -> checks.add(new Check("plugins", Status.FAIL, what + " is broken: " + p.problem().orElse("unknown problem"),
                        "caro plugins remove " + p.id() + ", or install a version built for this caro"));
                case DISABLED -> checks.add(new Check("plugins", Status.WARN, what + " is disabled", "caro plugins enable " + p.id()));
                default -> checks.add(new Check("plugins", Status.OK, what + " is " + p.status().id(), ""));
            }
        }
        session.executionRefusal().ifPresent(why -> checks.add(new Check("safety", Status.FAIL, why,
                "fix, disable or remove the broken safety plugin")));
    }

    private static void shell(Session session, List<Check> checks) {
        ExecutionContext context;
        try {
            context = session.context();
        } catch (ConfigException | UsageException e) {
            context = session.cli().detector().detect(null); // the config check reports the problem
        }
        String name = context.shell().id();
        String program = ShellRunner.argv(context.shell(), "", session.cli().env()).get(0);
        if (Executables.find(program, session.cli().env()).isPresent()) {
            checks.add(new Check("shell", Status.OK, "commands are written for and run with " + name, ""));
        } else {
            checks.add(new Check("shell", Status.WARN, "the target shell " + name + " (" + program + ") is not on the PATH",
                    "install it, or choose another with --shell / 'caro config set shell bash'"));
        }
    }
}
