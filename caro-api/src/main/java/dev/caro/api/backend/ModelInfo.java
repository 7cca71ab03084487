package dev.caro.api.backend;

import dev.caro.api.Experimental;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A model known to a {@link ModelStore}.
 *
 * @param id the id to select it with ({@code --model ID}), e.g. {@code qwen2.5-coder-1.5b}
 * @param description one line for listings; never null
 * @param source where it comes from, e.g. {@code Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF/…q4_k_m.gguf}
 * @param size human-readable download size, e.g. {@code 1.1 GB}; empty when unknown
 * @param path the local file when downloaded
 * @param isDefault whether the backend uses this model when none is selected
 */
@Experimental(since = "1.0")
public record ModelInfo(String id, String description, String source, String size, Optional<Path> path,
        boolean isDefault) {

    public ModelInfo {
        Objects.requireNonNull(id, "id");
        description = Objects.requireNonNullElse(description, "");
        source = Objects.requireNonNullElse(source, "");
        size = Objects.requireNonNullElse(size, "");
        path = path == null ? Optional.empty() : path;
    }

    /** Whether the model is downloaded. */
    public boolean downloaded() {
        return path.isPresent();
    }
}
