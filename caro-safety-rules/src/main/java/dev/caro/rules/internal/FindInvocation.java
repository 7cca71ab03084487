package dev.caro.rules.internal;

import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code find} command: its starting points, whether its tests narrow what it matches, and its
 * actions ({@code -delete}, and the commands of {@code -exec}/{@code -execdir}/{@code -ok}).
 *
 * @param roots the starting points; empty means the working directory
 * @param narrowed whether a test such as {@code -name}, {@code -mtime} or {@code -user} restricts the matches
 * @param nameFiltered whether a name or path pattern restricts the matches
 * @param deletes whether {@code -delete} is an action
 * @param execs the argv of every {@code -exec}-style action
 * @param aged whether an age or size test ({@code -mtime +30}, {@code -size +1G}) restricts the matches
 * @param junkOnly whether every name pattern picks leftovers only (backups, swap files, caches, logs)
 * @param olderOnly whether the only tests that narrow the matches pick files older than some age
 *     ({@code -mtime +7}, {@code -mmin +600}): after a while that is nearly everything
 */
public record FindInvocation(List<Word> roots, boolean narrowed, boolean nameFiltered, boolean deletes,
        List<List<Word>> execs, boolean aged, boolean junkOnly, boolean olderOnly) {

    private static final Set<String> AGE_TESTS = Set.of("-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin");

    /** Name patterns of files nobody needs back: editor and package-manager leftovers, caches, logs. */
    private static final LazyPattern JUNK = LazyPattern.of("(?i).*(?:\\.(?:tmp|temp|bak|old|orig|rej|swp|swo|pyc|pyo|log|cache"
            + "|part|crdownload|dpkg-old|dpkg-dist|dpkg-bak|rpmsave|rpmnew|ucf-old|ucf-dist)\\*?|~|\\.ds_store|__pycache__|thumbs\\.db|core"
            + "|core\\.\\*|\\*\\.log\\.\\*|\\.#\\*)");

    private static final Set<String> NAME_TESTS = Set.of("-name", "-iname", "-path", "-ipath", "-wholename",
            "-iwholename", "-regex", "-iregex", "-lname", "-ilname");
    private static final Set<String> OTHER_NARROWING = Set.of("-newer", "-anewer", "-cnewer", "-mtime", "-mmin",
            "-atime", "-amin", "-ctime", "-cmin", "-size", "-user", "-group", "-uid", "-gid", "-perm", "-empty",
            "-links", "-inum", "-samefile", "-nouser", "-nogroup", "-newermt", "-newerct", "-used", "-fstype",
            "-context", "-readable", "-writable", "-executable");
    private static final Set<String> EXECS = Set.of("-exec", "-execdir", "-ok", "-okdir");

    /** Parses a command named find (or gfind); empty otherwise. */
    public static Optional<FindInvocation> of(SimpleCommand c) {
        String n = Names.of(c);
        if (!n.equals("find") && !n.equals("gfind") && !n.equals("bfs") && !n.equals("fd") && !n.equals("fdfind")) {
            return Optional.empty();
        }
        if (!n.contains("find") && !n.equals("bfs")) {
            return fd(c);
        }
        List<Word> a = c.args();
        List<Word> roots = new ArrayList<>();
        int i = 0;
        while (i < a.size() && (a.get(i).value().equals("-H") || a.get(i).value().equals("-L")
                || a.get(i).value().equals("-P") || a.get(i).value().startsWith("-O") || a.get(i).value().startsWith("-D"))) {
            i += a.get(i).value().equals("-D") ? 2 : 1;
        }
        while (i < a.size()) {
            String v = a.get(i).value();
            if ((v.startsWith("-") && v.length() > 1) || v.equals("(") || v.equals("!") || v.equals("\\(")) {
                break;
            }
            roots.add(a.get(i));
            i++;
        }
        boolean narrowed = false;
        boolean named = false;
        boolean deletes = false;
        boolean aged = false;
        boolean junk = true;
        boolean older = true;
        List<List<Word>> execs = new ArrayList<>();
        for (; i < a.size(); i++) {
            String v = a.get(i).value().toLowerCase(Locale.ROOT);
            if (NAME_TESTS.contains(v)) {
                String pattern = i + 1 < a.size() ? a.get(i + 1).value() : "*";
                boolean pruned = i + 2 < a.size() && a.get(i + 2).value().equals("-prune");
                if (!pruned && !pattern.equals("*") && !pattern.equals("*.*") && !pattern.equals("./*") && !pattern.equals("/*")) {
                    named = true;
                    narrowed = true;
                    junk &= JUNK.matcher(pattern).matches();
                }
            } else if (OTHER_NARROWING.contains(v) || v.startsWith("-newer")) {
                narrowed = true;
                aged |= v.startsWith("-newer") || v.endsWith("time") || v.endsWith("min") || v.equals("-size");
                older &= AGE_TESTS.contains(v) && i + 1 < a.size() && a.get(i + 1).value().startsWith("+");
            } else if (v.equals("-delete")) {
                deletes = true;
            } else if (EXECS.contains(v)) {
                List<Word> argv = new ArrayList<>();
                int j = i + 1;
                for (; j < a.size(); j++) {
                    String t = a.get(j).value();
                    if (t.equals(";") || t.equals("+") || t.equals("\\;")) {
                        break;
                    }
                    argv.add(a.get(j));
                }
                execs.add(argv);
                i = j;
            }
        }
        return Optional.of(new FindInvocation(roots, narrowed, named, deletes, execs, aged, named && junk,
                narrowed && !named && older));
    }

    /** fd PATTERN [PATH...] -x/--exec CMD: a pattern always narrows. */
    private static Optional<FindInvocation> fd(SimpleCommand c) {
        List<Word> a = c.args();
        List<Word> positional = new ArrayList<>();
        List<List<Word>> execs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String v = a.get(i).value();
            if (v.equals("-x") || v.equals("--exec") || v.equals("-X") || v.equals("--exec-batch")) {
                execs.add(new ArrayList<>(a.subList(i + 1, a.size())));
                break;
            }
            if (!v.startsWith("-")) {
                positional.add(a.get(i));
            }
        }
        List<Word> roots = positional.size() > 1 ? positional.subList(1, positional.size()) : List.of();
        boolean named = !positional.isEmpty() && !positional.get(0).value().equals(".") && !positional.get(0).value().isEmpty();
        return Optional.of(new FindInvocation(roots, named, named, false, execs, false, false, false));
    }

    /** The program names run by the exec actions, normalized. */
    public List<String> execNames() {
        List<String> out = new ArrayList<>();
        for (List<Word> e : execs) {
            String n = "";
            for (Word w : e) {
                String name = Names.normalize(w.value());
                if (name.equals("sudo") || name.equals("doas") || name.equals("env") || name.equals("nice")
                        || name.equals("command") || name.startsWith("-")) {
                    continue;
                }
                n = name;
                break;
            }
            out.add(n);
        }
        return out;
    }
}
