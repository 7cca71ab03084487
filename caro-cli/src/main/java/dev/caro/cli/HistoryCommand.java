package dev.caro.cli;

import dev.caro.core.history.HistoryEntry;
import dev.caro.core.history.HistoryFile;
import dev.caro.core.text.TerminalText;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code caro history [-n N] [--json]}: the commands caro generated and ran, newest last. */
@Command(name = "history", description = {"Shows the commands caro generated and ran, newest last.",
    "Kept in $XDG_STATE_HOME/caro/history.jsonl; turn off with 'caro config set history false' or CARO_HISTORY=false."})
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    CaroCommand parent;

    @Option(names = "-n", paramLabel = "N", description = "How many entries (default 20).")
    int count = 20;

    @Option(names = "--json", description = "The entries as stored: one JSON object per line.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        CliEnvironment env = parent.session().cli();
        if (count < 1) {
            throw new UsageException("-n must be at least 1");
        }
        HistoryFile file = HistoryFile.in(env.paths().stateDir());
        List<HistoryEntry> entries = file.last(count);
        if (entries.isEmpty() && !json) {
            env.err().println("caro: no history yet (" + file.path() + ")");
            return ExitCodes.OK;
        }
        ZoneId zone = ZoneId.systemDefault();
        for (HistoryEntry e : entries) {
            if (json) {
                env.out().println(e.toJson());
                continue;
            }
            String status = e.exitStatus().isPresent() ? "exit " + e.exitStatus().getAsInt() : "shown";
            env.out().printf("%s  %-8s %-7s  %s%n", TIME.format(e.time().atZone(zone)), e.risk(), status,
                    TerminalText.sanitize(e.command(), false));
            if (!e.prompt().isEmpty()) {
                env.out().println("                  # " + TerminalText.sanitize(e.prompt(), false));
            }
        }
        env.out().flush();
        return ExitCodes.OK;
    }
}
