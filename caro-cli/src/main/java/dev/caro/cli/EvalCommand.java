package dev.caro.cli;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.Userland;
import dev.caro.api.safety.RiskLevel;
import dev.caro.core.config.ConfigKey;
import dev.caro.core.eval.DatasetFormatException;
import dev.caro.core.eval.DatasetReader;
import dev.caro.core.eval.EvalCase;
import dev.caro.core.eval.EvalReport;
import dev.caro.core.eval.EvalRunner;
import dev.caro.core.eval.ExecutionEquivalence;
import dev.caro.core.pipeline.BackendEnvironments;
import dev.caro.core.registry.Registry;
import dev.caro.core.registry.UnknownNameException;
import dev.caro.core.safety.SafetyEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code caro eval --dataset FILE.jsonl}: measure a backend on an nl2cmd dataset. */
@Command(name = "eval", sortOptions = false,
        description = {"Runs a backend over a dataset of requests and scores its commands against the expected ones.",
            "Prints coverage, accuracy, precision, wrong answers, safety verdicts and latency. Runs no generated",
            "command unless --execute-equivalence is given, and then only SAFE ones inside a throw-away sandbox."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 evaluated, 2 usage error (unknown backend, unreadable dataset), 4 backend could not start."})
final class EvalCommand implements Callable<Integer> {

    @ParentCommand
    CaroCommand parent;

    @Option(names = "--dataset", paramLabel = "FILE", required = true,
            description = "JSON lines with prompt, expected[], optional bsd[], accept[], category, tags.")
    Path dataset;

    @Option(names = {"-b", "--backend"}, paramLabel = "ID", description = "Backend to evaluate (default: the best available).")
    String backend;

    @Option(names = "--json", description = "Print the report as JSON instead of a table.")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
    Path report;

    @Option(names = "--execute-equivalence",
            description = "Also count answers as correct when they behave like an expected command in a sandbox.")
    boolean execute;

    @Option(names = "--userland", paramLabel = "gnu|bsd", description = "Score against GNU (default) or BSD commands.")
    String userland;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Session session = parent.session();
        CliEnvironment env = session.cli();
        List<EvalCase> cases;
        try {
            cases = DatasetReader.read(dataset);
        } catch (DatasetFormatException e) {
            throw new UsageException(e.getMessage());
        }
        Registry registry = session.registry();
        ModelBackendProvider provider = provider(registry, session);
        ExecutionContext context = context(session);
        SafetyEngine safety = session.safetyEngine();
        BackendEnvironments environments = new BackendEnvironments(session.config(), env.paths(), session.backendEnv(),
                session.settings().get(ConfigKey.MODEL), session.progress());
        ModelBackend model;
        try {
            model = provider.create(environments.forBackend(provider.id()));
        } catch (BackendException e) {
            env.err().println("caro eval: backend " + Registry.displayName(provider.id()) + " could not start: "
                    + e.getMessage());
            return ExitCodes.GENERATION_FAILED;
        }
        EvalReport result;
        try (model) {
            Optional<ExecutionEquivalence> exec = execute
                    ? Optional.of(new ExecutionEquivalence(c -> risk(safety, c, context), Duration.ofSeconds(5)))
                    : Optional.empty();
            EvalRunner runner = new EvalRunner(model, context, c -> risk(safety, c, context), exec, session.timeout());
            result = runner.run(dataset.toString(), provider.id(), cases);
        }
        String jsonText = result.toJson();
        if (report != null) {
            Files.writeString(report, jsonText, StandardCharsets.UTF_8);
        }
        env.out().print(json ? jsonText : result.toTable());
        env.out().flush();
        return ExitCodes.OK;
    }

    private ModelBackendProvider provider(Registry registry, Session session) {
        String name = backend != null ? backend : session.settings().get(ConfigKey.BACKEND).orElse(null);
        if (name != null) {
            try {
                return registry.backend(name);
            } catch (UnknownNameException e) {
                throw new UsageException(e.getMessage());
            }
        }
        BackendEnvironments envs = new BackendEnvironments(session.config(), session.cli().paths(),
                session.backendEnv(), Optional.empty(), session.progress());
        return registry.backends().stream()
                .filter(p -> envs.availability(p).available())
                .max(Comparator.comparingInt(ModelBackendProvider::rank))
                .orElseThrow(() -> new UsageException("no backend is available; see 'caro backends'"));
    }

    private ExecutionContext context(Session session) {
        ExecutionContext c = session.context();
        if (userland == null) {
            return c;
        }
        switch (userland.toLowerCase(Locale.ROOT)) {
            case "gnu": return c.withUserland(Userland.GNU);
            case "bsd": return c.withUserland(Userland.BSD);
            default: throw new UsageException("unknown userland '" + userland + "'; choose gnu or bsd");
        }
    }

    /** The safety verdict, or empty when the safety engine cannot judge (it may still be in progress). */
    private static Optional<RiskLevel> risk(SafetyEngine safety, String command, ExecutionContext context) {
        try {
            return Optional.of(safety.assess(command, context).risk());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
