package dev.caro.backend.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Text tools read compressed files through a decompressor: "the last 20 lines of error.log.gz" is
 * {@code zcat error.log.gz | tail -n 20}, not {@code tail} on the compressed bytes. A grep becomes
 * {@code zgrep}, a cat becomes {@code zcat}. A tar archive ({@code .tar.gz}, {@code .tgz}, {@code .tar.xz}...)
 * is not a compressed text file: its decompressed bytes are tar headers and members, so a text tool on
 * it cannot be answered this way.
 */
final class CompressedInput {

    /** Tools that read a file's text, so that a compressed operand must be decompressed first. */
    private static final Set<String> TEXT_TOOLS = Set.of("head", "tail", "wc", "sort", "uniq", "cut", "awk", "sed",
            "nl", "tac", "tr", "column", "jq", "cat", "grep");

    private CompressedInput() {}

    /**
     * {@code command} reading its compressed operand through a decompressor; the command itself when
     * it is not a text tool or has no compressed operand; null when it cannot be rewritten (several
     * files, a sed that edits in place, a tar archive): such a command would read compressed bytes as text.
     */
    static String apply(String command, boolean bsd, ParsedRequest req) {
        String[] words = command.split(" ");
        if (!TEXT_TOOLS.contains(words[0])) {
            return command;
        }
        int at = -1;
        for (int i = 1; i < words.length; i++) {
            if (words[i].matches("'?[^-'][^\\s']*\\.(?:gz|tgz|bz2|xz|zst)'?") && named(req, words[i].replace("'", ""))) {
                if (at >= 0) {
                    return null;
                }
                at = i;
            }
        }
        if (at < 0) {
            return command;
        }
        if (command.matches("(?s).*(?:;|&&|\\|\\||`|\\$\\(|\\||>).*") || words[0].equals("sed") && command.contains(" -i")
                || command.matches(".* -[A-Za-z]*[rR][A-Za-z]* .*") && words[0].equals("grep")) {
            return null;
        }
        String file = words[at];
        if (file.matches("'?.*\\.(?:tgz|tar\\.\\w+)'?")) {
            return null;
        }
        String ext = file.replaceAll("'$", "").replaceAll(".*\\.", "");
        String cat = switch (ext) {
            case "bz2" -> "bzcat";
            case "xz" -> "xzcat";
            case "zst" -> "zstdcat";
            default -> bsd ? "gzcat" : "zcat";
        };
        if (words[0].equals("cat") && words.length == 2) {
            return cat + " " + file;
        }
        if (words[0].equals("grep") && (ext.equals("gz") || ext.equals("tgz"))) {
            return "zgrep" + command.substring(4);
        }
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (i != at) {
                rest.add(words[i]);
            }
        }
        return cat + " " + file + " | " + String.join(" ", rest);
    }

    private static boolean named(ParsedRequest req, String file) {
        return req.slots().stream().anyMatch(s -> s.kind() == Slot.Kind.FILE && s.value().equals(file));
    }
}
