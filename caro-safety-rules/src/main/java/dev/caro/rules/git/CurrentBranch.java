package dev.caro.rules.git;

import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.GitInvocation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The branch checked out earlier in the same command line ({@code git switch X && git push -f}), when known. */
final class CurrentBranch {

    private CurrentBranch() {}

    static Optional<String> before(SimpleCommand at, ShellScript script) {
        String branch = null;
        for (SimpleCommand c : script.commands()) {
            if (c.span().start() >= at.span().start()) {
                break;
            }
            Optional<GitInvocation> g = GitInvocation.of(c);
            if (g.isEmpty()) {
                continue;
            }
            String sub = g.get().subcommand();
            if (sub.equals("switch") || sub.equals("checkout")) {
                List<Word> ops = g.get().operands(Set.of("-b", "-B", "-c", "-C", "--orphan"));
                for (int i = 0; i < g.get().args().size(); i++) {
                    String v = g.get().args().get(i).value();
                    if (Set.of("-b", "-B", "-c", "-C", "--orphan").contains(v) && i + 1 < g.get().args().size()) {
                        branch = g.get().args().get(i + 1).value();
                    }
                }
                if (!ops.isEmpty() && !ops.get(0).value().equals("-") && !ops.get(0).value().equals(".")) {
                    branch = branch == null ? ops.get(0).value() : branch;
                }
            }
        }
        return Optional.ofNullable(branch);
    }
}
