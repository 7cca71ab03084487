package dev.caro.backend.llamacpp;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.BackgroundServers;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.backend.ModelStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded llama.cpp backend. Cheap: nothing here touches java-llama.cpp, so the native
 * library is loaded only by {@link #create}.
 *
 * <p>The model is {@link BackendEnvironment#model()} (from {@code --model}), else the
 * {@code model} setting, else the catalog's default; a catalog id or a path to a {@code .gguf}.
 */
public final class LlamaCppBackendProvider implements ModelBackendProvider {

    public static final String ID = "caro.llamacpp";

    /** Read when first needed: every request that names another backend creates this provider too. */
    private ModelCatalog catalog;

    private synchronized ModelCatalog catalog() {
        if (catalog == null) {
            catalog = ModelCatalog.builtIn();
        }
        return catalog;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "local GGUF model run by llama.cpp, kept loaded by a background server (default " + catalog().defaultEntry().id() + ")";
    }

    @Override
    public int rank() {
        return 100;
    }

    @Override
    public boolean worksOffline() {
        return true;
    }

    @Override
    public boolean needsModel() {
        return true;
    }

    @Override
    public Availability availability(BackendEnvironment environment) {
        try {
            if (NativeLibrary.currentPlatformFolder().isEmpty()) {
                return Availability.unavailable("llama.cpp has no native library for "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"), "");
            }
            ModelChoice choice = choose(environment);
            Optional<String> problem = ModelFileCheck.quick(choice);
            if (problem.isPresent()) {
                return Availability.unavailable(problem.get(), fixFor(choice));
            }
            Optional<String> library = NativeLibrary.configuredLibraryProblem();
            if (library.isPresent()) {
                return Availability.unavailable(library.get(), "");
            }
            return Availability.ready(choice.name());
        } catch (IllegalArgumentException e) {
            return Availability.unavailable(e.getMessage(), "caro models list");
        } catch (RuntimeException e) {
            return Availability.unavailable("cannot check the llama.cpp model: " + e.getMessage(), "");
        }
    }

    /**
     * The background model server's client ({@link ModelServerClient}), or the model loaded into
     * this process when the server is turned off ({@code --no-daemon}, {@code CARO_NO_DAEMON=1},
     * {@code daemon = false}) or the file system has no POSIX permissions to protect its socket.
     */
    @Override
    public ModelBackend create(BackendEnvironment environment) throws BackendException {
        ServerSettings server;
        try {
            server = ServerSettings.from(environment);
        } catch (IllegalArgumentException e) {
            throw new BackendException(e.getMessage(), e);
        }
        if (!server.enabled() || !ServerFiles.supported() || !ServerFiles.socketPathFits(ServerFiles.directory(environment))) {
            return loadInProcess(environment);
        }
        Checked checked = check(environment);
        return ModelServerClient.start(checked.choice(), checked.settings(), server, environment);
    }

    /** Loads the model into this process; also what the model server itself does. */
    LlamaCppBackend loadInProcess(BackendEnvironment environment) throws BackendException {
        Checked checked = check(environment);
        return LlamaCppBackend.load(checked.choice(), checked.gguf(), checked.settings(), environment);
    }

    /** A model choice whose file passed the full check, with valid settings. */
    private record Checked(ModelChoice choice, LlamaCppSettings settings, GgufFile gguf) {}

    private Checked check(BackendEnvironment environment) throws BackendException {
        ModelChoice choice;
        LlamaCppSettings settings;
        try {
            choice = choose(environment);
            settings = LlamaCppSettings.from(environment);
        } catch (IllegalArgumentException e) {
            throw new BackendException(e.getMessage(), e);
        }
        try {
            return new Checked(choice, settings, ModelFileCheck.full(choice));
        } catch (ModelFileCheck.InvalidModelException e) {
            String fix = fixFor(choice);
            throw new BackendException(e.getMessage() + (fix.isEmpty() ? "" : "; run '" + fix + "'"), e);
        }
    }

    @Override
    public Optional<ModelStore> modelStore(BackendEnvironment environment) {
        return Optional.of(new LlamaCppModelStore(catalog(), modelsDir(environment), environment.environment()));
    }

    /**
     * The model servers in this environment's run directory. Listed whatever the daemon setting,
     * so that servers started before it was turned off can still be seen and stopped.
     */
    @Override
    public Optional<BackgroundServers> servers(BackendEnvironment environment) {
        return Optional.of(new ModelServers(ServerFiles.directory(environment)));
    }

    /** The directory downloaded models live in: {@code <cacheDir>/models}. */
    static Path modelsDir(BackendEnvironment environment) {
        return environment.cacheDir().resolve("models");
    }

    ModelChoice choose(BackendEnvironment environment) {
        Optional<String> selected = environment.model().or(() -> {
            String s = environment.setting("model", "");
            return s.isBlank() ? Optional.empty() : Optional.of(s);
        });
        return ModelChoice.resolve(selected, catalog(), modelsDir(environment));
    }

    private static String fixFor(ModelChoice choice) {
        return choice.entry().map(e -> "caro models pull " + e.id()).orElse("");
    }
}
