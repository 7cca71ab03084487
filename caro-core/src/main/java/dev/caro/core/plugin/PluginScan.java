package dev.caro.core.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pf4j.PluginDependency;

/**
 * What reading the plugins directory found, before any class loading: every jar's entry
 * (enabled, disabled or failed, with the problem), the enabled plugins whose dependencies are
 * all present in the order to load them, and the safety packs that cannot load.
 *
 * @param infos every jar, sorted by id
 * @param candidates the plugins to load, dependencies first
 * @param failedSafety ids (or file names) of broken safety packs, including unreadable jars
 */
record PluginScan(List<PluginInfo> infos, List<PluginJar> candidates, List<String> failedSafety) {

    /** By id; a second jar with a taken id is kept under its file name so none disappears. */
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

    /** Reads every jar in {@code dir}; problems go to {@code log}. */
    static PluginScan of(Path dir, Set<String> disabled, ProblemLog log) {
        List<PluginInfo> infos = new ArrayList<>();
        List<String> failedSafety = new ArrayList<>();
        Map<String, PluginJar> valid = new LinkedHashMap<>();
        for (Path p : jarFiles(dir)) {
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
        return new PluginScan(sorted(infos), ordered, failedSafety);
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

    static List<PluginInfo> sorted(java.util.Collection<PluginInfo> infos) {
        return infos.stream().sorted(java.util.Comparator.comparing(PluginInfo::id)
                .thenComparing(i -> i.path().toString())).toList();
    }

    /** The {@code *.jar} files directly in {@code dir}, sorted; none when it does not exist. */
    static List<Path> jarFiles(Path dir) {
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
}
