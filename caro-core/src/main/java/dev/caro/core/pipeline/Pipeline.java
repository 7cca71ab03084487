package dev.caro.core.pipeline;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.CommandCandidate;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Decision;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.SafetyMode;
import dev.caro.api.shell.Span;
import dev.caro.core.prompt.CommandExtractor;
import dev.caro.core.prompt.PromptBuilder;
import dev.caro.core.registry.Registry;
import dev.caro.core.safety.SafetyEngine;
import dev.caro.core.text.TerminalText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * caro's main job: build the prompt, ask the backends in order until one answers, judge the
 * command, and decide what the safety mode allows. Backends are created lazily and kept until
 * {@link #close()}.
 */
public final class Pipeline implements AutoCloseable {

    private final Registry registry;
    private final SafetyEngine safety;
    private final BackendEnvironments environments;
    private final Optional<String> failClosedReason;
    private final Map<String, ModelBackend> created = new LinkedHashMap<>();
    /** Runs backends under a time limit; made on the first request, so judging alone starts no pool. */
    private ExecutorService executor;
    private boolean closed;

    /**
     * @param failClosedReason when set (e.g. a safety plugin failed to load), every decision
     *     becomes {@link Decision#BLOCK} and the reason is shown
     */
    public Pipeline(Registry registry, SafetyEngine safety, BackendEnvironments environments,
            Optional<String> failClosedReason) {
        this.registry = registry;
        this.safety = safety;
        this.environments = environments;
        this.failClosedReason = failClosedReason;
    }

    /** The backends to try for {@code request}, in order. */
    public List<ModelBackendProvider> chain(PipelineRequest request) {
        if (request.backend().isPresent()) {
            return List.of(registry.backend(request.backend().get()));
        }
        return registry.backends();
    }

    /**
     * Generates and judges a command.
     *
     * @throws GenerationFailedException when no backend answered
     * @throws InterruptedException when interrupted (Ctrl-C)
     */
    public CommandResult generate(PipelineRequest request) throws GenerationFailedException, InterruptedException {
        long start = System.nanoTime();
        List<String> attempts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        GenerationRequest genRequest = new GenerationRequest(request.prompt(), request.context(),
                PromptBuilder.build(request.prompt(), request.context()), 3, request.timeout());
        for (ModelBackendProvider provider : chain(request)) {
            String name = Registry.displayName(provider.id());
            Availability availability = environments.availability(provider);
            if (!availability.available()) {
                String line = name + ": " + availability.reason()
                        + (availability.fix().isEmpty() ? "" : " (run: " + availability.fix() + ")");
                attempts.add(line);
                notes.add(line);
                continue;
            }
            Answer answer;
            try {
                answer = answer(provider, genRequest, request.timeout());
            } catch (BackendException e) {
                attempts.add(name + ": " + e.getMessage());
                notes.add(name + " failed: " + e.getMessage());
                continue;
            }
            List<CommandCandidate> candidates = answer.candidates();
            if (candidates.isEmpty()) {
                String why = name + ": " + (answer.emptyReason().isEmpty() ? "no answer" : answer.emptyReason());
                attempts.add(why);
                notes.add(why);
                continue;
            }
            CommandCandidate best = candidates.get(0);
            List<String> alternatives = candidates.stream().skip(1).map(CommandCandidate::command).toList();
            Assessment assessment = safety.assess(best.command(), request.context());
            List<String> warnings = new ArrayList<>();
            if (!attempts.isEmpty()) {
                warnings.add("answered by " + name + " because " + String.join("; ", notes));
            }
            safety.intentWarning(request.prompt(), best.command(), assessment).ifPresent(warnings::add);
            warnings.addAll(safety.shellWarnings(best.command(), request.context().shell()));
            Decision decision = decide(request.mode(), assessment, warnings);
            return new CommandResult(request.prompt(), best.command(), best.explanation(), alternatives,
                    name, request.context(), assessment, request.mode(), decision, warnings,
                    Duration.ofNanos(System.nanoTime() - start));
        }
        throw new GenerationFailedException(failureMessage(request, attempts), attempts);
    }

    /** Judges a command given by the user ({@code caro check}). */
    public CheckResult check(String command, ExecutionContext context, SafetyMode mode) {
        Assessment assessment = withTerminalControl(safety.assess(command, context));
        List<String> warnings = new ArrayList<>(safety.shellWarnings(command, context.shell()));
        Decision decision = decide(mode, assessment, warnings);
        return new CheckResult(assessment, mode, decision, warnings);
    }

    /** Rule id of the finding for a checked command holding terminal control characters. */
    public static final String TERMINAL_CONTROL_RULE = "caro.terminal-control";

    /**
     * Escape sequences can make a command look different from what runs (the rules judge the
     * bytes, the user sees the rendering), so such a command is never less than HIGH.
     */
    private static Assessment withTerminalControl(Assessment assessment) {
        String command = assessment.command();
        if (!TerminalText.hasControlCharacters(command)) {
            return assessment;
        }
        List<Finding> findings = new ArrayList<>(assessment.findings());
        findings.add(new Finding(TERMINAL_CONTROL_RULE, RiskLevel.HIGH,
                "Contains terminal control characters (shown as \\xNN), which can make it look different from what runs.",
                new Span(0, command.length())));
        return Assessment.of(command, findings, assessment.parsed());
    }

    private Decision decide(SafetyMode mode, Assessment assessment, List<String> warnings) {
        if (failClosedReason.isPresent()) {
            warnings.add(failClosedReason.get());
            return Decision.BLOCK;
        }
        return mode.decide(assessment.risk());
    }

    /**
     * A backend's usable commands; when there are none, why: the backend's own note, or what was
     * wrong with its answer (empty when it said nothing at all).
     */
    private record Answer(List<CommandCandidate> candidates, String emptyReason) {}

    private Answer answer(ModelBackendProvider provider, GenerationRequest request, Duration timeout)
            throws BackendException, InterruptedException {
        ModelBackend backend = backend(provider);
        Future<Generation> future = executor().submit(() -> backend.generate(request));
        Generation generation;
        try {
            generation = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new BackendException("no answer within " + seconds(timeout) + " (raise it with --timeout)");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BackendException be) {
                throw be;
            }
            throw new BackendException("failed unexpectedly: " + cause, cause);
        }
        if (generation == null) {
            return new Answer(List.of(), "");
        }
        List<CommandCandidate> raw = generation.candidates().isEmpty()
                ? CommandExtractor.extract(generation.rawText())
                : generation.candidates();
        List<CommandCandidate> clean = new ArrayList<>();
        for (CommandCandidate c : raw) {
            String cmd = c.command().strip();
            // A command with terminal control characters could show one thing and run another.
            if (!cmd.isEmpty() && !TerminalText.hasControlCharacters(cmd)) {
                clean.add(new CommandCandidate(cmd, TerminalText.sanitize(c.explanation(), false), c.confidence()));
            }
        }
        if (!clean.isEmpty()) {
            return new Answer(clean, "");
        }
        return new Answer(clean, generation.isEmpty() ? TerminalText.sanitize(generation.note(), false)
                : raw.isEmpty() ? "no command found in its answer"
                : "its answer held only commands with terminal control characters");
    }

    private synchronized ExecutorService executor() {
        if (closed) {
            throw new RejectedExecutionException("the pipeline is closed"); // as the shut-down pool did
        }
        if (executor == null) {
            executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "caro-backend");
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private ModelBackend backend(ModelBackendProvider provider) throws BackendException {
        ModelBackend b = created.get(provider.id());
        if (b == null) {
            try {
                b = provider.create(environments.forBackend(provider.id()));
            } catch (RuntimeException | LinkageError e) {
                throw new BackendException("could not start: " + e, e);
            }
            created.put(provider.id(), b);
        }
        return b;
    }

    private static String failureMessage(PipelineRequest request, List<String> attempts) {
        if (attempts.isEmpty()) {
            return "no backend is installed; reinstall caro or add one with 'caro plugins install'";
        }
        String tried = String.join("\n  ", attempts);
        return "could not generate a command for this request.\n  " + tried
                + "\nTry rephrasing the request, or choose another backend with --backend.";
    }

    @Override
    public void close() {
        for (ModelBackend b : created.values()) {
            try {
                b.close();
            } catch (RuntimeException e) {
                // closing is best effort; the process is about to end
            }
        }
        created.clear();
        synchronized (this) {
            closed = true;
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }
}
