package dev.caro.core.prompt;

import dev.caro.api.backend.ChatMessage;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.OsFamily;
import dev.caro.api.context.ShellKind;
import dev.caro.api.context.Userland;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds the chat prompt every model backend receives: a short system prompt stating where the
 * command will run, two worked examples, then the working directory and the request.
 *
 * <p>Everything before the last message depends only on the machine and shell, never on the
 * directory caro runs in (shown as {@code ~/...} under the home directory): a model server that keeps the prompt prefix cached (llama.cpp's) then
 * reuses it after a {@code cd}, and only the last message is processed anew.
 *
 * <p>Small models answer best when they may answer naturally in a fenced code block (NL2SH,
 * NAACL 2025: forcing JSON cut a 1.5B model's accuracy from 0.50 to 0.06), so the prompt asks for
 * that and {@link CommandExtractor} reads it back.
 */
public final class PromptBuilder {

    /** Longest request text sent to a model; longer text is cut. */
    public static final int MAX_REQUEST_CHARS = 2000;

    /**
     * Chat control tokens of common templates ({@code <|im_start|>}, {@code <|eot_id|>},
     * {@code <s>}, {@code [INST]}, {@code <<SYS>>}). llama.cpp parses them inside prompt text, so
     * text from the user or the file system must never carry them.
     */
    private static final Pattern CONTROL = Pattern.compile(
            "<\\|[A-Za-z0-9_]{1,40}\\|>|</?s>|\\[/?INST\\]|<<\\s*/?SYS\\s*>>");

    /** Opens the last message, before the request. */
    public static final String WORKING_DIRECTORY = "Working directory: ";

    private PromptBuilder() {}

    /** System prompt stating the context, two examples, then the working directory and the request. */
    public static List<ChatMessage> build(String request, ExecutionContext context) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(systemPrompt(context)));
        for (String[] example : examples(context)) {
            messages.add(ChatMessage.user(example[0]));
            messages.add(ChatMessage.assistant(fence(context.shell()) + "\n" + example[1] + "\n```"));
        }
        String text = sanitize(request);
        if (text.length() > MAX_REQUEST_CHARS) {
            text = text.substring(0, MAX_REQUEST_CHARS);
        }
        messages.add(ChatMessage.user(WORKING_DIRECTORY + sanitize(shownDirectory(context)) + "\n" + text));
        return List.copyOf(messages);
    }

    /**
     * The working directory as the prompt shows it: under the home directory as {@code ~/...}
     * (except for cmd.exe, which has no {@code ~}). The user's name stays out of what a model, possibly a
     * remote one, is told, and a warm model server has fewer new tokens to process after a
     * {@code cd}.
     */
    static String shownDirectory(ExecutionContext context) {
        String cwd = context.cwd();
        String home = context.home();
        if (home.length() < 2 || context.shell() == ShellKind.CMD || !cwd.startsWith(home)) {
            return cwd;
        }
        if (cwd.length() == home.length()) {
            return "~";
        }
        char next = cwd.charAt(home.length());
        return next == '/' || next == '\\' ? "~" + cwd.substring(home.length()) : cwd;
    }

    /** Removes chat control tokens (and NUL characters) from text bound for a model. */
    public static String sanitize(String text) {
        String previous;
        String result = text.replace("\u0000", "");
        // Repeat so that "<|im_<|x|>start|>" cannot reassemble into a token after one pass.
        do {
            previous = result;
            result = CONTROL.matcher(result).replaceAll("");
        } while (!result.equals(previous));
        return result;
    }

    static String systemPrompt(ExecutionContext c) {
        String shell = c.shell().id();
        StringBuilder sb = new StringBuilder();
        sb.append("You turn requests into exactly one ").append(shell).append(" command. Reply with the command in a ")
                .append(fence(c.shell())).append(" code block and nothing else.\n");
        sb.append("Environment:\n");
        sb.append("- OS: ").append(osName(c)).append(c.arch().isEmpty() ? "" : " (" + sanitize(c.arch()) + ")").append('\n');
        sb.append("- Userland: ").append(userland(c.userland())).append('\n');
        sb.append("- Shell: ").append(shell).append('\n');
        if (!c.tools().isEmpty()) {
            sb.append("- Available tools: ").append(sanitize(String.join(", ", new TreeSet<>(c.tools())))).append('\n');
        }
        sb.append("Rules: use paths relative to the working directory given with the request; prefer read-only commands; never add sudo"
                + " unless asked; use only the tools listed or standard ones.");
        return sb.toString();
    }

    private static String osName(ExecutionContext c) {
        String name = switch (c.os()) {
            case LINUX -> "Linux";
            case MACOS -> "macOS";
            case BSD -> "BSD";
            case WINDOWS -> "Windows";
            case OTHER -> "Unix-like";
        };
        return c.distro().isBlank() ? name : name + ", " + sanitize(c.distro());
    }

    private static String userland(Userland u) {
        return switch (u) {
            case GNU -> "GNU coreutils (GNU options such as find -printf and sed -i work)";
            case BSD -> "BSD utilities (use BSD options: sed -i '', stat -f, no find -printf)";
            case BUSYBOX -> "BusyBox (only basic options)";
            case WINDOWS -> "Windows built-ins";
            case UNKNOWN -> "unknown (use POSIX options only)";
        };
    }

    static String fence(ShellKind shell) {
        return switch (shell) {
            case POWERSHELL -> "```powershell";
            case CMD -> "```bat";
            case FISH -> "```fish";
            default -> "```sh";
        };
    }

    private static List<String[]> examples(ExecutionContext c) {
        if (c.shell() == ShellKind.POWERSHELL) {
            return List.of(
                    new String[] {"list files changed in the last day",
                            "Get-ChildItem -Recurse -File | Where-Object { $_.LastWriteTime -gt (Get-Date).AddDays(-1) }"},
                    new String[] {"show the 5 largest files here",
                            "Get-ChildItem -File | Sort-Object Length -Descending | Select-Object -First 5"});
        }
        if (c.shell() == ShellKind.CMD) {
            return List.of(
                    new String[] {"find all pdf files below this folder", "dir /s /b *.pdf"},
                    new String[] {"show the contents of notes.txt", "type notes.txt"});
        }
        boolean gnu = c.userland() == Userland.GNU && c.os() != OsFamily.MACOS;
        return List.of(
                new String[] {"list files changed in the last day", "find . -type f -mtime -1"},
                new String[] {"show the 5 largest files here",
                        gnu ? "du -ah --max-depth=1 . | sort -rh | head -n 5" : "du -ah -d 1 . | sort -rh | head -n 5"});
    }
}
