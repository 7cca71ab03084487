package dev.caro.core.plugin;

import dev.caro.api.CaroApi;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.SafetyRule;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
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

    private final Path dir;
    private final Set<String> builtinIds;
    private final PluginStateStore state;
    private LoadedPlugins loaded;
    private CaroPluginManager manager;

    private PluginHost(Path dir, Set<String> builtinIds) {
        this.dir = dir;
        this.builtinIds = Set.copyOf(builtinIds);
        this.state = new PluginStateStore(dir);
    }

    /**
     * A host over {@code dir} (it need not exist). Does no I/O.
     *
     * @param builtinIds ids of the built-in backends, rules and formatters, which plugin
     *     extensions may not reuse (with or without the {@code caro.} prefix)
     */
    public static PluginHost open(Path dir, Set<String> builtinIds) {
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
        return scan(new ProblemLog()).infos();
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
        List<PluginInfo> all = scan(new ProblemLog()).infos();
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
        for (Path p : jarFiles()) {
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
        ProblemLog log = new ProblemLog();
        Scan scan = scan(log);
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
        Extensions ext = new Extensions(log);
        for (PluginJar j : started) {
            ClassLoader loader = manager.getPluginClassLoader(j.id());
            PluginOrigin origin = new PluginOrigin(j.id(), j.path, log);
            boolean ok = ext.add(j, loader, origin, j.provides.backends(), ModelBackendProvider.class,
                    "backend", p -> new GuardedBackendProvider(p, origin, p.id()), ModelBackendProvider::id,
                    ext.backends);
            ok &= ext.add(j, loader, origin, j.provides.rules(), SafetyRule.class, "safety rule",
                    r -> new GuardedSafetyRule(r, origin, r.id()), SafetyRule::id, ext.rules);
            ok &= ext.add(j, loader, origin, j.provides.formatters(), OutputFormatter.class, "formatter",
                    f -> new GuardedFormatter(f, origin, f.id()), OutputFormatter::id, ext.formatters);
            if (!ok && j.provides.safetyRules()) {
                // A pack with a rule missing would let commands through unchecked.
                failedSafety.add(j.id());
            }
        }
        loaded = new LoadedPlugins(ext.backends, ext.rules, ext.formatters, sorted(infos),
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
            return label + " failed to start (" + ProblemLog.describe(rootCause(t))
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

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c
                && (c instanceof java.lang.reflect.InvocationTargetException || c.getMessage() == null
                        || c instanceof org.pf4j.PluginRuntimeException)) {
            c = c.getCause();
        }
        return c;
    }

    private static void fail(ProblemLog log, Map<String, PluginInfo> infos, Set<String> failedSafety, PluginJar j,
            PluginProblem.Kind kind, String why) {
        log.add(new PluginProblem(j.id(), j.path, kind, why));
        infos.put(j.id(), j.info(PluginStatus.FAILED, why));
        if (j.provides.safetyRules()) {
            failedSafety.add(j.id());
        }
    }

    /** Creates and validates the extensions of started plugins. */
    private final class Extensions {
        final ProblemLog log;
        final List<ModelBackendProvider> backends = new ArrayList<>();
        final List<SafetyRule> rules = new ArrayList<>();
        final List<OutputFormatter> formatters = new ArrayList<>();
        final Map<String, String> owners = new HashMap<>();

        Extensions(ProblemLog log) {
            this.log = log;
        }

        /** Adds every extension of one type; false when any was skipped. */
        <T> boolean add(PluginJar j, ClassLoader loader, PluginOrigin origin, List<String> classNames, Class<T> spi,
                String what, Function<T, T> guard, Function<T, String> idOf, List<T> into) {
            boolean ok = true;
            for (String className : classNames) {
                String problem;
                PluginProblem.Kind kind = PluginProblem.Kind.EXTENSION_FAILED;
                T ext;
                String id;
                try {
                    Class<?> c = Class.forName(className, false, loader);
                    if (c.getClassLoader() != loader) {
                        throw new IllegalStateException("the class is not inside the plugin jar");
                    }
                    if (!spi.isAssignableFrom(c)) {
                        throw new IllegalStateException("it does not implement " + spi.getName());
                    }
                    Object instance = c.getConstructor().newInstance();
                    ext = spi.cast(instance);
                    id = idOf.apply(ext);
                    if (id == null) {
                        throw new IllegalStateException("id() returned null");
                    }
                } catch (Throwable t) {
                    ok = false;
                    log.add(new PluginProblem(j.id(), j.path, kind, "Plugin '" + j.id() + "': cannot create " + what
                            + " " + className + " (" + ProblemLog.describe(rootCause(t)) + "); it is skipped."));
                    continue;
                }
                String key = what + ":" + id;
                if (id.startsWith(CaroApi.RESERVED_PREFIX)) {
                    problem = "Plugin '" + j.id() + "': " + what + " id '" + id
                            + "' uses the prefix 'caro.', which is reserved for built-ins; it is skipped.";
                    kind = PluginProblem.Kind.RESERVED_ID;
                } else if (!PluginJar.ID.matcher(id).matches()) {
                    problem = "Plugin '" + j.id() + "': " + what + " id '" + id
                            + "' is invalid (use lower case letters, digits, '.', '-' and '_'); it is skipped.";
                    kind = PluginProblem.Kind.INVALID_DESCRIPTOR;
                } else if (builtinIds.contains(id) || builtinIds.contains(CaroApi.RESERVED_PREFIX + id)) {
                    problem = "Plugin '" + j.id() + "': " + what + " id '" + id
                            + "' is already used by a built-in; it is skipped.";
                    kind = PluginProblem.Kind.DUPLICATE_ID;
                } else if (owners.containsKey(key)) {
                    problem = "Plugin '" + j.id() + "': " + what + " id '" + id + "' is already used by plugin '"
                            + owners.get(key) + "'; it is skipped.";
                    kind = PluginProblem.Kind.DUPLICATE_ID;
                } else {
                    try {
                        into.add(guard.apply(ext));
                        owners.put(key, j.id());
                        continue;
                    } catch (Throwable t) {
                        problem = "Plugin '" + j.id() + "': " + what + " '" + id + "' is broken ("
                                + ProblemLog.describe(t) + "); it is skipped.";
                    }
                }
                ok = false;
                log.add(new PluginProblem(j.id(), j.path, kind, problem));
            }
            return ok;
        }
    }

    /** What reading the directory found, before any class loading. */
    private record Scan(List<PluginInfo> infos, List<PluginJar> candidates, List<String> failedSafety) {
        Map<String, PluginInfo> infoById() {
            Map<String, PluginInfo> m = new TreeMap<>();
            infos.forEach(i -> m.put(i.id() + "\u0000" + i.path(), i));
            Map<String, PluginInfo> byId = new LinkedHashMap<>();
            m.values().forEach(i -> byId.putIfAbsent(i.id(), i));
            // keep duplicates (same id, other file) under their file name so none disappears
            m.values().stream().filter(i -> byId.get(i.id()) != i)
                    .forEach(i -> byId.put(i.path().getFileName().toString(), i));
            return byId;
        }
    }

    private Scan scan(ProblemLog log) {
        List<PluginInfo> infos = new ArrayList<>();
        List<String> failedSafety = new ArrayList<>();
        Map<String, PluginJar> valid = new LinkedHashMap<>();
        Set<String> disabled = state.disabled();
        for (Path p : jarFiles()) {
            PluginJar j;
            try {
                j = PluginJar.read(p);
            } catch (PluginException e) {
                PluginInfo info = PluginJar.broken(p, e);
                log.add(new PluginProblem(info.id(), p, e.kind(), e.getMessage()));
                infos.add(info);
                // Unreadable: it may be a safety pack, so it counts as one (fail closed).
                if (disabled.contains(info.id())) {
                    continue;
                }
                if (e.provides == null || e.provides.safetyRules()) {
                    failedSafety.add(info.id());
                }
                continue;
            }
            if (valid.containsKey(j.id())) {
                String why = "Plugin id '" + j.id() + "' is used by both " + valid.get(j.id()).path.getFileName()
                        + " and " + p.getFileName() + ": delete one of them from " + dir + ".";
                log.add(new PluginProblem(j.id(), p, PluginProblem.Kind.DUPLICATE_ID, why));
                infos.add(j.info(PluginStatus.FAILED, why));
                continue;
            }
            valid.put(j.id(), j);
        }
        Map<String, PluginJar> candidates = new LinkedHashMap<>();
        for (PluginJar j : valid.values()) {
            if (disabled.contains(j.id())) {
                infos.add(j.info(PluginStatus.DISABLED, null));
            } else {
                candidates.put(j.id(), j);
            }
        }
        // Drop plugins whose dependencies are absent, until nothing changes (dependents of dropped ones go too).
        Map<String, String> dropped = new LinkedHashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PluginJar j : List.copyOf(candidates.values())) {
                String why = dependencyProblem(j, candidates, valid, disabled, dropped);
                if (why != null) {
                    candidates.remove(j.id());
                    dropped.put(j.id(), why);
                    changed = true;
                }
            }
        }
        List<PluginJar> ordered = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        for (PluginJar j : List.copyOf(candidates.values())) {
            order(j, candidates, visiting, ordered, dropped);
        }
        ordered.removeIf(j -> dropped.containsKey(j.id()));
        for (Map.Entry<String, String> d : dropped.entrySet()) {
            PluginJar j = valid.get(d.getKey());
            log.add(new PluginProblem(j.id(), j.path, PluginProblem.Kind.MISSING_DEPENDENCY, d.getValue()));
            infos.add(j.info(PluginStatus.FAILED, d.getValue()));
            if (j.provides.safetyRules()) {
                failedSafety.add(j.id());
            }
        }
        for (PluginJar j : ordered) {
            infos.add(j.info(PluginStatus.ENABLED, null));
        }
        return new Scan(sorted(infos), ordered, failedSafety);
    }

    private static String dependencyProblem(PluginJar j, Map<String, PluginJar> candidates,
            Map<String, PluginJar> valid, Set<String> disabled, Map<String, String> dropped) {
        for (PluginDependency d : j.descriptor.getDependencies()) {
            if (d.isOptional()) {
                continue;
            }
            String dep = d.getPluginId();
            String range = d.getPluginVersionSupport();
            String needs = "Plugin '" + j.id() + "' needs plugin '" + dep + "'" + ("*".equals(range) ? "" : " " + range);
            PluginJar target = candidates.get(dep);
            if (target == null) {
                if (dropped.containsKey(dep)) {
                    return needs + ", which cannot be loaded: fix '" + dep + "' first.";
                }
                if (valid.containsKey(dep) && disabled.contains(dep)) {
                    return needs + ", which is disabled: run 'caro plugins enable " + dep + "'.";
                }
                return needs + ", which is not installed: install it, or remove '" + j.id() + "'.";
            }
            boolean fits;
            try {
                fits = PluginJar.VERSIONS.checkVersionConstraint(target.version(), range);
            } catch (RuntimeException e) {
                fits = false;
            }
            if (!fits) {
                return needs + ", but " + target.version() + " is installed: install a matching version of '"
                        + dep + "'.";
            }
        }
        return null;
    }

    private static void order(PluginJar j, Map<String, PluginJar> candidates, Set<String> visiting,
            List<PluginJar> out, Map<String, String> dropped) {
        if (out.contains(j) || dropped.containsKey(j.id())) {
            return;
        }
        if (!visiting.add(j.id())) {
            dropped.put(j.id(), "Plugin '" + j.id() + "' is part of a dependency cycle: its publisher must break it.");
            return;
        }
        for (PluginDependency d : j.descriptor.getDependencies()) {
            PluginJar dep = candidates.get(d.getPluginId());
            if (dep != null) {
                order(dep, candidates, visiting, out, dropped);
            }
        }
        visiting.remove(j.id());
        if (!dropped.containsKey(j.id())) {
            out.add(j);
        }
    }

    private static List<PluginInfo> sorted(List<PluginInfo> infos) {
        return infos.stream().sorted(java.util.Comparator.comparing(PluginInfo::id)
                .thenComparing(i -> i.path().toString())).toList();
    }

    private static List<PluginInfo> sorted(Map<String, PluginInfo> infos) {
        return sorted(new ArrayList<>(infos.values()));
    }

    private List<Path> jarFiles() {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path p : s) {
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            PluginLog.print("warn", "cannot read " + dir + ": " + e.getMessage(), null);
        }
        out.sort(null);
        return out;
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
