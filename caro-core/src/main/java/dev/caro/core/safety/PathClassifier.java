package dev.caro.core.safety;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.PathKind;
import dev.caro.core.shell.PathNames;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies path arguments by what they point at, lexically (it never looks at the disk).
 *
 * <ul>
 *   <li>A value that starts with an unknown expansion ({@code "$DIR"/build}, {@code $(cmd)/x})
 *       is {@link PathKind#UNKNOWN}: the variable may be empty, leaving {@code /build} or
 *       {@code /}. {@code ${DIR:?}} cannot be empty and counts as {@link PathKind#OUTSIDE_CWD}.
 *   <li>When the unknown part comes later ({@code /tmp/$X}, {@code ~/$X}) the known prefix
 *       decides: the expansion could be empty, so {@code ~/$X} is {@link PathKind#HOME}.
 *   <li>A glob that matches every entry ({@code *}, {@code .*}, {@code .[!.]*}, extglob {@code !(keep)}) stands for the
 *       directory itself; a partial glob ({@code *.log}) for something inside it.
 *   <li>System locations win over the working directory unless the working directory is at
 *       least three levels deep, so {@code rm -rf build} in {@code /srv/app/site} is inside the
 *       working directory but {@code rm -rf nginx} in {@code /etc} is a system path.
 * </ul>
 */
public final class PathClassifier {

    private static final Set<String> SYSTEM_TOP = Set.of("etc", "usr", "bin", "sbin", "lib", "lib32", "lib64",
            "libx32", "libexec", "boot", "var", "opt", "srv", "sys", "proc", "dev", "run", "root", "home", "Users",
            "System", "Library", "Applications", "private", "snap", "nix", "efi", "cores", "Volumes");

    private static final Set<String> PSEUDO_DEVICES = Set.of("null", "zero", "full", "random", "urandom", "tty",
            "stdin", "stdout", "stderr", "ptmx", "console");

    private final ExecutionContext context;
    private final String home;
    private final String cwd;

    public PathClassifier(ExecutionContext context) {
        this.context = context;
        this.home = normalizeOrEmpty(context.home());
        this.cwd = normalizeOrEmpty(context.cwd());
    }

    private static String normalizeOrEmpty(String p) {
        return p == null || !p.startsWith("/") ? "" : PathNames.normalize(p);
    }

    /**
     * Classifies {@code value} (a word's value after substitution) as seen from {@code workingDir}
     * (null when unknown). {@code unknownExpansion} says whether it holds an unresolved expansion
     * in its written form ({@code $X}, {@code ${X}}, {@code $(...)}, backticks).
     */
    public PathKind classify(String value, boolean unknownExpansion, String workingDir) {
        if (value == null || value.isEmpty()) {
            return PathKind.UNKNOWN;
        }
        String v = value;
        if (looksWindows(v)) {
            return classifyWindows(v);
        }
        if (unknownExpansion) {
            int cut = firstExpansion(v);
            if (cut >= 0) {
                if (cut == 0) {
                    return knownVariablePrefix(v);
                }
                v = v.substring(0, cut);
            }
        }
        if (v.startsWith("$env:") || v.startsWith("%")) {
            return classifyWindows(v);
        }
        String wd = workingDir == null ? null
                : workingDir.equals(context.cwd()) ? cwd : normalizeOrEmpty(workingDir);
        if (!v.startsWith("/")) {
            if (wd == null || wd.isEmpty()) {
                return PathKind.UNKNOWN;
            }
            v = wd + "/" + v;
        }
        return classifyAbsolute(v);
    }

    /** A value that begins with an unknown expansion: UNKNOWN unless the variable is a known kind. */
    private static PathKind knownVariablePrefix(String v) {
        if (v.contains("/..")) {
            return PathKind.UNKNOWN; // "$TMPDIR"/.. leaves the directory the variable names
        }
        if (v.equals("$TMPDIR/*") || v.equals("${TMPDIR}/*")) {
            return PathKind.UNKNOWN; // most Linux systems leave TMPDIR unset, which makes this /*
        }
        if (v.startsWith("$TMPDIR") || v.startsWith("${TMPDIR}") || v.startsWith("${TMPDIR:")) {
            return PathKind.TEMP;
        }
        if (v.startsWith("$env:TEMP") || v.startsWith("$env:TMP")) {
            return PathKind.TEMP;
        }
        if (v.startsWith("$env:USERPROFILE") || v.startsWith("$HOME")) {
            return PathKind.HOME;
        }
        if (v.startsWith("${") && v.indexOf(":?") > 0 && v.indexOf(":?") < v.indexOf('}')) {
            return PathKind.OUTSIDE_CWD; // ${DIR:?message} cannot expand to nothing
        }
        return PathKind.UNKNOWN;
    }

    private static int firstExpansion(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '`') {
                return i;
            }
            if (c == '$' && i + 1 < v.length()) {
                char n = v.charAt(i + 1);
                if (n == '{' || n == '(' || n == '_' || Character.isLetterOrDigit(n) || "@*#?!-".indexOf(n) >= 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private PathKind classifyAbsolute(String raw) {
        // Split off a glob or brace pattern: everything from the segment holding it.
        int pattern = firstPattern(raw);
        String dir = raw;
        String patternSegment = null;
        if (pattern >= 0) {
            int slash = raw.lastIndexOf('/', pattern);
            dir = raw.substring(0, Math.max(slash, 0));
            int segEnd = raw.indexOf('/', pattern);
            patternSegment = raw.substring(slash + 1, segEnd < 0 ? raw.length() : segEnd);
            if (dir.isEmpty()) {
                dir = "/";
            }
        }
        String path = PathNames.normalize(dir);
        boolean all = patternSegment != null && matchesEverything(patternSegment);
        boolean inside = patternSegment != null && !all;
        return inside ? classifyInside(path) : classifyPath(path);
    }

    /** What it means to touch {@code path} itself (or all of its entries). */
    private PathKind classifyPath(String path) {
        if (path.equals("/")) {
            return PathKind.ROOT;
        }
        if (isTemp(path)) {
            return PathKind.TEMP;
        }
        if (path.startsWith("/dev/tcp/") || path.startsWith("/dev/udp/")) {
            return PathKind.OUTSIDE_CWD; // bash's network pseudo-files: a connection, not a disk
        }
        if (path.startsWith("/dev/")) {
            return isPseudoDevice(path) ? PathKind.TEMP : PathKind.DEVICE;
        }
        if (!home.isEmpty() && path.equals(home)) {
            return PathKind.HOME;
        }
        if (isOtherHome(path)) {
            return PathKind.HOME;
        }
        boolean deepCwd = depth(cwd) >= 3;
        if (!cwd.isEmpty() && deepCwd && PathNames.isWithin(path, cwd)) {
            return path.equals(cwd) ? PathKind.CWD : PathKind.INSIDE_CWD;
        }
        if (isSystem(path)) {
            return PathKind.SYSTEM;
        }
        if (!cwd.isEmpty() && PathNames.isWithin(path, cwd)) {
            return path.equals(cwd) ? PathKind.CWD : PathKind.INSIDE_CWD;
        }
        return PathKind.OUTSIDE_CWD;
    }

    /** What it means to touch some entries inside {@code dir} (a partial glob, a find result). */
    private PathKind classifyInside(String dir) {
        if (dir.equals("/")) {
            return PathKind.SYSTEM;
        }
        if (isTemp(dir)) {
            return PathKind.TEMP;
        }
        if (dir.equals("/dev")) {
            return PathKind.DEVICE;
        }
        if (!cwd.isEmpty() && PathNames.isWithin(dir, cwd) && (depth(cwd) >= 3 || !isSystem(dir))) {
            return PathKind.INSIDE_CWD;
        }
        if (!home.isEmpty() && PathNames.isWithin(dir, home)) {
            return PathKind.OUTSIDE_CWD;
        }
        if (isSystem(dir) || dir.equals("/home") || dir.equals("/Users")) {
            return PathKind.SYSTEM;
        }
        return PathKind.OUTSIDE_CWD;
    }

    private boolean isOtherHome(String path) {
        // /home/bob, /Users/bob, /root: someone's home directory.
        if (path.equals("/root")) {
            return true;
        }
        for (String top : new String[] {"/home/", "/Users/"}) {
            if (path.startsWith(top) && path.indexOf('/', top.length()) < 0 && path.length() > top.length()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTemp(String path) {
        return PathNames.isWithin(path, "/tmp") || PathNames.isWithin(path, "/var/tmp")
                || PathNames.isWithin(path, "/private/tmp") || PathNames.isWithin(path, "/private/var/tmp")
                || PathNames.isWithin(path, "/dev/shm") || PathNames.isWithin(path, "/private/var/folders")
                || PathNames.isWithin(path, "/var/folders");
    }

    private static boolean isPseudoDevice(String path) {
        String rest = path.substring("/dev/".length());
        return PSEUDO_DEVICES.contains(rest) || rest.startsWith("fd/") || rest.startsWith("pts/")
                || rest.equals("fd") || rest.equals("pts");
    }

    private static boolean isSystem(String path) {
        int end = path.indexOf('/', 1);
        String top = end < 0 ? path.substring(1) : path.substring(1, end);
        if (!SYSTEM_TOP.contains(top)) {
            return false;
        }
        if ((top.equals("home") || top.equals("Users")) && end > 0) {
            return false; // inside a home directory: the caller decided already
        }
        if (top.equals("Volumes") && end > 0) {
            return false;
        }
        return true;
    }

    private static int depth(String path) {
        int d = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/' && i + 1 < path.length()) {
                d++;
            }
        }
        return d;
    }

    private static int firstPattern(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{' || isExtglob(v, i)) {
                return i;
            }
        }
        return -1;
    }

    /** bash's extglob (ksh) patterns {@code !(...)}, {@code +(...)}, {@code @(...)} start at {@code i}. */
    private static boolean isExtglob(String v, int i) {
        char c = v.charAt(i);
        return (c == '!' || c == '+' || c == '@') && i + 1 < v.length() && v.charAt(i + 1) == '(' && v.indexOf(')', i) > i;
    }

    /** {@code *}, {@code .*}, {@code .[!.]*}, {@code .??*}, {@code {,.}*}: patterns that select everything. */
    private static boolean matchesEverything(String segment) {
        if (segment.equals("*") || segment.equals(".*") || segment.equals("{}") || segment.equals("**")) {
            return true;
        }
        if (segment.startsWith("!(") && segment.endsWith(")")) {
            return true; // extglob: everything except a few names
        }
        if (segment.startsWith(".") && (segment.endsWith("*") || segment.endsWith("?"))) {
            for (int i = 1; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    return false;
                }
            }
            return true;
        }
        return segment.startsWith("{") && segment.endsWith("*") && segment.indexOf(',') > 0;
    }

    // ---------------------------------------------------------------- Windows

    private static boolean looksWindows(String v) {
        return v.length() >= 2 && Character.isLetter(v.charAt(0)) && v.charAt(1) == ':' && v.charAt(0) < 128
                || v.startsWith("\\\\");
    }

    private PathKind classifyWindows(String raw) {
        String v = raw.replace('/', '\\');
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("\\\\.\\physicaldrive") || lower.startsWith("\\\\.\\") && lower.length() <= 7) {
            return PathKind.DEVICE;
        }
        if (lower.startsWith("$env:temp") || lower.startsWith("$env:tmp") || lower.startsWith("%temp%")
                || lower.startsWith("%tmp%")) {
            return PathKind.TEMP;
        }
        if (lower.startsWith("$env:systemroot") || lower.startsWith("$env:windir") || lower.startsWith("%windir%")
                || lower.startsWith("%systemroot%") || lower.startsWith("$env:programfiles")
                || lower.startsWith("%programfiles")) {
            return PathKind.SYSTEM;
        }
        if (lower.startsWith("$env:userprofile") || lower.startsWith("%userprofile%") || lower.startsWith("$home")) {
            String rest = lower.startsWith("$home") ? lower.substring(5)
                    : lower.startsWith("%") ? lower.substring("%userprofile%".length()) : lower.substring(16);
            return rest.isEmpty() || rest.equals("\\*") || rest.equals("\\") || rest.equals("\\.*")
                    ? PathKind.HOME : PathKind.OUTSIDE_CWD;
        }
        if (lower.startsWith("$env:") || lower.startsWith("%")) {
            return PathKind.UNKNOWN;
        }
        if (lower.startsWith("\\\\")) {
            return PathKind.OUTSIDE_CWD;
        }
        String rest = lower.substring(2);
        while (rest.endsWith("\\") || rest.endsWith("\\*") || rest.endsWith("*")) {
            rest = rest.substring(0, rest.length() - (rest.endsWith("\\*") ? 2 : 1));
        }
        if (rest.isEmpty()) {
            return PathKind.ROOT;
        }
        if (rest.startsWith("\\windows") || rest.startsWith("\\program files") || rest.startsWith("\\programdata")
                || rest.startsWith("\\system volume information") || rest.startsWith("\\boot")
                || rest.equals("\\users")) {
            return PathKind.SYSTEM;
        }
        if (rest.startsWith("\\users\\")) {
            int next = rest.indexOf('\\', "\\users\\".length());
            return next < 0 ? PathKind.HOME : PathKind.OUTSIDE_CWD;
        }
        if (rest.startsWith("\\temp") || rest.startsWith("\\tmp") || lower.contains("\\appdata\\local\\temp")) {
            return PathKind.TEMP;
        }
        return PathKind.OUTSIDE_CWD;
    }

    /**
     * Classifies a path written for Windows ({@code C:\\Windows}, {@code $env:TEMP\\x},
     * {@code \\\\.\\PhysicalDrive0}); quotes are ignored.
     */
    public PathKind classifyWindowsPath(String written) {
        StringBuilder sb = new StringBuilder(written.length());
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c != '"' && c != '\'') {
                sb.append(c);
            }
        }
        return classifyWindows(sb.toString());
    }

    /** Whether a word as written looks like a Windows path rather than a POSIX one. */
    public static boolean isWindowsPath(String written) {
        String w = written.startsWith("\"") || written.startsWith("'") ? written.substring(1) : written;
        String lower = w.toLowerCase(Locale.ROOT);
        return looksWindows(w) || lower.startsWith("$env:") || lower.startsWith("%userprofile%")
                || lower.startsWith("%temp%") || lower.startsWith("%windir%") || lower.startsWith("%systemroot%");
    }

    ExecutionContext context() {
        return context;
    }
}
