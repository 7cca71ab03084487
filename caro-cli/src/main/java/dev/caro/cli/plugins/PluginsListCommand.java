package dev.caro.cli.plugins;

import dev.caro.core.plugin.PluginInfo;
import dev.caro.core.text.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code caro plugins list}: id, version, state, what it provides, path. */
@Command(name = "list", description = "Lists installed plugins (the default action).")
final class PluginsListCommand implements Callable<Integer> {

    @ParentCommand
    PluginsCommand parent;

    @Option(names = "--json", description = "One JSON object per plugin and line.")
    boolean json;

    @Override
    public Integer call() {
        return list(parent, json || parent.json);
    }

    static int list(PluginsCommand parent, boolean json) {
        return parent.run(env -> {
            List<PluginInfo> plugins = parent.host().list();
            if (json) {
                plugins.forEach(p -> env.out().println(Json.write(row(p))));
                return 0;
            }
            if (plugins.isEmpty()) {
                env.out().println("No plugins installed in " + env.pluginsDir() + ".");
                env.out().println("Install one with: caro plugins install PATH|URL|GROUP:ARTIFACT:VERSION");
                return 0;
            }
            env.out().printf("%-20s %-10s %-9s %-24s %s%n", "ID", "VERSION", "STATE", "PROVIDES", "PATH");
            for (PluginInfo p : plugins) {
                env.out().printf("%-20s %-10s %-9s %-24s %s%n", p.id(), p.version().isEmpty() ? "-" : p.version(),
                        p.status().id(), p.provides().summary(), p.path());
                p.problem().ifPresent(why -> env.out().println("  problem: " + why));
            }
            for (PluginInfo p : plugins) {
                if (p.problem().isPresent() && p.provides().safetyRules()) {
                    env.out().println("Safety pack " + p.id() + " is broken: caro will not run commands until you fix"
                            + " or remove it (caro plugins remove " + p.id() + ").");
                }
            }
            return 0;
        });
    }

    static Map<String, Object> row(PluginInfo p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", p.id());
        row.put("version", p.version());
        row.put("state", p.status().id());
        Map<String, Object> provides = new LinkedHashMap<>();
        provides.put("backends", p.provides().backends());
        provides.put("rules", p.provides().rules());
        provides.put("formatters", p.provides().formatters());
        row.put("provides", provides);
        row.put("requires", p.requires());
        row.put("provider", p.provider());
        row.put("description", p.description());
        row.put("dependencies", p.dependencies());
        row.put("path", p.path().toString());
        row.put("problem", p.problem().orElse(null));
        return row;
    }
}
