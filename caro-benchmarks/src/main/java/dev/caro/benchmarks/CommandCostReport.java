package dev.caro.benchmarks;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.SafetyRule;
import dev.caro.core.safety.SafetyEngine;
import dev.caro.core.shell.ShellParser;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * The cost of each workload command on its own, to find the slow tail that JMH's percentiles only
 * hint at. Each command is judged {@code rounds} times in a row after a warm-up of the whole
 * workload; its cost is the median of those rounds in thread CPU time, so time spent waiting for a
 * core on a busy machine does not count. Prints the distribution over commands, the slowest
 * commands, and the garbage-collection count and time of the measured part.
 *
 * <p>Run: {@code java -cp caro-benchmarks.jar dev.caro.benchmarks.CommandCostReport [rounds] [top]}.
 */
public final class CommandCostReport {

    private CommandCostReport() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 31;
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        ExecutionContext context = ExecutionContext.linux("/home/user/project", "/home/user");
        List<SafetyRule> rules = new ArrayList<>();
        ServiceLoader.load(SafetyRule.class).forEach(rules::add);
        SafetyEngine engine = new SafetyEngine(rules);
        ShellParser parser = new ShellParser();
        String[] commands = Workload.commands().toArray(new String[0]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        for (int warm = 0; warm < 300; warm++) {
            for (String c : commands) {
                engine.assess(c, context);
                parser.parse(c, context);
            }
        }
        long gcCount = gcCount();
        long gcMillis = gcMillis();
        long[] assessNanos = new long[commands.length];
        long[] parseNanos = new long[commands.length];
        long[] samples = new long[rounds];
        for (int i = 0; i < commands.length; i++) {
            String c = commands[i];
            assessNanos[i] = medianCpuNanos(threads, samples, () -> engine.assess(c, context));
            parseNanos[i] = medianCpuNanos(threads, samples, () -> parser.parse(c, context));
        }
        System.out.printf(Locale.ROOT, "%d rules, %d commands, median of %d rounds per command (thread CPU time)%n",
                rules.size(), commands.length, rounds);
        System.out.printf(Locale.ROOT, "garbage collections while measuring: %d, %d ms%n",
                gcCount() - gcCount, gcMillis() - gcMillis);
        summary("assess", assessNanos);
        summary("parse", parseNanos);
        Integer[] order = new Integer[commands.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> assessNanos[i]).reversed());
        System.out.println("slowest commands (assess µs, parse µs, length, command):");
        for (int k = 0; k < Math.min(top, order.length); k++) {
            int i = order[k];
            String c = commands[i].replace("\n", "\\n");
            System.out.printf(Locale.ROOT, "%9.1f %9.1f %6d  %s%n", assessNanos[i] / 1000.0, parseNanos[i] / 1000.0,
                    commands[i].length(), c.length() > 110 ? c.substring(0, 110) + "..." : c);
        }
        tail(engine, commands, context, threads, rounds);
    }

    /**
     * Cycles through the workload as the JMH benchmark does and looks at every call whose wall time
     * exceeds 1 ms: if its CPU time is small, the time went to waiting (another process had the
     * core, or a garbage collection stopped the thread), not to the command.
     */
    private static void tail(SafetyEngine engine, String[] commands, ExecutionContext context, ThreadMXBean threads,
            int rounds) {
        int calls = commands.length * rounds;
        long[] wall = new long[calls];
        long[] cpu = new long[calls];
        long gc = gcCount();
        for (int n = 0; n < calls; n++) {
            String c = commands[n % commands.length];
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            engine.assess(c, context);
            wall[n] = System.nanoTime() - w0;
            cpu[n] = threads.getCurrentThreadCpuTime() - c0;
        }
        gc = gcCount() - gc;
        int slow = 0;
        int slowCpu = 0;
        java.util.Map<String, Integer> slowByCommand = new java.util.TreeMap<>();
        for (int n = 0; n < calls; n++) {
            if (wall[n] > 1_000_000) {
                slow++;
                if (cpu[n] > 1_000_000) {
                    slowCpu++;
                }
                slowByCommand.merge(commands[n % commands.length], 1, Integer::sum);
            }
        }
        long[] w = wall.clone();
        Arrays.sort(w);
        long[] u = cpu.clone();
        Arrays.sort(u);
        System.out.printf(Locale.ROOT, "cycling %d calls: wall p50 %.1f p90 %.1f p99 %.1f max %.1f µs;"
                + " CPU p50 %.1f p90 %.1f p99 %.1f max %.1f µs%n", calls, pct(w, 0.5), pct(w, 0.9), pct(w, 0.99),
                w[calls - 1] / 1000.0, pct(u, 0.5), pct(u, 0.9), pct(u, 0.99), u[calls - 1] / 1000.0);
        System.out.printf(Locale.ROOT, "calls over 1 ms wall time: %d (%.2f%%), of which over 1 ms CPU time: %d;"
                + " garbage collections meanwhile: %d; distinct commands among them: %d%n", slow, 100.0 * slow / calls,
                slowCpu, gc, slowByCommand.size());
    }

    private static long medianCpuNanos(ThreadMXBean threads, long[] samples, Runnable task) {
        for (int r = 0; r < samples.length; r++) {
            long start = threads.getCurrentThreadCpuTime();
            task.run();
            samples[r] = threads.getCurrentThreadCpuTime() - start;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void summary(String name, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0) / 1000.0;
        System.out.printf(Locale.ROOT, "%-7s mean %7.1f µs  p50 %7.1f  p90 %7.1f  p99 %8.1f  max %8.1f  (over commands)%n",
                name, mean, pct(s, 0.50), pct(s, 0.90), pct(s, 0.99), s[s.length - 1] / 1000.0);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1000.0;
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }
}
