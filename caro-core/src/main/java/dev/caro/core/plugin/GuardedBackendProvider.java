package dev.caro.core.plugin;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;

/**
 * A plugin's backend provider as caro sees it: metadata read once at load, and any throwable from
 * plugin code turned into an unavailable backend or a {@link BackendException}, so caro falls
 * back to the next backend.
 */
final class GuardedBackendProvider implements ModelBackendProvider {

    private final ModelBackendProvider delegate;
    private final PluginOrigin origin;
    private final String id;
    private final String description;
    private final int rank;
    private final boolean worksOffline;
    private final boolean needsModel;

    GuardedBackendProvider(ModelBackendProvider delegate, PluginOrigin origin, String id) {
        this.delegate = delegate;
        this.origin = origin;
        this.id = id;
        this.description = String.valueOf(delegate.description());
        this.rank = delegate.rank();
        this.worksOffline = delegate.worksOffline();
        this.needsModel = delegate.needsModel();
    }

    ModelBackendProvider delegate() {
        return delegate;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public boolean worksOffline() {
        return worksOffline;
    }

    @Override
    public boolean needsModel() {
        return needsModel;
    }

    @Override
    public Availability availability(BackendEnvironment environment) {
        try (ContextLoader c = ContextLoader.of(delegate)) {
            Availability a = delegate.availability(environment);
            if (a != null) {
                return a;
            }
            return failed("availability", new NullPointerException("availability() returned null"));
        } catch (Throwable t) {
            return failed("availability", t);
        }
    }

    private Availability failed(String call, Throwable t) {
        String why = message(call, t);
        origin.callFailed(key(call), why);
        return Availability.unavailable(why, "caro plugins disable " + origin.pluginId());
    }

    @Override
    public ModelBackend create(BackendEnvironment environment) throws BackendException {
        ModelBackend backend;
        try (ContextLoader c = ContextLoader.of(delegate)) {
            backend = delegate.create(environment);
        } catch (BackendException e) {
            throw e;
        } catch (Throwable t) {
            String why = message("create", t);
            origin.callFailed(key("create"), why);
            throw new BackendException(why, t);
        }
        if (backend == null) {
            String why = message("create", new NullPointerException("create() returned null"));
            origin.callFailed(key("create"), why);
            throw new BackendException(why);
        }
        return new GuardedBackend(backend, this);
    }

    String message(String call, Throwable t) {
        return "Backend '" + id + "' from plugin '" + origin.pluginId() + "' failed in " + call + "() ("
                + ProblemLog.describe(t) + "); run 'caro plugins disable " + origin.pluginId()
                + "' if this persists.";
    }

    String key(String call) {
        return "backend:" + id + ":" + call;
    }

    PluginOrigin origin() {
        return origin;
    }
}
