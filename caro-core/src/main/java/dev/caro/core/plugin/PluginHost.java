package dev.caro.core.plugin;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.pf4j.Plugin;
import org.pf4j.PluginDependency;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * caro's plugin host: installs, lists, enables and disables plugin jars in one directory, and
 * loads the enabled ones on PF4J when asked.
 *
 * <p>Cheap until {@link #load()}: opening a host, listing and managing plugins read jar manifests
 * only and never create a class loader, so {@code caro --help} and {@code caro check} without
 * plugins pay nothing.
 *
 * <p>{@link #load()} checks every jar before loading any class (readable, descriptor, id, API
 * range, no bundled API, dependencies present), loads and starts the survivors one by one in
 * dependency order, and finds their extensions through {@code META-INF/services}. A plugin that
 * fails is reported once and skipped; the others load regardless.
 */
public final class PluginHost implements AutoCloseable {

    /** File locks are per process; this keeps two hosts of one process from overlapping. */
    private static final Object INSTALL_LOCK = new Object();

    private final Path dir;
    private final Supplier<Set<String>> builtinIds;
    private final PluginStateStore state;
    private LoadedPlugins loaded;
    private CaroPluginManager manager;

    private PluginHost(Path dir, Supplier<Set<String>> builtinIds) {
        this.dir = dir;
        this.builtinIds = builtinIds;
        this.state = new PluginStateStore(dir);
    }

    /**
     * A host over {@code dir} (it need not exist). Does no I/O.
     *
     * @param builtinIds ids of the built-in backends, rules and formatters, which plugin
     *     extensions may not reuse (with or without the {@code caro.} prefix)
     */
    public static PluginHost open(Path dir, Set<String> builtinIds) {
        Set<String> ids = Set.copyOf(builtinIds);
        return open(dir, () -> ids);
    }

    /**
     * As {@link #open(Path, Set)}, asking for the built-in ids only when a plugin has started and
     * its extensions are checked (gathering them creates every built-in).
     */
    public static PluginHost open(Path dir, Supplier<Set<String>> builtinIds) {
        return new PluginHost(dir.toAbsolutePath().normalize(), builtinIds);
    }

    /** The plugins directory. */
    public Path directory() {
        return dir;
    }

    /** Whether {@link #load()} has run, i.e. whether plugin class loaders may exist. */
    public synchronized boolean isLoaded() {
        return loaded != null;
    }

    /**
     * Every installed plugin jar, sorted by id. Before {@link #load()} this reads manifests only
     * (status {@code ENABLED}, {@code DISABLED} or {@code FAILED}); afterwards it reports what
     * loading found.
     */
    public synchronized List<PluginInfo> list() {
        if (loaded != null) {
            return loaded.plugins();
        }
        return PluginScan.of(dir, state.disabled(), new ProblemLog()).infos();
    }

    /** Reads and checks a plugin jar without installing it (for showing what it provides). */
    public PluginInfo inspect(Path jar) throws PluginException {
        PluginJar j = PluginJar.read(jar);
        return j.info(state.disabled().contains(j.id()) ? PluginStatus.DISABLED : PluginStatus.ENABLED, null);
    }

    /**
     * Installs (or updates) the plugin jar at {@code source}: checks it, then copies it into the
     * directory as {@code ID-VERSION.jar} atomically, replacing an installed version.
     *
     * @param force allow installing a lower version than the installed one
     * @return the installed plugin
     * @throws PluginException when the jar is not a valid plugin for this caro, or a downgrade is refused
     */
    public synchronized PluginInfo install(Path source, boolean force) throws PluginException {
        PluginJar j = PluginJar.read(source);
        // Without the lock, two caro processes installing the same plugin each see no installed
        // version and both keep their jar: the id is then installed twice.
        synchronized (INSTALL_LOCK) {
            Path lockFile = dir.toAbsolutePath().resolveSibling("." + dir.getFileName() + ".lock");
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw PluginException.operation("Cannot install " + j.id() + " into " + dir + ": " + e.getMessage());
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                return installLocked(j, source, force);
            } catch (IOException e) {
                throw PluginException.operation("Cannot install " + j.id() + " into " + dir + ": " + e.getMessage());
            }
        }
    }

    private PluginInfo installLocked(PluginJar j, Path source, boolean force) throws PluginException {
        Optional<PluginJar> installed = installedJar(j.id());
        if (installed.isPresent() && !force
                && PluginJar.VERSIONS.compareVersions(j.version(), installed.get().version()) < 0) {
            throw PluginException.operation("Plugin '" + j.id() + "' " + installed.get().version()
                    + " is installed and " + j.version() + " is older: add --force to downgrade.");
        }
        Path target = dir.resolve(j.id() + "-" + j.version() + ".jar");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".install-", ".part");
            try {
                Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
                move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
            if (installed.isPresent() && !Files.isSameFile(installed.get().path, target)) {
                Files.deleteIfExists(installed.get().path);
            }
        } catch (IOException e) {
            throw PluginException.operation("Cannot install " + j.id() + " into " + dir + ": " + e.getMessage());
        }
        invalidate();
        return j.info(state.disabled().contains(j.id()) ? PluginStatus.DISABLED : PluginStatus.ENABLED, null)
                .withPath(target);
    }

    /** Deletes the plugin with {@code id} (or a broken jar listed under that name) and forgets its state. */
    public synchronized PluginInfo remove(String id) throws PluginException {
        PluginInfo info = installed(id);
        try {
            Files.deleteIfExists(info.path());
            state.setDisabled(info.id(), false);
        } catch (IOException e) {
            throw PluginException.operation("Cannot remove " + info.path() + ": " + e.getMessage());
        }
        invalidate();
        return info;
    }

    /** Switches the plugin on for the next run; the state survives restarts. */
    public synchronized PluginInfo enable(String id) throws PluginException {
        return setDisabled(id, false);
    }

    /** Switches the plugin off: it stays installed but is not loaded. */
    public synchronized PluginInfo disable(String id) throws PluginException {
        return setDisabled(id, true);
    }

    private PluginInfo setDisabled(String id, boolean disabled) throws PluginException {
        PluginInfo info = installed(id);
        try {
            state.setDisabled(info.id(), disabled);
        } catch (IOException e) {
            throw PluginException.operation("Cannot save the plugin state in " + dir + ": " + e.getMessage());
        }
        invalidate();
        return info.status() == PluginStatus.FAILED ? info
                : info.withStatus(disabled ? PluginStatus.DISABLED : PluginStatus.ENABLED, null);
    }

    private PluginInfo installed(String id) throws PluginException {
        List<PluginInfo> all = PluginScan.of(dir, state.disabled(), new ProblemLog()).infos();
        for (PluginInfo info : all) {
            if (info.id().equals(id) || info.path().getFileName().toString().equals(id)) {
                return info;
            }
        }
        throw PluginException.operation(all.isEmpty() ? "No plugin '" + id + "' is installed; no plugins are installed."
                : "No plugin '" + id + "' is installed; installed: "
                        + String.join(", ", all.stream().map(PluginInfo::id).toList()) + ".");
    }

    private Optional<PluginJar> installedJar(String id) {
        for (Path p : PluginScan.jarFiles(dir)) {
            try {
                PluginJar j = PluginJar.read(p);
                if (j.id().equals(id)) {
                    return Optional.of(j);
                }
            } catch (PluginException e) {
                // a broken jar is not "the installed version"
            }
        }
        return Optional.empty();
    }

    /**
     * Loads and starts the enabled plugins (once; later calls return the same result). This is
     * the only method that creates plugin class loaders.
     */
    public synchronized LoadedPlugins load() {
        if (loaded != null) {
            return loaded;
        }
        if (PluginScan.jarFiles(dir).isEmpty()) {
            // The usual install: no state file to read, nothing to check or sort.
            loaded = LoadedPlugins.none();
            return loaded;
        }
        ProblemLog log = new ProblemLog();
        PluginScan scan = PluginScan.of(dir, state.disabled(), log);
        if (scan.candidates().isEmpty()) {
            loaded = new LoadedPlugins(List.of(), List.of(), List.of(), scan.infos(), scan.failedSafety(), log);
            return loaded;
        }
        manager = new CaroPluginManager(dir);
        Map<String, PluginInfo> infos = scan.infoById();
        Set<String> failedSafety = new LinkedHashSet<>(scan.failedSafety());
        Set<String> failed = new HashSet<>();
        List<PluginJar> started = new ArrayList<>();
        for (PluginJar j : scan.candidates()) {
            Optional<String> brokenDep = j.descriptor.getDependencies().stream()
                    .filter(d -> !d.isOptional() && failed.contains(d.getPluginId()))
                    .map(PluginDependency::getPluginId).findFirst();
            String why = brokenDep.map(dep -> "Plugin '" + j.id() + "' needs plugin '" + dep
                    + "', which failed to start: fix or remove '" + dep + "'.").orElse(null);
            PluginProblem.Kind kind = PluginProblem.Kind.MISSING_DEPENDENCY;
            if (why == null) {
                why = start(j);
                kind = PluginProblem.Kind.START_FAILED;
            }
            if (why != null) {
                failed.add(j.id());
                fail(log, infos, failedSafety, j, kind, why);
            } else {
                started.add(j);
                infos.put(j.id(), j.info(PluginStatus.STARTED, null));
            }
        }
        ExtensionLoader ext = new ExtensionLoader(builtinIds.get(), log);
        for (PluginJar j : started) {
            boolean ok = ext.addAll(j, manager.getPluginClassLoader(j.id()));
            if (!ok && j.provides.safetyRules()) {
                // A pack with a rule missing would let commands through unchecked.
                failedSafety.add(j.id());
            }
        }
        loaded = new LoadedPlugins(ext.backends, ext.rules, ext.formatters, PluginScan.sorted(infos.values()),
                List.copyOf(failedSafety), log);
        return loaded;
    }

    /** Loads and starts one plugin; returns why it failed, or null. */
    private String start(PluginJar j) {
        String label = "Plugin '" + j.id() + "' " + j.version();
        try {
            manager.loadPlugin(j.path);
            PluginWrapper w = manager.getPlugin(j.id());
            if (w == null) {
                return label + " could not be loaded; run with -v for details.";
            }
            if (!Plugin.class.getName().equals(j.descriptor.getPluginClass()) && w.getPlugin() == null) {
                unload(j.id());
                return label + " failed to start: its Plugin-Class " + j.descriptor.getPluginClass()
                        + " cannot be loaded or is not an org.pf4j.Plugin.";
            }
            PluginState s = manager.startPlugin(j.id());
            if (s != PluginState.STARTED) {
                unload(j.id());
                return label + " could not be started (state " + s + "); run with -v for details.";
            }
            return null;
        } catch (Throwable t) {
            unload(j.id());
            return label + " failed to start (" + ProblemLog.describe(ProblemLog.rootCause(t))
                    + "): update it, or run 'caro plugins disable " + j.id() + "'.";
        }
    }

    private void unload(String id) {
        try {
            if (manager.getPlugin(id) != null) {
                manager.unloadPlugin(id);
            }
        } catch (Throwable ignored) {
            // already broken; nothing more to release
        }
    }

    private static void fail(ProblemLog log, Map<String, PluginInfo> infos, Set<String> failedSafety, PluginJar j,
            PluginProblem.Kind kind, String why) {
        log.add(new PluginProblem(j.id(), j.path, kind, why));
        infos.put(j.id(), j.info(PluginStatus.FAILED, why));
        if (j.provides.safetyRules()) {
            failedSafety.add(j.id());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A change on disk: a loaded state, if any, stays as it is for this process. */
    private void invalidate() {
        if (manager == null) {
            loaded = null;
        }
    }

    /** Stops the plugins and closes their class loaders. */
    @Override
    public synchronized void close() {
        if (manager != null) {
            try {
                manager.stopPlugins();
            } catch (Throwable t) {
                PluginLog.print("warn", "stopping plugins failed", t);
            }
            try {
                manager.unloadPlugins();
            } catch (Throwable t) {
                PluginLog.print("warn", "unloading plugins failed", t);
            }
            manager = null;
        }
        loaded = null;
    }
}
