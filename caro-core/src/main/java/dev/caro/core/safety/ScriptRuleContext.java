package dev.caro.core.safety;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.core.shell.ShellParser;

/** The {@link RuleContext} rules get while one command line is judged. */
final class ScriptRuleContext implements RuleContext {

    private final ExecutionContext execution;
    private final ShellScript script;
    private final ShellParser parser;
    private final PathClassifier classifier;

    ScriptRuleContext(ExecutionContext execution, ShellScript script, ShellParser parser, PathClassifier classifier) {
        this.execution = execution;
        this.script = script;
        this.parser = parser;
        this.classifier = classifier;
    }

    @Override
    public ExecutionContext execution() {
        return execution;
    }

    @Override
    public ShellScript script() {
        return script;
    }

    @Override
    public PathKind classify(SimpleCommand command, Word path) {
        if (command == null || path == null) {
            return PathKind.UNKNOWN;
        }
        if (PathClassifier.isWindowsPath(path.source())) {
            return classifier.classifyWindowsPath(path.source());
        }
        return classifier.classify(operandValue(path.value()), path.unknownExpansion(), command.cwd().orElse(null));
    }

    /**
     * The path in {@code of=/dev/sda} or {@code --target-directory=/etc}: rules pass such words as
     * they are, and a file literally named {@code of=...} is rare enough to ignore.
     */
    static String operandValue(String v) {
        int eq = v.indexOf('=');
        if (eq <= 0 || eq + 1 >= v.length()) {
            return v;
        }
        char next = v.charAt(eq + 1);
        if (next != '/' && next != '~' && next != '$' && next != '.') {
            return v;
        }
        int i = v.startsWith("--") ? 2 : 0;
        for (; i < eq; i++) {
            char c = v.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return v;
            }
        }
        return v.substring(eq + 1);
    }

    @Override
    public PathKind classify(String path) {
        if (path == null || path.isEmpty()) {
            return PathKind.UNKNOWN;
        }
        if (PathClassifier.isWindowsPath(path)) {
            return classifier.classifyWindowsPath(path);
        }
        String v = path;
        if (v.equals("~") || v.startsWith("~/")) {
            v = execution.home() + v.substring(1);
        } else if (v.equals("$HOME") || v.startsWith("$HOME/")) {
            v = execution.home() + v.substring(5);
        } else if (v.equals("${HOME}") || v.startsWith("${HOME}/")) {
            v = execution.home() + v.substring(7);
        }
        boolean unknown = v.indexOf('$') >= 0 || v.indexOf('`') >= 0;
        return classifier.classify(v, unknown, execution.cwd());
    }

    @Override
    public ShellScript parse(String text) {
        return parser.parse(text, execution);
    }
}
