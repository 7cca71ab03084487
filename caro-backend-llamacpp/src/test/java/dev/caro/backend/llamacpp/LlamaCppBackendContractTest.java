package dev.caro.backend.llamacpp;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.backend.ProgressListener;
import dev.caro.backend.llamacpp.fixtures.TinyLlamaModel;
import dev.caro.testkit.ModelBackendContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The test kit's backend contract, met with the real native library and a tiny model loaded in-process. */
class LlamaCppBackendContractTest extends ModelBackendContract {

    @TempDir
    static Path dir;

    @Override
    protected ModelBackendProvider provider() {
        return new LlamaCppBackendProvider();
    }

    @Override
    protected boolean builtIn() {
        return true;
    }

    @Override
    protected BackendEnvironment workingEnvironment() {
        Path model = dir.resolve("tiny.gguf");
        try {
            if (!model.toFile().exists()) {
                TinyLlamaModel.write(model, 3);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BackendEnvironment(Map.of("threads", "1", "context", "256", "max_tokens", "8", "daemon", "false"), Map.of(),
                Optional.of(model.toString()), dir.resolve("cache"), dir.resolve("data"), ProgressListener.NONE);
    }
}
