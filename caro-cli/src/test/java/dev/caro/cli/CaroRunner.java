package dev.caro.cli;

import dev.caro.cli.fakes.KeystrokeInput;
import dev.caro.core.config.CaroPaths;
import dev.caro.core.context.ContextDetector;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs caro in-process with its own directories, environment, standard input and terminal flags. */
final class CaroRunner {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    /**
     * The home directory caro's context reports. Not the temporary directory the test's files
     * live in: that one is under /tmp, which the safety rules rightly treat as scratch space.
     */
    static final String CONTEXT_HOME = "/home/ana";

    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private byte[] stdin = new byte[0];
    private boolean stdinTerminal;
    private boolean stdoutTerminal;
    private boolean stderrTerminal;
    private String typeahead = "";

    CaroRunner(Path home) {
        this.home = home;
        env.put("HOME", home.toString());
        env.put("SHELL", "/bin/bash");
        env.put("PATH", System.getenv("PATH"));
    }

    CaroRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CaroRunner stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    CaroRunner stdinBytes(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    /** Pretends standard input (and so the user) is a terminal. */
    CaroRunner terminalInput() {
        this.stdinTerminal = true;
        return this;
    }

    /** Keys that were typed before caro asked anything (caro must discard them). */
    CaroRunner typeahead(String keys) {
        this.typeahead = keys;
        return this;
    }

    /** A person at a terminal on standard input and output: caro may ask and show the menu. */
    CaroRunner terminal() {
        this.stdinTerminal = true;
        this.stdoutTerminal = true;
        return this;
    }

    /** Standard error is a terminal too: spinners and progress bars are drawn. */
    CaroRunner stderrTerminal() {
        this.stderrTerminal = true;
        return this;
    }

    CaroRunner terminalOutput() {
        this.stdoutTerminal = true;
        return this;
    }

    Path configFile() {
        return CaroPaths.from(env, home).configFile();
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> props = Map.of("os.name", "Linux", "os.version", "6.1", "os.arch", "amd64",
                "user.dir", home.toString(), "user.home", CONTEXT_HOME, "user.name", "ana");
        CliEnvironment cli = new CliEnvironment(Map.copyOf(env),
                input(),
                new PrintWriter(out, true), new PrintWriter(err, true), stdinTerminal, stdoutTerminal,
                new ContextDetector(Map.copyOf(env), props, null), CaroPaths.from(env, home), false,
                stderrTerminal, TerminalModes.NONE);
        int code = Main.run(cli, args);
        return new Run(code, out.toString(), err.toString());
    }

    /** On a terminal, standard input delivers the text as keystrokes typed after each question. */
    private java.io.InputStream input() {
        if (stdinTerminal) {
            return new KeystrokeInput(typeahead, KeystrokeInput.keystrokes(new String(stdin, StandardCharsets.UTF_8)));
        }
        return new ByteArrayInputStream(stdin);
    }
}
