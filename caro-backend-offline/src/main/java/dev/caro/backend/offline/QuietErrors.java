package dev.caro.backend.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modifier "suppress errors" ("hide the permission denied errors", "send errors to /dev/null"):
 * the command's error messages are discarded with {@code 2>/dev/null}. It applies to commands that
 * only read (find, du, grep, ls...), whose error messages are noise such as "Permission denied";
 * for any other command the phrase stays unexplained and the request is declined.
 */
final class QuietErrors {

    private static final Pattern PHRASE = Pattern.compile(
            "\\b(?:suppress(?:ing)?|hid(?:e|ing)|silenc(?:e|ing)|mut(?:e|ing)|discard(?:ing)?|squelch(?:ing)?"
            + "|throw(?:ing)? away|ignor(?:e|ing)|get rid of) (?:the |any |all (?:the )?)?"
            + "(?:(?:permission[- ]denied|access[- ]denied|permissions?|stderr|error) )?(?:errors?|error messages|messages|warnings|noise)\\b"
            + "(?: (?:about|from) (?:permissions?|(?:unreadable|protected) (?:directories|files)))?"
            + "|\\b(?:send|redirect|pipe) (?:the )?(?:errors|stderr|error output) to /dev/null\\b"
            + "|\\b(?:no |without (?:the |any |showing (?:the |any )?|seeing (?:the |any )?|printing (?:the |any )?)?)(?:permission[- ]denied|access[- ]denied|permissions?) (?:errors|error messages|messages|noise)\\b"
            + "|\\bno error (?:messages|output)\\b"
            + "|\\b(?:i )?(?:dont|do not) (?:want to |need to |wish to |care to )?(?:see|show|print|get|display)"
            + " (?:the |any )?(?:(?:permission[- ]denied|access[- ]denied|permissions?|stderr) )?(?:errors?|error messages|warnings)\\b"
            + "|\\b(?:with(?:out)? |and )?(?:the )?(?:permission[- ]denied |access[- ]denied |permission )?errors? (?:hidden|suppressed|silenced|discarded)\\b");

    /** The first words of commands whose errors may be discarded. */
    private static final Set<String> READERS = Set.of("find", "du", "grep", "ls", "locate", "wc", "stat", "file",
            "tree", "sha256sum", "md5sum", "cat", "head", "tail", "getfacl", "lsof", "sudo");

    private QuietErrors() {}

    /** The spans of the request's phrases asking to suppress errors. */
    static List<int[]> spans(String lower) {
        List<int[]> out = new ArrayList<>();
        Matcher m = PHRASE.matcher(lower);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    /**
     * {@code command} with the errors of its first part sent to /dev/null, or null when it is not a
     * single reading command (a list with {@code ;} or {@code &&}, a writer such as rm).
     */
    static String apply(String command) {
        String[] words = command.split(" ", 3);
        if (!READERS.contains(words[0]) || command.matches("(?s).*(?:(?<!\\\\);|&&|\\|\\||`|\\$\\().*")
                || words[0].equals("sudo") && (words.length < 2 || words[1].equals("sudo") || !READERS.contains(words[1]))) {
            return null;
        }
        if (command.matches("(?s).* -(?:delete|exec|execdir|ok|fprint\\w*)\\b.*")) {
            return null; // find that changes files or writes a list: not only reading
        }
        int pipe = command.indexOf(" | ");
        String head = pipe < 0 ? command : command.substring(0, pipe);
        if (head.contains("2>")) {
            return command;
        }
        return head + " 2>/dev/null" + (pipe < 0 ? "" : command.substring(pipe));
    }
}
