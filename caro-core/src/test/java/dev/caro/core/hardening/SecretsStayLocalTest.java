package dev.caro.core.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.backend.ChatMessage;
import dev.caro.api.backend.CommandCandidate;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.SafetyMode;
import dev.caro.core.config.CaroConfig;
import dev.caro.core.config.CaroPaths;
import dev.caro.core.context.ContextDetector;
import dev.caro.core.fakes.ScriptedBackendProvider;
import dev.caro.core.pipeline.BackendEnvironments;
import dev.caro.core.pipeline.Pipeline;
import dev.caro.core.pipeline.PipelineRequest;
import dev.caro.core.registry.Registry;
import dev.caro.core.safety.SafetyEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a backend receives — the request, the detected context and the chat messages — carries no
 * environment values, tokens or file contents, even when the environment and the working directory
 * are full of them.
 */
class SecretsStayLocalTest {

    private static final List<String> SECRETS = List.of("sk-secret-0penai", "hf_secretHuggingFace", "ghp_secretGitHub",
            "wJalrXUtnFEMI-secret-aws", "secret-in-dotenv-file", "secret-in-history-file", "hunter2-db-password");

    @TempDir
    Path dir;

    @Test
    void theRequestAndContextSentToABackendCarryNoSecrets() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve(".env"), "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI-secret-aws\nTOKEN=secret-in-dotenv-file\n");
        Files.writeString(project.resolve(".bash_history"), "export PGPASSWORD=secret-in-history-file\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tool = Files.writeString(bin.resolve("kubectl"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of(
                "OPENAI_API_KEY", "sk-secret-0penai",
                "HF_TOKEN", "hf_secretHuggingFace",
                "GITHUB_TOKEN", "ghp_secretGitHub",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI-secret-aws",
                "DATABASE_URL", "postgres://app:hunter2-db-password@db/app",
                "SHELL", "/bin/bash",
                "PATH", bin.toString(),
                "HOME", dir.toString());
        Map<String, String> props = Map.of("os.name", "Linux", "os.version", "6.1", "os.arch", "amd64",
                "user.dir", project.toString(), "user.home", dir.toString(), "user.name", "ana");
        ExecutionContext context = new ContextDetector(env, props, null).detect(null);
        assertTrue(context.toString().contains("kubectl"), "the context is really detected from this environment: " + context);

        Registry registry = new Registry();
        ScriptedBackendProvider backend = ScriptedBackendProvider.answering("caro.spy", 100,
                Generation.of(List.of(CommandCandidate.of("ls", ""))));
        registry.addBackend(backend, true);
        BackendEnvironments envs = new BackendEnvironments(CaroConfig.empty(dir.resolve("c.toml")),
                CaroPaths.from(env, dir), env, Optional.empty(), null);
        try (Pipeline pipeline = new Pipeline(registry, new SafetyEngine(List.of()), envs, Optional.empty())) {
            pipeline.generate(new PipelineRequest("list the files here and show my settings", context, Optional.empty(),
                    SafetyMode.MODERATE, Duration.ofSeconds(5)));
        }
        assertEquals(1, backend.requests.size());
        GenerationRequest sent = backend.requests.get(0);
        StringBuilder everything = new StringBuilder(sent.prompt()).append('\n').append(sent.context()).append('\n');
        for (ChatMessage m : sent.messages()) {
            everything.append(m.content()).append('\n');
        }
        for (String secret : SECRETS) {
            assertFalse(everything.toString().contains(secret), "'" + secret + "' was sent to the backend:\n" + everything);
        }
        assertTrue(everything.toString().contains("list the files here"), "the request itself is sent");
    }
}
