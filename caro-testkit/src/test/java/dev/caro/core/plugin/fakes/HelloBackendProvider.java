package dev.caro.core.plugin.fakes;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;

/** A well-behaved backend; marks in a system property when its class is initialized (to test laziness). */
public class HelloBackendProvider implements ModelBackendProvider {

    public static final String LOADED_PROPERTY = "caro.test.hello-backend.loaded";

    static {
        System.setProperty(LOADED_PROPERTY, "yes");
    }

    @Override
    public String id() {
        return "fake.hello";
    }

    @Override
    public String description() {
        return "Answers every request with echo hello";
    }

    @Override
    public int rank() {
        return 5;
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
    public ModelBackend create(BackendEnvironment environment) {
        return request -> Generation.ofText("echo hello");
    }
}
