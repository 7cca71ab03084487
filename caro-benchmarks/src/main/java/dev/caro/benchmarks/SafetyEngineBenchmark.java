package dev.caro.benchmarks;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.ShellScript;
import dev.caro.core.safety.SafetyEngine;
import dev.caro.core.shell.ShellParser;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to judge one command, cycling through the mixed corpus: {@code assess} is the whole job
 * (parse, normalize, every built-in rule), {@code parse} the parser and normalizer alone.
 * Sample-time mode reports the median (p0.50) and p0.99 per command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SafetyEngineBenchmark {

    private final ExecutionContext context = ExecutionContext.linux("/home/user/project", "/home/user");
    private SafetyEngine engine;
    private ShellParser parser;
    private String[] commands;
    private int next;

    @Setup
    public void setUp() {
        List<SafetyRule> rules = new ArrayList<>();
        ServiceLoader.load(SafetyRule.class).forEach(rules::add);
        if (rules.isEmpty()) {
            throw new IllegalStateException("no safety rules on the class path; build with -pl caro-benchmarks -am");
        }
        engine = new SafetyEngine(rules);
        parser = new ShellParser();
        commands = Workload.commands().toArray(new String[0]);
        System.out.println("\n" + rules.size() + " rules, " + commands.length + " commands in the workload");
    }

    private String nextCommand() {
        String c = commands[next];
        next = next + 1 == commands.length ? 0 : next + 1;
        return c;
    }

    @Benchmark
    public Assessment assess() {
        return engine.assess(nextCommand(), context);
    }

    @Benchmark
    public ShellScript parse() {
        return parser.parse(nextCommand(), context);
    }
}
