package dev.caro.backend.offline;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import java.net.URL;
import java.util.ArrayList;
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
            return backendFor(own, loaders);
        } catch (CatalogFormatException | IllegalStateException e) {
            throw new BackendException("The offline backend's catalog is broken: " + e.getMessage()
                    + ". Reinstall caro or remove the plugin that ships it.", e);
        }
    }

    /**
     * The last backend made, with the loaders and extension catalogs it was made from. The backend
     * is immutable, so a process that answers many requests (the resident CLI server) reads and
     * indexes the catalog once, not per request; any other loader or catalog file makes a new one.
     */
    private record Made(List<ClassLoader> loaders, List<String> extensions, OfflineBackend backend) {}

    private static volatile Made last;

    private static OfflineBackend backendFor(ClassLoader own, List<ClassLoader> loaders) {
        // Found once: the key of the backend kept, and on a miss the files the new catalog reads.
        List<URL> files = Catalog.extensionFiles(loaders);
        List<String> extensions = new ArrayList<>();
        for (URL u : files) {
            extensions.add(u.toString());
        }
        Made m = last;
        if (m != null && m.loaders().equals(loaders) && m.extensions().equals(extensions)) {
            return m.backend();
        }
        OfflineBackend made = new OfflineBackend(Catalog.fromFiles(own, files));
        last = new Made(loaders, extensions, made);
        return made;
    }
}
