package dev.caro.core.shell;

import dev.caro.api.shell.Word;
import java.util.ArrayList;
import java.util.List;

/** How {@code find} is read: its start paths, whether tests filter the results, what {@code {}} stands for. */
final class FindCommand {

    private FindCommand() {}

    /** The start paths of a find command line: the words before the first test or option. */
    static List<Word> findStarts(List<Word> args) {
        List<Word> starts = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String v = args.get(i).value();
            if (v.equals("-H") || v.equals("-L") || v.equals("-P") || v.startsWith("-O")) {
                i++;
            } else if (v.equals("-D")) {
                i += 2;
            } else {
                break;
            }
        }
        for (; i < args.size(); i++) {
            String v = args.get(i).value();
            if (v.startsWith("-") || v.equals("(") || v.equals("!") || v.equals(",")) {
                break;
            }
            starts.add(args.get(i));
        }
        return starts;
    }

    /** Whether a find command line has tests that select only some files. */
    static boolean findFiltered(List<Word> args) {
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (v.equals("-exec") || v.equals("-execdir") || v.equals("-ok") || v.equals("-okdir")) {
                while (i + 1 < args.size() && !args.get(i + 1).value().equals(";")
                        && !args.get(i + 1).value().equals("+")) {
                    i++;
                }
            } else if (v.length() > 1 && v.charAt(0) == '-' && isFindFilter(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFindFilter(String v) {
        return switch (v) {
            case "-H", "-L", "-P", "-mindepth", "-maxdepth", "-xdev", "-mount", "-depth", "-print", "-print0", "-printf", "-ls",
                    "-fls", "-fprint", "-fprint0", "-fprintf", "-exec", "-execdir", "-ok", "-okdir", "-delete",
                    "-follow", "-noleaf", "-daystart", "-prune", "-quit", "-true", "-o", "-or", "-a", "-and",
                    "-not" -> false;
            default -> true;
        };
    }

    /**
     * The path {@code find} substitutes for {@code {}}: the start directory itself when nothing
     * filters the results (it is among them), otherwise a path inside it.
     */
    static Word foundPath(Word w, List<Word> starts, boolean filtered) {
        Word start = starts.isEmpty() ? null : starts.get(0);
        String dir = start == null ? "." : start.value();
        String path = filtered ? (dir.endsWith("/") ? dir + "{}" : dir + "/{}") : dir;
        String value = w.value().replace("{}", path);
        boolean unknown = w.unknownExpansion() || start != null && start.unknownExpansion();
        return new Word(w.source(), value, w.quoted(), unknown, false, w.span());
    }
}
