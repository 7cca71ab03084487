package dev.caro.core.eval;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.Userland;
import dev.caro.api.safety.RiskLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a backend over a dataset and scores each answer: normalized equivalence first, then, when
 * enabled and the commands differ in spelling, execution equivalence in a sandbox.
 */
public final class EvalRunner {

    private static final Pattern FILE_WORD = Pattern.compile("(?<![\\w/$.-])([\\w][\\w.+-]*\\.[A-Za-z0-9]{1,8})\\b");

    private final ModelBackend backend;
    private final ExecutionContext context;
    private final Function<String, Optional<RiskLevel>> safety;
    private final Optional<ExecutionEquivalence> execution;
    private final Duration timeout;

    /**
     * @param safety judges answers for the report; return empty when it cannot
     * @param execution when present, commands that differ after normalization are also run
     */
    public EvalRunner(ModelBackend backend, ExecutionContext context, Function<String, Optional<RiskLevel>> safety,
            Optional<ExecutionEquivalence> execution, Duration timeout) {
        this.backend = backend;
        this.context = context;
        this.safety = safety;
        this.execution = execution;
        this.timeout = timeout;
    }

    public EvalReport run(String dataset, String backendId, List<EvalCase> cases) throws InterruptedException {
        List<CaseResult> results = new ArrayList<>();
        for (EvalCase c : cases) {
            results.add(runOne(c));
        }
        return new EvalReport(dataset, backendId, context.userland().id(), context.shell().id(), results);
    }

    CaseResult runOne(EvalCase c) throws InterruptedException {
        long start = System.nanoTime();
        Optional<String> answer;
        String note = "";
        try {
            Generation g = backend.generate(new GenerationRequest(c.prompt(), context, List.of(), 1, timeout));
            answer = g.candidates().isEmpty() ? Optional.empty() : Optional.of(g.candidates().get(0).command());
            if (answer.isEmpty() && !g.rawText().isBlank()) {
                answer = g.rawText().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("```"))
                        .findFirst();
            }
            note = g.note();
        } catch (BackendException | RuntimeException e) {
            answer = Optional.empty();
            note = "backend failed: " + e.getMessage();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        if (answer.isEmpty()) {
            return new CaseResult(c, answer, false, "", Optional.empty(), millis, note);
        }
        String a = answer.get();
        Optional<RiskLevel> risk;
        try {
            risk = safety.apply(a);
        } catch (RuntimeException e) {
            risk = Optional.empty();
        }
        List<String> acceptable = c.acceptable(context.userland() == Userland.BSD);
        if (acceptable.isEmpty()) {
            return new CaseResult(c, answer, false, "", risk, millis, "answered a request that should be declined");
        }
        if (EquivalenceChecker.equivalentToAny(a, acceptable)) {
            return new CaseResult(c, answer, true, "normalized", risk, millis, note);
        }
        if (execution.isPresent()) {
            String last = "";
            for (String e : acceptable) {
                ExecutionEquivalence.Result r = execution.get().compare(a, e, fileNames(a, e));
                if (r.verdict() == ExecutionEquivalence.Verdict.SAME) {
                    return new CaseResult(c, answer, true, "execution", risk, millis, r.reason());
                }
                last = r.reason();
            }
            return new CaseResult(c, answer, false, "", risk, millis, last);
        }
        return new CaseResult(c, answer, false, "", risk, millis, note);
    }

    /** File names that the commands mention, so the sandbox can hold them. */
    private static Set<String> fileNames(String... commands) {
        Set<String> out = new LinkedHashSet<>();
        for (String cmd : commands) {
            Matcher m = FILE_WORD.matcher(cmd);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
