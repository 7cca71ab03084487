package dev.caro.core.safety;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.core.shell.ShellParser;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the request with the command: when the request asks for a destructive action (wipe,
 * delete, format, kill, drop, shut down...) but the command only prints text or only reads and
 * lists, the user should hear that nothing of the sort will happen.
 */
final class IntentCheck {

    /** Request words (lower case) mapped to the verb used in the message. */
    private static final Map<String, String> VERBS = Map.ofEntries(
            Map.entry("wipe", "wipe"), Map.entry("wiping", "wipe"),
            Map.entry("erase", "erase"), Map.entry("erasing", "erase"),
            Map.entry("delete", "delete"), Map.entry("deleting", "delete"),
            Map.entry("remove", "remove"), Map.entry("removing", "remove"),
            Map.entry("destroy", "destroy"), Map.entry("nuke", "destroy"),
            Map.entry("format", "format"), Map.entry("formatting", "format"), Map.entry("reformat", "format"),
            Map.entry("shred", "shred"), Map.entry("purge", "purge"), Map.entry("uninstall", "uninstall"),
            Map.entry("kill", "kill"), Map.entry("terminate", "terminate"),
            Map.entry("drop", "drop"), Map.entry("truncate", "truncate"),
            Map.entry("shutdown", "shut down"), Map.entry("poweroff", "shut down"),
            Map.entry("reboot", "reboot"), Map.entry("restart", "restart"),
            Map.entry("overwrite", "overwrite"));

    /** Verbs with everyday meanings too ("remove duplicates"): only a print-only answer is suspicious. */
    private static final Set<String> WEAK_VERBS = Set.of("remove", "restart", "overwrite");

    private static final String[] DISK_WORDS = {"disk", "drive", "partition", "usb", "volume", "filesystem",
        "file system", "sd card", "ssd", "hdd", "/dev/"};

    /** Programs that only print their arguments. */
    private static final Set<String> PRINTERS = Set.of("echo", "printf", "Write-Output", "Write-Host", "print",
            "true", ":");

    /** Programs that only read, list or report. */
    private static final Set<String> READERS = Set.of("ls", "cat", "grep", "egrep", "fgrep", "rg", "du", "df", "ps",
            "pgrep", "lsof", "head", "tail", "wc", "stat", "file", "tree", "lsblk", "blkid", "pwd", "date", "which",
            "type", "whoami", "id", "uname", "less", "more", "sort", "uniq", "awk", "sed", "cut", "jq", "column",
            "mount", "findmnt", "free", "uptime", "top", "htop", "history", "env", "printenv", "locate", "fd",
            "Get-ChildItem", "Get-Process", "Get-Item", "Get-Content", "Get-Disk", "Get-Volume", "Get-Service",
            "Select-Object", "Sort-Object", "Where-Object", "Format-Table", "Measure-Object", "dir", "find");

    private final ShellParser parser;

    IntentCheck(ShellParser parser) {
        this.parser = parser;
    }

    Optional<String> warning(String request, String command, Assessment assessment) {
        if (request == null || command == null || command.isBlank()) {
            return Optional.empty();
        }
        if (assessment != null && assessment.risk().atLeast(RiskLevel.MODERATE)) {
            return Optional.empty(); // the command does something consequential; the findings say what
        }
        String verb = destructiveVerb(request);
        if (verb == null) {
            return Optional.empty();
        }
        ShellScript script = parser.parse(command, ExecutionContext.linux("/", "/root"));
        if (!script.parsed() || script.commands().isEmpty()) {
            return Optional.empty();
        }
        boolean onlyPrints = true;
        boolean onlyReads = true;
        for (SimpleCommand c : script.commands()) {
            if (c.name().isEmpty()) {
                if (!c.redirects().isEmpty()) {
                    return Optional.empty(); // `> file` truncates
                }
                continue;
            }
            boolean writes = c.redirects().stream().anyMatch(r -> r.writesFile()
                    && !r.target().value().equals("/dev/null"));
            if (writes) {
                return Optional.empty();
            }
            boolean prints = PRINTERS.contains(c.name());
            boolean reads = prints || READERS.contains(c.name()) && !actsAnyway(c);
            onlyPrints &= prints;
            onlyReads &= reads;
        }
        if (onlyPrints) {
            return Optional.of("The request asks to " + verb + " something, but this command only prints text and"
                    + " does not " + verb + " anything; rephrase the request or write the command yourself.");
        }
        if (onlyReads && !WEAK_VERBS.contains(verb)) {
            return Optional.of("The request asks to " + verb + " something, but this command only lists or reads"
                    + " and does not " + verb + " anything; check that this is what you wanted.");
        }
        return Optional.empty();
    }

    /** {@code find -delete}, {@code sed -i}: readers that change things with some options. */
    private static boolean actsAnyway(SimpleCommand c) {
        for (var a : c.args()) {
            String v = a.value();
            if (c.name().equals("find") && (v.equals("-delete") || v.startsWith("-exec") || v.startsWith("-ok"))) {
                return true;
            }
            if ((c.name().equals("sed") || c.name().equals("awk")) && (v.startsWith("-i") || v.equals("--in-place"))) {
                return true;
            }
            if (c.name().equals("sort") && v.equals("-o")) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsDisk(String lower) {
        for (String w : DISK_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The first destructive verb in the request, or null; "shut down" and "power off" count too. */
    static String destructiveVerb(String request) {
        String lower = request.toLowerCase(Locale.ROOT);
        String previous = "";
        int i = 0;
        int n = lower.length();
        while (i < n) {
            while (i < n && !Character.isLetter(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(lower.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String word = lower.substring(start, i);
            if ((previous.equals("shut") && word.equals("down")) || (previous.equals("power") && word.equals("off"))) {
                return "shut down";
            }
            String verb = VERBS.get(word);
            if (verb == null && word.length() > 4 && (word.endsWith("es") || word.endsWith("ed"))) {
                verb = VERBS.get(word.substring(0, word.length() - 1));
                if (verb == null) {
                    verb = VERBS.get(word.substring(0, word.length() - 2));
                }
            }
            if (verb == null && word.length() > 3 && word.endsWith("s")) {
                verb = VERBS.get(word.substring(0, word.length() - 1));
            }
            if (verb != null && (!verb.equals("format") || mentionsDisk(lower))) {
                return verb;
            }
            previous = word;
        }
        return null;
    }
}
