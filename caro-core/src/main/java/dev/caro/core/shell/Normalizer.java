package dev.caro.core.shell;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.shell.FunctionDefinition;
import dev.caro.api.shell.Origin;
import dev.caro.api.shell.Redirect;
import dev.caro.api.shell.ShellScript.ParseError;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Span;
import dev.caro.api.shell.Word;
import dev.caro.core.shell.Syntax.AndOr;
import dev.caro.core.shell.Syntax.Arith;
import dev.caro.core.shell.Syntax.Block;
import dev.caro.core.shell.Syntax.Command;
import dev.caro.core.shell.Syntax.CommandSub;
import dev.caro.core.shell.Syntax.Compound;
import dev.caro.core.shell.Syntax.CompoundKind;
import dev.caro.core.shell.Syntax.FunctionDef;
import dev.caro.core.shell.Syntax.Item;
import dev.caro.core.shell.Syntax.Lit;
import dev.caro.core.shell.Syntax.Param;
import dev.caro.core.shell.Syntax.Part;
import dev.caro.core.shell.Syntax.Pipeline;
import dev.caro.core.shell.Syntax.RawRedirect;
import dev.caro.core.shell.Syntax.RawWord;
import dev.caro.core.shell.Syntax.ScriptBlock;
import dev.caro.core.shell.Syntax.Simple;
import dev.caro.core.shell.Syntax.Tilde;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the raw syntax tree into the flat list of {@link SimpleCommand}s rules see: substitutes
 * known variables, tracks {@code cd}, removes wrappers and unfolds nested commands. One instance
 * per command line; not thread-safe.
 */
final class Normalizer {

    /** Programs that read a script from {@code -c STRING} or standard input. */
    static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish", "yash",
            "posh", "rbash", "csh", "tcsh", "ksh93", "oksh", "loksh", "pdksh", "osh", "ysh", "nu", "elvish", "xonsh", "ion",
            "murex");

    private static final int MAX_COMMANDS = 5_000;
    private static final int MAX_UNFOLD_DEPTH = 12;
    private static final int MAX_NESTED_TEXT = 1_000_000;
    private static final int MAX_LOOP_VALUES = 4;
    /** Upstream commands kept per command; long pipelines would otherwise cost quadratic time. */
    private static final int MAX_UPSTREAM = 32;

    private final ExecutionContext context;
    private final List<SimpleCommand> out = new ArrayList<>();
    private final List<FunctionDefinition> functions = new ArrayList<>();
    /** Known output of command substitutions, by identity of the syntax node. */
    private final Map<CommandSub, String> substitutionValues = new IdentityHashMap<>();
    /** Aliases being expanded, so that {@code alias ls='ls -la'} does not expand itself again. */
    private final Set<String> expandingAliases = new HashSet<>();
    private ParseError error;
    private int nestedText;
    private boolean stopped;

    Normalizer(ExecutionContext context) {
        this.context = context;
    }

    List<SimpleCommand> commands() {
        return out;
    }

    List<FunctionDefinition> functions() {
        return functions;
    }

    ParseError error() {
        return error;
    }

    /** Variables and working directory as the shell would have them at a point of the script. */
    static final class Scope {
        /** Assigned variables; a null value means assigned but unknown. */
        final HashMap<String, String> vars;
        /** The working directory; null when unknown. */
        String cwd;
        /** Aliases defined so far ({@code alias ll='rm -rf ~'}), by name. */
        final HashMap<String, String> aliases;

        Scope(HashMap<String, String> vars, String cwd) {
            this(vars, cwd, new HashMap<>());
        }

        private Scope(HashMap<String, String> vars, String cwd, HashMap<String, String> aliases) {
            this.vars = vars;
            this.cwd = cwd;
            this.aliases = aliases;
        }

        Scope copy() {
            return new Scope(new HashMap<>(vars), cwd, new HashMap<>(aliases));
        }
    }

    /** How the commands being walked were reached. */
    record Layer(Origin origin, int depth, List<String> wrappers, boolean elevated, boolean background) {

        Layer nest(Origin o) {
            return new Layer(o, depth + 1, wrappers, elevated, background);
        }

        Layer inBackground() {
            return new Layer(origin, depth, wrappers, elevated, true);
        }
    }

    /** Text fed to standard input, and where it is in the original (exact offset or clamped span). */
    record Text(String text, int base, Span clamp) {}

    Scope initialScope() {
        return new Scope(new HashMap<>(), context.cwd().isEmpty() ? null : context.cwd());
    }

    void walkTop(Block block) {
        walkBlock(block, initialScope(), new Layer(Origin.DIRECT, 0, List.of(), false, false), List.of(), null);
    }

    /**
     * A whole command line written for fish, read statement by statement (spans point at the whole
     * line). Returns false, having walked nothing, when some statement cannot be read even so; the
     * caller then reports the line as sh would read it.
     */
    boolean walkFishTop(String text) {
        return walkStatements(ForeignShells.statements("fish", text), new Span(0, text.length()), initialScope(),
                new Layer(Origin.DIRECT, 0, List.of(), false, false));
    }

    /** A whole zsh command line sh cannot read, with zsh's short loops read in sh form; as {@link #walkFishTop}. */
    boolean walkZshTop(String text) {
        return walkStatements(ForeignShells.zshStatements(text), new Span(0, text.length()), initialScope(),
                new Layer(Origin.DIRECT, 0, List.of(), false, false));
    }

    /**
     * Walks statements (sh text made from another shell's script, spans clamped to {@code at}) on
     * one scope; returns false, having walked nothing, when one of them cannot be parsed.
     */
    private boolean walkStatements(List<String> statements, Span at, Scope sc, Layer layer) {
        List<Block> blocks = new ArrayList<>();
        for (String statement : statements) {
            SyntaxParser.Result r = new SyntaxParser(statement, at.start(), at, layer.depth() * 2).parse();
            if (r.error() != null) {
                return false;
            }
            blocks.add(r.block());
        }
        for (Block b : blocks) {
            walkBlock(b, sc, layer, List.of(), null);
        }
        return true;
    }

    // ---------------------------------------------------------------- structure

    private List<SimpleCommand> walkBlock(Block block, Scope sc, Layer layer, List<SimpleCommand> upstream, Text stdin) {
        List<SimpleCommand> surface = new ArrayList<>();
        for (Item item : block.items()) {
            if (stopped) {
                break;
            }
            Layer l = item.background() ? layer.inBackground() : layer;
            AndOr andOr = item.andOr();
            List<Pipeline> pipelines = andOr.pipelines();
            for (Pipeline p : pipelines) {
                surface.addAll(walkPipeline(p, sc, l, upstream, stdin));
            }
        }
        return surface;
    }

    private List<SimpleCommand> walkPipeline(Pipeline p, Scope sc, Layer layer, List<SimpleCommand> upstream0,
            Text stdin0) {
        List<Command> commands = p.commands();
        if (commands.size() == 1) {
            return walkCommand(commands.get(0), sc, layer, upstream0, stdin0);
        }
        List<SimpleCommand> upstream = new ArrayList<>(upstream0);
        List<SimpleCommand> surface = new ArrayList<>();
        Text stdin = stdin0;
        for (Command c : commands) {
            // Each element of a multi-command pipeline runs in a subshell.
            List<SimpleCommand> nearest = upstream.size() <= MAX_UPSTREAM ? upstream
                    : upstream.subList(upstream.size() - MAX_UPSTREAM, upstream.size());
            List<SimpleCommand> emitted = walkCommand(c, sc.copy(), layer, List.copyOf(nearest), stdin);
            surface.addAll(emitted);
            upstream.addAll(emitted);
            stdin = emitted.isEmpty() ? null : KnownOutput.stdoutOf(emitted.get(emitted.size() - 1));
        }
        return surface;
    }

    private List<SimpleCommand> walkCommand(Command c, Scope sc, Layer layer, List<SimpleCommand> upstream,
            Text stdin) {
        if (c instanceof Simple s) {
            return walkSimple(s, sc, layer, upstream, stdin);
        }
        if (c instanceof FunctionDef f) {
            int before = out.size();
            walkCommand(f.body(), sc.copy(), layer.nest(Origin.BODY), List.of(), null);
            functions.add(new FunctionDefinition(f.name(), List.copyOf(out.subList(before, out.size())), f.span()));
            return List.of();
        }
        Compound k = (Compound) c;
        Text in = stdin;
        for (RawRedirect r : k.redirects()) {
            unfoldSubstitutions(r.target(), sc, layer);
            Text t = redirectText(r, evalWord(r.target(), sc));
            if (t != null) {
                in = t;
            }
        }
        for (RawWord w : k.words()) {
            unfoldSubstitutions(w, sc, layer);
        }
        switch (k.kind()) {
            case SUBSHELL:
                return walkBlock(k.blocks().get(0), sc.copy(), layer, upstream, in);
            case GROUP:
                return walkBlock(k.blocks().get(0), sc, layer, upstream, in);
            case ARITHMETIC:
                return List.of();
            case FOR:
            case SELECT:
                return walkLoop(k, sc, layer.nest(Origin.BODY), upstream, in);
            default:
                return walkBranches(k, sc, layer.nest(Origin.BODY), upstream, in);
        }
    }

    /**
     * Walks if/while/until/case blocks. Each block may or may not run, so a variable or working
     * directory any of them changes is unknown afterwards.
     */
    private List<SimpleCommand> walkBranches(Compound k, Scope sc, Layer layer, List<SimpleCommand> upstream,
            Text stdin) {
        List<SimpleCommand> surface = new ArrayList<>();
        List<Scope> results = new ArrayList<>();
        Scope running = sc.copy();
        for (Block b : k.blocks()) {
            // Conditions and bodies of loops and ifs run in order on a shared scope copy; good enough
            // to know `cd x` inside a then-part applies to the rest of that part.
            Scope branch = k.kind() == CompoundKind.CASE ? sc.copy() : running;
            surface.addAll(walkBlock(b, branch, layer, upstream, stdin));
            results.add(branch);
        }
        mergeUncertain(sc, results);
        return surface;
    }

    private List<SimpleCommand> walkLoop(Compound k, Scope sc, Layer layer, List<SimpleCommand> upstream, Text stdin) {
        List<Word> values = new ArrayList<>();
        boolean allKnown = true;
        for (RawWord w : k.words()) {
            for (Word v : evalFields(w, sc)) {
                values.add(v);
                allKnown &= v.literal(); // a glob stays a pattern: `for f in *` iterates over `*`
            }
        }
        Block body = k.blocks().get(0);
        List<SimpleCommand> surface = new ArrayList<>();
        List<Scope> results = new ArrayList<>();
        if (k.variable() != null && allKnown && !values.isEmpty() && values.size() <= MAX_LOOP_VALUES
                && layer.depth() < 4) {
            for (Word v : values) {
                Scope iteration = sc.copy();
                iteration.vars.put(k.variable(), v.value());
                surface.addAll(walkBlock(body, iteration, layer, upstream, stdin));
                results.add(iteration);
            }
        } else {
            Scope iteration = sc.copy();
            if (k.variable() != null) {
                iteration.vars.put(k.variable(), null);
            }
            surface.addAll(walkBlock(body, iteration, layer, upstream, stdin));
            results.add(iteration);
        }
        mergeUncertain(sc, results);
        if (k.variable() != null) {
            sc.vars.put(k.variable(), null);
        }
        return surface;
    }

    private static void mergeUncertain(Scope target, List<Scope> branches) {
        for (Scope b : branches) {
            for (Map.Entry<String, String> e : b.vars.entrySet()) {
                String before = target.vars.get(e.getKey());
                boolean had = target.vars.containsKey(e.getKey());
                if (!had || before == null || !before.equals(e.getValue())) {
                    target.vars.put(e.getKey(), null);
                }
            }
            if (target.cwd != null && !target.cwd.equals(b.cwd)) {
                target.cwd = null;
            }
        }
    }

    // ---------------------------------------------------------------- simple commands

    private List<SimpleCommand> walkSimple(Simple s, Scope sc, Layer layer, List<SimpleCommand> upstream,
            Text stdin) {
        String alias = aliasOf(s, sc);
        if (alias != null) {
            return walkAlias(s, alias, sc, layer, upstream, stdin);
        }
        for (RawWord w : s.assignments()) {
            unfoldSubstitutions(w, sc, layer);
        }
        for (RawWord w : s.words()) {
            unfoldSubstitutions(w, sc, layer);
        }
        for (RawRedirect r : s.redirects()) {
            unfoldSubstitutions(r.target(), sc, layer);
            if (r.hereDoc() != null && r.hereDoc().expanded != null) {
                unfoldSubstitutions(r.hereDoc().expanded, sc, layer);
            }
        }
        List<Word> assignments = new ArrayList<>();
        for (RawWord w : s.assignments()) {
            assignments.add(evalWord(w, sc));
        }
        List<Word> words = new ArrayList<>();
        for (RawWord w : s.words()) {
            words.addAll(evalFields(w, sc));
        }
        List<Redirect> redirects = new ArrayList<>();
        Text in = stdin;
        for (RawRedirect r : s.redirects()) {
            Word target = evalWord(r.target(), sc);
            Optional<String> body = r.hereDoc() == null ? Optional.empty() : Optional.of(r.hereDoc().body);
            redirects.add(new Redirect(r.fd(), r.operator(), target, body, r.span()));
            Text t = redirectText(r, target);
            if (t != null) {
                in = t;
            }
        }
        if (words.isEmpty()) {
            for (int i = 0; i < assignments.size(); i++) {
                assign(sc, s.assignments().get(i), assignments.get(i));
            }
            Span at = s.span();
            Word none = new Word("", "", false, false, false, new Span(at.start(), at.start()));
            SimpleCommand cmd = new SimpleCommand("", none, List.of(), redirects, assignments, layer.wrappers(),
                    layer.elevated(), layer.origin(), layer.depth(), upstream, textOf(in), layer.background(),
                    Optional.ofNullable(sc.cwd), s.span());
            emit(cmd);
            return List.of(cmd);
        }
        return resolve(words, 0, assignments, redirects, s.span(), sc, layer, upstream, in);
    }

    /** The alias text the first word of {@code s} stands for, or null (quoted or escaped names are never aliases). */
    private String aliasOf(Simple s, Scope sc) {
        if (s.words().isEmpty() || sc.aliases.isEmpty() || expandingAliases.size() >= MAX_UNFOLD_DEPTH) {
            return null;
        }
        RawWord first = s.words().get(0);
        if (first.parts().size() != 1 || !(first.parts().get(0) instanceof Lit lit) || lit.quoted()
                || !lit.text().equals(first.source()) || expandingAliases.contains(lit.text())) {
            return null;
        }
        return sc.aliases.get(lit.text());
    }

    /**
     * A command whose name is an alias: the alias text followed by the command's other words is
     * read and walked in the same scope (an alias can {@code cd}), as the shell would run it.
     */
    private List<SimpleCommand> walkAlias(Simple s, String alias, Scope sc, Layer layer, List<SimpleCommand> upstream,
            Text stdin) {
        String name = s.words().get(0).source();
        StringBuilder text = new StringBuilder(alias);
        for (RawWord w : s.words().subList(1, s.words().size())) {
            text.append(' ').append(w.source());
        }
        for (RawRedirect r : s.redirects()) {
            if (r.hereDoc() == null) {
                text.append(' ').append(r.fd() >= 0 ? String.valueOf(r.fd()) : "").append(r.operator()).append(' ')
                        .append(r.target().source());
            }
        }
        nestedText += text.length();
        if (nestedText > MAX_NESTED_TEXT) {
            stop("the command expands to too much nested text to check");
            return List.of();
        }
        Span at = s.words().get(0).span();
        SyntaxParser.Result r = new SyntaxParser(text.toString(), at.start(), at, layer.depth() * 2).parse();
        if (r.error() != null && error == null) {
            error = new ParseError("in the alias " + name + ": " + r.error().message(), r.error().span());
        }
        expandingAliases.add(name);
        try {
            return walkBlock(r.block(), sc, layer, upstream, stdin);
        } finally {
            expandingAliases.remove(name);
        }
    }

    /**
     * Emits the command made of {@code words} from {@code start}: strips wrappers, records it, and
     * unfolds what it runs. Returns the commands that stand for it in a pipeline.
     */
    private List<SimpleCommand> resolve(List<Word> words, int start, List<Word> assignments0, List<Redirect> redirects,
            Span span, Scope sc, Layer layer0, List<SimpleCommand> upstream, Text stdin) {
        if (stopped) {
            return List.of();
        }
        List<Word> assignments = new ArrayList<>(assignments0);
        List<String> wrappers = new ArrayList<>(layer0.wrappers());
        boolean elevated = layer0.elevated();
        Layer layer = layer0;
        List<Word> argv = words;
        int i = start;
        int guard = 0;
        while (i < argv.size() && guard++ < 32) {
            String name = PathNames.baseName(argv.get(i).value());
            if (!Wrappers.isWrapper(name)) {
                break;
            }
            int next = Wrappers.wrapped(name, argv, i, assignments);
            if (next < 0 || next >= argv.size()) {
                break;
            }
            wrappers.add(name);
            elevated |= Wrappers.ELEVATING.contains(name);
            if (name.equals("xargs")) {
                String replace = Wrappers.xargsReplacement(argv, i + 1, next);
                argv = withXargsInput(argv, next, replace, upstream, stdin);
                i = next;
                layer = new Layer(Origin.XARGS, layer.depth() + 1, layer.wrappers(), elevated, layer.background());
                stdin = null;
                continue;
            }
            i = next;
        }
        Word nameWord = argv.get(i);
        String name = commandName(nameWord);
        List<Word> args = argv.subList(i + 1, argv.size());
        SimpleCommand cmd = new SimpleCommand(name, nameWord, args, redirects, assignments, wrappers, elevated,
                layer.origin(), layer.depth(), upstream, textOf(stdin), layer.background(), Optional.ofNullable(sc.cwd),
                span);
        emit(cmd);
        Layer inner = new Layer(layer.origin(), layer.depth(), List.copyOf(wrappers), elevated, layer.background());
        track(cmd, sc);
        unfold(cmd, sc, inner, stdin);
        return List.of(cmd);
    }

    /** Variables that name the user's shell: {@code $SHELL -c '...'} and {@code curl ... | $SHELL} run a shell. */
    private static final Set<String> SHELL_VARIABLES = Set.of("$SHELL", "${SHELL}", "$BASH", "${BASH}");

    private static String commandName(Word w) {
        String v = w.value();
        if (w.unknownExpansion() && SHELL_VARIABLES.contains(v)) {
            return "sh";
        }
        String base = PathNames.baseName(v);
        if (base.length() > 4 && base.regionMatches(true, base.length() - 4, ".exe", 0, 4) && base.indexOf('\\') < 0) {
            return base.substring(0, base.length() - 4);
        }
        return base;
    }

    private void emit(SimpleCommand cmd) {
        if (out.size() >= MAX_COMMANDS) {
            stop("the command expands to too many commands to check");
            return;
        }
        out.add(cmd);
    }

    /** Updates variables and the working directory after {@code cmd}. */
    private void track(SimpleCommand cmd, Scope sc) {
        switch (cmd.name()) {
            case "cd", "pushd" -> sc.cwd = cdTarget(cmd, sc);
            case "popd" -> sc.cwd = null;
            case "alias" -> {
                for (Word a : cmd.args()) {
                    String v = a.value();
                    int eq = v.indexOf('=');
                    if (eq > 0 && !a.looksLikeOption()) {
                        if (a.literal()) {
                            sc.aliases.put(v.substring(0, eq), v.substring(eq + 1));
                        } else {
                            sc.aliases.remove(v.substring(0, eq));
                        }
                    }
                }
            }
            case "git" -> {
                // git config [--global] alias.NAME VALUE: `git NAME` runs VALUE from then on
                List<Word> a = cmd.args();
                if (a.stream().anyMatch(w -> w.value().equals("config"))) {
                    for (int i = 0; i + 1 < a.size(); i++) {
                        String v = a.get(i).value();
                        if (v.startsWith("alias.") && v.length() > 6 && a.get(i + 1).literal()) {
                            sc.aliases.put("git " + v.substring(6), a.get(i + 1).value());
                        }
                    }
                }
            }
            case "unalias" -> {
                for (Word a : cmd.args()) {
                    if (a.value().equals("-a")) {
                        sc.aliases.clear();
                    }
                    sc.aliases.remove(a.value());
                }
            }
            case "export", "declare", "typeset", "local", "readonly" -> {
                for (Word a : cmd.args()) {
                    String v = a.value();
                    int eq = v.indexOf('=');
                    if (eq > 0 && SyntaxParser.isName(v, 0, eq)) {
                        sc.vars.put(v.substring(0, eq), a.literal() ? v.substring(eq + 1) : null);
                    }
                }
            }
            case "unset" -> {
                for (Word a : cmd.args()) {
                    if (a.value().equals("IFS")) {
                        sc.vars.remove("IFS"); // unset IFS splits as the default does, unlike an empty one
                    } else if (!a.looksLikeOption()) {
                        sc.vars.put(a.value(), "");
                    }
                }
            }
            case "read", "mapfile", "readarray" -> {
                for (Word a : cmd.args()) {
                    if (!a.looksLikeOption() && SyntaxParser.isName(a.value(), 0, a.value().length())) {
                        sc.vars.put(a.value(), null);
                    }
                }
            }
            case "set" -> {
                // set -- a b c (or set a b c): the positional parameters $1, $2, ... from then on
                List<Word> a = cmd.args();
                int from = a.isEmpty() ? -1 : a.get(0).value().equals("--") ? 1
                        : a.get(0).value().startsWith("-") || a.get(0).value().startsWith("+") ? -1 : 0;
                if (from >= 0) {
                    for (int k = 1; k <= 9; k++) {
                        Word w = from + k - 1 < a.size() ? a.get(from + k - 1) : null;
                        sc.vars.put(String.valueOf(k), w == null ? "" : w.literal() ? w.value() : null);
                    }
                }
            }
            case "source", "." -> sc.vars.replaceAll((k, v) -> null);
            default -> { }
        }
    }

    private String cdTarget(SimpleCommand cmd, Scope sc) {
        Word target = null;
        for (Word a : cmd.args()) {
            if (a.value().equals("--")) {
                continue;
            }
            if (a.looksLikeOption()) {
                continue;
            }
            target = a;
            break;
        }
        if (target == null) {
            return context.home();
        }
        if (!target.literal() || target.value().equals("-") || target.glob()) {
            return null;
        }
        String v = target.value();
        if (v.isEmpty()) {
            return sc.cwd;
        }
        if (PathNames.isAbsolute(v)) {
            return PathNames.normalize(v);
        }
        return sc.cwd == null ? null : PathNames.resolve(sc.cwd, v);
    }

    private void assign(Scope sc, RawWord raw, Word evaluated) {
        String v = evaluated.value();
        int eq = v.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = v.substring(0, eq);
        if (name.endsWith("+") || name.indexOf('[') >= 0) {
            int cut = name.indexOf('[');
            String base = cut >= 0 ? name.substring(0, cut) : name;
            sc.vars.put(base.endsWith("+") ? base.substring(0, base.length() - 1) : base, null);
            return;
        }
        sc.vars.put(name, evaluated.literal() ? v.substring(eq + 1) : null);
    }

    // ---------------------------------------------------------------- unfolding

    private void unfold(SimpleCommand cmd, Scope sc, Layer layer, Text stdin) {
        if (layer.depth() >= MAX_UNFOLD_DEPTH) {
            if (isUnfolding(cmd.name())) {
                stop("the command nests shells too deeply to check");
            }
            return;
        }
        String name = cmd.name();
        List<Word> args = cmd.args();
        if (name.equals("git") && !sc.aliases.isEmpty()) {
            unfoldGitAlias(cmd, sc, layer);
        }
        for (OtherRunners.Script s : OtherRunners.optionCommands(name, args)) {
            Layer l = new Layer(Origin.SHELL_STRING, layer.depth() + 1, append(layer.wrappers(), name), layer.elevated(),
                    layer.background());
            if (s.lenient()) {
                Span at = spanOf(s.words());
                SyntaxParser.Result r = new SyntaxParser(s.text(), at.start(), at, l.depth() * 2).parse();
                if (r.error() == null) {
                    walkBlock(r.block(), sc.copy(), l, List.of(), null);
                }
            } else {
                parseNested(s.text(), s.anchor(), spanOf(s.words()), sc.copy(), l, s.dialect());
            }
        }
        if (SHELLS.contains(name)) {
            unfoldShell(cmd, sc, layer, stdin);
        } else if (name.equals("eval")) {
            if (!args.isEmpty()) {
                StringBuilder text = new StringBuilder();
                for (Word a : args) {
                    if (text.length() > 0) {
                        text.append(' ');
                    }
                    text.append(a.value());
                }
                Word anchor = args.size() == 1 ? args.get(0) : null;
                // eval runs in the current shell: what it assigns, defines or cds to holds afterwards.
                parseNested(text.toString(), anchor, spanOf(args), sc, layer.nest(Origin.EVAL), null);
            }
        } else if (name.equals("find")) {
            unfoldFind(cmd, sc, layer);
        } else if (name.equals("ssh")) {
            unfoldSsh(cmd, sc, layer, stdin);
        } else if (name.equals("su") || name.equals("runuser")) {
            if (!unfoldSu(cmd, sc, layer) && stdin != null) {
                parseNested(stdin.text(), stdin, sc.copy(), new Layer(Origin.PIPED_SCRIPT, layer.depth() + 1,
                        append(layer.wrappers(), "su"), true, layer.background()));
            }
        } else if ((name.equals("sudo") || name.equals("doas")) && stdin != null
                && (cmd.hasArg("-s") || cmd.hasArg("-i") || cmd.hasArg("--shell") || cmd.hasArg("--login"))) {
            // `sudo -s` / `sudo -i` with nothing to run starts a root shell reading standard input.
            Layer root = new Layer(Origin.PIPED_SCRIPT, layer.depth() + 1, append(layer.wrappers(), name), true,
                    layer.background());
            parseNested(stdin.text(), stdin, sc.copy(), root);
        } else if ((name.equals("at") || name.equals("batch")) && stdin != null) {
            // at and batch read a script from standard input and run it later with /bin/sh.
            parseNested(stdin.text(), stdin, sc.copy(), new Layer(Origin.PIPED_SCRIPT, layer.depth() + 1,
                    append(layer.wrappers(), name), layer.elevated(), true));
        } else if ((name.equals("crontab") && (args.isEmpty() || args.get(args.size() - 1).value().equals("-"))
                || name.equals("tee")) && stdin != null) {
            unfoldCron(cmd, sc, layer, stdin);
        } else if (CONTAINER_CLIS.contains(name) && !args.isEmpty() && args.get(0).value().equals("exec")) {
            unfoldContainerExec(cmd, sc, layer);
        } else if (COMPOSE_CLIS.contains(name) || (name.equals("docker") || name.equals("podman")) && !args.isEmpty()
                && args.get(0).value().equals("compose")) {
            unfoldComposeCommand(cmd, sc, layer);
        } else if (name.equals("parallel")) {
            unfoldParallel(cmd, sc, layer);
        } else if (OtherRunners.NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            OtherRunners.Script script = OtherRunners.script(name.toLowerCase(Locale.ROOT), args);
            if (script != null) {
                parseNested(script.text(), script.anchor(), spanOf(script.words()), sc.copy(), new Layer(Origin.SHELL_STRING,
                        layer.depth() + 1, append(layer.wrappers(), name), layer.elevated(), layer.background()),
                        script.dialect());
            }
        } else if (!InlineShellCalls.codeOptions(name).isEmpty()) {
            unfoldInlineCode(cmd, sc, layer, stdin);
        } else if (name.equals("for") && !args.isEmpty() && args.get(0).value().startsWith("/")) {
            unfoldCmdFor(cmd, sc, layer);
        } else if (name.equals("git")) {
            unfoldSubmoduleForeach(cmd, sc, layer);
        } else if (name.equals("watch")) {
            int i = Wrappers.skipOptions(args, 0, "n", Set.of("--interval"));
            if (i >= 0 && i < args.size()) {
                List<Word> rest = args.subList(i, args.size());
                Layer l = new Layer(Origin.SHELL_STRING, layer.depth() + 1, append(layer.wrappers(), "watch"),
                        layer.elevated(), layer.background());
                parseNested(join(rest), rest.size() == 1 ? rest.get(0) : null, spanOf(rest), sc.copy(), l, null);
            }
        }
    }

    /**
     * {@code git NAME ARGS} where {@code git config alias.NAME VALUE} came earlier: a {@code !VALUE} is a
     * shell command run with the arguments, any other VALUE the git command it stands for.
     */
    private void unfoldGitAlias(SimpleCommand cmd, Scope sc, Layer layer) {
        List<Word> args = cmd.args();
        int i = Wrappers.skipOptions(args, 0, "Cc", Set.of("--git-dir", "--work-tree", "--namespace", "--exec-path"));
        if (i < 0 || i >= args.size()) {
            return;
        }
        String value = sc.aliases.get("git " + args.get(i).value());
        if (value == null || expandingAliases.contains("git " + args.get(i).value())) {
            return;
        }
        StringBuilder text = new StringBuilder(value.startsWith("!") ? value.substring(1) : "git " + value);
        for (Word w : args.subList(i + 1, args.size())) {
            text.append(' ').append(w.source());
        }
        expandingAliases.add("git " + args.get(i).value());
        try {
            parseNested(text.toString(), null, cmd.span(), sc.copy(), layer.nest(Origin.EVAL), null);
        } finally {
            expandingAliases.remove("git " + args.get(i).value());
        }
    }

    /**
     * {@code git submodule foreach [--recursive] [--quiet] CMD...}: git runs CMD with the shell in every
     * submodule, so it is checked as a command of its own ({@code git reset --hard} there is one here too).
     */
    private void unfoldSubmoduleForeach(SimpleCommand cmd, Scope sc, Layer layer) {
        List<Word> args = cmd.args();
        int i = Wrappers.skipOptions(args, 0, "Cc", Set.of("--git-dir", "--work-tree", "--namespace", "--exec-path"));
        if (i < 0 || i + 1 >= args.size() || !args.get(i).value().equals("submodule")) {
            return;
        }
        i++;
        while (i < args.size() && (args.get(i).value().equals("--quiet") || args.get(i).value().equals("-q"))) {
            i++;
        }
        if (i >= args.size() || !args.get(i).value().equals("foreach")) {
            return;
        }
        i++;
        while (i < args.size() && (args.get(i).value().equals("--recursive") || args.get(i).value().equals("--quiet")
                || args.get(i).value().equals("-q"))) {
            i++;
        }
        if (i >= args.size()) {
            return;
        }
        List<Word> body = args.subList(i, args.size());
        Layer l = new Layer(Origin.SHELL_STRING, layer.depth() + 1, append(layer.wrappers(), "git"), layer.elevated(),
                layer.background());
        parseNested(join(body), body.size() == 1 ? body.get(0) : null, spanOf(body), sc.copy(), l, null);
    }

    /**
     * cmd.exe's {@code for /F "tokens=*" %l in ('wevtutil el') do wevtutil cl "%l"}, which a POSIX
     * shell reads as a command named {@code for}: the command after {@code do} runs once per item,
     * so it is checked as a command of its own (the loop variable stays unknown).
     */
    private void unfoldCmdFor(SimpleCommand cmd, Scope sc, Layer layer) {
        List<Word> args = cmd.args();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).value().equalsIgnoreCase("do")) {
                List<Word> body = args.subList(i + 1, args.size());
                Layer l = new Layer(Origin.SHELL_STRING, layer.depth() + 1, append(layer.wrappers(), "for"),
                        layer.elevated(), layer.background());
                parseNested(join(body), body.size() == 1 ? body.get(0) : null, spanOf(body), sc.copy(), l, null);
                return;
            }
        }
    }

    /**
     * {@code echo '* * * * * rm -rf /' | crontab -} or {@code ... | sudo tee /etc/cron.d/job}: the
     * entries cron will run later are checked as shell (the schedule blanked, offsets kept).
     */
    private void unfoldCron(SimpleCommand cmd, Scope sc, Layer layer, Text stdin) {
        CronTable.Kind kind = null;
        if (cmd.name().equals("crontab")) {
            kind = CronTable.Kind.USER;
        } else {
            for (Word a : cmd.args()) {
                CronTable.Kind k = a.value().startsWith("-") ? null : CronTable.of(PathNames.normalize(a.value()));
                kind = k != null ? k : kind;
            }
        }
        if (kind == null) {
            return;
        }
        boolean root = layer.elevated() || kind != CronTable.Kind.USER;
        parseNested(CronTable.commands(stdin.text(), kind), stdin, sc.copy(), new Layer(Origin.PIPED_SCRIPT, layer.depth() + 1,
                append(layer.wrappers(), cmd.name()), root, true));
    }

    private static boolean isUnfolding(String name) {
        return SHELLS.contains(name) || OtherRunners.NAMES.contains(name.toLowerCase(Locale.ROOT)) || name.equals("eval") || name.equals("find") || name.equals("ssh")
                || name.equals("su") || name.equals("watch") || name.equals("parallel") || name.equals("at") || name.equals("batch")
                || !InlineShellCalls.codeOptions(name).isEmpty();
    }

    /**
     * {@code perl -e 'system("rm -rf /home")'} and kin: the command lines a one-liner (or a program
     * piped into the interpreter) hands to the system are checked as shell. The extraction is a
     * heuristic over string literals, so text that does not parse as shell is skipped rather than
     * reported as unparseable.
     */
    private void unfoldInlineCode(SimpleCommand cmd, Scope sc, Layer layer, Text stdin) {
        List<String> args = new ArrayList<>(cmd.args().size());
        for (Word a : cmd.args()) {
            args.add(a.value());
        }
        String code = InlineShellCalls.code(cmd.name(), args);
        if (code.isEmpty() && stdin != null && (args.isEmpty() || args.get(args.size() - 1).equals("-"))) {
            code = stdin.text();
        }
        if (code.isEmpty()) {
            return;
        }
        Span at = cmd.args().isEmpty() ? cmd.span() : spanOf(cmd.args());
        for (String line : InlineShellCalls.commands(code)) {
            nestedText += line.length();
            if (nestedText > MAX_NESTED_TEXT) {
                stop("the command expands to too much nested text to check");
                return;
            }
            SyntaxParser.Result r = new SyntaxParser(line, at.start(), at, layer.depth() * 2).parse();
            if (r.error() == null) {
                walkBlock(r.block(), sc.copy(), layer.nest(Origin.SHELL_STRING), List.of(), null);
            }
        }
    }

    private void unfoldShell(SimpleCommand cmd, Scope sc, Layer layer, Text stdin) {
        List<Word> args = cmd.args();
        boolean dashC = false;
        boolean dashS = false;
        boolean noExec = false;
        int i = 0;
        while (i < args.size()) {
            String v = args.get(i).value();
            if (v.equals("--") || v.equals("-")) {
                i++;
                break;
            }
            if (v.startsWith("--")) {
                if (v.equals("--rcfile") || v.equals("--init-file")) {
                    i++;
                }
                dashC |= v.equals("--command") || v.equals("--commands");
                noExec |= v.equals("--no-execute") || v.equals("--noexec");
                i++;
                continue;
            }
            if (v.length() > 1 && (v.charAt(0) == '-' || v.charAt(0) == '+')) {
                dashC |= v.indexOf('c') > 0;
                dashS |= v.indexOf('s') > 0;
                noExec |= v.charAt(0) == '-' && v.indexOf('n') > 0;
                if (v.indexOf('o') > 0 || v.indexOf('O') > 0) {
                    noExec |= v.charAt(0) == '-' && i + 1 < args.size() && args.get(i + 1).value().equals("noexec");
                    i++; // -o option-name
                }
                i++;
                continue;
            }
            break;
        }
        if (noExec && !ForeignShells.PLAIN.contains(cmd.name())) {
            return; // sh -n only reads the script for syntax errors; nothing in it runs (nu's -n is --no-config-file)
        }
        if (dashC && ForeignShells.isForeign(cmd.name())) {
            if (i < args.size()) {
                unfoldForeign(cmd.name(), args.get(i), sc, layer.nest(Origin.SHELL_STRING));
            }
            return;
        }
        if (dashC) {
            if (i < args.size()) {
                Word script = args.get(i);
                Scope inner = sc.copy();
                // sh -c 'rm -rf "$1"' name ARG: the words after the string are $0, $1, ...
                List<Word> positional = args.subList(i + 1, args.size());
                for (int k = 0; k < positional.size() && k < 10; k++) {
                    Word p = positional.get(k);
                    inner.vars.put(String.valueOf(k), p.literal() ? p.value() : null);
                }
                if (positional.size() == 2) {
                    Word only = positional.get(1);
                    inner.vars.put("@", only.literal() ? only.value() : null);
                    inner.vars.put("*", only.literal() ? only.value() : null);
                }
                String text = cmd.name().equals("zsh") ? ForeignShells.withoutGlobQualifiers(script.value()) : script.value();
                if (cmd.name().equals("zsh") && new SyntaxParser(text, 0, null, layer.depth() * 2).parse().error() != null
                        && walkStatements(ForeignShells.zshStatements(text), script.span(), inner, layer.nest(Origin.SHELL_STRING))) {
                    return; // zsh's short loops (for f (*.txt) echo $f), read in sh form
                }
                parseNested(text, script, script.span(), inner, layer.nest(Origin.SHELL_STRING), null);
            }
            return;
        }
        if ((i >= args.size() || dashS) && stdin != null) {
            parseNested(stdin.text(), stdin, sc.copy(), layer.nest(Origin.PIPED_SCRIPT));
        }
    }

    /**
     * The {@code -c} script of fish, csh or tcsh: each statement, read as sh, is walked on one scope;
     * a statement sh cannot read is skipped, not reported (its syntax is the other shell's, not an error).
     */
    private void unfoldForeign(String shell, Word script, Scope sc, Layer layer) {
        Scope inner = sc.copy();
        Span at = script.span();
        for (String statement : ForeignShells.statements(shell, script.value())) {
            nestedText += statement.length();
            if (nestedText > MAX_NESTED_TEXT) {
                stop("the command expands to too much nested text to check");
                return;
            }
            SyntaxParser.Result r = new SyntaxParser(statement, at.start(), at, layer.depth() * 2).parse();
            if (r.error() == null) {
                walkBlock(r.block(), inner, layer, List.of(), null);
            }
        }
    }

    private void unfoldSsh(SimpleCommand cmd, Scope sc, Layer layer, Text stdin) {
        List<Word> args = cmd.args();
        int i = Wrappers.skipOptions(args, 0, "BbcDEeFIiJLlmOopQRSWw", Set.of());
        if (i < 0 || i >= args.size()) {
            return;
        }
        Scope remote = new Scope(new HashMap<>(sc.vars), null);
        Layer l = layer.nest(Origin.REMOTE);
        // OpenSSH also accepts options after the destination: ssh host -p 2222 'cmd'.
        int commandAt = Wrappers.skipOptions(args, i + 1, "BbcDEeFIiJLlmOopQRSWw", Set.of());
        List<Word> rest = args.subList(Math.min(commandAt, args.size()), args.size());
        if (!rest.isEmpty()) {
            parseNested(join(rest), rest.size() == 1 ? rest.get(0) : null, spanOf(rest), remote, l, null);
        } else if (stdin != null) {
            parseNested(stdin.text(), stdin, remote, l);
        }
    }

    private static final Set<String> CONTAINER_CLIS = Set.of("docker", "podman", "nerdctl", "kubectl", "oc");

    /**
     * {@code docker exec [OPTIONS] CONTAINER CMD ...} and {@code kubectl exec POD -- CMD ...}: the
     * command runs in another machine's (the container's) file system, judged like an ssh command.
     * Each argument is passed as written (with its quotes), since exec does not re-split it.
     */
    private void unfoldContainerExec(SimpleCommand cmd, Scope sc, Layer layer) {
        List<Word> args = cmd.args();
        int commandAt;
        if (cmd.name().equals("kubectl") || cmd.name().equals("oc")) {
            commandAt = -1;
            for (int i = 1; i < args.size(); i++) {
                if (args.get(i).value().equals("--")) {
                    commandAt = i + 1;
                    break;
                }
            }
        } else {
            int i = Wrappers.skipOptions(args, 1, "euw", Set.of("--env", "--env-file", "--user", "--workdir", "--detach-keys"));
            commandAt = i < 0 || i >= args.size() ? -1 : i + 1; // after the container's name
        }
        if (commandAt < 0 || commandAt >= args.size()) {
            return;
        }
        List<Word> rest = args.subList(commandAt, args.size());
        StringBuilder text = new StringBuilder();
        for (Word w : rest) {
            text.append(text.length() > 0 ? " " : "").append(w.source());
        }
        parseNested(text.toString(), null, spanOf(rest), new Scope(new HashMap<>(sc.vars), null), layer.nest(Origin.REMOTE), null);
    }

    private static final Set<String> COMPOSE_CLIS = Set.of("docker-compose", "podman-compose");
    private static final Set<String> COMPOSE_GLOBAL_VALUED = Set.of("-f", "--file", "-p", "--project-name", "--env-file", "--profile",
            "--project-directory", "--ansi", "--parallel", "--progress");
    private static final Set<String> COMPOSE_VALUED = Set.of("-u", "--user", "-e", "--env", "-w", "--workdir", "--index", "--name",
            "-v", "--volume", "-p", "--publish", "--entrypoint", "-l", "--label", "--env-from-file", "--pull", "--cap-add", "--cap-drop");

    /**
     * {@code docker compose [-f FILE] exec|run [OPTIONS] SERVICE CMD ...} (also {@code docker-compose}): the
     * command runs in the service's container, with its volumes and database connection, judged like
     * {@code docker exec}.
     */
    private void unfoldComposeCommand(SimpleCommand cmd, Scope sc, Layer layer) {
        List<Word> args = cmd.args();
        int i = COMPOSE_CLIS.contains(cmd.name()) ? 0 : 1;
        while (i < args.size() && args.get(i).value().startsWith("-")) {
            String v = args.get(i).value();
            i += COMPOSE_GLOBAL_VALUED.contains(v) ? 2 : 1;
        }
        if (i >= args.size() || !(args.get(i).value().equals("exec") || args.get(i).value().equals("run"))) {
            return;
        }
        i++;
        while (i < args.size() && args.get(i).value().startsWith("-")) {
            String v = args.get(i).value();
            i += COMPOSE_VALUED.contains(v) ? 2 : 1;
        }
        int commandAt = i + 1; // after the service's name
        if (commandAt >= args.size()) {
            return;
        }
        List<Word> rest = args.subList(commandAt, args.size());
        StringBuilder text = new StringBuilder();
        for (Word w : rest) {
            text.append(text.length() > 0 ? " " : "").append(w.source());
        }
        parseNested(text.toString(), null, spanOf(rest), new Scope(new HashMap<>(sc.vars), null), layer.nest(Origin.REMOTE), null);
    }

    /** {@code su -c STRING}; returns whether there was a string to run. */
    private boolean unfoldSu(SimpleCommand cmd, Scope sc, Layer layer) {
        List<Word> args = cmd.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if ((v.equals("-c") || v.equals("--command") || v.equals("--session-command")) && i + 1 < args.size()) {
                Word script = args.get(i + 1);
                parseNested(script.value(), script, script.span(), sc.copy(), suLayer(layer), null);
                return true;
            }
            if (v.startsWith("--command=")) {
                String text = v.substring("--command=".length());
                parseNested(text, null, args.get(i).span(), sc.copy(), suLayer(layer), null);
                return true;
            }
        }
        return false;
    }

    /**
     * {@code parallel CMD ::: ARGS}: the command runs once per argument; caro judges it with the
     * first argument in place of {@code {}} (or appended).
     */
    private void unfoldParallel(SimpleCommand cmd, Scope sc, Layer layer) {
        List<Word> args = cmd.args();
        int i = Wrappers.skipOptions(args, 0, "jSPLNnIXdaE", Set.of("--jobs", "--sshlogin", "--arg-file",
                "--delimiter", "--max-args", "--joblog", "--results", "--timeout", "--retries"));
        int sep = i;
        while (sep < args.size() && !args.get(sep).value().startsWith(":::")) {
            sep++;
        }
        if (i < 0 || i >= sep) {
            return;
        }
        List<Word> segment = new ArrayList<>(args.subList(i, sep));
        if (sep + 1 < args.size()) {
            Word first = args.get(sep + 1);
            boolean replaced = false;
            for (int k = 0; k < segment.size(); k++) {
                Word w = segment.get(k);
                if (w.value().contains("{}")) {
                    segment.set(k, new Word(w.source(), w.value().replace("{}", first.value()), w.quoted(),
                            w.unknownExpansion() || first.unknownExpansion(), w.glob() || first.glob(), w.span()));
                    replaced = true;
                }
            }
            if (!replaced) {
                segment.add(first);
            }
        }
        Layer l = new Layer(Origin.XARGS, layer.depth() + 1, append(layer.wrappers(), "parallel"), layer.elevated(),
                layer.background());
        if (segment.size() == 1 && segment.get(0).value().indexOf(' ') > 0) {
            parseNested(segment.get(0).value(), segment.get(0), segment.get(0).span(), sc.copy(), l, null);
        } else {
            resolve(segment, 0, List.of(), List.of(), spanOf(segment), sc.copy(), l, List.of(), null);
        }
    }

    private static Layer suLayer(Layer layer) {
        return new Layer(Origin.SHELL_STRING, layer.depth() + 1, append(layer.wrappers(), "su"), true,
                layer.background());
    }

    private void unfoldFind(SimpleCommand find, Scope sc, Layer layer) {
        List<Word> args = find.args();
        List<Word> starts = FindCommand.findStarts(args);
        boolean filtered = FindCommand.findFiltered(args);
        for (int k = 0; k < args.size(); k++) {
            String v = args.get(k).value();
            if (v.equals("-exec") || v.equals("-execdir") || v.equals("-ok") || v.equals("-okdir")) {
                int end = k + 1;
                while (end < args.size()) {
                    String e = args.get(end).value();
                    if (e.equals(";") || e.equals("+") && end > k + 1 && args.get(end - 1).value().contains("{}")) {
                        break;
                    }
                    end++;
                }
                if (end > k + 1) {
                    List<Word> segment = new ArrayList<>();
                    for (Word w : args.subList(k + 1, end)) {
                        segment.add(w.value().contains("{}") ? FindCommand.foundPath(w, starts, filtered) : w);
                    }
                    resolve(segment, 0, List.of(), List.of(), spanOf(segment), sc.copy(), layer.nest(Origin.FIND_EXEC),
                            List.of(), null);
                }
                k = end;
            }
        }
    }

    /**
     * For {@code xargs CMD}: the arguments xargs would add when caro knows what is piped in (a
     * {@code find} listing or echoed words), appended or put in place of the {@code -I} string.
     */
    private List<Word> withXargsInput(List<Word> argv, int commandAt, String replace, List<SimpleCommand> upstream,
            Text stdin) {
        List<Word> input = new ArrayList<>();
        if (!upstream.isEmpty()) {
            SimpleCommand producer = upstream.get(upstream.size() - 1);
            if (producer.name().equals("find")) {
                Word marker = new Word("{}", "{}", false, false, false, producer.span());
                input.add(FindCommand.foundPath(marker, FindCommand.findStarts(producer.args()), FindCommand.findFiltered(producer.args())));
            } else if (stdin != null && !stdin.text().isBlank()) {
                for (String item : fields(stdin.text())) {
                    Span sp = stdin.clamp() != null ? stdin.clamp() : producer.span();
                    input.add(new Word(item, item, true, false, false, sp));
                }
            }
        }
        if (input.isEmpty()) {
            return argv;
        }
        List<Word> result = new ArrayList<>(argv.subList(0, commandAt));
        if (replace != null && !replace.isEmpty()) {
            Word first = input.get(0);
            for (Word w : argv.subList(commandAt, argv.size())) {
                result.add(w.value().contains(replace)
                        ? new Word(w.source(), w.value().replace(replace, first.value()), w.quoted(),
                                w.unknownExpansion() || first.unknownExpansion(), w.glob(), w.span())
                        : w);
            }
            return result;
        }
        result.addAll(argv.subList(commandAt, argv.size()));
        result.addAll(input);
        return result;
    }

    /** Parses {@code text} found in {@code anchor} (a word, when its offset is known) and walks it. */
    private void parseNested(String text, Word anchor, Span fallback, Scope sc, Layer layer, Text stdin) {
        parseNested(text, anchor, fallback, sc, layer, SyntaxParser.POSIX);
    }

    /** {@link #parseNested(String, Word, Span, Scope, Layer, Text)} in the given dialect of {@link SyntaxParser}. */
    private void parseNested(String text, Word anchor, Span fallback, Scope sc, Layer layer, int dialect) {
        int base = fallback.start();
        Span clamp = fallback;
        if (anchor != null) {
            String src = anchor.source();
            Span sp = anchor.span();
            if (sp.length() == src.length()) {
                if (src.equals(text)) {
                    base = sp.start();
                    clamp = null;
                } else if (src.length() == text.length() + 2 && (src.charAt(0) == '\'' || src.charAt(0) == '"')
                        && src.regionMatches(1, text, 0, text.length())) {
                    base = sp.start() + 1;
                    clamp = null;
                }
            }
        }
        parseNested(text, new Text(text, base, clamp), sc, layer, dialect);
    }

    private void parseNested(String text, Text where, Scope sc, Layer layer) {
        parseNested(text, where, sc, layer, SyntaxParser.POSIX);
    }

    private void parseNested(String text, Text where, Scope sc, Layer layer, int dialect) {
        nestedText += text.length();
        if (nestedText > MAX_NESTED_TEXT) {
            stop("the command expands to too much nested text to check");
            return;
        }
        SyntaxParser parser = new SyntaxParser(text, where.base(), where.clamp(), layer.depth() * 2, dialect);
        SyntaxParser.Result r = parser.parse();
        if (r.error() != null && error == null) {
            String where2 = switch (layer.origin()) {
                case SHELL_STRING -> "in a shell -c string: ";
                case EVAL -> "in eval: ";
                case REMOTE -> "in a remote command: ";
                case PIPED_SCRIPT -> "in a script piped to a shell: ";
                default -> "";
            };
            error = new ParseError(where2 + r.error().message(), r.error().span());
        }
        walkBlock(r.block(), sc, layer, List.of(), null);
    }

    private void unfoldSubstitutions(RawWord w, Scope sc, Layer layer) {
        for (Part p : w.parts()) {
            if (p instanceof ScriptBlock b && layer.depth() < MAX_UNFOLD_DEPTH) {
                walkBlock(b.body(), sc.copy(), layer.nest(Origin.BODY), List.of(), null);
            }
            if (p instanceof CommandSub cs) {
                if (layer.depth() >= MAX_UNFOLD_DEPTH) {
                    stop("the command nests substitutions too deeply to check");
                    return;
                }
                List<SimpleCommand> surface = walkBlock(cs.body(), sc.copy(), layer.nest(Origin.SUBSTITUTION),
                        List.of(), null);
                if (!cs.process() && !surface.isEmpty() && cs.body().items().size() == 1) {
                    Text t = KnownOutput.stdoutOf(surface.get(surface.size() - 1));
                    if (t != null) {
                        substitutionValues.put(cs, KnownOutput.stripTrailingNewlines(t.text()));
                    }
                }
            }
        }
    }

    private void stop(String message) {
        stopped = true;
        if (error == null) {
            error = new ParseError(message, new Span(0, 0));
        }
    }

    private Text redirectText(RawRedirect r, Word target) {
        if (r.hereDoc() != null) {
            Syntax.HereDoc d = r.hereDoc();
            boolean exact = !d.stripTabs && d.bodySpan.length() >= d.body.length();
            return new Text(d.body, d.bodySpan.start(), exact ? null : d.bodySpan);
        }
        if (r.operator().equals("<<<")) {
            return new Text(target.value() + "\n", target.span().start(), target.span());
        }
        return null;
    }

    private static Optional<String> textOf(Text t) {
        return t == null ? Optional.empty() : Optional.of(t.text());
    }

    // ---------------------------------------------------------------- words

    /**
     * Evaluates a word, splitting a lone unquoted expansion with a known multi-word value into fields:
     * at blanks, or at the characters of IFS when the script set it ({@code IFS=,; c="rm,-rf,/opt"; $c}
     * runs {@code rm -rf /opt}). An IFS set to an unknown value splits as the default would.
     */
    private List<Word> evalFields(RawWord raw, Scope sc) {
        Word w = evalWord(raw, sc);
        if (raw.parts().size() == 1 && w.literal() && isUnquotedExpansion(raw.parts().get(0))) {
            String ifs = sc.vars.get("IFS");
            if (ifs != null) {
                List<Word> fields = new ArrayList<>();
                for (String f : fields(w.value(), ifs)) {
                    fields.add(new Word(w.source(), f, false, false, hasGlob(f), w.span()));
                }
                return fields.size() == 1 && fields.get(0).value().equals(w.value()) ? List.of(w) : fields;
            }
            String v = w.value().strip();
            if (v.isEmpty()) {
                return List.of(); // an empty unquoted expansion vanishes
            }
            if (v.indexOf(' ') >= 0 || v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0) {
                List<Word> fields = new ArrayList<>();
                for (String f : fields(v)) {
                    fields.add(new Word(w.source(), f, false, false, hasGlob(f), w.span()));
                }
                return fields;
            }
        }
        return List.of(w);
    }

    /** Splits text at blanks and newlines, as the shell splits an unquoted expansion. */
    static List<String> fields(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i));
            }
        }
        return out;
    }

    /**
     * Splits text at the characters of {@code ifs} as the shell splits an unquoted expansion: runs of
     * IFS blanks (space, tab, newline) are one separator and vanish at either end; every other IFS
     * character ends a field, so {@code a,,b} with IFS {@code ,} is {@code a}, empty, {@code b}.
     * An empty IFS does not split.
     */
    static List<String> fields(String text, String ifs) {
        List<String> out = new ArrayList<>();
        if (ifs.isEmpty()) {
            if (!text.isEmpty()) {
                out.add(text);
            }
            return out;
        }
        int n = text.length();
        int i = 0;
        while (i < n && isIfsBlank(text.charAt(i), ifs)) {
            i++;
        }
        StringBuilder field = new StringBuilder();
        while (i < n) {
            char c = text.charAt(i);
            if (ifs.indexOf(c) < 0) {
                field.append(c);
                i++;
                continue;
            }
            out.add(field.toString());
            field.setLength(0);
            boolean other = !isIfsBlank(c, ifs); // a separator is blanks around at most one other IFS character
            if (other) {
                i++;
            }
            while (i < n && isIfsBlank(text.charAt(i), ifs)) {
                i++;
            }
            if (!other && i < n && ifs.indexOf(text.charAt(i)) >= 0) {
                i++;
                while (i < n && isIfsBlank(text.charAt(i), ifs)) {
                    i++;
                }
            }
        }
        if (field.length() > 0) {
            out.add(field.toString());
        }
        return out;
    }

    private static boolean isIfsBlank(char c, String ifs) {
        return (c == ' ' || c == '\t' || c == '\n') && ifs.indexOf(c) >= 0;
    }

    private static boolean isUnquotedExpansion(Part p) {
        return p instanceof Param param && !param.quoted() || p instanceof CommandSub cs && !cs.quoted();
    }

    Word evalWord(RawWord raw, Scope sc) {
        StringBuilder v = new StringBuilder();
        boolean quoted = false;
        boolean unknown = false;
        boolean glob = false;
        for (Part p : raw.parts()) {
            if (p instanceof Lit lit) {
                v.append(lit.text());
                quoted |= lit.quoted();
                glob |= !lit.quoted() && hasGlob(lit.text());
            } else if (p instanceof Param param) {
                quoted |= param.quoted();
                String value = lookup(param, sc);
                if (value == null) {
                    unknown = true;
                    v.append(param.written());
                } else {
                    v.append(value);
                }
            } else if (p instanceof CommandSub cs) {
                quoted |= cs.quoted();
                String value = substitutionValues.get(cs);
                if (value == null) {
                    unknown = true;
                    v.append(cs.written());
                } else {
                    v.append(value);
                }
            } else if (p instanceof Arith a) {
                quoted |= a.quoted();
                unknown = true;
                v.append(a.written());
            } else if (p instanceof Tilde t) {
                v.append(tildeValue(t));
            } else if (p instanceof ScriptBlock b) {
                v.append(b.written());
            }
        }
        return new Word(raw.source(), v.toString(), quoted, unknown, glob, raw.span());
    }

    private String tildeValue(Tilde t) {
        if (t.user().isEmpty() || t.user().equals(context.user())) {
            return context.home();
        }
        if (t.user().equals("root")) {
            return "/root";
        }
        if (t.user().equals("+")) {
            return "$PWD";
        }
        String home = context.home();
        int slash = home.lastIndexOf('/');
        return slash > 0 ? home.substring(0, slash + 1) + t.user() : "/home/" + t.user();
    }

    private String lookup(Param p, Scope sc) {
        String name = p.name();
        String value;
        boolean known;
        if (sc.vars.containsKey(name)) {
            value = sc.vars.get(name);
            known = value != null;
        } else if (name.equals("HOME")) {
            value = context.home();
            known = true;
        } else if (name.equals("IFS")) {
            value = " \t\n";
            known = true;
        } else if (name.equals("PWD") && sc.cwd != null) {
            value = sc.cwd;
            known = true;
        } else {
            value = null;
            known = false;
        }
        if (p.plain()) {
            return known ? value : null;
        }
        String op = p.operator();
        if (op.startsWith(":-") || op.startsWith(":=") || op.startsWith(":?")) {
            return known && !value.isEmpty() ? value : known || op.startsWith(":?") ? null : fallback(op.substring(2));
        }
        if (op.startsWith("-") || op.startsWith("=") || op.startsWith("?")) {
            return known ? value : op.startsWith("?") ? null : fallback(op.substring(1));
        }
        if (op.startsWith("#") && op.length() == 1) {
            return known ? String.valueOf(value.length()) : null;
        }
        return null;
    }

    /**
     * The default of {@code ${NAME:-default}} for a variable caro does not know: what the shell
     * uses when it is unset, the likeliest value ({@code ${RM:-rm} -rf ~}). Null when the default
     * itself needs expanding or quoting.
     */
    private static String fallback(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' || c == '`' || c == '\\' || c == '"' || c == '\'') {
                return null;
            }
        }
        return text;
    }

    static boolean hasGlob(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?') {
                return true;
            }
            if (c == '[' && text.indexOf(']', i + 1) > i + 1) {
                return true;
            }
            if ((c == '!' || c == '+' || c == '@') && i + 1 < text.length() && text.charAt(i + 1) == '(' && text.indexOf(')', i) > i) {
                return true; // extglob: !(keep), +(a|b), @(x|y)
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- small helpers

    static Span spanOf(List<Word> words) {
        Span s = words.get(0).span();
        for (Word w : words) {
            s = s.union(w.span());
        }
        return s;
    }

    private static String join(List<Word> words) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.value());
        }
        return sb.toString();
    }

    private static List<String> append(List<String> list, String item) {
        List<String> l = new ArrayList<>(list);
        l.add(item);
        return List.copyOf(l);
    }
}
