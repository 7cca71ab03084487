package dev.caro.rules.internal;

import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/** Classifies path arguments (with a few extra resolutions) and names them in messages. */
public final class Targets {

    private static final LazyPattern SPACES = LazyPattern.of("\\s+");
    private static final LazyPattern SLASHES = LazyPattern.of("/+");

    private static final LazyPattern DEFAULTED = LazyPattern.of("^\"?\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-([^}$`]*)\\}\"?(/[^$`]*)?$");
    private static final LazyPattern FOR_LOOP = LazyPattern.of("\\bfor\\s+(\\w+)\\s+in\\s+([^;\\n]*?)\\s*(?:;|\\n)\\s*do\\b");
    private static final LazyPattern PLAIN_VAR = LazyPattern.of("^\"?\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?\"?(/.*)?$");

    private Targets() {}

    /**
     * What {@code w} points at. When caro's classifier cannot resolve it, tries two things it may
     * not know: a substitution whose value is plain ({@code $(dirname /etc)}, {@code $(command -v
     * chmod)}, {@code $(dirname "$(which python3)")}, {@code $(pwd)}) and a variable assigned from {@code mktemp} earlier in the line.
     */
    public static PathKind kind(SimpleCommand c, Word w, RuleContext ctx) {
        PathKind k = ctx.classify(c, w);
        if (k == PathKind.SYSTEM && w.literal() && insideHome(c, ctx, w.value())) {
            return PathKind.OUTSIDE_CWD; // e.g. ~/.ssh when the home directory is /root
        }
        if (k != PathKind.UNKNOWN) {
            return k;
        }
        Optional<String> resolved = resolve(c, w, ctx);
        if (resolved.isPresent()) {
            return ctx.classify(resolved.get());
        }
        if (assignedFromMktemp(w, ctx.script())) {
            return PathKind.TEMP;
        }
        Matcher def = DEFAULTED.matcher(w.source());
        if (def.matches()) {
            PathKind fallback = ctx.classify(def.group(1) + (def.group(2) == null ? "" : def.group(2)));
            return fallback.compareTo(k) < 0 ? fallback : k; // ${DIR:-/} is / when DIR is unset
        }
        return loopVariable(w, ctx).orElse(k);
    }

    /** The value of a word that is one simple substitution plus literal text, when caro can work it out. */
    public static Optional<String> resolve(SimpleCommand c, Word w, RuleContext ctx) {
        Optional<String[]> whole = Substitutions.wholeWord(w.source());
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        String inner = whole.get()[0].strip();
        String rest = whole.get()[1];
        ShellScript s;
        try {
            s = ctx.parse(inner);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!s.parsed()) {
            return Optional.empty();
        }
        // the command itself; what its own substitutions run ($(dirname "$(which x)")) is resolved through its words
        List<SimpleCommand> top = s.commands().stream().filter(x -> x.origin() != dev.caro.api.shell.Origin.SUBSTITUTION).toList();
        if (top.size() != 1) {
            return Optional.empty();
        }
        SimpleCommand in = top.get(0);
        String cwd = c.cwd().orElse(ctx.execution().cwd());
        List<Word> ops = Args.operands(in);
        String value = null;
        switch (Names.of(in)) {
            case "dirname" -> {
                if (ops.size() == 1 && ops.get(0).literal()) {
                    value = parent(ops.get(0).value());
                } else if (ops.size() == 1) {
                    // $(dirname "$(command -v python3)"): the directory of a resolvable path
                    value = resolve(in, ops.get(0), ctx).map(Targets::parent).orElse(null);
                }
            }
            case "echo", "printf" -> {
                if (ops.size() == 1 && ops.get(0).literal() && !ops.get(0).value().contains("%")) {
                    value = ops.get(0).value();
                }
            }
            case "command", "which", "type", "whereis" -> {
                if (!ops.isEmpty() && ops.get(ops.size() - 1).literal()) {
                    String prog = ops.get(ops.size() - 1).value();
                    value = prog.contains("/") ? prog : "/usr/bin/" + prog; // ./run.sh is found where it is written
                }
            }
            case "pwd" -> value = cwd;
            case "mktemp" -> value = "/tmp/tmp.caro";
            case "realpath", "readlink" -> {
                if (ops.size() == 1 && ops.get(0).literal() && ops.get(0).value().startsWith("/")) {
                    value = ops.get(0).value();
                } else if (ops.size() == 1 && !ops.get(0).literal()) {
                    value = resolve(in, ops.get(0), ctx).filter(v -> v.startsWith("/")).orElse(null);
                }
            }
            default -> { }
        }
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(rest.isEmpty() ? value : (value.endsWith("/") && rest.startsWith("/") ? value + rest.substring(1) : value + rest));
    }

    private static String parent(String p) {
        String s = p;
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = s.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : s.substring(0, slash);
    }

    /** {@code for d in /* /etc; do rm -rf "$d"; done}: the most sensitive kind among the loop's literal items. */
    static Optional<PathKind> loopVariable(Word w, RuleContext ctx) {
        Matcher m = PLAIN_VAR.matcher(w.source());
        if (!m.matches()) {
            return Optional.empty();
        }
        String source = ctx.script().source();
        if (!source.contains("for")) {
            return Optional.empty(); // cheap, and spares a scan of the whole line for every variable word
        }
        Matcher loop = FOR_LOOP.matcher(source);
        String items = null;
        while (loop.find()) {
            if (loop.group(1).equals(m.group(1))) {
                items = loop.group(2);
            }
        }
        if (items == null) {
            return Optional.empty();
        }
        PathKind worst = null;
        for (String item : SPACES.split(items.trim())) {
            if (item.isEmpty() || item.contains("$") || item.contains("`")) {
                continue;
            }
            String path = item.replace("\"", "").replace("'", "") + (m.group(2) == null ? "" : m.group(2));
            PathKind k = ctx.classify(path);
            if (worst == null || k.compareTo(worst) < 0) {
                worst = k;
            }
        }
        return Optional.ofNullable(worst);
    }

    /** Whether {@code path} lies strictly inside the user's home directory. */
    public static boolean insideHome(SimpleCommand c, RuleContext ctx, String path) {
        String home = collapse(ctx.execution().home());
        String abs = absolute(c, ctx, path);
        return !home.equals("/") && abs.startsWith(home + "/");
    }

    /** Folders directly in a home directory that hold the person's own files, mail, keys or settings. */
    private static final LazyPattern PERSONAL_FOLDER = LazyPattern.of("(?i)(?:Documents|Desktop|Pictures|Photos|Music|Videos|Movies"
            + "|Downloads|Dropbox|OneDrive|Google Drive|Nextcloud|Mail|Maildir|Notes|Projects?|src|code|repos|workspace|Library"
            + "|\\.ssh|\\.gnupg|\\.password-store|\\.mozilla|\\.thunderbird|\\.config|\\.local|\\.kube|\\.aws)");

    /** A relative path that climbs out of the working directory: {@code ..}, {@code ../x}, {@code ./../x}. */
    private static final LazyPattern LEAVES_CWD = LazyPattern.of("(?:\\./)*+\\.\\.(?:/|$)");

    /**
     * Whether the path as written leaves the working directory through {@code ..}: another project or
     * folder beside it, wherever the working directory happens to be (even inside /tmp).
     */
    public static boolean leavesCwd(String written) {
        return LEAVES_CWD.matcher(written).lookingAt();
    }

    /**
     * Whether {@code path} is one of the home directory's own top-level folders of personal data
     * ({@code ~/Documents}, {@code ~/Pictures}, {@code ~/.ssh}), not something deeper inside one.
     */
    public static boolean personalFolder(SimpleCommand c, RuleContext ctx, String path) {
        String home = collapse(ctx.execution().home());
        String abs = absolute(c, ctx, path);
        if (home.equals("/") || !abs.startsWith(home + "/")) {
            return false;
        }
        String rest = abs.substring(home.length() + 1);
        if (rest.startsWith("{") && rest.endsWith("}")) { // ~/{Documents,Pictures}: bash expands the braces
            for (String one : rest.substring(1, rest.length() - 1).split(",")) {
                if (PERSONAL_FOLDER.matcher(one).matches()) {
                    return true;
                }
            }
            return false;
        }
        return PERSONAL_FOLDER.matcher(rest).matches();
    }

    /** Whether {@code path} is a proper ancestor of the working directory (deleting it deletes the project too). */
    public static boolean ancestorOfCwd(SimpleCommand c, RuleContext ctx, String path) {
        String abs = absolute(c, ctx, path);
        String cwd = collapse(ctx.execution().cwd()); // the project caro was asked about, not a later cd
        return !abs.equals(cwd) && (cwd.startsWith(abs.endsWith("/") ? abs : abs + "/"));
    }

    /** Whether {@code w} is {@code $name} (or {@code "$name"/...}) and the line assigns {@code name} from mktemp. */
    static boolean assignedFromMktemp(Word w, ShellScript script) {
        Matcher m = PLAIN_VAR.matcher(w.source());
        if (!m.matches()) {
            return false;
        }
        String prefix = m.group(1) + "=";
        for (SimpleCommand sc : script.commands()) {
            for (Word a : sc.assignments()) {
                if (a.source().startsWith(prefix) && a.source().contains("mktemp")) {
                    return true;
                }
            }
            String n = Names.of(sc);
            if (n.equals("local") || n.equals("export") || n.equals("declare") || n.equals("readonly")
                    || n.equals("typeset")) {
                for (Word a : sc.args()) {
                    if (a.source().startsWith(prefix) && a.source().contains("mktemp")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The usual risk of destroying {@code k}: root, system, home or device critical; an unknown
     * path high; elsewhere outside the working directory moderate; inside it or temp safe.
     */
    public static RiskLevel destructionRisk(PathKind k) {
        return switch (k) {
            case ROOT, DEVICE, SYSTEM, HOME -> RiskLevel.CRITICAL;
            case UNKNOWN -> RiskLevel.HIGH;
            case OUTSIDE_CWD -> RiskLevel.MODERATE;
            case CWD, INSIDE_CWD, TEMP -> RiskLevel.SAFE;
        };
    }

    /** How a message names the target: {@code the home directory /home/ana}. */
    public static String describe(PathKind k, Word w) {
        return describe(k, display(w));
    }

    /** How a message names a target given as text. */
    public static String describe(PathKind k, String path) {
        return switch (k) {
            case ROOT -> path.equals("/") ? "the root directory /" : "everything under the root directory (" + path + ")";
            case DEVICE -> "the device " + path;
            case SYSTEM -> "the system path " + path;
            case HOME -> "the home directory " + path;
            case UNKNOWN -> path.contains("$") || path.contains("`")
                    ? path + ", whose value caro cannot know (it may be / or your home directory)"
                    : path + " in a directory caro cannot know (an earlier cd went to an unknown place)";
            case OUTSIDE_CWD -> path + ", outside the working directory";
            case CWD -> "the working directory " + path;
            case INSIDE_CWD -> path;
            case TEMP -> "the temporary path " + path;
        };
    }

    /** The word as it should appear in a message: its value, or as written when the value is unknown. */
    public static String display(Word w) {
        String v = w.unknownExpansion() ? w.source() : w.value();
        return v.isEmpty() ? w.source() : v;
    }

    /** Absolute form of {@code path} relative to the command's working directory (no normalization of ..). */
    public static String absolute(SimpleCommand c, RuleContext ctx, String path) {
        if (path.startsWith("/")) {
            return collapse(path);
        }
        String home = ctx.execution().home();
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return collapse(home + path.substring(1));
        }
        String cwd = c.cwd().orElse(ctx.execution().cwd());
        return collapse(cwd + "/" + path);
    }

    /** Removes {@code .}, {@code ..} and repeated slashes. */
    public static String collapse(String path) {
        String[] parts = SLASHES.split(path);
        java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
        for (String p : parts) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                stack.pollLast();
            } else {
                stack.addLast(p);
            }
        }
        return "/" + String.join("/", stack);
    }
}
