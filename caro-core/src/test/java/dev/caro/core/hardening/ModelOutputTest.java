package dev.caro.core.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.caro.api.backend.Generation;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.format.CommandResult;
import dev.caro.api.safety.SafetyMode;
import dev.caro.core.config.CaroConfig;
import dev.caro.core.config.CaroPaths;
import dev.caro.core.fakes.ScriptedBackendProvider;
import dev.caro.core.pipeline.BackendEnvironments;
import dev.caro.core.pipeline.GenerationFailedException;
import dev.caro.core.pipeline.Pipeline;
import dev.caro.core.pipeline.PipelineRequest;
import dev.caro.core.registry.Registry;
import dev.caro.core.safety.SafetyEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the pipeline makes of raw model text with several commands, Markdown, or no command at all. */
class ModelOutputTest {

    private static final ExecutionContext CTX = ExecutionContext.linux("/home/ana/p", "/home/ana");

    private static CommandResult generate(String raw) throws Exception {
        Registry registry = new Registry();
        registry.addBackend(ScriptedBackendProvider.answering("caro.model", 100, Generation.ofText(raw)), true);
        Path home = Path.of("/home/ana");
        BackendEnvironments envs = new BackendEnvironments(CaroConfig.empty(home.resolve("c.toml")),
                CaroPaths.from(Map.of(), home), Map.of(), Optional.empty(), null);
        try (Pipeline p = new Pipeline(registry, new SafetyEngine(List.of()), envs, Optional.empty())) {
            return p.generate(new PipelineRequest("list files", CTX, Optional.of("model"), SafetyMode.MODERATE,
                    Duration.ofSeconds(5)));
        }
    }

    @Test
    void severalCommandsGiveTheFirstAndTheRestAsAlternatives() throws Exception {
        CommandResult r = generate("```bash\nls -la\nls -lh\n```");
        assertEquals("ls -la", r.command());
        assertEquals(List.of("ls -lh"), r.alternatives());
    }

    @Test
    void markdownAroundTheCommandIsExplanationNotCommand() throws Exception {
        CommandResult r = generate("Sure! Here is the command:\n\n```sh\n$ du -sh *\n```\n\n**Note:** this shows sizes.");
        assertEquals("du -sh *", r.command());
        assertEquals(List.of(), r.alternatives());
    }

    @Test
    void anAnswerWithoutACommandIsAGenerationFailureThatSaysSo() {
        for (String raw : List.of("I am not able to help with that request.", "```\n```", "**Sorry**, I can't.")) {
            assertEquals(failure("no command found in its answer"),
                    assertThrows(GenerationFailedException.class, () -> generate(raw), raw).getMessage(), raw);
        }
        for (String raw : List.of("", "   \n")) {
            assertEquals(failure("no answer"),
                    assertThrows(GenerationFailedException.class, () -> generate(raw), raw).getMessage(), raw);
        }
    }

    private static String failure(String reason) {
        return "could not generate a command for this request.\n  model: " + reason
                + "\nTry rephrasing the request, or choose another backend with --backend.";
    }

    @Test
    void anAnswerWhoseOnlyCommandCarriesTerminalEscapesIsRefused() {
        GenerationFailedException e = assertThrows(GenerationFailedException.class,
                () -> generate("```\necho hi\u001b]0;owned\u0007\n```"));
        assertEquals(failure("no command found in its answer"), e.getMessage());
    }

    /**
     * An OSC (retitle) and a CSI sequence around a clean command: the command stands, an
     * alternative carrying escapes is dropped, and the explanation shows them as visible codes.
     */
    @Test
    void escapesAroundACleanCommandAreNeutralizedInTheExplanationAndDropTheirAlternative() throws Exception {
        CommandResult r = generate("Here you go\u001b]0;owned\u0007:\n```bash\nls -la\necho x\u001b[2K\n```\n");
        assertEquals("ls -la", r.command());
        assertEquals(List.of(), r.alternatives(), "the alternative with an escape sequence is dropped");
        assertEquals("Here you go\\x1b]0;owned\\x07:", r.explanation());
    }
}
