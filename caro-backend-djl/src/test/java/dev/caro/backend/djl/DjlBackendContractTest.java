package dev.caro.backend.djl;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.backend.djl.fixtures.TinyModels;
import dev.caro.testkit.ModelBackendContract;
import java.util.Map;

/** The test kit's backend contract, on the tiny model with the real engine. */
class DjlBackendContractTest extends ModelBackendContract {

    @Override
    protected ModelBackendProvider provider() {
        return new DjlBackendProvider();
    }

    @Override
    protected BackendEnvironment workingEnvironment() {
        return TinyModels.environment(TinyModels.WITH_CACHE, Map.of("max_tokens", "8"));
    }

    @Override
    protected boolean builtIn() {
        return true;
    }
}
