package dev.caro.backend.llamacpp;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One downloadable model of the catalog.
 *
 * @param id short name used on the command line, e.g. {@code qwen2.5-coder-1.5b}
 * @param repository Hugging Face repository, e.g. {@code Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF}
 * @param fileName the GGUF file inside the repository
 * @param size exact size in bytes, empty when not verified
 * @param sha256 lower-case hex SHA-256 of the file, empty when not verified
 * @param template chat template family: {@code chatml}, {@code llama3} or {@code gguf}
 * @param contextLength the context length the model was trained with
 * @param approxSize human-readable size for listings, e.g. {@code 1.1 GB}; not used for checks
 * @param isDefault whether caro uses this model when none is selected
 * @param description one line for {@code caro models list}
 */
record CatalogEntry(
        String id,
        String repository,
        String fileName,
        OptionalLong size,
        Optional<String> sha256,
        String template,
        int contextLength,
        String approxSize,
        boolean isDefault,
        String description) {

    CatalogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(template, "template");
    }
}
