package dev.caro.core.registry;

import dev.caro.api.CaroApi;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.SafetyRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * All backends, safety rules and output formatters caro knows: the built-ins found with
 * {@link ServiceLoader} on the class path and, added afterwards, those from plugins. Ids are
 * validated when an extension is added; a broken or duplicate extension is skipped and recorded
 * as a {@link RegistryProblem}, never fatal.
 *
 * <p>Each kind is discovered on first use, so a command pays only for the kinds it touches:
 * {@code caro check} creates no backend provider (the llama.cpp one reads its model catalog).
 * Adding an extension of a kind discovers that kind's built-ins first, so a plugin can never take
 * a built-in's id.
 */
public final class Registry {

    private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9._-]*[a-z0-9])?");

    /** Where the built-ins are discovered; null for a registry that starts empty. */
    private final ClassLoader loader;
    private final Consumer<RegistryProblem> reporter;
    private Map<String, ModelBackendProvider> backends;
    private Map<String, SafetyRule> rules;
    private Map<String, OutputFormatter> formatters;
    private final List<RegistryProblem> problems = new ArrayList<>();

    /** An empty registry. */
    public Registry() {
        this(null, p -> {});
    }

    private Registry(ClassLoader loader, Consumer<RegistryProblem> reporter) {
        this.loader = loader;
        this.reporter = reporter;
    }

    /** Discovers the built-ins visible to {@code loader}, each kind when first asked for. */
    public static Registry discover(ClassLoader loader) {
        return discover(loader, p -> {});
    }

    /**
     * As {@link #discover(ClassLoader)}; {@code reporter} is also told of each problem when it is
     * found, which for a built-in is when its kind is first used.
     */
    public static Registry discover(ClassLoader loader, Consumer<RegistryProblem> reporter) {
        return new Registry(loader, reporter);
    }

    // Loops rather than lambdas on the way every start takes: each lambda is linked, interpreted,
    // the first time it runs.
    private synchronized Map<String, ModelBackendProvider> backendMap() {
        if (backends == null) {
            backends = new LinkedHashMap<>();
            for (ModelBackendProvider p : builtIns(ModelBackendProvider.class)) {
                addBackend(p, true);
            }
        }
        return backends;
    }

    private synchronized Map<String, SafetyRule> ruleMap() {
        if (rules == null) {
            rules = new LinkedHashMap<>();
            for (SafetyRule p : builtIns(SafetyRule.class)) {
                addRule(p, true);
            }
        }
        return rules;
    }

    private synchronized Map<String, OutputFormatter> formatterMap() {
        if (formatters == null) {
            formatters = new LinkedHashMap<>();
            for (OutputFormatter p : builtIns(OutputFormatter.class)) {
                addFormatter(p, true);
            }
        }
        return formatters;
    }

    private <T> List<T> builtIns(Class<T> type) {
        if (loader == null) {
            return List.of();
        }
        List<RegistryProblem> found = new ArrayList<>();
        List<T> out = load(type, loader, found);
        for (RegistryProblem p : found) {
            problem(p);
        }
        return out;
    }

    private synchronized void problem(RegistryProblem p) {
        problems.add(p);
        reporter.accept(p);
    }

    /** Loads every provider of {@code type}, recording (not throwing) those that fail. */
    static <T> List<T> load(Class<T> type, ClassLoader loader, List<RegistryProblem> problems) {
        List<T> out = new ArrayList<>();
        ServiceLoader<T> sl = ServiceLoader.load(type, loader);
        var it = sl.stream().iterator();
        while (true) {
            ServiceLoader.Provider<T> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                problems.add(new RegistryProblem(type.getSimpleName(), "cannot be loaded: " + e.getMessage()));
                continue;
            }
            try {
                out.add(provider.get());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(new RegistryProblem(provider.type().getName(), "cannot be created: " + e));
            }
        }
        return out;
    }

    /**
     * Adds a backend provider.
     *
     * @param builtIn whether it ships with caro (only built-ins may use the {@code caro.} prefix)
     * @return whether it was accepted
     */
    public boolean addBackend(ModelBackendProvider provider, boolean builtIn) {
        return add(backendMap(), provider, safeId(provider, ModelBackendProvider.class), builtIn, "backend");
    }

    /** Adds a safety rule; see {@link #addBackend}. */
    public boolean addRule(SafetyRule rule, boolean builtIn) {
        return add(ruleMap(), rule, safeId(rule, SafetyRule.class), builtIn, "safety rule");
    }

    /** Adds an output formatter; see {@link #addBackend}. */
    public boolean addFormatter(OutputFormatter formatter, boolean builtIn) {
        return add(formatterMap(), formatter, safeId(formatter, OutputFormatter.class), builtIn, "output format");
    }

    /** The id {@code ext} has as a {@code kind}, or null when asking for it throws. */
    private static String safeId(Object ext, Class<?> kind) {
        try {
            if (kind == ModelBackendProvider.class) {
                return ((ModelBackendProvider) ext).id();
            }
            if (kind == SafetyRule.class) {
                return ((SafetyRule) ext).id();
            }
            return ((OutputFormatter) ext).id();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private synchronized <T> boolean add(Map<String, T> map, T ext, String id, boolean builtIn, String kind) {
        String source = ext.getClass().getName();
        if (id == null || !ID.matcher(id).matches()) {
            problem(new RegistryProblem(source, kind + " id '" + id
                    + "' is invalid: use lower-case letters, digits, '.', '-' and '_'"));
            return false;
        }
        if (!builtIn && id.startsWith(CaroApi.RESERVED_PREFIX)) {
            problem(new RegistryProblem(source, kind + " id '" + id + "' uses the prefix '"
                    + CaroApi.RESERVED_PREFIX + "', which is reserved for caro's built-ins"));
            return false;
        }
        if (map.containsKey(id) || (!builtIn && map.containsKey(CaroApi.RESERVED_PREFIX + id))) {
            problem(new RegistryProblem(source, kind + " id '" + id + "' is already used by "
                    + map.getOrDefault(id, map.get(CaroApi.RESERVED_PREFIX + id)).getClass().getName()));
            return false;
        }
        map.put(id, ext);
        return true;
    }

    /** Backends by rank, highest first; ties by id. */
    public List<ModelBackendProvider> backends() {
        return backendMap().values().stream()
                .sorted(Comparator.comparingInt(ModelBackendProvider::rank).reversed()
                        .thenComparing(ModelBackendProvider::id))
                .toList();
    }

    public List<SafetyRule> rules() {
        return List.copyOf(ruleMap().values());
    }

    public List<OutputFormatter> formatters() {
        return List.copyOf(formatterMap().values());
    }

    /** The problems found so far: a kind's built-ins are checked when the kind is first used. */
    public synchronized List<RegistryProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Finds a backend by id; a built-in may be named without its {@code caro.} prefix
     * ({@code offline} finds {@code caro.offline}).
     *
     * @throws UnknownNameException listing the known names when there is none
     */
    public ModelBackendProvider backend(String name) {
        Map<String, ModelBackendProvider> map = backendMap();
        Optional<ModelBackendProvider> found = find(map, name);
        if (found.isEmpty()) {
            throw new UnknownNameException("backend", name, names(map));
        }
        return found.get();
    }

    /** Finds a formatter by id, as {@link #backend}. */
    public OutputFormatter formatter(String name) {
        Map<String, OutputFormatter> map = formatterMap();
        Optional<OutputFormatter> found = find(map, name);
        if (found.isEmpty()) {
            throw new UnknownNameException("output format", name, names(map));
        }
        return found.get();
    }

    private static <T> Optional<T> find(Map<String, T> map, String name) {
        String n = name == null ? "" : name.strip();
        T exact = map.get(n);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(map.get(CaroApi.RESERVED_PREFIX + n));
    }

    /** The names users type: built-ins without their {@code caro.} prefix. */
    public static String displayName(String id) {
        return id.startsWith(CaroApi.RESERVED_PREFIX) ? id.substring(CaroApi.RESERVED_PREFIX.length()) : id;
    }

    private static String names(Map<String, ?> map) {
        return map.keySet().stream().map(Registry::displayName).sorted().collect(Collectors.joining(", "));
    }
}
