package dev.caro.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rewrites a command into a canonical text so that equivalent spellings compare equal: quoting
 * and whitespace do not matter, options are a set (bundled {@code -la} equals {@code -l -a},
 * {@code --recursive} equals {@code -r} for tools in {@link OptionTable}, {@code -n10} equals
 * {@code -n 10}), {@code ~} equals {@code $HOME}, {@code ./x} equals {@code x}, a trailing
 * {@code /} is dropped, and the tests of each {@code find} AND-group are sorted (actions such as
 * {@code -exec} and {@code -delete} keep their place).
 */
public final class CommandNormalizer {

    private static final Set<String> FIND_ONE_ARG = Set.of(
            "-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename", "-regex", "-iregex", "-type", "-xtype",
            "-size", "-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin", "-newer", "-newermt", "-newerat",
            "-newerct", "-newermm", "-user", "-group", "-perm", "-maxdepth", "-mindepth", "-printf", "-fprint",
            "-links", "-inum", "-samefile", "-uid", "-gid", "-fstype", "-lname", "-ilname", "-used");
    private static final Set<String> FIND_ACTIONS = Set.of(
            "-exec", "-execdir", "-ok", "-okdir", "-delete", "-print", "-print0", "-printf", "-ls", "-fls",
            "-fprint", "-prune", "-quit");
    private static final Set<String> PREFIX_COMMANDS = Set.of("sudo", "nohup", "time", "command", "exec");

    private CommandNormalizer() {}

    /** The canonical text of {@code command}. */
    public static String normalize(String command) {
        List<ShellTokens.Token> tokens = ShellTokens.split(command == null ? "" : command);
        StringBuilder out = new StringBuilder();
        List<String> words = new ArrayList<>();
        for (ShellTokens.Token t : tokens) {
            if (t.operator()) {
                out.append(segment(words)).append(' ').append(t.text()).append(' ');
                words = new ArrayList<>();
            } else {
                words.add(t.text());
            }
        }
        if (!words.isEmpty() || out.length() == 0) {
            out.append(segment(words));
        }
        return out.toString().strip();
    }

    static String word(String w) {
        String s = w;
        if (s.equals("$HOME") || s.equals("${HOME}")) {
            return "~";
        }
        if (s.startsWith("$HOME/")) {
            s = "~/" + s.substring(6);
        } else if (s.startsWith("${HOME}/")) {
            s = "~/" + s.substring(8);
        }
        if (s.startsWith("./") && s.length() > 2) {
            s = s.substring(2);
        }
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String segment(List<String> words) {
        int i = 0;
        TreeSet<String> assignments = new TreeSet<>();
        while (i < words.size() && words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            assignments.add(words.get(i));
            i++;
        }
        if (i >= words.size()) {
            return String.join(" ", assignments);
        }
        String name = words.get(i);
        name = name.substring(name.lastIndexOf('/') + 1);
        List<String> rest = words.subList(i + 1, words.size());
        String prefix = assignments.isEmpty() ? "" : String.join(" ", assignments) + " ";
        if (PREFIX_COMMANDS.contains(name) && !rest.isEmpty() && !rest.get(0).startsWith("-")) {
            return prefix + name + " " + segment(new ArrayList<>(rest));
        }
        if (name.equals("env") && !rest.isEmpty() && rest.get(0).contains("=")) {
            return prefix + segment(new ArrayList<>(rest));
        }
        if (name.equals("find")) {
            return prefix + find(rest);
        }
        return prefix + options(name, rest);
    }

    private static String options(String name, List<String> args) {
        if (name.equals("tar") && !args.isEmpty() && args.get(0).matches("[A-Za-z]+")) {
            // Old-style "tar czf out.tar.gz src": the first word is bundled options without a dash.
            args = new ArrayList<>(args);
            args.set(0, "-" + args.get(0));
        }
        TreeSet<String> flags = new TreeSet<>();
        List<String> operands = new ArrayList<>();
        boolean endOfOptions = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (endOfOptions || a.equals("-") || !a.startsWith("-") || a.matches("-\\d+(\\.\\d+)?[a-zA-Z]?")
                    && !name.matches("head|tail|git|zstd|gzip|xz|bzip2|kill|renice|nice")) {
                operands.add(word(a));
                continue;
            }
            if (a.equals("--")) {
                endOfOptions = true;
                continue;
            }
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String opt = eq < 0 ? a : a.substring(0, eq);
                String shortOpt = OptionTable.shortFor(name, opt);
                if (eq >= 0) {
                    flags.add(shortOpt + "=" + word(a.substring(eq + 1)));
                } else if (OptionTable.longTakesValue(name, opt) && i + 1 < args.size()) {
                    flags.add(shortOpt + "=" + word(args.get(++i)));
                } else {
                    flags.add(shortOpt);
                }
                continue;
            }
            if (a.matches("-\\d+") && name.matches("head|tail|git")) {
                flags.add("-n=" + a.substring(1));
                continue;
            }
            String body = a.substring(1);
            boolean bundles = OptionTable.BUNDLING.contains(name) && body.length() > 1
                    && body.chars().allMatch(Character::isLetterOrDigit) && !OptionTable.takesValue(name, a);
            if (!bundles) {
                if (body.length() > 1 && OptionTable.takesValue(name, a.substring(0, 2)) && !a.contains("=")) {
                    flags.add(a.substring(0, 2) + "=" + word(body.substring(1)));
                } else if (OptionTable.takesValue(name, a) && i + 1 < args.size()) {
                    flags.add(a + "=" + word(args.get(++i)));
                } else {
                    flags.add(a);
                }
                continue;
            }
            for (int k = 0; k < body.length(); k++) {
                String f = "-" + body.charAt(k);
                if (OptionTable.takesValue(name, f)) {
                    if (k + 1 < body.length()) {
                        flags.add(f + "=" + word(body.substring(k + 1)));
                    } else if (i + 1 < args.size()) {
                        flags.add(f + "=" + word(args.get(++i)));
                    } else {
                        flags.add(f);
                    }
                    break;
                }
                flags.add(f);
            }
        }
        StringBuilder sb = new StringBuilder(name);
        for (String f : flags) {
            sb.append(' ').append(f);
        }
        for (String o : operands) {
            sb.append(" ").append(o.isEmpty() ? "''" : o);
        }
        return sb.toString();
    }

    private static String find(List<String> args) {
        int i = 0;
        TreeSet<String> paths = new TreeSet<>();
        while (i < args.size() && !args.get(i).startsWith("-") && !args.get(i).equals("(")
                && !args.get(i).equals("!")) {
            paths.add(word(args.get(i)));
            i++;
        }
        if (paths.isEmpty()) {
            paths.add(".");
        }
        List<String> units = units(args.subList(i, args.size()));
        return "find " + String.join(" ", paths) + " " + expression(units);
    }

    /** Splits find's expression into units: one primary with its arguments, a group or a negation. */
    private static List<String> units(List<String> args) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("(")) {
                int depth = 0;
                int j = i;
                for (; j < args.size(); j++) {
                    if (args.get(j).equals("(")) {
                        depth++;
                    } else if (args.get(j).equals(")") && --depth == 0) {
                        break;
                    }
                }
                out.add("( " + expression(units(args.subList(i + 1, Math.min(j, args.size())))) + " )");
                i = j + 1;
            } else if (a.equals("-exec") || a.equals("-execdir") || a.equals("-ok") || a.equals("-okdir")) {
                StringBuilder sb = new StringBuilder(a);
                int j = i + 1;
                while (j < args.size() && !args.get(j).equals(";") && !args.get(j).equals("+")) {
                    sb.append(' ').append(args.get(j));
                    j++;
                }
                if (j < args.size()) {
                    sb.append(' ').append(args.get(j));
                }
                out.add(sb.toString());
                i = j + 1;
            } else if (FIND_ONE_ARG.contains(a) && i + 1 < args.size()) {
                out.add(a + " " + word(args.get(i + 1)));
                i += 2;
            } else {
                out.add(a.equals("-not") ? "!" : a.equals("-or") ? "-o" : a);
                i++;
            }
        }
        // A negation binds to the unit after it.
        List<String> merged = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            if (out.get(k).equals("!") && k + 1 < out.size()) {
                merged.add("! " + out.get(++k));
            } else {
                merged.add(out.get(k));
            }
        }
        return merged;
    }

    private static String expression(List<String> units) {
        List<List<String>> groups = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String u : units) {
            if (u.equals("-o")) {
                groups.add(cur);
                cur = new ArrayList<>();
            } else if (!u.equals("-a") && !u.equals("-and")) {
                cur.add(u);
            }
        }
        groups.add(cur);
        List<String> rendered = new ArrayList<>();
        for (List<String> g : groups) {
            // Tests commute with each other, but not across an action (-delete, -exec, -prune).
            List<String> all = new ArrayList<>();
            List<String> run = new ArrayList<>();
            for (String u : g) {
                if (FIND_ACTIONS.contains(u.split(" ")[0])) {
                    run.sort(null);
                    all.addAll(run);
                    run.clear();
                    all.add(u);
                } else {
                    run.add(u);
                }
            }
            run.sort(null);
            all.addAll(run);
            if (groups.size() == 1 && !all.isEmpty() && all.get(all.size() - 1).equals("-print")
                    && all.stream().noneMatch(u -> FIND_ACTIONS.contains(u.split(" ")[0]) && !u.equals("-print"))) {
                all.remove(all.size() - 1); // -print alone is find's default
            }
            rendered.add(String.join(" ", all));
        }
        return String.join(" -o ", rendered).strip();
    }
}
