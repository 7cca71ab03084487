package dev.caro.cli;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.format.CheckResult;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.SafetyMode;
import dev.caro.core.config.ConfigKey;
import dev.caro.core.pipeline.Pipeline;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code caro check COMMAND | -}: judge commands without generating or running anything. */
@Command(name = "check", sortOptions = false,
        description = {"Judges a shell command: risk, the rules that fired and why. Runs nothing.",
            "Use '-' to read one command per line from standard input."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 SAFE, 10 MODERATE, 11 HIGH, 12 CRITICAL: the highest risk of all commands",
            "  checked; 2 usage error, 3 configuration error."})
final class CheckCommand implements Callable<Integer> {

    /** Commands piped to {@code caro check -} are read whole; a stream without end must not exhaust memory. */
    static final int MAX_STDIN_BYTES = 4_000_000;

    @ParentCommand
    CaroCommand parent;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The command to judge (quote it), or '-' for one command per line on standard input.")
    List<String> words;

    @Option(names = "--json", description = "Same as --output json.")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "plain (default), json, yaml, or a plugin's format.")
    String output;

    @Option(names = "--safety", paramLabel = "MODE", description = "strict, moderate (default) or permissive.")
    String safety;

    @Option(names = {"-s", "--shell"}, paramLabel = "SHELL", description = "The shell the command is for (default: detected).")
    String shell;

    @Option(names = {"-q", "--quiet"}, description = "Only the verdict line per command.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Session session = parent.session();
        CliEnvironment env = session.cli();
        session.flag(ConfigKey.OUTPUT, json ? "json" : output);
        session.flag(ConfigKey.SAFETY, safety);
        session.flag(ConfigKey.SHELL, shell);
        List<String> commands = commands(env);
        if (commands.isEmpty()) {
            env.err().println("caro check: no command given.");
            env.err().println("Usage: caro check 'COMMAND'   or   caro check - < commands.txt");
            return ExitCodes.USAGE;
        }
        OutputFormatter formatter = session.formatter();
        SafetyMode mode = session.safetyMode();
        ExecutionContext context = session.judgingContext();
        Pipeline pipeline = session.pipeline();
        List<CheckResult> results = new ArrayList<>();
        RiskLevel worst = RiskLevel.SAFE;
        for (String c : commands) {
            CheckResult r = pipeline.check(c, context, mode);
            results.add(r);
            worst = RiskLevel.max(worst, r.assessment().risk());
        }
        env.out().print(formatter.renderChecks(results, session.formatOptions(quiet, false)));
        env.out().flush();
        return exitCode(worst);
    }

    static int exitCode(RiskLevel risk) {
        return switch (risk) {
            case SAFE -> ExitCodes.OK;
            case MODERATE -> ExitCodes.CHECK_MODERATE;
            case HIGH -> ExitCodes.CHECK_HIGH;
            case CRITICAL -> ExitCodes.CHECK_CRITICAL;
        };
    }

    private List<String> commands(CliEnvironment env) throws IOException {
        if (words == null || words.isEmpty()) {
            return List.of();
        }
        if (words.size() == 1 && words.get(0).equals("-")) {
            byte[] piped = env.in().readNBytes(MAX_STDIN_BYTES + 1);
            if (piped.length > MAX_STDIN_BYTES) {
                throw new UsageException("the commands on standard input are over " + MAX_STDIN_BYTES / 1_000_000
                        + " MB; check fewer at a time");
            }
            String text = StandardInputText.read(new ByteArrayInputStream(piped), piped.length + 1,
                    "the commands on standard input are not valid UTF-8 text");
            List<String> out = new ArrayList<>();
            for (String line : text.split("\r?\n")) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
            return out;
        }
        return List.of(String.join(" ", words));
    }
}
