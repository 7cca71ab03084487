package dev.caro.backend.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.testkit.ModelBackendContract;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfflineBackendProviderContractTest extends ModelBackendContract {

    @Override
    protected ModelBackendProvider provider() {
        return new OfflineBackendProvider();
    }

    @Override
    protected BackendEnvironment workingEnvironment() {
        return new BackendEnvironment(Map.of(), Map.of(), Optional.empty(), Path.of("/nonexistent/cache"),
                Path.of("/nonexistent/data"), null);
    }

    @Override
    protected boolean builtIn() {
        return true;
    }

    @Test
    void describesItselfAsTheOfflineLastResort() {
        OfflineBackendProvider p = new OfflineBackendProvider();
        assertEquals("caro.offline", p.id());
        assertEquals(10, p.rank());
        assertTrue(p.worksOffline());
        assertFalse(p.needsModel());
        assertTrue(p.availability(workingEnvironment()).available());
    }
}
