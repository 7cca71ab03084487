package dev.caro.api.safety;

import dev.caro.api.Stable;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;

/** What a rule may consult while it evaluates; provided by caro. */
@Stable(since = "1.0")
public interface RuleContext {

    /** Where the command will run. */
    ExecutionContext execution();

    /** The whole parsed command line the evaluated command belongs to. */
    ShellScript script();

    /**
     * Classifies a path argument of {@code command}, taking into account the working directory
     * tracked at that command ({@code cd}), the home directory and unresolved variables.
     */
    PathKind classify(SimpleCommand command, Word path);

    /** Classifies a path given as plain text, relative to the context's working directory. */
    PathKind classify(String path);

    /**
     * Parses {@code text} as a shell command line in the same way as the command under
     * evaluation, for rules that unfold an embedded script (e.g. a SQL client's shell escape).
     */
    ShellScript parse(String text);
}
