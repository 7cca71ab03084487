package dev.caro.backend.djl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model directory: {@code model.pt} (TorchScript), {@code tokenizer.json} (Hugging Face) and
 * {@code caro-model.properties}. See docs/djl-backend.md.
 */
record ModelDirectory(Path dir, ModelConfig config) {

    static final String MODEL = "model.pt";
    static final String TOKENIZER = "tokenizer.json";
    static final String EXPORT_HINT = "export one with caro-backend-djl/scripts/export_hf_model.py";

    Path model() {
        return dir.resolve(MODEL);
    }

    Path tokenizer() {
        return dir.resolve(TOKENIZER);
    }

    /** What is wrong with {@code dir} without reading more than the small config; empty when nothing. */
    static Optional<String> problem(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.of("the DJL model directory " + dir + " does not exist");
        }
        for (String file : new String[] {MODEL, TOKENIZER, ModelConfig.FILE}) {
            Path p = dir.resolve(file);
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                return Optional.of("the DJL model directory " + dir + " has no " + file + "; " + EXPORT_HINT);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks and reads {@code dir}.
     *
     * @throws IllegalArgumentException with a user-facing message
     */
    static ModelDirectory open(Path dir) {
        Optional<String> problem = problem(dir);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        try {
            return new ModelDirectory(dir, ModelConfig.read(dir));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + dir.resolve(ModelConfig.FILE) + ": " + e.getMessage());
        }
    }
}
