package dev.caro.backend.llamacpp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The models caro can download, read from the {@code models.tsv} resource. */
final class ModelCatalog {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String UNKNOWN = "unknown";

    private final List<CatalogEntry> entries;

    ModelCatalog(List<CatalogEntry> entries) {
        this.entries = List.copyOf(entries);
        if (this.entries.stream().filter(CatalogEntry::isDefault).count() != 1) {
            throw new IllegalStateException("the model catalog must mark exactly one default model");
        }
    }

    /** The catalog shipped with caro. */
    static ModelCatalog builtIn() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("models.tsv")) {
            if (in == null) {
                throw new IllegalStateException("models.tsv is missing from caro-backend-llamacpp");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses catalog text; lines starting with {@code #} and blank lines are ignored. */
    static ModelCatalog parse(String text) {
        List<CatalogEntry> list = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 10) {
                    throw new IllegalArgumentException("models.tsv line " + lineNo + ": expected 10 columns, found " + f.length);
                }
                OptionalLong size = f[3].equals(UNKNOWN) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(f[3]));
                String sha = f[4].toLowerCase(Locale.ROOT);
                if (!sha.equals(UNKNOWN) && !SHA256.matcher(sha).matches()) {
                    throw new IllegalArgumentException("models.tsv line " + lineNo + ": sha256 must be 64 hex digits or 'unknown'");
                }
                list.add(new CatalogEntry(f[0], f[1], f[2], size,
                        sha.equals(UNKNOWN) ? Optional.empty() : Optional.of(sha), f[5],
                        Integer.parseInt(f[6]), f[7], f[8].equals("yes"), f[9]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelCatalog(list);
    }

    List<CatalogEntry> entries() {
        return entries;
    }

    CatalogEntry defaultEntry() {
        return entries.stream().filter(CatalogEntry::isDefault).findFirst().orElseThrow();
    }

    Optional<CatalogEntry> find(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.id().equals(wanted)).findFirst();
    }

    /** The ids, comma separated, for error messages. */
    String ids() {
        return entries.stream().map(CatalogEntry::id).collect(Collectors.joining(", "));
    }
}
