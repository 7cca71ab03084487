package dev.caro.backend.llamacpp.bench;

import dev.caro.backend.llamacpp.fixtures.GgufWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A random-weight model with the exact tensor shapes of Qwen2.5-Coder-0.5B (architecture qwen2,
 * 24 layers, 896 wide, 14 query and 2 key/value heads, 4864 feed-forward, 151,936 tokens, tied
 * output) or 1.5B (28 layers, 1536 wide, 12/2 heads, 8960 feed-forward) in Q4_0. Dense inference costs the same whatever the weights, so load, prefill and
 * generation speed match the real model's; the output is gibberish. The vocabulary is
 * SentencePiece-style (the real one is BPE) with whole words of caro's prompt, so a prompt splits
 * into a similar number of tokens.
 */
public final class QwenShapedModel {

    static final int N_VOCAB = 151_936;

    /** The shapes of one Qwen2.5 size. */
    record Shape(String name, int embd, int layers, int heads, int kvHeads, int ff) {}

    static final Shape QWEN_0_5B = new Shape("0.5b", 896, 24, 14, 2, 4864);
    static final Shape QWEN_1_5B = new Shape("1.5b", 1536, 28, 12, 2, 8960);

    static Shape shape(String name) {
        return name.equals("1.5b") ? QWEN_1_5B : QWEN_0_5B;
    }

    private QwenShapedModel() {}

    /**
     * Writes the model with Qwen2.5's own BPE tokenizer: a prompt splits into the real model's
     * tokens.
     */
    public static Path write(Path file, QwenTokenizer tokenizer, Shape shape) throws IOException {
        int[] types = new int[tokenizer.types().size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = tokenizer.types().get(i);
        }
        int endOfText = tokenizer.id("<|endoftext|>");
        GgufWriter w = header(shape)
                .string("tokenizer.ggml.model", "gpt2")
                .string("tokenizer.ggml.pre", "qwen2")
                .strings("tokenizer.ggml.tokens", tokenizer.tokens())
                .int32s("tokenizer.ggml.token_type", types)
                .strings("tokenizer.ggml.merges", tokenizer.merges())
                .uint32("tokenizer.ggml.bos_token_id", endOfText)
                .uint32("tokenizer.ggml.eos_token_id", tokenizer.id("<|im_end|>"))
                .uint32("tokenizer.ggml.padding_token_id", endOfText)
                .bool("tokenizer.ggml.add_bos_token", false)
                .string("tokenizer.chat_template", CHATML);
        return weights(w, shape, tokenizer.tokens().size(), file);
    }

    /**
     * Writes the model with a made-up SentencePiece-style vocabulary holding the whole
     * {@code words} (when Qwen's tokenizer cannot be had): a prompt made of them splits into about
     * as many tokens as with the real one, other text into many more.
     */
    public static Path write(Path file, List<String> words, Shape shape) throws IOException {
        List<String> vocab = vocabulary(words);
        int n = vocab.size();
        float[] scores = new float[n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            String t = vocab.get(i);
            if (i == 0) {
                types[i] = 2;
            } else if (i <= 2 || (t.startsWith("<|") && t.endsWith("|>"))) {
                types[i] = 3;
            } else if (t.startsWith("<0x") && t.length() == 6) {
                types[i] = 6;
            } else {
                types[i] = 1;
                scores[i] = -i;
            }
        }
        int imEnd = vocab.indexOf("<|im_end|>");
        GgufWriter w = header(shape)
                .string("tokenizer.ggml.model", "llama")
                .strings("tokenizer.ggml.tokens", vocab)
                .floats("tokenizer.ggml.scores", scores)
                .int32s("tokenizer.ggml.token_type", types)
                .uint32("tokenizer.ggml.bos_token_id", 1)
                .uint32("tokenizer.ggml.eos_token_id", imEnd)
                .uint32("tokenizer.ggml.unknown_token_id", 0)
                .bool("tokenizer.ggml.add_bos_token", false)
                .string("tokenizer.chat_template", CHATML);
        return weights(w, shape, n, file);
    }

    private static final String CHATML = "{% for message in messages %}{{'<|im_start|>' + message['role']"
            + " + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}";

    private static GgufWriter header(Shape shape) {
        return new GgufWriter()
                .string("general.architecture", "qwen2")
                .string("general.name", "qwen2.5-coder-" + shape.name() + "-shaped-random")
                .uint32("general.file_type", 2)
                .uint32("qwen2.context_length", 32768)
                .uint32("qwen2.embedding_length", shape.embd())
                .uint32("qwen2.block_count", shape.layers())
                .uint32("qwen2.feed_forward_length", shape.ff())
                .uint32("qwen2.attention.head_count", shape.heads())
                .uint32("qwen2.attention.head_count_kv", shape.kvHeads())
                .float32("qwen2.rope.freq_base", 1_000_000f)
                .float32("qwen2.attention.layer_norm_rms_epsilon", 1e-6f);
    }

    /** Random Q4_0 weights of the shape's tensors, for a vocabulary of {@code n} tokens. */
    private static Path weights(GgufWriter w, Shape shape, int n, Path file) throws IOException {
        int embd = shape.embd();
        int layers = shape.layers();
        int kvHeads = shape.kvHeads();
        int ff = shape.ff();
        int headDim = embd / shape.heads();
        Random random = new Random(42);
        w.tensor("token_embd.weight", new long[] {embd, n}, GgufWriter.TYPE_Q4_0, q4(random, (long) embd * n));
        w.tensor("output_norm.weight", new long[] {embd}, ones(embd));
        int kv = headDim * kvHeads;
        for (int l = 0; l < layers; l++) {
            String p = "blk." + l + ".";
            w.tensor(p + "attn_norm.weight", new long[] {embd}, ones(embd));
            w.tensor(p + "attn_q.weight", new long[] {embd, embd}, GgufWriter.TYPE_Q4_0, q4(random, (long) embd * embd));
            w.tensor(p + "attn_q.bias", new long[] {embd}, new float[embd]);
            w.tensor(p + "attn_k.weight", new long[] {embd, kv}, GgufWriter.TYPE_Q4_0, q4(random, (long) embd * kv));
            w.tensor(p + "attn_k.bias", new long[] {kv}, new float[kv]);
            w.tensor(p + "attn_v.weight", new long[] {embd, kv}, GgufWriter.TYPE_Q4_0, q4(random, (long) embd * kv));
            w.tensor(p + "attn_v.bias", new long[] {kv}, new float[kv]);
            w.tensor(p + "attn_output.weight", new long[] {embd, embd}, GgufWriter.TYPE_Q4_0, q4(random, (long) embd * embd));
            w.tensor(p + "ffn_norm.weight", new long[] {embd}, ones(embd));
            w.tensor(p + "ffn_gate.weight", new long[] {embd, ff}, GgufWriter.TYPE_Q4_0, q4(random, (long) embd * ff));
            w.tensor(p + "ffn_up.weight", new long[] {embd, ff}, GgufWriter.TYPE_Q4_0, q4(random, (long) embd * ff));
            w.tensor(p + "ffn_down.weight", new long[] {ff, embd}, GgufWriter.TYPE_Q4_0, q4(random, (long) ff * embd));
        }
        w.write(file);
        return file;
    }

    static List<String> vocabulary(List<String> words) {
        Set<String> tokens = new LinkedHashSet<>(List.of("<unk>", "<s>", "</s>"));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
        }
        tokens.addAll(List.of("<|im_start|>", "<|im_end|>", "<|endoftext|>"));
        for (char c = '!'; c <= '~'; c++) {
            tokens.add(String.valueOf(c));
        }
        tokens.add("\u2581");
        for (String word : words) {
            if (!word.isEmpty()) {
                tokens.add("\u2581" + word);
                tokens.add(word);
            }
        }
        List<String> list = new ArrayList<>(tokens);
        for (int i = 0; list.size() < N_VOCAB; i++) {
            String filler = "\u2581zz" + Integer.toString(i, 36);
            if (tokens.add(filler)) {
                list.add(filler);
            }
        }
        return list;
    }

    /** Q4_0 blocks: an fp16 scale of 1/64, then 16 bytes of random 4-bit values. */
    private static byte[] q4(Random random, long elements) {
        int blocks = (int) (elements / 32);
        byte[] data = new byte[blocks * 18];
        random.nextBytes(data);
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < blocks; i++) {
            b.putShort(i * 18, (short) 0x2400);
        }
        return data;
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }
}
