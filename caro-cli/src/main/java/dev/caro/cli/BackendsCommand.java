package dev.caro.cli;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.core.config.ConfigKey;
import dev.caro.core.pipeline.BackendEnvironments;
import dev.caro.core.registry.Registry;
import dev.caro.core.text.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code caro backends [list]}: the backends caro knows, in the order it tries them. */
@Command(name = "backends", description = "Lists the backends in the order caro tries them.",
        subcommands = BackendsCommand.ListCommand.class)
final class BackendsCommand implements Callable<Integer> {

    @ParentCommand
    CaroCommand parent;

    @Option(names = "--json", description = "One JSON object per backend and line.")
    boolean json;

    @Override
    public Integer call() {
        return list(parent.session(), json);
    }

    static int list(Session session, boolean json) {
        CliEnvironment env = session.cli();
        Registry registry = session.registry();
        BackendEnvironments envs = new BackendEnvironments(session.config(), env.paths(), session.backendEnv(),
                session.settings().get(ConfigKey.MODEL), null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelBackendProvider p : registry.backends()) {
            Availability a = envs.availability(p);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", Registry.displayName(p.id()));
            row.put("rank", p.rank());
            row.put("offline", p.worksOffline());
            row.put("needs_model", p.needsModel());
            row.put("available", a.available());
            row.put("reason", a.reason());
            row.put("fix", a.fix());
            row.put("description", p.description());
            rows.add(row);
        }
        if (json) {
            rows.forEach(r -> env.out().println(Json.write(r)));
        } else {
            env.out().printf("%-12s %5s  %-8s %-11s %s%n", "BACKEND", "RANK", "OFFLINE", "STATUS", "DESCRIPTION");
            for (Map<String, Object> r : rows) {
                boolean ok = (Boolean) r.get("available");
                env.out().printf("%-12s %5d  %-8s %-11s %s%n", r.get("id"), (Integer) r.get("rank"),
                        (Boolean) r.get("offline") ? "yes" : "no", ok ? "ready" : "unavailable", r.get("description"));
                if (!ok) {
                    env.out().println("             " + r.get("reason")
                            + (((String) r.get("fix")).isEmpty() ? "" : " — run: " + r.get("fix")));
                }
            }
        }
        env.out().flush();
        return ExitCodes.OK;
    }

    @Command(name = "list", description = "Lists the backends (the default action).")
    static final class ListCommand implements Callable<Integer> {

        @ParentCommand
        BackendsCommand parent;

        @Option(names = "--json", description = "One JSON object per backend and line.")
        boolean json;

        @Override
        public Integer call() {
            return list(parent.parent.session(), json || parent.json);
        }
    }
}
