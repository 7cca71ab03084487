package dev.caro.api.safety;

import dev.caro.api.Stable;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One safety rule. Found through {@link java.util.ServiceLoader} (built-in packs and plugins
 * alike); needs a public no-argument constructor and must be stateless and thread-safe.
 *
 * <p>caro parses and normalizes every command before any rule runs: rules see
 * {@link SimpleCommand}s with wrappers such as {@code sudo} or {@code env} removed and nested
 * commands ({@code bash -c}, {@code find -exec}, {@code xargs}, piped scripts) unfolded, so a rule
 * about {@code rm} only needs to look at commands named {@code rm}.
 *
 * <p>A rule never throws for odd input; if it does, caro reports the rule as broken and judges
 * the command as if the rule had found {@link #risk()}.
 */
@Stable(since = "1.0")
public interface SafetyRule {

    /**
     * Unique, stable id: lower case, dot-separated, e.g. {@code caro.fs.recursive-delete} or
     * {@code acme.k8s.delete-namespace}. The {@code caro.} prefix is reserved for built-ins.
     */
    String id();

    /** One line naming what the rule catches, e.g. {@code "Recursive or forced deletes"}. */
    String summary();

    /** The highest risk this rule can report. */
    RiskLevel risk();

    /**
     * Why it matters and what to do instead, for the user: one to three sentences, e.g.
     * {@code "rm -rf cannot be undone. Delete a narrower path, or move it to the trash."}
     */
    String explanation();

    /** The rule's own examples; checked by the test of every rule pack. */
    RuleExamples examples();

    /**
     * The command names this rule can ever report on, so caro can skip it for command lines that
     * run none of them; empty (the default) means every command line, for rules that look at
     * redirections, pipelines, function definitions or embedded code whatever runs it.
     *
     * <p>Names are compared with each {@link SimpleCommand#name()} of the normalized script after
     * caro reduces it the same way: the part after the last {@code /} or {@code \}, lower case
     * (root locale), without a {@code .exe} suffix; so declare {@code "rm"}, not {@code "/bin/rm"}.
     * A name ending in {@code *} stands for every name that starts with the text before it,
     * e.g. {@code "mkfs.*"} for {@code mkfs.ext4}. Nested commands count: {@code sudo bash -c
     * 'rm -rf /'} runs {@code bash} and {@code rm}.
     *
     * <p>Contract: a rule that declares names must return no findings for a script none of whose
     * commands has one of those names. When at least one has, the rule still gets the whole script
     * and all its commands, as before. caro calls this once, when it loads the rule; the test kit's
     * contract test checks the declaration against the rule's matching examples.
     *
     * @return never null; lower case names, optionally ending in {@code *}
     * @since 1.1
     */
    default Set<String> commandNames() {
        return Set.of();
    }

    /**
     * Judges one simple command. Return an empty list when the command is fine.
     * Each finding's risk must not exceed {@link #risk()}.
     */
    List<Finding> evaluate(SimpleCommand command, RuleContext context);

    /**
     * Judges the whole command line. The default evaluates every simple command; override it for
     * rules that look across commands (fork bombs, a download piped into a shell).
     */
    default List<Finding> evaluate(ShellScript script, RuleContext context) {
        List<Finding> out = new ArrayList<>();
        for (SimpleCommand c : script.commands()) {
            out.addAll(evaluate(c, context));
        }
        return out;
    }
}
