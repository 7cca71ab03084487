package dev.caro.testkit.fakes;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;

/** Breaks the backend contract: reserved id, throwing availability, null answers, not registered. */
public class BrokenBackendProvider implements ModelBackendProvider {

    @Override
    public String id() {
        return "caro.impostor";
    }

    @Override
    public String description() {
        return "broken";
    }

    @Override
    public int rank() {
        return 1;
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
        throw new IllegalStateException("no config");
    }

    @Override
    public ModelBackend create(BackendEnvironment environment) {
        return request -> null;
    }
}
