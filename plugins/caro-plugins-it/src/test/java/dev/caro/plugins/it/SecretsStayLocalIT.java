package dev.caro.plugins.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.format.CommandResult;
import dev.caro.api.safety.SafetyMode;
import dev.caro.core.config.CaroConfig;
import dev.caro.core.config.CaroPaths;
import dev.caro.core.context.ContextDetector;
import dev.caro.core.pipeline.BackendEnvironments;
import dev.caro.core.pipeline.Pipeline;
import dev.caro.core.pipeline.PipelineRequest;
import dev.caro.core.plugin.PluginHost;
import dev.caro.core.registry.Registry;
import dev.caro.core.safety.SafetyEngine;
import dev.caro.testkit.ScriptedHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's promise for remote backends, on the wire: caro's pipeline drives the Ollama and OpenAI
 * plugins from their packaged jars against a real HTTP server, in an environment and a working
 * directory full of secrets. Every byte the server receives — request line, headers and body — is
 * searched for them. The one exception is the user's own opt-in: the OpenAI key set for that
 * server goes in its Authorization header, and nowhere else.
 */
class SecretsStayLocalIT {

    private static final Path JARS = Path.of(System.getProperty("caro.it.pluginJars", "target/plugin-jars"));
    private static final String OPENAI_KEY = "sk-secret-0penai";
    private static final List<String> SECRETS = List.of(OPENAI_KEY, "hf_secretHuggingFace", "ghp_secretGitHub",
            "wJalrXUtnFEMI-secret-aws", "secret-in-dotenv-file", "secret-in-history-file", "hunter2-db-password",
            "secret-in-source-file");

    @TempDir
    Path dir;

    private PluginHost host;
    private ScriptedHttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        host = PluginHost.open(dir.resolve("plugins"), Set.of("caro.offline", "plain", "json", "yaml"));
        try (Stream<Path> s = Files.list(JARS)) {
            for (Path jar : s.filter(p -> p.getFileName().toString().matches("caro-plugin-(ollama|openai).*\\.jar")).toList()) {
                host.install(jar, false);
            }
        }
        server = new ScriptedHttpServer()
                .on("/api/tags", recorded("{\"models\":[{\"name\":\"qwen2.5-coder:1.5b\",\"size\":986}]}"))
                .on("/api/chat", recorded("{\"message\":{\"role\":\"assistant\",\"content\":\"ls -la\"},\"done\":true}"))
                .on("/v1/chat/completions", recorded("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"ls -la\"},\"finish_reason\":\"stop\"}]}"));
    }

    @AfterEach
    void stop() {
        server.close();
        host.close();
    }

    /** Answers {@code json} and keeps the whole request as the server saw it. */
    private ScriptedHttpServer.Answer recorded(String json) {
        return exchange -> {
            received.add(wholeRequest(exchange, server.requests().get(server.requests().size() - 1)));
            ScriptedHttpServer.json(200, json).write(exchange);
        };
    }

    private static String wholeRequest(HttpExchange exchange, String body) {
        StringBuilder sb = new StringBuilder(exchange.getRequestMethod()).append(' ').append(exchange.getRequestURI()).append('\n');
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> sb.append(name).append(": ").append(v).append('\n')));
        return sb.append('\n').append(body).toString();
    }

    @Test
    void ollamaReceivesTheRequestButNoSecret() throws Exception {
        CommandResult r = generate("ollama", "[backends.ollama]\nhost = \"" + server.url() + "\"\nmodel = \"qwen2.5-coder:1.5b\"\nstream = false\n");
        assertEquals("ls -la", r.command());
        String wire = String.join("\n----\n", received);
        assertTrue(wire.contains("POST /api/chat"), wire);
        assertNoSecret(wire);
    }

    @Test
    void openAiReceivesTheRequestAndItsOwnKeyOnlyInTheAuthorizationHeader() throws Exception {
        CommandResult r = generate("openai", "[backends.openai]\nbase_url = \"" + server.url() + "/v1\"\nmodel = \"m\"\nstream = false\n");
        assertEquals("ls -la", r.command());
        assertEquals(1, received.size(), received.toString());
        String wire = received.get(0);
        assertTrue(wire.startsWith("POST /v1/chat/completions\n"), wire);
        assertTrue(wire.contains("\nAuthorization: Bearer " + OPENAI_KEY + "\n"), "the key the user set for this server is used: " + wire);
        assertNoSecret(wire.replace("\nAuthorization: Bearer " + OPENAI_KEY + "\n", "\n"));
    }

    private CommandResult generate(String backend, String config) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve(".env"), "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI-secret-aws\nTOKEN=secret-in-dotenv-file\n");
        Files.writeString(project.resolve(".bash_history"), "export PGPASSWORD=secret-in-history-file\n");
        Files.writeString(project.resolve("settings.py"), "API_TOKEN = 'secret-in-source-file'\n");
        Map<String, String> env = Map.of(
                "OPENAI_API_KEY", OPENAI_KEY,
                "HF_TOKEN", "hf_secretHuggingFace",
                "GITHUB_TOKEN", "ghp_secretGitHub",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI-secret-aws",
                "DATABASE_URL", "postgres://app:hunter2-db-password@db/app",
                "SHELL", "/bin/bash",
                "PATH", "/usr/bin:/bin",
                "HOME", dir.toString());
        Map<String, String> props = Map.of("os.name", "Linux", "os.version", "6.1", "os.arch", "amd64",
                "user.dir", project.toString(), "user.home", dir.toString(), "user.name", "ana");
        ExecutionContext context = new ContextDetector(env, props, null).detect(null);
        Registry registry = new Registry();
        for (ModelBackendProvider p : host.load().backends()) {
            registry.addBackend(p, false);
        }
        Path configFile = dir.resolve("config.toml");
        BackendEnvironments envs = new BackendEnvironments(CaroConfig.parse(configFile, config), CaroPaths.from(env, dir),
                env, Optional.empty(), null);
        try (Pipeline pipeline = new Pipeline(registry, new SafetyEngine(List.of()), envs, Optional.empty())) {
            return pipeline.generate(new PipelineRequest("list the files here and show my settings", context,
                    Optional.of(backend), SafetyMode.MODERATE, Duration.ofSeconds(10)));
        }
    }

    private static void assertNoSecret(String wire) {
        List<String> found = new ArrayList<>();
        for (String secret : SECRETS) {
            if (wire.contains(secret)) {
                found.add(secret);
            }
        }
        assertEquals(List.of(), found, "secrets sent to the server:\n" + wire);
        assertTrue(wire.contains("list the files here and show my settings"), "the request itself is sent: " + wire);
    }
}
