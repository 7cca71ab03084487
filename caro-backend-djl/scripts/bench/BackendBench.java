import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.backend.ProgressListener;
import dev.caro.api.context.ExecutionContext;
import dev.caro.core.prompt.PromptBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One benchmark run of one backend in a fresh JVM, as caro meets it: create (load), then one
 * generation of caro's real prompt. Prints one line: backend, load and generation time (wall and
 * process CPU, ms), tokens, RSS before/after and peak (MB). CPU time is the fairer comparison on
 * a busy machine.
 *
 * <p>java -cp CLASSPATH BackendBench.java BACKEND_ID MODEL MAX_TOKENS THREADS CACHE_DIR
 */
public class BackendBench {

    public static void main(String[] args) throws Exception {
        String id = args[0];
        String model = args[1];
        int maxTokens = Integer.parseInt(args[2]);
        String threads = args[3];
        Path cache = Path.of(args[4]);
        ModelBackendProvider provider = ServiceLoader.load(ModelBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no backend " + id));
        Map<String, String> settings = Map.of("threads", threads, "max_tokens", Integer.toString(maxTokens),
                "context", "4096");
        BackendEnvironment env = new BackendEnvironment(settings, Map.of(), Optional.of(model), cache,
                cache.resolve("data"), ProgressListener.NONE);
        ExecutionContext ctx = ExecutionContext.linux("/home/ana", "/home/ana");
        String prompt = "find pdf files over 10MB in Downloads";
        GenerationRequest request = new GenerationRequest(prompt, ctx, PromptBuilder.build(prompt, ctx), 1,
                Duration.ofMinutes(10));

        long rssBefore = status("VmRSS");
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        ModelBackend backend = provider.create(env);
        long c1 = cpuNanos();
        long t1 = System.nanoTime();
        Generation g = backend.generate(request);
        long t2 = System.nanoTime();
        long c2 = cpuNanos();
        long rssAfter = status("VmRSS");
        long peak = status("VmHWM");
        backend.close();
        Matcher m = Pattern.compile("(\\d+) tokens in").matcher(g.note());
        int tokens = m.find() ? Integer.parseInt(m.group(1)) : -1;
        System.out.printf(Locale.ROOT, "%s load_ms=%d load_cpu_ms=%d gen_ms=%d gen_cpu_ms=%d tokens=%d rss_before_mb=%d"
                        + " rss_after_mb=%d peak_mb=%d note=\"%s\"%n",
                id, (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000, (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000, tokens,
                rssBefore / 1024, rssAfter / 1024, peak / 1024, g.note());
        System.out.flush();
        System.exit(0); // java-llama.cpp leaves a non-daemon thread behind
    }

    /** CPU time of the whole process (all threads, native ones included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A value in kB from /proc/self/status. */
    private static long status(String key) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
