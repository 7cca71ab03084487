package dev.caro.backend.djl;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.backend.ModelStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The DJL backend: a TorchScript causal language model with its Hugging Face tokenizer, run
 * through DJL's PyTorch engine. Cheap: nothing here loads DJL or libtorch; {@link #create} does.
 *
 * <p>The model directory is the {@code model_dir} setting ({@code [backends.djl]} in
 * config.toml), else {@code --model} when it names a directory.
 */
public final class DjlBackendProvider implements ModelBackendProvider {

    public static final String ID = "caro.djl";
    static final String CONFIGURE = "caro config set backends.djl.model_dir /path/to/model-dir";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "local TorchScript model run in-process with DJL and PyTorch (see docs/djl-backend.md)";
    }

    @Override
    public int rank() {
        return 50;
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
            Optional<String> nativeProblem = TorchRuntime.nativeProblem();
            if (nativeProblem.isPresent()) {
                return Availability.unavailable(nativeProblem.get(), "");
            }
            DjlSettings settings = DjlSettings.from(environment);
            if (settings.modelDir().isEmpty()) {
                return Availability.unavailable("no DJL model directory is configured", CONFIGURE);
            }
            Path dir = settings.modelDir().get();
            Optional<String> problem = ModelDirectory.problem(dir);
            if (problem.isPresent()) {
                return Availability.unavailable(problem.get(), CONFIGURE);
            }
            return Availability.ready(dir.toString());
        } catch (IllegalArgumentException e) {
            return Availability.unavailable(e.getMessage(), "caro config show");
        } catch (RuntimeException e) {
            return Availability.unavailable("cannot check the DJL backend: " + e.getMessage(), "");
        }
    }

    @Override
    public Optional<ModelStore> modelStore(BackendEnvironment environment) {
        Optional<Path> configured = Optional.of(environment.setting("model_dir", "").strip())
                .filter(s -> !s.isEmpty()).map(Path::of);
        return Optional.of(new DjlModelStore(RegisteredModels.of(environment), configured));
    }

    @Override
    public ModelBackend create(BackendEnvironment environment) throws BackendException {
        DjlSettings settings;
        ModelDirectory dir;
        try {
            settings = DjlSettings.from(environment);
            Path path = settings.modelDir().orElseThrow(() -> new IllegalArgumentException(
                    "no DJL model directory is configured; run '" + CONFIGURE + "'"));
            dir = ModelDirectory.open(path);
        } catch (IllegalArgumentException e) {
            throw new BackendException(e.getMessage(), e);
        }
        try {
            return DjlBackend.load(dir, settings, environment);
        } catch (NoClassDefFoundError e) {
            throw TorchRuntime.incomplete(e);
        }
    }
}
