package dev.caro.rules.internal;

import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;

/** Tells PowerShell-style parameters ({@code -Recurse}, {@code -Force}) from Unix options. */
public final class PowerShellSyntax {

    private PowerShellSyntax() {}

    private static final java.util.Set<String> PARAMS = java.util.Set.of("path", "literalpath", "recurse", "force",
            "include", "exclude", "filter", "erroraction", "confirm", "whatif", "name", "id", "computername", "credential",
            "verbose", "value", "scope", "inputobject", "processname");
    private static final LazyPattern PASCAL = LazyPattern.of("-[A-Z][a-z]+(?:[A-Z][a-z]*)*(?::.*)?");

    /** Whether the command uses a PowerShell parameter such as {@code -Recurse} or {@code -Path} (not {@code -Rf}). */
    public static boolean style(SimpleCommand c) {
        for (Word w : c.args()) {
            String v = w.value();
            if (v.length() > 2 && v.charAt(0) == '-' && v.charAt(1) != '-') {
                String key = v.substring(1).toLowerCase(java.util.Locale.ROOT);
                int colon = key.indexOf(':');
                if (colon > 0) {
                    key = key.substring(0, colon);
                }
                if (PARAMS.contains(key) || (v.length() >= 6 && PASCAL.matcher(v).matches())) {
                    return true;
                }
            }
        }
        return false;
    }
}
