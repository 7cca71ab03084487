package dev.caro.backend.llamacpp;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The model a backend will load: a catalog entry in the cache, or a local file the user named.
 *
 * @param name what to call it in messages: the catalog id or the file name
 * @param path where the GGUF file is (or will be, once pulled)
 * @param entry the catalog entry, empty for a user's own file
 */
record ModelChoice(String name, Path path, Optional<CatalogEntry> entry) {

    /**
     * Resolves {@code selected} (a catalog id or a path to a {@code .gguf} file; empty for the
     * default model) against the catalog and the models directory.
     *
     * @throws IllegalArgumentException for an unknown id, with the list of known ids
     */
    static ModelChoice resolve(Optional<String> selected, ModelCatalog catalog, Path modelsDir) {
        if (selected.isEmpty() || selected.get().isBlank()) {
            return of(catalog.defaultEntry(), modelsDir);
        }
        String s = selected.get().strip();
        Optional<CatalogEntry> entry = catalog.find(s);
        if (entry.isPresent()) {
            return of(entry.get(), modelsDir);
        }
        if (looksLikePath(s)) {
            Path p = Path.of(expandHome(s)).toAbsolutePath().normalize();
            return new ModelChoice(p.getFileName().toString(), p, Optional.empty());
        }
        throw new IllegalArgumentException("unknown model '" + s + "'; known models: " + catalog.ids()
                + ", or a path to a .gguf file");
    }

    static ModelChoice of(CatalogEntry entry, Path modelsDir) {
        return new ModelChoice(entry.id(), modelsDir.resolve(entry.fileName()), Optional.of(entry));
    }

    private static boolean looksLikePath(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).endsWith(".gguf") || s.contains("/") || s.contains("\\");
    }

    private static String expandHome(String s) {
        if (s.equals("~") || s.startsWith("~/")) {
            return System.getProperty("user.home") + s.substring(1);
        }
        return s;
    }
}
