package dev.caro.core.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects plugin problems; a failing extension is reported once however often it fails. */
final class ProblemLog {

    private final List<PluginProblem> problems = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    synchronized void add(PluginProblem problem) {
        problems.add(problem);
        PluginLog.print("problem", problem.message(), null);
    }

    /** Records a failure of plugin code during a call, once per {@code extensionKey}. */
    synchronized void callFailed(String plugin, Path path, String extensionKey, String message) {
        if (reported.add(extensionKey)) {
            add(new PluginProblem(plugin, path, PluginProblem.Kind.CALL_FAILED, message));
        }
    }

    synchronized List<PluginProblem> snapshot() {
        return List.copyOf(problems);
    }

    /** A short description of a throwable for user-facing messages. */
    static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.strip());
    }

    /** The exception that says what happened, past reflection and PF4J wrappers. */
    static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c
                && (c instanceof java.lang.reflect.InvocationTargetException || c.getMessage() == null
                        || c instanceof org.pf4j.PluginRuntimeException)) {
            c = c.getCause();
        }
        return c;
    }
}
