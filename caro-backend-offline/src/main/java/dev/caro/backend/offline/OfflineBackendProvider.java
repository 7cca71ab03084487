package dev.caro.backend.offline;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import java.util.List;

/**
 * The built-in offline backend: a catalog of everyday tasks matched by rules, with no model.
 * Always available; ranked below model backends so it is the last resort, or the only answer
 * when no model is installed.
 */
public final class OfflineBackendProvider implements ModelBackendProvider {

    /** The backend's id; users may select it as {@code offline}. */
    public static final String ID = "caro.offline";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Built-in rules for everyday tasks; no model, no network";
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public boolean worksOffline() {
        return true;
    }

    @Override
    public boolean needsModel() {
        return false;
    }

    @Override
    public Availability availability(BackendEnvironment environment) {
        return Availability.ready();
    }

    @Override
    public ModelBackend create(BackendEnvironment environment) throws BackendException {
        ClassLoader own = OfflineBackendProvider.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        List<ClassLoader> loaders = context == null || context == own ? List.of(own) : List.of(own, context);
        try {
            return new OfflineBackend(Catalog.load(own, loaders));
        } catch (CatalogFormatException | IllegalStateException e) {
            throw new BackendException("The offline backend's catalog is broken: " + e.getMessage()
                    + ". Reinstall caro or remove the plugin that ships it.", e);
        }
    }
}
