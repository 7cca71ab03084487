package dev.caro.backend.llamacpp;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelInfo;
import dev.caro.api.backend.ModelStore;
import dev.caro.api.backend.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog's models in {@code <cacheDir>/models}: list, pull, remove and verify them. */
final class LlamaCppModelStore implements ModelStore {

    private final ModelCatalog catalog;
    private final Path modelsDir;
    private final Map<String, String> environment;

    LlamaCppModelStore(ModelCatalog catalog, Path modelsDir, Map<String, String> environment) {
        this.catalog = catalog;
        this.modelsDir = modelsDir;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public List<ModelInfo> list() {
        return catalog.entries().stream().map(this::info).toList();
    }

    @Override
    public Optional<ModelInfo> find(String id) {
        return catalog.find(id).map(this::info);
    }

    @Override
    public ModelInfo pull(String id, ProgressListener progress) throws BackendException, InterruptedException {
        CatalogEntry entry = entry(id);
        new ModelDownloader(environment).download(ModelDownloader.Request.of(entry), path(entry), progress);
        return info(entry);
    }

    @Override
    public boolean remove(String id) throws BackendException {
        CatalogEntry entry = entry(id);
        Path file = path(entry);
        try {
            boolean any = Files.deleteIfExists(file);
            any |= Files.deleteIfExists(ModelDownloader.partFile(file));
            Files.deleteIfExists(ModelDownloader.checksumFile(file));
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".lock"));
            return any;
        } catch (IOException e) {
            throw new BackendException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ModelInfo verify(String id, ProgressListener progress) throws BackendException {
        CatalogEntry entry = entry(id);
        Path file = path(entry);
        String again = "; run 'caro models remove " + entry.id() + "' and 'caro models pull " + entry.id() + "'";
        if (!Files.isRegularFile(file)) {
            throw new BackendException("model " + entry.id() + " is not downloaded; run 'caro models pull "
                    + entry.id() + "'");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new BackendException("cannot read " + file + ": " + e.getMessage(), e);
        }
        progress.started("Verifying " + entry.id(), size);
        try {
            if (entry.size().isPresent() && size != entry.size().getAsLong()) {
                throw new BackendException("model " + entry.id() + " has " + size + " bytes instead of "
                        + entry.size().getAsLong() + again);
            }
            Optional<String> structure = ModelDownloader.ggufProblem(file);
            if (structure.isPresent()) {
                throw new BackendException("model " + entry.id() + " " + structure.get() + again);
            }
            Optional<String> expected = entry.sha256().or(() -> recordedChecksum(file));
            if (expected.isPresent()) {
                String actual = ModelDownloader.sha256(file, progress);
                if (!actual.equals(expected.get())) {
                    throw new BackendException("model " + entry.id() + " is corrupt (SHA-256 " + actual + ", expected "
                            + expected.get() + ")" + again);
                }
            }
            return info(entry);
        } catch (IOException e) {
            throw new BackendException("cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            progress.finished();
        }
    }

    /** The SHA-256 recorded when the file was downloaded, if any. */
    private static Optional<String> recordedChecksum(Path file) {
        Path sidecar = ModelDownloader.checksumFile(file);
        try {
            if (Files.isRegularFile(sidecar)) {
                String line = Files.readString(sidecar, StandardCharsets.UTF_8).strip();
                int space = line.indexOf(' ');
                String sha = space > 0 ? line.substring(0, space) : line;
                return sha.matches("[0-9a-f]{64}") ? Optional.of(sha) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private CatalogEntry entry(String id) throws BackendException {
        return catalog.find(id).orElseThrow(() -> new BackendException("unknown model '" + id + "'; known models: "
                + catalog.ids()));
    }

    private Path path(CatalogEntry e) {
        return modelsDir.resolve(e.fileName());
    }

    private ModelInfo info(CatalogEntry e) {
        Path p = path(e);
        return new ModelInfo(e.id(), e.description(), e.repository() + "/" + e.fileName(), e.approxSize(),
                Files.isRegularFile(p) ? Optional.of(p) : Optional.empty(), e.isDefault());
    }
}
