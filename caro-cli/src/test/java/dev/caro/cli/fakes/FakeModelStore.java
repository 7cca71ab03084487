package dev.caro.cli.fakes;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelInfo;
import dev.caro.api.backend.ModelStore;
import dev.caro.api.backend.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A model store in memory: "pulling" marks a model downloaded at a made-up path. */
public final class FakeModelStore implements ModelStore {

    private final Map<String, ModelInfo> models = new LinkedHashMap<>();
    private final List<String> corrupt = new ArrayList<>();
    private String pullFailure;

    public FakeModelStore model(String id, boolean isDefault) {
        models.put(id, new ModelInfo(id, "model " + id, "acme/" + id, "1 GB", Optional.empty(), isDefault));
        return this;
    }

    public FakeModelStore pullFails(String message) {
        pullFailure = message;
        return this;
    }

    public FakeModelStore corrupt(String id) {
        corrupt.add(id);
        return this;
    }

    @Override
    public List<ModelInfo> list() {
        return List.copyOf(models.values());
    }

    @Override
    public Optional<ModelInfo> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    @Override
    public ModelInfo pull(String id, ProgressListener progress) throws BackendException {
        if (pullFailure != null) {
            throw new BackendException(pullFailure);
        }
        ModelInfo m = models.get(id);
        ModelInfo pulled = new ModelInfo(id, m.description(), m.source(), m.size(),
                Optional.of(Path.of("/cache/models/" + id + ".gguf")), m.isDefault());
        models.put(id, pulled);
        return pulled;
    }

    @Override
    public boolean remove(String id) {
        ModelInfo m = models.get(id);
        models.put(id, new ModelInfo(id, m.description(), m.source(), m.size(), Optional.empty(), m.isDefault()));
        return m.downloaded();
    }

    @Override
    public ModelInfo verify(String id, ProgressListener progress) throws BackendException {
        if (corrupt.contains(id)) {
            throw new BackendException("model " + id + " is corrupt");
        }
        return models.get(id);
    }
}
