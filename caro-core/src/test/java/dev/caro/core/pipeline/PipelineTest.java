package dev.caro.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.CommandCandidate;
import dev.caro.api.backend.Generation;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.format.CommandResult;
import dev.caro.api.safety.Decision;
import dev.caro.api.safety.SafetyMode;
import dev.caro.core.config.CaroConfig;
import dev.caro.core.config.CaroPaths;
import dev.caro.core.fakes.ScriptedBackendProvider;
import dev.caro.core.registry.Registry;
import dev.caro.core.safety.SafetyEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private static final ExecutionContext CTX = ExecutionContext.linux("/home/ana/p", "/home/ana");

    private final Registry registry = new Registry();

    private Pipeline pipeline(Optional<String> failClosed) {
        Path home = Path.of("/home/ana");
        BackendEnvironments envs = new BackendEnvironments(CaroConfig.empty(home.resolve("c.toml")),
                CaroPaths.from(Map.of(), home), Map.of(), Optional.empty(), null);
        return new Pipeline(registry, new SafetyEngine(List.of()), envs, failClosed);
    }

    private static PipelineRequest request(Optional<String> backend, Duration timeout) {
        return new PipelineRequest("list files", CTX, backend, SafetyMode.MODERATE, timeout);
    }

    @Test
    void theBestRankedBackendAnswersWithCandidatesAndTheRequestCarriesThePrompt() throws Exception {
        ScriptedBackendProvider best = ScriptedBackendProvider.answering("caro.best", 100,
                Generation.of(List.of(CommandCandidate.of("ls -la", "Lists files."), CommandCandidate.of("ls", ""))));
        ScriptedBackendProvider other = ScriptedBackendProvider.answering("caro.other", 10, Generation.none("-"));
        registry.addBackend(other, true);
        registry.addBackend(best, true);
        try (Pipeline p = pipeline(Optional.empty())) {
            CommandResult r = p.generate(request(Optional.empty(), Duration.ofSeconds(5)));
            assertEquals("ls -la", r.command());
            assertEquals("Lists files.", r.explanation());
            assertEquals(List.of("ls"), r.alternatives());
            assertEquals("best", r.backend());
            assertEquals(Decision.ALLOW, r.decision());
            assertEquals(0, other.created, "lower-ranked backends are not created when the first answers");
            assertEquals("list files", best.requests.get(0).prompt());
            assertTrue(best.requests.get(0).messages().size() >= 2, "model backends receive a ready chat prompt");
        }
        assertEquals(1, best.closed);
    }

    @Test
    void fallsBackPastUnavailableFailingSilentAndSlowBackends() throws Exception {
        registry.addBackend(new ScriptedBackendProvider("caro.model", 100,
                Availability.unavailable("model qwen is not downloaded", "caro models pull qwen"), r -> null), true);
        registry.addBackend(new ScriptedBackendProvider("caro.broken", 90, Availability.ready(), r -> {
            throw new BackendException("server returned 500");
        }), true);
        registry.addBackend(new ScriptedBackendProvider("caro.crashy", 85, Availability.ready(), r -> {
            throw new IllegalStateException("bug");
        }), true);
        registry.addBackend(new ScriptedBackendProvider("caro.slow", 80, Availability.ready(), r -> {
            Thread.sleep(10_000);
            return Generation.ofText("```\nls\n```");
        }), true);
        registry.addBackend(ScriptedBackendProvider.answering("caro.silent", 70, Generation.none("not sure")), true);
        registry.addBackend(ScriptedBackendProvider.answering("caro.babble", 65, Generation.ofText("I think you want to list things.")), true);
        registry.addBackend(ScriptedBackendProvider.answering("caro.text", 60, Generation.ofText("```bash\nls -lh\n```")), true);
        try (Pipeline p = pipeline(Optional.empty())) {
            CommandResult r = p.generate(request(Optional.empty(), Duration.ofMillis(300)));
            assertEquals("ls -lh", r.command(), "raw model text goes through the shared extractor");
            assertEquals("text", r.backend());
            assertEquals("answered by text because model: model qwen is not downloaded (run: caro models pull qwen); "
                    + "broken failed: server returned 500; crashy failed: failed unexpectedly: java.lang.IllegalStateException: bug; "
                    + "slow failed: no answer within 0.3 s (raise it with --timeout); silent: not sure; "
                    + "babble: no command found in its answer", r.warnings().get(0));
        }
    }

    @Test
    void anExplicitBackendIsTheOnlyOneTriedAndItsFailureIsReported() {
        registry.addBackend(ScriptedBackendProvider.answering("caro.offline", 10, Generation.none("not sure")), true);
        registry.addBackend(ScriptedBackendProvider.answering("caro.other", 50, Generation.of(List.of(CommandCandidate.of("ls", "")))), true);
        try (Pipeline p = pipeline(Optional.empty())) {
            GenerationFailedException e = assertThrows(GenerationFailedException.class,
                    () -> p.generate(request(Optional.of("offline"), Duration.ofSeconds(5))));
            assertEquals("""
                    could not generate a command for this request.
                      offline: not sure
                    Try rephrasing the request, or choose another backend with --backend.""", e.getMessage());
        }
    }

    @Test
    void commandsWithTerminalControlCharactersAreDropped() throws Exception {
        registry.addBackend(ScriptedBackendProvider.answering("caro.evil", 100,
                Generation.of(List.of(CommandCandidate.of("rm -rf ~\u001b[2K\recho hi", ""), CommandCandidate.of("echo hi", "")))), true);
        try (Pipeline p = pipeline(Optional.empty())) {
            assertEquals("echo hi", p.generate(request(Optional.empty(), Duration.ofSeconds(5))).command());
        }
    }

    @Test
    void aFailedSafetyPackBlocksEverything() throws Exception {
        registry.addBackend(ScriptedBackendProvider.answering("caro.a", 100, Generation.of(List.of(CommandCandidate.of("ls", "")))), true);
        try (Pipeline p = pipeline(Optional.of("safety plugin 'extra' failed to load; fix or remove it before running commands"))) {
            CommandResult r = p.generate(request(Optional.empty(), Duration.ofSeconds(5)));
            assertEquals(Decision.BLOCK, r.decision());
            assertTrue(r.warnings().contains("safety plugin 'extra' failed to load; fix or remove it before running commands"));
        }
    }
}
