package dev.caro.backend.llamacpp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a model file before llama.cpp sees it, because llama.cpp reports every broken file as
 * "could not load model". Each problem comes back as a user-facing sentence.
 */
final class ModelFileCheck {

    private ModelFileCheck() {}

    /**
     * The cheap check used for availability: the file exists, starts with the GGUF magic and has
     * the catalog size when that is known. Reads 4 bytes. Empty when the file looks fine.
     */
    static Optional<String> quick(ModelChoice model) {
        Path p = model.path();
        if (!Files.isRegularFile(p)) {
            return Optional.of(model.entry().isPresent()
                    ? "model " + model.name() + " is not downloaded"
                    : "model file " + p + " does not exist");
        }
        if (!GgufFile.hasMagic(p)) {
            return Optional.of(p + " is not a GGUF model file");
        }
        if (model.entry().isPresent() && model.entry().get().size().isPresent()) {
            try {
                long expected = model.entry().get().size().getAsLong();
                long actual = Files.size(p);
                if (actual != expected) {
                    return Optional.of("model " + model.name() + " is incomplete or corrupt (" + actual + " of "
                            + expected + " bytes)");
                }
            } catch (IOException e) {
                return Optional.of("cannot read " + p + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * The full check done before loading: the quick check, then the whole GGUF header and that
     * the file is long enough to hold every tensor. Returns the parsed header.
     *
     * @throws InvalidModelException with the real reason
     */
    static GgufFile full(ModelChoice model) throws InvalidModelException {
        Optional<String> problem = quick(model);
        if (problem.isPresent()) {
            throw new InvalidModelException(problem.get());
        }
        GgufFile gguf;
        try {
            gguf = GgufFile.read(model.path());
        } catch (GgufFile.GgufFormatException e) {
            throw new InvalidModelException(model.path() + " " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidModelException("cannot read " + model.path() + ": " + e.getMessage());
        }
        long needed = gguf.expectedMinimumSize();
        if (needed > gguf.fileSize()) {
            throw new InvalidModelException(model.path() + " is truncated: its tensors need " + needed
                    + " bytes but the file has " + gguf.fileSize());
        }
        if (gguf.tensors().isEmpty()) {
            throw new InvalidModelException(model.path() + " holds no tensors (a vocabulary-only GGUF file?)");
        }
        return gguf;
    }

    /** A model file that must not be loaded. The message is user-facing. */
    static final class InvalidModelException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidModelException(String message) {
            super(message);
        }
    }
}
