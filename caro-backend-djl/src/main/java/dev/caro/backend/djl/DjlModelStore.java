package dev.caro.backend.djl;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelInfo;
import dev.caro.api.backend.ModelStore;
import dev.caro.api.backend.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The DJL models for {@code caro models}: the {@link RegisteredModels registered} directories
 * and the configured {@code model_dir}. caro cannot download these (a user exports them), so
 * {@link #pull} explains how to make one; {@link #remove} unregisters without deleting an
 * export that lives elsewhere.
 */
final class DjlModelStore implements ModelStore {

    private final RegisteredModels registered;
    private final Optional<Path> configured;

    DjlModelStore(RegisteredModels registered, Optional<Path> configured) {
        this.registered = registered;
        this.configured = configured;
    }

    @Override
    public List<ModelInfo> list() {
        List<ModelInfo> out = new ArrayList<>();
        for (String id : registered.ids()) {
            out.add(info(id, registered.find(id).orElseThrow(), false));
        }
        configured.filter(dir -> out.stream().noneMatch(m -> m.path().map(p -> same(p, dir)).orElse(false)))
                .ifPresent(dir -> out.add(info(idOf(dir), dir, true)));
        return out;
    }

    @Override
    public Optional<ModelInfo> find(String id) {
        return list().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Override
    public ModelInfo pull(String id, ProgressListener progress) throws BackendException {
        Optional<ModelInfo> known = find(id);
        if (known.isPresent()) {
            return known.get();
        }
        throw new BackendException("caro does not download DJL models: export " + id + " with"
                + " 'python3 caro-backend-djl/scripts/export_hf_model.py HF_MODEL " + registered.root().resolve(id) + "'");
    }

    @Override
    public boolean remove(String id) throws BackendException {
        ModelInfo m = find(id).orElseThrow(() -> unknown(id));
        Path dir = m.path().orElseThrow();
        if (!dir.startsWith(registered.root())) {
            throw new BackendException(id + " is the configured backends.djl.model_dir (" + dir
                    + "); caro leaves it alone: unset that setting or delete the folder yourself");
        }
        try {
            if (Files.isSymbolicLink(dir)) {
                Files.delete(dir); // the link only: the export itself may live anywhere
                return true;
            }
            for (String file : new String[] {ModelDirectory.MODEL, ModelDirectory.TOKENIZER, ModelConfig.FILE}) {
                Files.deleteIfExists(dir.resolve(file));
            }
            try (var rest = Files.list(dir)) {
                if (rest.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
            return true;
        } catch (IOException e) {
            throw new BackendException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ModelInfo verify(String id, ProgressListener progress) throws BackendException {
        ModelInfo m = find(id).orElseThrow(() -> unknown(id));
        Path dir = m.path().orElseThrow();
        ModelDirectory md;
        try {
            md = ModelDirectory.open(dir);
        } catch (IllegalArgumentException e) {
            throw new BackendException(e.getMessage(), e);
        }
        checkTorchScript(md.model());
        checkTokenizer(md.tokenizer());
        return m;
    }

    /** TorchScript files are zip archives with pickled data and the module's code. */
    private static void checkTorchScript(Path file) throws BackendException {
        boolean data = false;
        boolean code = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                data |= name.endsWith("/data.pkl");
                code |= name.contains("/code/");
            }
        } catch (IOException e) {
            throw new BackendException(file + " is not a TorchScript archive (" + e.getMessage() + "); "
                    + ModelDirectory.EXPORT_HINT, e);
        }
        if (!data || !code) {
            throw new BackendException(file + " is a zip file but not a TorchScript module (torch.jit.save);"
                    + " a state_dict or pickled model does not work; " + ModelDirectory.EXPORT_HINT);
        }
    }

    private static void checkTokenizer(Path file) throws BackendException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(64), StandardCharsets.UTF_8).strip();
            if (!head.startsWith("{")) {
                throw new BackendException(file + " is not a Hugging Face tokenizer.json; " + ModelDirectory.EXPORT_HINT);
            }
        } catch (IOException e) {
            throw new BackendException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private ModelInfo info(String id, Path dir, boolean isDefault) {
        String description;
        try {
            ModelConfig c = ModelConfig.read(dir);
            description = "TorchScript, " + c.chatTemplate().name().toLowerCase(Locale.ROOT) + " template, "
                    + c.contextLength() + " tokens of context" + (c.kvCache() ? ", cached" : "");
        } catch (IOException | IllegalArgumentException e) {
            description = "unreadable " + ModelConfig.FILE + ": " + e.getMessage();
        }
        return new ModelInfo(id, description, dir.toString(), size(dir), Optional.of(dir), isDefault);
    }

    private static String size(Path dir) {
        long total = 0;
        for (String f : new String[] {ModelDirectory.MODEL, ModelDirectory.TOKENIZER}) {
            try {
                total += Files.size(dir.resolve(f));
            } catch (IOException e) {
                // a missing file shows up in verify
            }
        }
        if (total >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", total / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MB", total / (double) (1L << 20));
    }

    private static String idOf(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? "djl-model" : name.toString();
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private BackendException unknown(String id) {
        return new BackendException("no DJL model '" + id + "'; register a model directory by putting it (or a link to it)"
                + " in " + registered.root());
    }
}
