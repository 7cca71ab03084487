package dev.caro.backend.djl;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The model directory's {@code caro-model.properties}: how to talk to the exported model.
 *
 * @param name shown in notes and messages; default: the directory's name
 * @param chatTemplate how chat messages become the prompt text
 * @param eos tokens that end the answer, as token text ({@code <|im_end|>}) or numeric ids
 * @param contextLength the most tokens (prompt plus answer) the model takes
 * @param addSpecialTokens whether the tokenizer adds its own special tokens (BOS) around the
 *     prompt; false when the chat template already writes them
 * @param kvCache whether {@code model.pt} takes and returns past keys/values
 * @param kvCacheShape shape of the empty cache passed on the first call (one dimension is 0)
 * @param specialTokens token texts removed from message content so user text cannot forge them
 */
record ModelConfig(
        String name,
        ChatTemplate chatTemplate,
        List<String> eos,
        int contextLength,
        boolean addSpecialTokens,
        boolean kvCache,
        long[] kvCacheShape,
        List<String> specialTokens) {

    static final String FILE = "caro-model.properties";

    ModelConfig {
        eos = List.copyOf(eos);
        kvCacheShape = kvCacheShape.clone();
        specialTokens = List.copyOf(specialTokens);
    }

    @Override
    public long[] kvCacheShape() {
        return kvCacheShape.clone();
    }

    /**
     * Reads {@code dir/caro-model.properties}.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException with a user-facing message naming the bad key
     */
    static ModelConfig read(Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Path fileName = dir.toAbsolutePath().normalize().getFileName();
        String name = p.getProperty("name", fileName == null ? "model" : fileName.toString()).strip();
        String where = dir.resolve(FILE) + ": ";
        ChatTemplate template;
        try {
            template = ChatTemplate.named(p.getProperty("chat_template", "chatml"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "chat_template must be one of " + ChatTemplate.names()
                    + ", not '" + p.getProperty("chat_template") + "'");
        }
        List<String> eos = list(p.getProperty("eos", ""));
        if (eos.isEmpty()) {
            eos = template.endTokens();
        }
        int context = positive(p, "context_length", "2048", where);
        boolean kvCache = bool(p, "kv_cache", where);
        long[] shape = new long[0];
        if (kvCache) {
            String raw = p.getProperty("kv_cache.shape", "");
            try {
                shape = list(raw).stream().mapToLong(Long::parseLong).toArray();
            } catch (NumberFormatException e) {
                shape = new long[0];
            }
            if (shape.length == 0 || Arrays.stream(shape).filter(d -> d == 0).count() != 1
                    || Arrays.stream(shape).anyMatch(d -> d < 0)) {
                throw new IllegalArgumentException(where + "kv_cache.shape must list the empty cache's dimensions"
                        + " with exactly one 0 (the sequence), e.g. '24, 2, 1, 2, 0, 64', not '" + raw + "'");
            }
        }
        List<String> special = new ArrayList<>(template.markers());
        special.addAll(list(p.getProperty("special_tokens", "")));
        for (String e : eos) {
            if (!e.chars().allMatch(Character::isDigit)) {
                special.add(e);
            }
        }
        return new ModelConfig(name, template, eos, context, bool(p, "add_special_tokens", where), kvCache, shape,
                special.stream().distinct().toList());
    }

    private static List<String> list(String raw) {
        List<String> out = new ArrayList<>();
        for (String s : raw.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static int positive(Properties p, String key, String fallback, String where) {
        String v = p.getProperty(key, fallback).strip();
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + key + " must be a positive whole number, not '" + v + "'");
    }

    private static boolean bool(Properties p, String key, String where) {
        String v = p.getProperty(key, "false").strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(where + key + " must be true or false, not '" + v + "'");
        }
        return v.equals("true");
    }
}
