package dev.caro.backend.llamacpp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (not a test): writes the Qwen2.5-Coder-0.5B-shaped Q4_0 model once, then runs the
 * bare java-llama.cpp program, caro's in-process backend path and a request through a warm
 * background model server ({@link WarmRun}) in turn, each in a fresh JVM, and
 * prints medians as a Markdown table. System properties: bench.shape (0.5b or 1.5b), bench.rounds
 * (5), bench.threads (physical cores), bench.dir (target folder).
 */
public final class LlamaBenchmark {

    private LlamaBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 5);
        int threads = Integer.getInteger("bench.threads", physicalCores());
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        Files.createDirectories(dir);
        QwenShapedModel.Shape shape = QwenShapedModel.shape(System.getProperty("bench.shape", "0.5b"));
        Path model = dir.resolve("qwen2.5-coder-" + shape.name() + "-shaped-bpe-q4_0.gguf");
        if (!Files.exists(model)) {
            long t = System.nanoTime();
            Path tmp = dir.resolve("model.tmp");
            QwenTokenizer tokenizer = null;
            try {
                tokenizer = QwenTokenizer.load(dir, QwenShapedModel.N_VOCAB);
            } catch (IOException e) {
                System.err.println("Qwen2.5's tokenizer is out of reach (" + e.getMessage() + "); the model gets a"
                        + " made-up vocabulary, which splits requests into more tokens than the real one."
                        + " Give a tokenizer.json with -Dbench.tokenizer=PATH.");
                model = dir.resolve("qwen2.5-coder-" + shape.name() + "-shaped-q4_0.gguf");
            }
            if (!Files.exists(model)) {
                if (tokenizer != null) {
                    QwenShapedModel.write(tmp, tokenizer, shape);
                } else {
                    QwenShapedModel.write(tmp, BenchPrompt.words(), shape);
                }
                Files.move(tmp, model);
                System.err.printf(Locale.ROOT, "wrote %s (%d MB) in %.1f s%n", model, Files.size(model) >> 20,
                        (System.nanoTime() - t) / 1e9);
            }
        }
        Map<String, List<Map<String, Double>>> results = new HashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String kind : r % 2 == 0 ? List.of("bare", "caro", "warm") : List.of("warm", "caro", "bare")) {
                Map<String, Double> m = run(kind, model, threads, dir);
                results.computeIfAbsent(kind, k -> new ArrayList<>()).add(m);
                System.err.println("round " + (r + 1) + " " + kind + ": " + m);
            }
        }
        System.out.println(table(results, rounds, threads, Files.size(model), shape.name()));
    }

    private static Map<String, Double> run(String kind, Path model, int threads, Path dir)
            throws IOException, InterruptedException {
        String main = switch (kind) {
            case "bare" -> BareRun.class.getName();
            case "warm" -> WarmRun.class.getName();
            default -> CaroRun.class.getName();
        };
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir.resolve("tmp-" + kind), "-cp", System.getProperty("java.class.path"), main,
                model.toString(), String.valueOf(threads)));
        if (!kind.equals("bare")) {
            cmd.add(dir.resolve("cache").toString());
        }
        Files.createDirectories(dir.resolve("tmp-" + kind));
        Path out = dir.resolve(kind + ".out");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve(kind + ".err").toFile())
                .start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(kind + " run did not finish");
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        Map<String, Double> m = new HashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("RESULT ")) {
                for (String kv : line.substring(7).split(" ")) {
                    String[] parts = kv.split("=");
                    if (!parts[0].equals("kind")) {
                        m.put(parts[0], Double.parseDouble(parts[1]));
                    }
                }
            }
        }
        if (m.isEmpty() || p.exitValue() != 0) {
            throw new IllegalStateException(kind + " run failed: " + Files.readString(dir.resolve(kind + ".err")));
        }
        m.put("process_ms", (double) wall);
        if (kind.equals("warm")) {
            Thread.sleep(3000); // the server's idle time is 2 s: let it exit before the next run
        }
        return m;
    }

    private static double median(List<Map<String, Double>> runs, String key) {
        double[] v = runs.stream().mapToDouble(m -> m.getOrDefault(key, Double.NaN)).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String table(Map<String, List<Map<String, Double>>> r, int rounds, int threads, long size,
            String shape) {
        List<Map<String, Double>> bare = r.get("bare");
        List<Map<String, Double>> caro = r.get("caro");
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Model: Qwen2.5-Coder-%s shapes, Q4_0, random weights (%d MB); prompt: caro's"
                + " prompt for \"%s\" (%.0f tokens); %d tokens generated at most; %d threads; context %d; medians of %d"
                + " fresh JVMs each, run alternately.%n%n", shape.toUpperCase(Locale.ROOT), size >> 20, BenchPrompt.REQUEST, median(bare, "prompt_tokens"),
                BenchPrompt.N_PREDICT, threads, BenchPrompt.CONTEXT, rounds));
        sb.append("| program | process wall time | load | answer (prefill + generation) | first token | generation | peak RSS |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        sb.append(String.format(Locale.ROOT, "| bare java-llama.cpp | %.2f s | %.2f s | %.2f s | %.2f s | %.1f tok/s | %.0f MB |%n",
                median(bare, "process_ms") / 1000, median(bare, "load_ms") / 1000, median(bare, "answer_ms") / 1000,
                median(bare, "first_token_ms") / 1000, median(bare, "gen_tok_s"), median(bare, "peak_rss_mb")));
        sb.append(String.format(Locale.ROOT, "| caro backend path | %.2f s | %.2f s | %.2f s | - | - | %.0f MB |%n",
                median(caro, "process_ms") / 1000, median(caro, "load_ms") / 1000, median(caro, "answer_ms") / 1000,
                median(caro, "peak_rss_mb")));
        sb.append(String.format(Locale.ROOT, "%ncaro / bare process wall time: %.2fx (target at most 1.10x)%n",
                median(caro, "process_ms") / median(bare, "process_ms")));
        List<Map<String, Double>> warm = r.get("warm");
        double bareGeneration = median(bare, "answer_ms") - median(bare, "first_token_ms");
        sb.append(String.format(Locale.ROOT, "%n| warm model server | server start | first request (cold cache) | request after cd |"
                + " new request, same directory | bare generation (answer - first token) |%n|---|---|---|---|---|---|%n"
                + "| medians | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s |%n",
                median(warm, "start_ms") / 1000, median(warm, "cold_request_ms") / 1000,
                median(warm, "warm_request_ms") / 1000, median(warm, "same_dir_request_ms") / 1000, bareGeneration / 1000));
        sb.append(String.format(Locale.ROOT, "%nwarm request / bare generation (target at most 1.20x): after cd %.2fx,"
                        + " same directory %.2fx; tokens generated: bare %.0f, after cd %.0f, same directory %.0f%n",
                median(warm, "warm_request_ms") / bareGeneration, median(warm, "same_dir_request_ms") / bareGeneration,
                median(bare, "gen_tokens"), median(warm, "gen_tokens"), median(warm, "same_dir_gen_tokens")));
        sb.append(String.format(Locale.ROOT, "prompt tokens a warm server prefills: after cd %.0f, same directory %.0f%n",
                median(bare, "new_tokens_after_cd"), median(bare, "new_tokens_same_dir")));
        sb.append(String.format(Locale.ROOT, "inside the server (prompt to last token / to first token): after cd %.2f s /"
                        + " %.2f s, same directory %.2f s / %.2f s%n",
                median(warm, "warm_server_ms") / 1000, median(warm, "warm_first_ms") / 1000,
                median(warm, "same_dir_server_ms") / 1000, median(warm, "same_dir_first_ms") / 1000));
        return sb.toString();
    }

    private static int physicalCores() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
