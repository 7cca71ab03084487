package dev.caro.cli;

import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.Decision;
import dev.caro.core.config.ConfigKey;
import dev.caro.core.pipeline.GenerationFailedException;
import dev.caro.core.pipeline.PipelineRequest;
import dev.caro.core.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caro [OPTIONS] PROMPT...}: turn a request into a command; subcommands do the rest. The
 * subcommands are registered by {@link Subcommands}, only those a command line can reach.
 */
@Command(name = "caro", sortOptions = false,
        description = "Turns a request in plain language into one shell command, judges its risk, and runs it only when you ask.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success (with -x: the command's own exit code)",
            "  1  internal error      2  usage error          3  configuration error",
            "  4  no command generated 5  blocked by safety    6  declined by you",
            "  7  caro doctor found a FAIL",
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

    @Option(names = "--no-daemon", description = "Load the model in this process instead of the background model server, and answer without the resident CLI server (same as CARO_NO_DAEMON=1).")
    void noDaemon(boolean v) { session.noDaemon(v); }

    @Option(names = {"-x", "--execute"}, description = "Run the command if the safety mode allows it.")
    boolean execute;

    @Option(names = "--dry-run", description = "Show what would run, run nothing.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Answer yes to confirmations (never to a CRITICAL command).")
    boolean yes;

    @Option(names = "--explain", description = "Also break the command down: each program, option and redirection.")
    boolean explain;

    @Option(names = {"-v", "--verbose"}, description = "Show backend, timing, alternatives.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print only the command.")
    boolean quiet;

    /** Inherited: every subcommand, however deep, answers {@code --help} ({@code caro models list --help}). */
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

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
        Optional<CommandResult> generated = generate(pr);
        if (generated.isEmpty()) {
            return ExitCodes.GENERATION_FAILED;
        }
        CommandResult result = generated.get();
        recordGenerated(result);
        FormatOptions options = session.formatOptions(quiet, verbose);
        env.out().print(formatter.render(result, options));
        env.out().flush();
        boolean plainPipe = formatter.id().equals("plain") && (!env.stdoutTerminal() || quiet);
        if (plainPipe && !quiet) {
            for (String w : result.warnings()) {
                env.err().println("caro: " + TerminalText.sanitize(w, false));
            }
        }
        if (explain) {
            // On a terminal the breakdown follows the command; piped, stdout stays the command alone.
            PrintWriter to = env.stdoutTerminal() ? env.out() : env.err();
            to.print(explainer().explain(result.command(), result.context(), env.stdoutTerminal() && env.color()));
            to.flush();
        }
        if (dryRun) {
            env.err().println("dry run: would run with " + result.context().shell().id() + ": "
                    + TerminalText.sanitize(result.command(), false) + " (" + decisionWord(result.decision()) + ")");
            return ExitCodes.OK;
        }
        if (execute) {
            return execute(result);
        }
        if (env.interactive() && !quiet && formatter.id().equals("plain")) {
            return new CommandMenu(this, result).run();
        }
        return ExitCodes.OK;
    }

    /** Asks the backends, with a spinner on a terminal; prints why when none answered. */
    Optional<CommandResult> generate(PipelineRequest pr) throws InterruptedException {
        CliEnvironment env = session.cli();
        try (Spinner spinner = Spinner.start(env, "generating")) {
            session.progress().spinner(spinner);
            return Optional.of(session.pipeline().generate(pr));
        } catch (GenerationFailedException e) {
            env.err().println("caro: " + TerminalText.sanitize(e.getMessage(), true));
            return Optional.empty();
        } finally {
            session.progress().spinner(null);
        }
    }

    /** Runs {@code result}'s command when its safety decision allows, asking first when it says so. */
    int execute(CommandResult result) throws IOException, InterruptedException {
        CliEnvironment env = session.cli();
        Optional<Integer> refused = new ExecutionGate(env, yes).check(result.assessment(), result.mode(), result.decision());
        if (refused.isPresent()) {
            return refused.get();
        }
        int code = ShellRunner.run(result.context().shell(), result.command(), result.context().cwd(), env);
        session.history().executed(result.prompt(), result.command(), result.backend(), result.assessment().risk().name(),
                result.context().shell().id(), result.context().cwd(), code);
        return code;
    }

    void recordGenerated(CommandResult result) {
        session.history().generated(result.prompt(), result.command(), result.backend(), result.assessment().risk().name(),
                result.context().shell().id(), result.context().cwd());
    }

    CommandExplainer explainer() {
        return new CommandExplainer(session.pipeline(), new SystemHelp(session.cli().env()), session.safetyMode());
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
            return StandardInputText.read(env.in(), MAX_PROMPT_CHARS * 4 + 1,
                    "the request on standard input is not valid UTF-8 text").strip();
        }
        return "";
    }
}
