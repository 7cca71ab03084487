package dev.caro.core.plugin;

import dev.caro.api.CaroApi;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.SafetyRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Creates the extensions a started plugin registers in {@code META-INF/services}, through the
 * plugin's own class loader, validates their ids (format, the reserved {@code caro.} prefix,
 * duplicates of built-ins or of other plugins) and wraps each in its guard.
 */
final class ExtensionLoader {

    private final Set<String> builtinIds;
    private final ProblemLog log;
    final List<ModelBackendProvider> backends = new ArrayList<>();
    final List<SafetyRule> rules = new ArrayList<>();
    final List<OutputFormatter> formatters = new ArrayList<>();
    /** "kind:id" to the plugin that registered it first. */
    private final Map<String, String> owners = new HashMap<>();

    ExtensionLoader(Set<String> builtinIds, ProblemLog log) {
    this.builtinIds = Set.copyOf(builtinIds);
    this.log = log;
    }

    /** Creates every extension a started plugin registers; false when any was skipped. */
    boolean addAll(PluginJar j, ClassLoader loader) {
    PluginOrigin origin = new PluginOrigin(j.id(), j.path, log);
    boolean ok = add(j, loader, j.provides.backends(), ModelBackendProvider.class, "backend",
            p -> new GuardedBackendProvider(p, origin, p.id()), ModelBackendProvider::id, backends);
    ok &= add(j, loader, j.provides.rules(), SafetyRule.class, "safety rule",
            r -> new GuardedSafetyRule(r, origin, r.id()), SafetyRule::id, rules);
    ok &= add(j, loader, j.provides.formatters(), OutputFormatter.class, "formatter",
            f -> new GuardedFormatter(f, origin, f.id()), OutputFormatter::id, formatters);
    return ok;
    }

    /** Adds every extension of one type; false when any was skipped. */
    private <T> boolean add(PluginJar j, ClassLoader loader, List<String> classNames, Class<T> spi,
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
                        + " " + className + " (" + ProblemLog.describe(ProblemLog.rootCause(t)) + "); it is skipped."));
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
