package dev.caro.backend.djl;

import dev.caro.api.backend.BackendEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Model directories registered with caro: each folder (or symbolic link to one) in
 * {@code <caro data>/djl/models/} is a model whose id is the folder's name, so that
 * {@code caro models list} shows it and {@code --model ID} or {@code caro models use ID} selects it.
 */
final class RegisteredModels {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,80}");

    private final Path root;

    RegisteredModels(Path root) {
        this.root = root;
    }

    static RegisteredModels of(BackendEnvironment env) {
        return new RegisteredModels(env.dataDir().resolve("djl").resolve("models"));
    }

    Path root() {
        return root;
    }

    /** The directory registered as {@code id}, if it holds a model config. */
    Optional<Path> find(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path dir = root.resolve(id);
        return Files.isRegularFile(dir.resolve(ModelConfig.FILE)) ? Optional.of(dir) : Optional.empty();
    }

    /** The registered ids, sorted. */
    List<String> ids() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            entries.map(p -> p.getFileName().toString()).sorted().forEach(name -> find(name).ifPresent(d -> ids.add(name)));
        } catch (IOException e) {
            return List.of();
        }
        return ids;
    }

    /**
     * The model directory for {@code --model} or the {@code model} setting: a directory path, or
     * the id of a registered model; empty when it is neither (for example a GGUF catalog id meant
     * for another backend).
     */
    Optional<Path> resolve(String model) {
        String m = model.strip();
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> registered = find(m);
        if (registered.isPresent()) {
            return registered;
        }
        Path p = Path.of(m);
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
}
