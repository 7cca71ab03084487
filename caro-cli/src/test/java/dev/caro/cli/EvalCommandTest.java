package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caro.core.config.CaroPaths;
import dev.caro.core.context.ContextDetector;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

    @TempDir
    Path home;

    Path dataset;

    private record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void writeDataset() throws Exception {
        dataset = home.resolve("set.jsonl");
        Files.writeString(dataset, """
                {"prompt": "show the remote urls", "expected": ["git remote -v"], "category": "git"}
                {"prompt": "kernel version?", "expected": ["uname -r"], "category": "system-info"}
                {"prompt": "how much RAM is free", "expected": ["free -h"], "bsd": ["vm_stat"], "category": "system-info"}
                {"prompt": "make me a sandwich", "expected": [], "category": "decline"}
                """);
    }

    /** Runs caro in-process; adds eval to the command tree if the top-level command does not list it yet. */
    private Run caro(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("HOME", home.toString(), "SHELL", "/bin/bash", "PATH", System.getenv("PATH"));
        Map<String, String> props = Map.of("os.name", "Linux", "os.version", "6.1", "os.arch", "amd64",
                "user.dir", home.toString(), "user.home", home.toString(), "user.name", "ana");
        CliEnvironment cli = new CliEnvironment(env, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true), new PrintWriter(err, true), false, false,
                new ContextDetector(env, props, null), CaroPaths.from(env, home), false);
        CaroCommand root = new CaroCommand(cli);
        CommandLine cl = Main.commandLine(root, cli);
        if (!cl.getSubcommands().containsKey("eval")) {
            cl.addSubcommand("eval", new EvalCommand());
        }
        try {
            return new Run(cl.execute(args), out.toString(), err.toString());
        } finally {
            root.session().close();
        }
    }

    @Test
    void printsATableWithTheScores() {
        Run r = caro("eval", "--dataset", dataset.toString(), "--backend", "offline");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Dataset   " + dataset + " (4 requests)\nBackend   caro.offline (gnu userland, bash)\n"),
                r.out());
        assertTrue(r.out().contains("\nCoverage  75.0% answered\n"), r.out());
        assertTrue(r.out().contains("\nAccuracy  100.0% equivalent (of requests that expect a command)\n"), r.out());
        assertTrue(r.out().contains("\nPrecision 100.0% of the answers given\n"), r.out());
        assertTrue(r.out().contains("\nLatency   p50 "), r.out());
    }

    @Test
    void writesJsonToStdoutAndToAReport() throws Exception {
        Path report = home.resolve("report.json");
        Run r = caro("eval", "--dataset", dataset.toString(), "--backend", "offline", "--json", "--report",
                report.toString(), "--userland", "bsd");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("caro.offline", doc.get("backend").asText());
        assertEquals("bsd", doc.get("userland").asText());
        assertEquals(3, doc.get("equivalent").asInt());
        assertEquals("vm_stat", doc.get("cases").get(2).get("answer").asText());
        assertEquals(r.out(), Files.readString(report));
    }

    @Test
    void unknownBackendIsAUsageError() {
        Run r = caro("eval", "--dataset", dataset.toString(), "--backend", "nope");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().startsWith("caro: unknown backend 'nope'"), r.err());
    }

    @Test
    void unreadableDatasetSaysWhy() throws Exception {
        Run missing = caro("eval", "--dataset", home.resolve("nope.jsonl").toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertEquals("caro: dataset " + home.resolve("nope.jsonl") + " does not exist\n", missing.err());
        Files.writeString(dataset, "{\"prompt\": 3}\n");
        Run bad = caro("eval", "--dataset", dataset.toString());
        assertEquals("caro: " + dataset + ":1: \"prompt\" must be a non-empty string\n", bad.err());
    }
}
