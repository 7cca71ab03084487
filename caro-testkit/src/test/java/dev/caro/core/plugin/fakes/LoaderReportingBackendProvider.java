package dev.caro.core.plugin.fakes;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.ModelBackend;

/** Answers "plugin" when the thread's context class loader is its own class loader, else "host". */
public class LoaderReportingBackendProvider extends HelloBackendProvider {

    @Override
    public String id() {
        return "fake.loader";
    }

    @Override
    public ModelBackend create(BackendEnvironment environment) {
        return request -> Generation.ofText(
                Thread.currentThread().getContextClassLoader() == getClass().getClassLoader() ? "plugin" : "host");
    }
}
