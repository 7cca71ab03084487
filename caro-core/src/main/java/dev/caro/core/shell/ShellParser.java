package dev.caro.core.shell;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.ShellKind;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.ShellScript.ParseError;
import dev.caro.api.shell.Span;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a POSIX sh / bash command line (or one for zsh or fish, see {@link ForeignShells}) and normalizes it into the {@link ShellScript} that
 * safety rules inspect: every simple command at every nesting level, with wrappers removed,
 * disguised names reduced, nested commands ({@code bash -c}, {@code eval}, {@code find -exec},
 * {@code xargs}, {@code ssh}, {@code su -c}, piped scripts, substitutions) unfolded, and known
 * variables and the working directory tracked.
 *
 * <p>Stateless and thread-safe. {@link #parse} never throws for any input and runs in time
 * roughly linear in the input; text it cannot parse sets {@link ShellScript#parseError()}.
 */
public final class ShellParser {

    /**
     * The syntax to read {@code text} with: the context's shell, except that text that is plainly
     * PowerShell (a {@code Verb-Noun} cmdlet first, or {@code $env:}, {@code $_.}, {@code $true})
     * is read as PowerShell even when the context says sh, since generated commands may target it.
     */
    static int dialect(String text, ExecutionContext context) {
        if (context.shell() == ShellKind.POWERSHELL) {
            return SyntaxParser.POWERSHELL;
        }
        if (context.shell() == ShellKind.CMD) {
            return SyntaxParser.CMD;
        }
        if (looksLikePowerShell(text)) {
            return SyntaxParser.POWERSHELL;
        }
        return looksLikeCmd(text) ? SyntaxParser.CMD : SyntaxParser.POSIX;
    }

    /** PowerShell verbs that start cmdlet names ({@code Remove-Item}, {@code Get-ChildItem}). */
    private static final Set<String> CMDLET_VERBS = Set.of("Add", "Clear", "Copy", "Disable", "Enable", "Export",
            "ForEach", "Format", "Get", "Import", "Install", "Invoke", "Measure", "Move", "New", "Out", "Register",
            "Remove", "Rename", "Restart", "Select", "Set", "Sort", "Start", "Stop", "Test", "Uninstall", "Update",
            "Where", "Write", "Resize", "Initialize", "Mount", "Dismount", "Suspend", "Resume", "Unregister");

    /** cmd.exe syntax that sh cannot read: {@code for /f}, {@code if exist}, {@code @echo}, {@code %%i}. */
    static boolean looksLikeCmd(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        for (String start : CMD_STARTS) {
            if (text.regionMatches(true, i, start, 0, start.length())) {
                return true;
            }
        }
        return text.contains("%%");
    }

    private static final String[] CMD_STARTS = {"for /", "for %", "if exist ", "if not exist ", "if errorlevel ",
        "@echo"};

    static boolean looksLikePowerShell(String text) {
        if (text.contains("$env:") || text.contains("$_.") || text.contains("$true") || text.contains("$false")
                || text.contains("$null") || text.contains("{ $_")) {
            return true;
        }
        if (hasCmdletToken(text)) {
            return true;
        }
        int i = 0;
        int n = text.length();
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        // Verb-Noun: an upper-case letter, letters, a dash, an upper-case letter, letters.
        if (i >= n || !isUpper(text.charAt(i))) {
            return false;
        }
        i++;
        while (i < n && Character.isLetter(text.charAt(i))) {
            i++;
        }
        if (i + 1 >= n || text.charAt(i) != '-' || !isUpper(text.charAt(i + 1))) {
            return false;
        }
        i += 2;
        while (i < n && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i == n || text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n';
    }

    /** Whether some token is {@code Verb-Noun} with a PowerShell verb, e.g. {@code Where-Object}. */
    private static boolean hasCmdletToken(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!isUpper(c) || i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '-')) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i + 1 < n && text.charAt(i) == '-' && isUpper(text.charAt(i + 1))
                    && CMDLET_VERBS.contains(text.substring(start, i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** Parses {@code text} as it would run in {@code context}. */
    public ShellScript parse(String text, ExecutionContext context) {
        if (text == null) {
            text = "";
        }
        try {
            int dialect = dialect(text, context);
            boolean posix = dialect == SyntaxParser.POSIX;
            String read = posix && context.shell() == ShellKind.ZSH ? ForeignShells.withoutGlobQualifiers(text) : text;
            SyntaxParser.Result syntax = new SyntaxParser(read, 0, null, 0, dialect).parse();
            if (posix && context.shell() == ShellKind.FISH && ForeignShells.needsFishReading(text, syntax.error() == null)) {
                Normalizer fish = new Normalizer(context);
                if (fish.walkFishTop(text)) {
                    return new ShellScript(text, fish.commands(), fish.functions(), Optional.ofNullable(fish.error()));
                }
            }
            if (posix && context.shell() == ShellKind.ZSH && syntax.error() != null) {
                Normalizer zsh = new Normalizer(context);
                if (zsh.walkZshTop(read)) {
                    return new ShellScript(text, zsh.commands(), zsh.functions(), Optional.ofNullable(zsh.error()));
                }
            }
            Normalizer normalizer = new Normalizer(context);
            normalizer.walkTop(syntax.block());
            ParseError error = syntax.error() != null ? syntax.error() : normalizer.error();
            return new ShellScript(text, normalizer.commands(), normalizer.functions(), Optional.ofNullable(error));
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in the parser must not let a command through unjudged: report it as unparseable.
            return new ShellScript(text, List.of(), List.of(), Optional.of(new ParseError(
                    "caro's parser failed on this command (" + e.getClass().getSimpleName() + ")",
                    new Span(0, text.length()))));
        }
    }
}
