package dev.caro.core.plugin.fakes;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;

/** Creates a backend whose every call throws, and whose availability check throws. */
public class ThrowingBackendProvider implements ModelBackendProvider {

    @Override
    public String id() {
        return "fake.throwing";
    }

    @Override
    public String description() {
        return "Always fails";
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
        throw new IllegalStateException("probe exploded");
    }

    @Override
    public ModelBackend create(BackendEnvironment environment) {
        return request -> {
            throw new IllegalStateException("model exploded");
        };
    }
}
