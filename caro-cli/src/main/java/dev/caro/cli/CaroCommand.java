package dev.caro.cli;

import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.Decision;
import dev.caro.core.config.ConfigKey;
import dev.caro.core.pipeline.GenerationFailedException;
import dev.caro.core.pipeline.PipelineRequest;
import dev.caro.core.text.TerminalText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caro [OPTIONS] PROMPT...}: turn a request into a command; subcommands do the rest. */
@Command(name = "caro", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Turns a request in plain language into one shell command, judges its risk, and runs it only when you ask.",
        subcommands = {CheckCommand.class, BackendsCommand.class, ConfigCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success (with -x: the command's own exit code)",
            "  1  internal error      2  usage error          3  configuration error",
            "  4  no command generated 5  blocked by safety    6  declined by you",
            "  caro check: 0 SAFE, 10 MODERATE, 11 HIGH, 12 CRITICAL"})
final class CaroCommand implements Callable<Integer> {

    /** Prompts longer than this are refused rather than sent to a model. */
    static final int MAX_PROMPT_CHARS = 8_000;

    private final Session session;

    @Parameters(paramLabel = "PROMPT", arity = "0..*", description = "The request, e.g. \"find pdf files over 10MB in Downloads\".")
    List<String> words;

    @Option(names = {"-p", "--prompt"}, paramLabel = "TEXT", description = "The request (instead of PROMPT words).")
    String prompt;

    @Option(names = {"-s", "--shell"}, paramLabel = "SHELL", description = "Target shell: sh, bash, zsh, fish, powershell, cmd (default: detected).")
    void shell(String v) { session.flag(ConfigKey.SHELL, v); }

    @Option(names = {"-b", "--backend"}, paramLabel = "ID", description = "Backend to use (see 'caro backends'); default: the best available.")
    void backend(String v) { session.flag(ConfigKey.BACKEND, v); }

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "Model id from 'caro models list' or a path to a .gguf file.")
    void model(String v) { session.flag(ConfigKey.MODEL, v); }

    @Option(names = "--safety", paramLabel = "MODE", description = "strict, moderate (default) or permissive.")
    void safety(String v) { session.flag(ConfigKey.SAFETY, v); }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "plain (default), json, yaml, or a plugin's format.")
    void output(String v) { session.flag(ConfigKey.OUTPUT, v); }

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long a backend may take (default 60).")
    void timeout(String v) { session.flag(ConfigKey.TIMEOUT, v); }

    @Option(names = {"-x", "--execute"}, description = "Run the command if the safety mode allows it.")
    boolean execute;

    @Option(names = "--dry-run", description = "Show what would run, run nothing.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Answer yes to confirmations (never to a CRITICAL command).")
    boolean yes;

    @Option(names = {"-v", "--verbose"}, description = "Show backend, timing, alternatives.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print only the command.")
    boolean quiet;

    CaroCommand(CliEnvironment env) {
        this.session = new Session(env);
    }

    Session session() {
        return session;
    }

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = session.cli();
        String request = request(env);
        if (request.isBlank()) {
            env.err().println("caro: no request given.");
            env.err().println("Usage: caro [OPTIONS] PROMPT...   e.g. caro \"find pdf files over 10MB in Downloads\"");
            env.err().println("Try 'caro --help' for more.");
            return ExitCodes.USAGE;
        }
        if (request.length() > MAX_PROMPT_CHARS) {
            env.err().println("caro: the request is " + request.length() + " characters long; the limit is "
                    + MAX_PROMPT_CHARS + ". Shorten it to the task itself.");
            return ExitCodes.USAGE;
        }
        OutputFormatter formatter = session.formatter();
        PipelineRequest pr = new PipelineRequest(request, session.context(), session.backend(), session.safetyMode(),
                session.timeout());
        CommandResult result;
        try {
            result = session.pipeline().generate(pr);
        } catch (GenerationFailedException e) {
            env.err().println("caro: " + TerminalText.sanitize(e.getMessage(), true));
            return ExitCodes.GENERATION_FAILED;
        }
        FormatOptions options = session.formatOptions(quiet, verbose);
        env.out().print(formatter.render(result, options));
        env.out().flush();
        boolean plainPipe = formatter.id().equals("plain") && (!env.stdoutTerminal() || quiet);
        if (plainPipe && !quiet) {
            for (String w : result.warnings()) {
                env.err().println("caro: " + TerminalText.sanitize(w, false));
            }
        }
        if (dryRun) {
            env.err().println("dry run: would run with " + result.context().shell().id() + ": "
                    + TerminalText.sanitize(result.command(), false) + " (" + decisionWord(result.decision()) + ")");
            return ExitCodes.OK;
        }
        if (!execute) {
            return ExitCodes.OK;
        }
        return execute(result, env);
    }

    private int execute(CommandResult result, CliEnvironment env) throws IOException, InterruptedException {
        Decision d = result.decision();
        String risk = result.assessment().risk().name();
        switch (d) {
            case BLOCK:
                env.err().println("caro: not running this " + risk + " command: the " + result.mode().id()
                        + " safety mode blocks it.");
                return ExitCodes.BLOCKED;
            case CONFIRM:
                if (!yes) {
                    if (!env.stdinTerminal()) {
                        env.err().println("caro: this " + risk + " command needs confirmation; rerun with --yes, or in a terminal.");
                        return ExitCodes.BLOCKED;
                    }
                    if (!ask(env, "Run this " + risk + " command? [y/N] ", false)) {
                        env.err().println("caro: not run.");
                        return ExitCodes.DECLINED;
                    }
                }
                break;
            case CONFIRM_TYPED:
                if (!env.stdinTerminal()) {
                    env.err().println("caro: this " + risk + " command runs only after you type 'yes' in a terminal; --yes does not apply.");
                    return ExitCodes.BLOCKED;
                }
                if (!ask(env, "This command is " + risk + ". Type 'yes' to run it: ", true)) {
                    env.err().println("caro: not run.");
                    return ExitCodes.DECLINED;
                }
                break;
            default:
                break;
        }
        return ShellRunner.run(result.context().shell(), result.command(), result.context().cwd(), env);
    }

    /** Asks on the terminal; a typed confirmation accepts only the exact word {@code yes}. */
    private static boolean ask(CliEnvironment env, String question, boolean typedYes) throws IOException {
        env.err().print(question);
        env.err().flush();
        String answer = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8)).readLine();
        if (answer == null) {
            return false;
        }
        String a = answer.strip();
        return typedYes ? a.equals("yes") : a.equalsIgnoreCase("y") || a.equalsIgnoreCase("yes");
    }

    private static String decisionWord(Decision d) {
        return switch (d) {
            case ALLOW -> "allowed";
            case CONFIRM -> "needs confirmation";
            case CONFIRM_TYPED -> "needs a typed 'yes'";
            case BLOCK -> "blocked";
        };
    }

    private String request(CliEnvironment env) throws IOException {
        if (prompt != null) {
            return prompt.strip();
        }
        if (words != null && !words.isEmpty()) {
            return String.join(" ", words).strip();
        }
        if (!env.stdinTerminal()) {
            byte[] bytes = env.in().readNBytes(MAX_PROMPT_CHARS * 4 + 1);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') >= 0 || text.indexOf('\0') >= 0) {
                throw new UsageException("the request on standard input is not valid UTF-8 text");
            }
            return text.strip();
        }
        return "";
    }
}
