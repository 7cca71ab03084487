package dev.caro.cli;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.backend.ModelInfo;
import dev.caro.api.backend.ModelStore;
import dev.caro.api.backend.ProgressListener;
import dev.caro.core.config.ConfigKey;
import dev.caro.core.config.ConfigWriter;
import dev.caro.core.pipeline.BackendEnvironments;
import dev.caro.core.registry.Registry;
import dev.caro.core.text.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code caro models list|pull|use|remove|verify}: the downloadable models of every backend that
 * has a {@link ModelStore} (today the embedded llama.cpp backend). {@code list} is the default.
 */
@Command(name = "models", description = "Lists, downloads, selects, removes and verifies local models.",
        subcommands = {ModelsCommand.ListCmd.class, ModelsCommand.Pull.class, ModelsCommand.Use.class,
            ModelsCommand.Remove.class, ModelsCommand.Verify.class})
final class ModelsCommand implements Callable<Integer> {

    /** Exit code when a pull, removal or verification failed. */
    static final int FAILED = 1;

    /** A backend's model store. */
    record NamedStore(String backend, ModelStore store) {}

    @ParentCommand
    CaroCommand parent;

    @Option(names = "--json", description = "One JSON object per model and line.")
    boolean json;

    @Override
    public Integer call() {
        Session s = parent.session();
        return list(stores(s), selected(s), json, s.cli().out());
    }

    /** The model stores of all registered backends; a backend whose store fails is skipped. */
    static List<NamedStore> stores(Session session) {
        CliEnvironment env = session.cli();
        BackendEnvironments envs = new BackendEnvironments(session.config(), env.paths(), session.backendEnv(),
                session.settings().get(ConfigKey.MODEL), session.progress());
        List<NamedStore> stores = new ArrayList<>();
        for (ModelBackendProvider p : session.registry().backends()) {
            try {
                p.modelStore(envs.forBackend(p.id()))
                        .ifPresent(store -> stores.add(new NamedStore(Registry.displayName(p.id()), store)));
            } catch (RuntimeException | LinkageError e) {
                env.err().println("caro: skipped the models of " + Registry.displayName(p.id()) + ": " + e.getMessage());
            }
        }
        return stores;
    }

    static Optional<String> selected(Session session) {
        return session.settings().get(ConfigKey.MODEL);
    }

    static int list(List<NamedStore> stores, Optional<String> selected, boolean json, PrintWriter out) {
        if (!json) {
            out.printf("%-2s%-22s %-8s %-15s %s%n", "", "MODEL", "SIZE", "STATUS", "DESCRIPTION");
        }
        for (NamedStore ns : stores) {
            for (ModelInfo m : ns.store().list()) {
                boolean current = selected.map(m.id()::equals).orElse(m.isDefault());
                if (json) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", m.id());
                    row.put("backend", ns.backend());
                    row.put("size", m.size());
                    row.put("downloaded", m.downloaded());
                    row.put("path", m.path().map(Path::toString).orElse(""));
                    row.put("default", m.isDefault());
                    row.put("selected", current);
                    row.put("source", m.source());
                    row.put("description", m.description());
                    out.println(Json.write(row));
                } else {
                    out.printf("%-2s%-22s %-8s %-15s %s%n", current ? "*" : "", m.id(), m.size(),
                            m.downloaded() ? "downloaded" : "not downloaded", m.description());
                }
            }
        }
        if (!json) {
            out.println("* = in use. Get one with: caro models pull ID; select it with: caro models use ID");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The store that has {@code id}. */
    static NamedStore storeOf(List<NamedStore> stores, String id) {
        for (NamedStore ns : stores) {
            if (ns.store().find(id).isPresent()) {
                return ns;
            }
        }
        throw new UsageException("unknown model '" + id + "'; known models: " + stores.stream()
                .flatMap(ns -> ns.store().list().stream()).map(ModelInfo::id).collect(Collectors.joining(", ")));
    }

    /** The id to act on: the argument, else the selected model, else the default one. */
    static String idOrSelected(List<NamedStore> stores, String id, Optional<String> selected) {
        if (id != null && !id.isBlank()) {
            return id.strip();
        }
        if (selected.isPresent() && !looksLikePath(selected.get())) {
            return selected.get();
        }
        return stores.stream().flatMap(ns -> ns.store().list().stream()).filter(ModelInfo::isDefault)
                .map(ModelInfo::id).findFirst()
                .orElseThrow(() -> new UsageException("no model given and no backend has a default model"));
    }

    static int pull(List<NamedStore> stores, String id, ProgressListener progress, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        NamedStore ns = storeOf(stores, id);
        try {
            ModelInfo m = ns.store().pull(id, progress);
            out.println(m.id() + " is ready: " + m.path().map(Path::toString).orElse(""));
            out.flush();
            return ExitCodes.OK;
        } catch (BackendException e) {
            err.println("caro: " + e.getMessage());
            err.flush();
            return FAILED;
        }
    }

    static int remove(List<NamedStore> stores, String id, PrintWriter out, PrintWriter err) {
        NamedStore ns = storeOf(stores, id);
        try {
            out.println(ns.store().remove(id) ? "removed " + id : id + " was not downloaded");
            out.flush();
            return ExitCodes.OK;
        } catch (BackendException e) {
            err.println("caro: " + e.getMessage());
            err.flush();
            return FAILED;
        }
    }

    /** Verifies {@code id}, or every downloaded model when {@code id} is null. */
    static int verify(List<NamedStore> stores, String id, ProgressListener progress, PrintWriter out, PrintWriter err) {
        List<String> ids = new ArrayList<>();
        if (id != null) {
            storeOf(stores, id);
            ids.add(id);
        } else {
            stores.forEach(ns -> ns.store().list().stream().filter(ModelInfo::downloaded).forEach(m -> ids.add(m.id())));
            if (ids.isEmpty()) {
                out.println("no model is downloaded; get one with: caro models pull ID");
                out.flush();
                return ExitCodes.OK;
            }
        }
        int code = ExitCodes.OK;
        for (String each : ids) {
            try {
                ModelInfo m = storeOf(stores, each).store().verify(each, progress);
                out.println(m.id() + ": ok (" + m.path().map(Path::toString).orElse("") + ")");
            } catch (BackendException e) {
                err.println("caro: " + e.getMessage());
                code = FAILED;
            }
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Writes {@code model = ID} (or a .gguf path) to config.toml. A catalog model that is not yet
     * downloaded is accepted with a hint, so that a later {@code caro} run says how to get it.
     */
    static int use(List<NamedStore> stores, String value, Path configFile, PrintWriter out, PrintWriter err) {
        String v = value.strip();
        if (looksLikePath(v)) {
            Path p = Path.of(v).toAbsolutePath().normalize();
            if (!Files.isRegularFile(p)) {
                throw new UsageException("model file " + p + " does not exist");
            }
            v = p.toString();
        } else {
            NamedStore ns = storeOf(stores, v);
            if (!ns.store().find(v).orElseThrow().downloaded()) {
                err.println("caro: " + v + " is not downloaded yet; get it with: caro models pull " + v);
            }
        }
        ConfigWriter.set(configFile, ConfigKey.MODEL.key(), v);
        out.println("model = " + v + " (in " + configFile + ")");
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    private static boolean looksLikePath(String s) {
        return s.toLowerCase(Locale.ROOT).endsWith(".gguf") || s.contains("/") || s.contains("\\");
    }

    @Command(name = "list", description = "Lists the models, their size and whether they are downloaded (default).")
    static final class ListCmd implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Option(names = "--json", description = "One JSON object per model and line.")
        boolean json;

        @Override
        public Integer call() {
            Session s = parent.parent.session();
            return list(stores(s), selected(s), json || parent.json, s.cli().out());
        }
    }

    @Command(name = "pull", description = "Downloads a model (default: the one in use), resuming a partial download.")
    static final class Pull implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Parameters(arity = "0..1", paramLabel = "ID", description = "A model id from 'caro models list'.")
        String id;

        @Override
        public Integer call() throws InterruptedException {
            Session s = parent.parent.session();
            List<NamedStore> stores = stores(s);
            return pull(stores, idOrSelected(stores, id, selected(s)), s.progress(), s.cli().out(), s.cli().err());
        }
    }

    @Command(name = "use", description = "Makes a model the one caro uses (writes 'model' in config.toml).")
    static final class Use implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Parameters(paramLabel = "ID|FILE", description = "A model id or the path of a .gguf file.")
        String value;

        @Override
        public Integer call() {
            Session s = parent.parent.session();
            return use(stores(s), value, s.cli().paths().configFile(), s.cli().out(), s.cli().err());
        }
    }

    @Command(name = "remove", description = "Deletes a downloaded model.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            Session s = parent.parent.session();
            return remove(stores(s), id, s.cli().out(), s.cli().err());
        }
    }

    @Command(name = "verify", description = "Checks downloaded models completely (size, format, SHA-256).")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        ModelsCommand parent;

        @Parameters(arity = "0..1", paramLabel = "ID", description = "A model id; default: every downloaded model.")
        String id;

        @Override
        public Integer call() {
            Session s = parent.parent.session();
            return verify(stores(s), id, s.progress(), s.cli().out(), s.cli().err());
        }
    }
}
