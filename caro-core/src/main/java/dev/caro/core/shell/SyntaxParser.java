package dev.caro.core.shell;

import dev.caro.api.shell.ShellScript.ParseError;
import dev.caro.api.shell.Span;
import dev.caro.core.shell.Syntax.AndOr;
import dev.caro.core.shell.Syntax.Arith;
import dev.caro.core.shell.Syntax.Block;
import dev.caro.core.shell.Syntax.Command;
import dev.caro.core.shell.Syntax.CommandSub;
import dev.caro.core.shell.Syntax.Compound;
import dev.caro.core.shell.Syntax.CompoundKind;
import dev.caro.core.shell.Syntax.FunctionDef;
import dev.caro.core.shell.Syntax.HereDoc;
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
import java.util.List;

/**
 * A hand-written recursive-descent parser for POSIX sh plus the common bash extensions. It reads
 * each character a bounded number of times (nested backtick bodies are re-read once per level),
 * never uses regular expressions, and limits nesting depth, so it runs in linear time and cannot
 * overflow the stack.
 *
 * <p>It is lenient: an unterminated quote or a stray keyword is recorded as the first
 * {@link ParseError} and parsing goes on, so the commands that were understood are still judged.
 * Only excessive nesting stops it early.
 */
final class SyntaxParser {

    /** Longest text parsed; longer input is reported as unparseable instead. */
    static final int MAX_LENGTH = 100_000;
    /** Deepest nesting of compound commands, substitutions and quotes. */
    static final int MAX_DEPTH = 64;

    /** POSIX sh and bash. */
    static final int POSIX = 0;
    /** PowerShell: backslash is literal, backtick escapes, braces and parentheses are literal blocks. */
    static final int POWERSHELL = 1;
    /** cmd.exe: backslash is literal, caret escapes, parentheses are literal blocks. */
    static final int CMD = 2;

    private static final int IN_PARENS = 1;
    private static final int IN_CASE = 2;

    private final String s;
    private final int len;
    /** Offset of this text in the original command line. */
    private final int base;
    /** When non-null, every span is reported as this span (text that is not at a fixed offset). */
    private final Span clamp;
    private final int dialect;
    private int pos;
    private int depth;
    private ParseError error;
    private final List<HereDoc> pendingHereDocs = new ArrayList<>();

    SyntaxParser(String text, int base, Span clamp, int depth) {
        this(text, base, clamp, depth, POSIX);
    }

    SyntaxParser(String text, int base, Span clamp, int depth, int dialect) {
        this.dialect = dialect;
        this.s = text;
        this.len = text.length();
        this.base = base;
        this.clamp = clamp;
        this.depth = depth;
    }

    /** The parsed text and the first problem found, if any. */
    record Result(Block block, ParseError error) {}

    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super("nesting too deep", null, false, false);
        }
    }

    Result parse() {
        if (len > MAX_LENGTH) {
            return new Result(Block.EMPTY, new ParseError(
                    "the command is too long to check (over " + MAX_LENGTH + " characters)", span(0, 0)));
        }
        if (depth > MAX_DEPTH) {
            return new Result(Block.EMPTY, new ParseError("the command is nested too deeply to check", span(0, len)));
        }
        try {
            Block block = parseBlock(0, null);
            while (pos < len) {
                // Only a stray closing token can stop the top-level list early: note it, skip it, go on.
                char c = s.charAt(pos);
                fail(c == ')' ? "unexpected ')'" : "unexpected '" + peekWordText() + "'", pos);
                pos += Math.max(1, peekWordText().length());
                Block more = parseBlock(0, null);
                List<Item> items = new ArrayList<>(block.items());
                items.addAll(more.items());
                block = new Block(items);
            }
            finishHereDocsAtEnd();
            return new Result(block, error);
        } catch (TooDeep e) {
            return new Result(Block.EMPTY, new ParseError("the command is nested too deeply to check", span(0, len)));
        }
    }

    // ---------------------------------------------------------------- lists

    private Block parseBlock(int flags, String[] terminators) {
        enter();
        List<Item> items = new ArrayList<>();
        while (true) {
            skipLinebreaks();
            if (pos >= len) {
                break;
            }
            char c = s.charAt(pos);
            if (c == ')' && (flags & (IN_PARENS | IN_CASE)) != 0) {
                break;
            }
            if ((flags & IN_CASE) != 0 && c == ';' && at(pos + 1, ';')) {
                break;
            }
            if (c == ';' && at(pos + 1, '&') && (flags & IN_CASE) != 0) {
                break;
            }
            String reserved = peekReserved();
            if (reserved != null && terminators != null && contains(terminators, reserved)) {
                break;
            }
            if (c == '&' && dialect != POSIX && !at(pos + 1, '&')) {
                pos++; // the call operator `& program`
                continue;
            }
            if (c == ';' || c == '&' || c == '|' || (c == ')' && terminators == null && flags == 0)) {
                if (c == ')') {
                    break; // handled by the caller
                }
                fail("unexpected '" + c + "'", pos);
                pos++;
                continue;
            }
            int before = pos;
            AndOr andOr = parseAndOr(flags, terminators);
            boolean background = false;
            skipBlanks();
            if (pos < len) {
                char d = s.charAt(pos);
                if (d == '&' && !at(pos + 1, '&') && !at(pos + 1, '>')) {
                    background = true;
                    pos++;
                } else if (d == ';' && !at(pos + 1, ';') && !at(pos + 1, '&')) {
                    pos++;
                }
            }
            if (!andOr.pipelines().isEmpty()) {
                items.add(new Item(andOr, background));
            }
            if (pos == before) {
                // Nothing consumed: a token this level cannot use. Let the caller decide.
                break;
            }
        }
        leave();
        return new Block(items);
    }

    private AndOr parseAndOr(int flags, String[] terminators) {
        List<Pipeline> pipelines = new ArrayList<>();
        while (true) {
            Pipeline p = parsePipeline(flags, terminators);
            if (p != null) {
                pipelines.add(p);
            }
            skipBlanks();
            if (at(pos, '&') && at(pos + 1, '&') || at(pos, '|') && at(pos + 1, '|')) {
                pos += 2;
                skipLinebreaks();
                if (pos >= len) {
                    fail("the command ends after '" + s.substring(pos - 2, pos) + "'", pos - 2);
                    break;
                }
                continue;
            }
            break;
        }
        return new AndOr(pipelines);
    }

    private Pipeline parsePipeline(int flags, String[] terminators) {
        skipBlanks();
        int start = pos;
        if ("!".equals(peekReserved())) {
            pos++;
            skipBlanks();
        }
        if ("time".equals(peekReserved())) {
            int save = pos;
            pos += 4;
            skipBlanks();
            if (at(pos, '-') && at(pos + 1, 'p')) {
                pos += 2;
                skipBlanks();
            }
            if (!(at(pos, '{') || at(pos, '('))) {
                pos = save; // plain `time cmd`: leave it to the wrapper handling
            }
        }
        List<Command> commands = new ArrayList<>();
        while (true) {
            Command c = parseCommand(flags, terminators);
            if (c != null) {
                commands.add(c);
            }
            skipBlanks();
            if (at(pos, '|') && !at(pos + 1, '|')) {
                pos += at(pos + 1, '&') ? 2 : 1;
                skipLinebreaks();
                if (pos >= len) {
                    fail("the command ends after '|'", pos - 1);
                    break;
                }
                continue;
            }
            break;
        }
        if (commands.isEmpty()) {
            return null;
        }
        return new Pipeline(commands, span(start, pos));
    }

    // ---------------------------------------------------------------- commands

    private Command parseCommand(int flags, String[] terminators) {
        skipBlanks();
        if (pos >= len) {
            return null;
        }
        int start = pos;
        char c = s.charAt(pos);
        if (dialect != POSIX) {
            return parseSimple(flags);
        }
        if (c == '(') {
            if (at(pos + 1, '(')) {
                int end = findArithmeticEnd(pos + 2);
                if (end > 0) {
                    String written = s.substring(pos, end);
                    pos = end;
                    RawWord w = new RawWord(List.of(new Arith(written, false)), written, span(start, end));
                    return new Compound(CompoundKind.ARITHMETIC, List.of(), null, List.of(w),
                            parseTrailingRedirects(), span(start, pos));
                }
            }
            pos++;
            Block body = parseBlock(IN_PARENS, null);
            expectChar(')', "missing ')' to close the subshell", start);
            return new Compound(CompoundKind.SUBSHELL, List.of(body), null, List.of(), parseTrailingRedirects(),
                    span(start, pos));
        }
        String reserved = peekReserved();
        if (reserved != null) {
            switch (reserved) {
                case "{":
                    pos++;
                    Block group = parseBlock(0, new String[] {"}"});
                    expectReserved("}", "missing '}' to close the group", start);
                    return new Compound(CompoundKind.GROUP, List.of(group), null, List.of(), parseTrailingRedirects(),
                            span(start, pos));
                case "if":
                    return parseIf(start);
                case "while":
                case "until":
                    pos += reserved.length();
                    Block cond = parseBlock(0, new String[] {"do"});
                    expectReserved("do", "missing 'do' in the " + reserved + " loop", start);
                    Block body = parseBlock(0, new String[] {"done"});
                    expectReserved("done", "missing 'done' to close the " + reserved + " loop", start);
                    return new Compound(reserved.equals("while") ? CompoundKind.WHILE : CompoundKind.UNTIL,
                            List.of(cond, body), null, List.of(), parseTrailingRedirects(), span(start, pos));
                case "for":
                case "select":
                    return parseFor(start, reserved);
                case "case":
                    return parseCase(start);
                case "function":
                    return parseFunctionKeyword(start);
                case "[[":
                    return parseConditional(start);
                case "}": case "then": case "else": case "elif": case "fi": case "do": case "done": case "esac":
                    if (terminators != null && contains(terminators, reserved)) {
                        return null;
                    }
                    fail("unexpected '" + reserved + "'", pos);
                    pos += reserved.length();
                    return null;
                default:
                    break;
            }
        }
        return parseSimple(flags);
    }

    private Command parseIf(int start) {
        pos += 2;
        List<Block> blocks = new ArrayList<>();
        blocks.add(parseBlock(0, new String[] {"then"}));
        expectReserved("then", "missing 'then' after 'if'", start);
        blocks.add(parseBlock(0, new String[] {"elif", "else", "fi"}));
        while (true) {
            String r = peekReserved();
            if ("elif".equals(r)) {
                pos += 4;
                blocks.add(parseBlock(0, new String[] {"then"}));
                expectReserved("then", "missing 'then' after 'elif'", start);
                blocks.add(parseBlock(0, new String[] {"elif", "else", "fi"}));
            } else if ("else".equals(r)) {
                pos += 4;
                blocks.add(parseBlock(0, new String[] {"fi"}));
            } else {
                break;
            }
        }
        expectReserved("fi", "missing 'fi' to close the if", start);
        return new Compound(CompoundKind.IF, blocks, null, List.of(), parseTrailingRedirects(), span(start, pos));
    }

    private Command parseFor(int start, String keyword) {
        pos += keyword.length();
        skipBlanks();
        String variable = null;
        List<RawWord> words = new ArrayList<>();
        if (at(pos, '(') && at(pos + 1, '(')) {
            int end = findArithmeticEnd(pos + 2);
            if (end < 0) {
                fail("missing '))' in the for loop", pos);
                pos = len;
                return null;
            }
            pos = end;
        } else {
            RawWord name = readWord(false);
            if (name == null) {
                fail("missing the variable name after '" + keyword + "'", pos);
                return null;
            }
            variable = name.source();
            skipLinebreaks();
            if ("in".equals(peekReserved())) {
                pos += 2;
                while (true) {
                    skipBlanks();
                    if (pos >= len || s.charAt(pos) == ';' || s.charAt(pos) == '\n') {
                        break;
                    }
                    RawWord w = readWord(false);
                    if (w == null) {
                        break;
                    }
                    words.add(w);
                }
            }
        }
        skipBlanks();
        if (at(pos, ';')) {
            pos++;
        }
        skipLinebreaks();
        if (!"do".equals(peekReserved()) && at(pos, '{')) {
            // bash also accepts `for x in a b; { ...; }`
            Command group = parseCommand(0, null);
            Block body = new Block(List.of(new Item(new AndOr(List.of(new Pipeline(
                    group == null ? List.of() : List.of(group), span(start, pos)))), false)));
            return new Compound(keyword.equals("for") ? CompoundKind.FOR : CompoundKind.SELECT, List.of(body),
                    variable, words, parseTrailingRedirects(), span(start, pos));
        }
        expectReserved("do", "missing 'do' in the " + keyword + " loop", start);
        Block body = parseBlock(0, new String[] {"done"});
        expectReserved("done", "missing 'done' to close the " + keyword + " loop", start);
        return new Compound(keyword.equals("for") ? CompoundKind.FOR : CompoundKind.SELECT, List.of(body), variable,
                words, parseTrailingRedirects(), span(start, pos));
    }

    private Command parseCase(int start) {
        pos += 4;
        skipBlanks();
        RawWord subject = readWord(false);
        if (subject == null) {
            fail("missing the word after 'case'", pos);
            return null;
        }
        skipLinebreaks();
        expectReserved("in", "missing 'in' after 'case'", start);
        List<Block> branches = new ArrayList<>();
        while (true) {
            skipLinebreaks();
            if (pos >= len) {
                fail("missing 'esac' to close the case", start);
                break;
            }
            if ("esac".equals(peekReserved())) {
                pos += 4;
                break;
            }
            if (at(pos, '(')) {
                pos++;
            }
            int patternStart = pos;
            while (true) {
                skipBlanks();
                RawWord pattern = readWord(false);
                skipBlanks();
                if (at(pos, '|')) {
                    pos++;
                    continue;
                }
                if (pattern == null && pos == patternStart) {
                    break;
                }
                break;
            }
            if (!at(pos, ')')) {
                fail("missing ')' after a case pattern", pos);
                pos = Math.max(pos, patternStart + 1);
                if (pos > len) {
                    pos = len;
                }
                continue;
            }
            pos++;
            branches.add(parseBlock(IN_CASE, new String[] {"esac"}));
            skipLinebreaks();
            if (at(pos, ';')) {
                pos += at(pos + 1, ';') && at(pos + 2, '&') ? 3 : 2;
            }
        }
        return new Compound(CompoundKind.CASE, branches, null, List.of(subject), parseTrailingRedirects(),
                span(start, pos));
    }

    private Command parseFunctionKeyword(int start) {
        pos += 8;
        skipBlanks();
        RawWord name = readWord(false);
        if (name == null) {
            fail("missing the function name after 'function'", pos);
            return null;
        }
        skipBlanks();
        if (at(pos, '(')) {
            int save = pos;
            pos++;
            skipBlanks();
            if (at(pos, ')')) {
                pos++;
            } else {
                pos = save;
            }
        }
        return functionBody(start, name.source());
    }

    private Command functionBody(int start, String name) {
        skipLinebreaks();
        Command body = parseCommand(0, null);
        if (body == null) {
            fail("missing the body of function " + name, pos);
            body = new Simple(List.of(), List.of(), List.of(), span(start, pos));
        }
        return new FunctionDef(name, body, span(start, pos));
    }

    /** {@code [[ ... ]]}: operators inside are words, and the command name is {@code [[}. */
    private Command parseConditional(int start) {
        List<RawWord> words = new ArrayList<>();
        words.add(new RawWord(List.of(new Lit("[[", false)), "[[", span(pos, pos + 2)));
        pos += 2;
        while (true) {
            skipBlanks();
            while (at(pos, '\n')) {
                consumeNewline();
                skipBlanks();
            }
            if (pos >= len) {
                fail("missing ']]' to close the test", start);
                break;
            }
            if (at(pos, ']') && at(pos + 1, ']') && (pos + 2 >= len || isDelimiter(s.charAt(pos + 2)))) {
                words.add(new RawWord(List.of(new Lit("]]", false)), "]]", span(pos, pos + 2)));
                pos += 2;
                break;
            }
            char c = s.charAt(pos);
            if (c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')' || c == ';') {
                int e = pos + 1;
                if (e < len && (s.charAt(e) == c) && c != '(' && c != ')') {
                    e++;
                }
                String op = s.substring(pos, e);
                words.add(new RawWord(List.of(new Lit(op, false)), op, span(pos, e)));
                pos = e;
                continue;
            }
            RawWord w = readWord(true);
            if (w == null) {
                pos++;
                continue;
            }
            words.add(w);
        }
        return new Simple(List.of(), words, parseTrailingRedirects(), span(start, pos));
    }

    private Command parseSimple(int flags) {
        int start = pos;
        List<RawWord> assignments = new ArrayList<>();
        List<RawWord> words = new ArrayList<>();
        List<RawRedirect> redirects = new ArrayList<>();
        int end = pos;
        while (true) {
            skipBlanks();
            if (pos >= len) {
                break;
            }
            char c = s.charAt(pos);
            if (c == '\n' || c == ';' || c == '|' || c == ')' || (c == '&' && !at(pos + 1, '>'))) {
                break;
            }
            if (c == '(' && dialect == POSIX) {
                if (words.size() == 1 && assignments.isEmpty() && redirects.isEmpty()) {
                    int save = pos;
                    pos++;
                    skipBlanks();
                    if (at(pos, ')')) {
                        pos++;
                        return functionBody(start, words.get(0).source());
                    }
                    pos = save;
                }
                fail("unexpected '('", pos);
                pos++;
                continue;
            }
            RawRedirect r = tryRedirect();
            if (r != null) {
                redirects.add(r);
                end = pos;
                continue;
            }
            RawWord w = readWord(false);
            if (w == null) {
                fail("unexpected '" + c + "'", pos);
                pos++;
                continue;
            }
            end = pos;
            if (words.isEmpty() && isAssignment(w)) {
                assignments.add(w);
            } else {
                words.add(w);
            }
        }
        if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
            return null;
        }
        return new Simple(assignments, words, redirects, span(start, end));
    }

    private static boolean isAssignment(RawWord w) {
        if (w.parts().isEmpty() || !(w.parts().get(0) instanceof Lit lit) || lit.quoted()) {
            return false;
        }
        String t = lit.text();
        int eq = t.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        int nameEnd = eq;
        if (t.charAt(eq - 1) == '+') {
            nameEnd--;
        }
        int bracket = t.indexOf('[');
        if (bracket > 0 && bracket < nameEnd) {
            nameEnd = bracket;
        }
        return isName(t, 0, nameEnd);
    }

    static boolean isName(String t, int from, int to) {
        if (to <= from || !isNameStart(t.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (!isNameChar(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || isAsciiDigit(c);
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private List<RawRedirect> parseTrailingRedirects() {
        List<RawRedirect> out = new ArrayList<>();
        while (true) {
            skipBlanks();
            RawRedirect r = tryRedirect();
            if (r == null) {
                return out;
            }
            out.add(r);
        }
    }

    // ---------------------------------------------------------------- redirections

    private RawRedirect tryRedirect() {
        int start = pos;
        int p = pos;
        int fd = -2;
        while (p < len && p - pos < 4 && isAsciiDigit(s.charAt(p))) {
            p++;
        }
        if (p > pos) {
            if (p >= len || (s.charAt(p) != '<' && s.charAt(p) != '>')) {
                return null;
            }
            fd = Integer.parseInt(s.substring(pos, p));
        }
        if (p >= len) {
            return null;
        }
        char c = s.charAt(p);
        String op;
        if (c == '<') {
            if (at(p + 1, '(')) {
                return null; // process substitution: a word
            }
            if (s.startsWith("<<<", p)) {
                op = "<<<";
            } else if (s.startsWith("<<-", p)) {
                op = "<<-";
            } else if (s.startsWith("<<", p)) {
                op = "<<";
            } else if (s.startsWith("<>", p)) {
                op = "<>";
            } else if (s.startsWith("<&", p)) {
                op = "<&";
            } else {
                op = "<";
            }
        } else if (c == '>') {
            if (at(p + 1, '(')) {
                return null;
            }
            if (s.startsWith(">>", p)) {
                op = ">>";
            } else if (s.startsWith(">|", p)) {
                op = ">|";
            } else if (s.startsWith(">&", p)) {
                op = ">&";
            } else {
                op = ">";
            }
        } else if (c == '&' && fd == -2 && at(p + 1, '>')) {
            op = s.startsWith("&>>", p) ? "&>>" : "&>";
        } else {
            return null;
        }
        if (fd == -2) {
            fd = op.startsWith("&") ? -1 : op.startsWith("<") && !op.equals("<>") ? 0 : op.equals("<>") ? 0 : 1;
        }
        pos = p + op.length();
        skipBlanks();
        RawWord target = readWord(false);
        if (target == null) {
            fail("missing the target of '" + op + "'", start);
            target = new RawWord(List.of(), "", span(pos, pos));
        }
        HereDoc hereDoc = null;
        if (op.equals("<<") || op.equals("<<-")) {
            boolean quoted = false;
            StringBuilder delim = new StringBuilder();
            for (Part part : target.parts()) {
                if (part instanceof Lit lit) {
                    quoted |= lit.quoted();
                    delim.append(lit.text());
                } else {
                    delim.append(writtenOf(part));
                }
            }
            hereDoc = new HereDoc(delim.toString(), op.equals("<<-"), quoted, span(pos, pos));
            pendingHereDocs.add(hereDoc);
        }
        return new RawRedirect(fd, op, target, hereDoc, span(start, pos));
    }

    private static String writtenOf(Part part) {
        if (part instanceof Param p) {
            return p.written();
        } else if (part instanceof CommandSub c) {
            return c.written();
        } else if (part instanceof Arith a) {
            return a.written();
        } else if (part instanceof Tilde t) {
            return t.written();
        } else if (part instanceof ScriptBlock b) {
            return b.written();
        }
        return ((Lit) part).text();
    }

    private void consumeNewline() {
        pos++;
        if (pendingHereDocs.isEmpty()) {
            return;
        }
        List<HereDoc> docs = new ArrayList<>(pendingHereDocs);
        pendingHereDocs.clear();
        for (HereDoc doc : docs) {
            readHereDocBody(doc);
        }
    }

    private void readHereDocBody(HereDoc doc) {
        int bodyStart = pos;
        StringBuilder body = new StringBuilder();
        while (pos < len) {
            int eol = s.indexOf('\n', pos);
            int lineEnd = eol < 0 ? len : eol;
            int lineStart = pos;
            if (doc.stripTabs) {
                while (lineStart < lineEnd && s.charAt(lineStart) == '\t') {
                    lineStart++;
                }
            }
            if (lineEnd - lineStart == doc.delimiter.length() && s.startsWith(doc.delimiter, lineStart)) {
                doc.body = body.toString();
                doc.bodySpan = span(bodyStart, pos);
                pos = eol < 0 ? len : eol + 1;
                parseHereDocExpansions(doc, bodyStart);
                return;
            }
            body.append(s, lineStart, lineEnd);
            if (eol >= 0) {
                body.append('\n');
            }
            pos = eol < 0 ? len : eol + 1;
        }
        // bash accepts a here-document ended by the end of input (with a warning)
        doc.body = body.toString();
        doc.bodySpan = span(bodyStart, pos);
        parseHereDocExpansions(doc, bodyStart);
    }

    private void parseHereDocExpansions(HereDoc doc, int bodyStart) {
        if (doc.quoted || doc.body.indexOf('$') < 0 && doc.body.indexOf('`') < 0) {
            return;
        }
        boolean exact = !doc.stripTabs;
        SyntaxParser sub = new SyntaxParser(doc.body, base + bodyStart, exact ? clamp : span(bodyStart, pos), depth + 1,
                dialect);
        doc.expanded = sub.readHereDocWord();
        if (sub.error != null && error == null) {
            error = sub.error;
        }
    }

    private RawWord readHereDocWord() {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        try {
            readDoubleQuoted(parts, lit, true);
        } catch (TooDeep e) {
            fail("the command is nested too deeply to check", 0);
        }
        flush(parts, lit, true);
        return new RawWord(parts, s, span(0, len));
    }

    private void finishHereDocsAtEnd() {
        for (HereDoc doc : pendingHereDocs) {
            doc.bodySpan = span(len, len);
        }
        pendingHereDocs.clear();
    }

    // ---------------------------------------------------------------- words

    /**
     * Reads one word at {@code pos}, or returns null when a delimiter is there. In conditional
     * mode ({@code [[ ]]}) parentheses inside a word are ordinary characters.
     */
    private RawWord readWord(boolean conditional) {
        int start = pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean litQuoted = false;
        while (pos < len) {
            char c = s.charAt(pos);
            if (dialect != POSIX) {
                int consumed = readForeignWordPart(c, parts, lit, litQuoted);
                if (consumed == 1) {
                    litQuoted = false;
                    continue;
                }
                if (consumed == 2) {
                    litQuoted = true;
                    continue;
                }
            }
            switch (c) {
                case ' ': case '\t': case '\n': case '\r': case ';': case '&': case '|': case ')':
                    return finishWord(parts, lit, litQuoted, start);
                case '<': case '>':
                    if (at(pos + 1, '(') && pos == start) {
                        flush(parts, lit, litQuoted);
                        parts.add(readProcessSubstitution());
                        continue;
                    }
                    return finishWord(parts, lit, litQuoted, start);
                case '(':
                    if (pos > start && isExtglobPrefix(s.charAt(pos - 1)) || conditional) {
                        int end = findMatchingParen(pos + 1);
                        if (end > 0) {
                            litQuoted = flushIf(parts, lit, litQuoted, false);
                            lit.append(s, pos, end);
                            pos = end;
                            continue;
                        }
                    }
                    if (pos > start && lit.length() > 0 && lit.charAt(lit.length() - 1) == '=' && parts.isEmpty()
                            && isArrayAssignmentPrefix(lit)) {
                        int end = findMatchingParen(pos + 1);
                        if (end > 0) {
                            lit.append(s, pos, end);
                            pos = end;
                            continue;
                        }
                    }
                    return finishWord(parts, lit, litQuoted, start);
                case '\\':
                    if (at(pos + 1, '\n')) {
                        pos += 2;
                        continue;
                    }
                    if (pos + 1 < len) {
                        litQuoted = flushIf(parts, lit, litQuoted, true);
                        lit.append(s.charAt(pos + 1));
                        pos += 2;
                    } else {
                        litQuoted = flushIf(parts, lit, litQuoted, false);
                        lit.append('\\');
                        pos++;
                    }
                    continue;
                case '\'': {
                    litQuoted = flushIf(parts, lit, litQuoted, true);
                    int close = s.indexOf('\'', pos + 1);
                    if (close < 0) {
                        fail("unterminated single quote", pos);
                        lit.append(s, pos + 1, len);
                        pos = len;
                    } else {
                        lit.append(s, pos + 1, close);
                        pos = close + 1;
                    }
                    continue;
                }
                case '"': {
                    litQuoted = flushIf(parts, lit, litQuoted, true);
                    int open = pos;
                    pos++;
                    enter();
                    readDoubleQuoted(parts, lit, false);
                    leave();
                    if (pos >= len || s.charAt(pos) != '"') {
                        fail("unterminated double quote", open);
                    } else {
                        pos++;
                    }
                    continue;
                }
                case '$': {
                    if (at(pos + 1, '\'')) {
                        litQuoted = flushIf(parts, lit, litQuoted, true);
                        readAnsiC(lit);
                        continue;
                    }
                    if (at(pos + 1, '"')) {
                        litQuoted = flushIf(parts, lit, litQuoted, true);
                        int open = pos;
                        pos += 2;
                        enter();
                        readDoubleQuoted(parts, lit, false);
                        leave();
                        if (pos >= len) {
                            fail("unterminated double quote", open);
                        } else {
                            pos++;
                        }
                        continue;
                    }
                    Part p = readDollar(false);
                    if (p == null) {
                        litQuoted = flushIf(parts, lit, litQuoted, false);
                        lit.append('$');
                        pos++;
                    } else {
                        flush(parts, lit, litQuoted);
                        parts.add(p);
                    }
                    continue;
                }
                case '`':
                    flush(parts, lit, litQuoted);
                    parts.add(readBacktick(false));
                    continue;
                case '~':
                    if (pos == start || (pos > start && (s.charAt(pos - 1) == '=' || s.charAt(pos - 1) == ':')
                            && startsAsAssignment(start))) {
                        flush(parts, lit, litQuoted);
                        int e = pos + 1;
                        while (e < len && isUserChar(s.charAt(e))) {
                            e++;
                        }
                        if (e >= len || s.charAt(e) == '/' || isDelimiter(s.charAt(e)) || s.charAt(e) == ':') {
                            parts.add(new Tilde(s.substring(pos + 1, e), s.substring(pos, e)));
                            pos = e;
                            continue;
                        }
                    }
                    litQuoted = flushIf(parts, lit, litQuoted, false);
                    lit.append(c);
                    pos++;
                    continue;
                default:
                    litQuoted = flushIf(parts, lit, litQuoted, false);
                    lit.append(c);
                    pos++;
            }
        }
        return finishWord(parts, lit, litQuoted, start);
    }

    /**
     * PowerShell and cmd.exe word rules that differ from sh: returns 1 when it consumed literal
     * text, 2 when it consumed escaped (quoted) text, 0 when the sh rules apply.
     */
    private int readForeignWordPart(char c, List<Part> parts, StringBuilder lit, boolean litQuoted) {
        if (c == '\\') {
            flushIf(parts, lit, litQuoted, false);
            lit.append(c);
            pos++;
            return 1;
        }
        char escape = dialect == POWERSHELL ? '`' : '^';
        if (c == escape) {
            if (at(pos + 1, '\n')) {
                pos += 2;
                return litQuoted ? 2 : 1;
            }
            flushIf(parts, lit, litQuoted, true);
            if (pos + 1 < len) {
                lit.append(s.charAt(pos + 1));
            }
            pos = Math.min(len, pos + 2);
            return 2;
        }
        if (c == '`') {
            flushIf(parts, lit, litQuoted, false);
            lit.append(c);
            pos++;
            return 1;
        }
        if (c == '(' || c == '{' && dialect == POWERSHELL) {
            int end = findBlockEnd(pos, c, c == '(' ? ')' : '}');
            if (end > 0) {
                flush(parts, lit, litQuoted);
                // Foreign syntax is best effort: errors inside a block are not reported.
                SyntaxParser inner = new SyntaxParser(s.substring(pos + 1, end - 1), base + pos + 1, clamp, depth + 1,
                        dialect);
                parts.add(new ScriptBlock(inner.parse().block(), s.substring(pos, end)));
                pos = end;
                return 1;
            }
        }
        if (c == '"' && dialect == POWERSHELL) {
            // PowerShell double quotes: backtick escapes, $( ) and $name expand.
            flushIf(parts, lit, litQuoted, true);
            int open = pos;
            pos++;
            while (pos < len && s.charAt(pos) != '"') {
                char d = s.charAt(pos);
                if (d == '`' && pos + 1 < len) {
                    lit.append(s.charAt(pos + 1));
                    pos += 2;
                } else if (d == '$' && (at(pos + 1, '(') || pos + 1 < len && isNameStart(s.charAt(pos + 1)))) {
                    Part p = readDollar(true);
                    flush(parts, lit, true);
                    if (p != null) {
                        parts.add(p);
                    }
                } else {
                    lit.append(d);
                    pos++;
                }
            }
            if (pos >= len) {
                fail("unterminated double quote", open);
            } else {
                pos++;
            }
            return 2;
        }
        if (c == '\'' && dialect == CMD) {
            flushIf(parts, lit, litQuoted, false);
            lit.append(c);
            pos++;
            return 1;
        }
        return 0;
    }

    /** End (exclusive) of a bracketed block that opens at {@code from}, skipping quotes; -1 if open. */
    private int findBlockEnd(int from, char open, char close) {
        int d = 0;
        for (int p = from; p < len; p++) {
            char c = s.charAt(p);
            if (c == '\'' || c == '"') {
                int q = s.indexOf(c, p + 1);
                if (q < 0) {
                    return -1;
                }
                p = q;
            } else if (c == open) {
                d++;
            } else if (c == close) {
                d--;
                if (d == 0) {
                    return p + 1;
                }
            }
        }
        return -1;
    }

    /** Whether the text at {@code start} begins with {@code NAME=} or {@code NAME+=}. */
    private boolean startsAsAssignment(int start) {
        int p = start;
        if (p >= len || !isNameStart(s.charAt(p))) {
            return false;
        }
        while (p < len && isNameChar(s.charAt(p))) {
            p++;
        }
        return at(p, '=') || at(p, '+') && at(p + 1, '=');
    }

    private static boolean isArrayAssignmentPrefix(StringBuilder lit) {
        int end = lit.length() - 1;
        if (end > 0 && lit.charAt(end - 1) == '+') {
            end--;
        }
        return isName(lit.toString(), 0, end);
    }

    private static boolean isExtglobPrefix(char c) {
        return c == '?' || c == '*' || c == '+' || c == '@' || c == '!';
    }

    private static boolean isUserChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '+');
    }

    private RawWord finishWord(List<Part> parts, StringBuilder lit, boolean litQuoted, int start) {
        flush(parts, lit, litQuoted);
        if (pos == start) {
            return null;
        }
        return new RawWord(List.copyOf(parts), s.substring(start, pos), span(start, pos));
    }

    /** Starts a new literal part when quotedness changes; returns the quotedness now in effect. */
    private static boolean flushIf(List<Part> parts, StringBuilder lit, boolean current, boolean wanted) {
        if (current != wanted && lit.length() > 0) {
            parts.add(new Lit(lit.toString(), current));
            lit.setLength(0);
        }
        return wanted;
    }

    private static void flush(List<Part> parts, StringBuilder lit, boolean quoted) {
        if (lit.length() > 0) {
            parts.add(new Lit(lit.toString(), quoted));
            lit.setLength(0);
        }
    }

    /**
     * Reads the inside of double quotes up to (not including) the closing quote, or to the end of
     * the text for a here-document body. Literal text is added as quoted.
     */
    private void readDoubleQuoted(List<Part> parts, StringBuilder lit, boolean hereDoc) {
        while (pos < len) {
            char c = s.charAt(pos);
            if (c == '"' && !hereDoc) {
                flush(parts, lit, true);
                return;
            }
            if (c == '\\' && pos + 1 < len) {
                char n = s.charAt(pos + 1);
                if (n == '\n') {
                    pos += 2;
                    continue;
                }
                if (n == '$' || n == '`' || n == '\\' || (n == '"' && !hereDoc)) {
                    lit.append(n);
                    pos += 2;
                    continue;
                }
                lit.append(c);
                pos++;
                continue;
            }
            if (c == '$') {
                Part p = readDollar(true);
                if (p == null) {
                    lit.append('$');
                    pos++;
                } else {
                    flush(parts, lit, true);
                    parts.add(p);
                }
                continue;
            }
            if (c == '`') {
                flush(parts, lit, true);
                parts.add(readBacktick(true));
                continue;
            }
            lit.append(c);
            pos++;
        }
        flush(parts, lit, true);
    }

    /** Reads an expansion at {@code pos} (a {@code $}); null when the {@code $} is literal. */
    private Part readDollar(boolean quoted) {
        int start = pos;
        if (pos + 1 >= len) {
            return null;
        }
        char n = s.charAt(pos + 1);
        if (n == '(') {
            if (at(pos + 2, '(')) {
                int end = findArithmeticEnd(pos + 3);
                if (end > 0) {
                    pos = end;
                    return new Arith(s.substring(start, end), quoted);
                }
            }
            pos += 2;
            enter();
            Block body = parseBlock(IN_PARENS, null);
            leave();
            if (!at(pos, ')')) {
                fail("missing ')' to close '$('", start);
            } else {
                pos++;
            }
            return new CommandSub(body, s.substring(start, pos), quoted, false);
        }
        if (n == '{') {
            int end = findBraceEnd(pos + 2);
            if (end < 0) {
                fail("missing '}' to close '${'", start);
                pos = len;
                return new Param("", s.substring(start), quoted, false, "");
            }
            String inner = s.substring(pos + 2, end - 1);
            pos = end;
            int i = 0;
            if (inner.length() > 1 && (inner.charAt(0) == '#' || inner.charAt(0) == '!')) {
                i = 1;
            }
            int nameStart = i;
            if (i < inner.length() && isNameStart(inner.charAt(i))) {
                while (i < inner.length() && isNameChar(inner.charAt(i))) {
                    i++;
                }
            } else if (i < inner.length() && (isAsciiDigit(inner.charAt(i)) || "@*#?$!-".indexOf(inner.charAt(i)) >= 0)) {
                i++;
            }
            String name = inner.substring(nameStart, i);
            boolean plain = nameStart == 0 && i == inner.length() && !name.isEmpty();
            String operator = inner.substring(0, nameStart) + inner.substring(i);
            return new Param(name, s.substring(start, end), quoted, plain, operator);
        }
        if (isNameStart(n)) {
            int e = pos + 2;
            while (e < len && isNameChar(s.charAt(e))) {
                e++;
            }
            String name = s.substring(pos + 1, e);
            pos = e;
            return new Param(name, s.substring(start, e), quoted, true, "");
        }
        if (isAsciiDigit(n) || "@*#?$!-".indexOf(n) >= 0) {
            pos += 2;
            return new Param(String.valueOf(n), s.substring(start, pos), quoted, true, "");
        }
        return null;
    }

    private CommandSub readBacktick(boolean inDoubleQuotes) {
        int start = pos;
        StringBuilder inner = new StringBuilder();
        boolean changed = false;
        int p = pos + 1;
        boolean closed = false;
        while (p < len) {
            char c = s.charAt(p);
            if (c == '`') {
                closed = true;
                break;
            }
            if (c == '\\' && p + 1 < len) {
                char n = s.charAt(p + 1);
                if (n == '`' || n == '\\' || n == '$' || (inDoubleQuotes && n == '"')) {
                    inner.append(n);
                    changed = true;
                    p += 2;
                    continue;
                }
            }
            inner.append(c);
            p++;
        }
        if (!closed) {
            fail("unterminated backquote", start);
        }
        pos = closed ? p + 1 : len;
        Span whole = span(start, pos);
        SyntaxParser sub = new SyntaxParser(inner.toString(), base + start + 1, changed ? whole : clamp, depth + 1,
                dialect);
        Result r = sub.parse();
        if (r.error() != null && error == null) {
            error = r.error();
        }
        return new CommandSub(r.block(), s.substring(start, pos), inDoubleQuotes, false);
    }

    private CommandSub readProcessSubstitution() {
        int start = pos;
        pos += 2;
        enter();
        Block body = parseBlock(IN_PARENS, null);
        leave();
        if (!at(pos, ')')) {
            fail("missing ')' to close '" + s.charAt(start) + "('", start);
        } else {
            pos++;
        }
        return new CommandSub(body, s.substring(start, pos), false, true);
    }

    /** Decodes {@code $'...'} at {@code pos} into {@code out}. */
    private void readAnsiC(StringBuilder out) {
        int start = pos;
        int p = pos + 2;
        while (p < len) {
            char c = s.charAt(p);
            if (c == '\'') {
                pos = p + 1;
                return;
            }
            if (c != '\\' || p + 1 >= len) {
                out.append(c);
                p++;
                continue;
            }
            char e = s.charAt(p + 1);
            p += 2;
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'e', 'E' -> out.append('\u001b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case 'x' -> {
                    int[] r = hex(p, 2);
                    out.append(r[1] > 0 ? (char) r[0] : 'x');
                    p += r[1];
                }
                case 'u' -> {
                    int[] r = hex(p, 4);
                    appendCodePoint(out, r, 'u');
                    p += r[1];
                }
                case 'U' -> {
                    int[] r = hex(p, 8);
                    appendCodePoint(out, r, 'U');
                    p += r[1];
                }
                case 'c' -> {
                    if (p < len) {
                        out.append((char) (s.charAt(p) & 0x1f));
                        p++;
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int n = 0;
                        while (n < 2 && p < len && s.charAt(p) >= '0' && s.charAt(p) <= '7') {
                            v = v * 8 + (s.charAt(p) - '0');
                            p++;
                            n++;
                        }
                        out.append((char) (v & 0xff));
                    } else if (e == '\\' || e == '\'' || e == '"' || e == '?') {
                        out.append(e);
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        fail("unterminated $' quote", start);
        pos = len;
    }

    private static void appendCodePoint(StringBuilder out, int[] r, char letter) {
        if (r[1] == 0) {
            out.append(letter);
        } else if (Character.isValidCodePoint(r[0])) {
            out.appendCodePoint(r[0]);
        } else {
            out.append('\uFFFD');
        }
    }

    /** Parses up to {@code max} hex digits at {@code p}: {value, digits read}. */
    private int[] hex(int p, int max) {
        int v = 0;
        int n = 0;
        while (n < max && p + n < len && Character.digit(s.charAt(p + n), 16) >= 0 && s.charAt(p + n) < 128) {
            v = v * 16 + Character.digit(s.charAt(p + n), 16);
            n++;
        }
        return new int[] {v, n};
    }

    // ---------------------------------------------------------------- scanning helpers

    /** Skips spaces, tabs, line continuations and comments (not newlines). */
    private void skipBlanks() {
        while (pos < len) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && at(pos + 1, '\n')) {
                pos += 2;
            } else if (c == '#') {
                int eol = s.indexOf('\n', pos);
                pos = eol < 0 ? len : eol;
            } else {
                return;
            }
        }
    }

    private void skipLinebreaks() {
        while (true) {
            skipBlanks();
            if (at(pos, '\n')) {
                consumeNewline();
            } else {
                return;
            }
        }
    }

    /** End (exclusive) of {@code $(( ... ))} whose body starts at {@code from}, or -1. */
    private int findArithmeticEnd(int from) {
        int d = 0;
        for (int p = from; p < len; p++) {
            char c = s.charAt(p);
            if (c == '(') {
                d++;
            } else if (c == ')') {
                if (d == 0) {
                    return at(p + 1, ')') ? p + 2 : -1;
                }
                d--;
            } else if (c == '\n' && d == 0) {
                // arithmetic rarely spans lines; treat it as a subshell instead
                return -1;
            }
        }
        return -1;
    }

    /** End (exclusive) of a parenthesised run whose body starts at {@code from}, or -1. */
    private int findMatchingParen(int from) {
        int d = 0;
        for (int p = from; p < len; p++) {
            char c = s.charAt(p);
            if (c == '\\') {
                p++;
            } else if (c == '(') {
                d++;
            } else if (c == ')') {
                if (d == 0) {
                    return p + 1;
                }
                d--;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** End (exclusive) of {@code ${...}} whose body starts at {@code from}, or -1. */
    private int findBraceEnd(int from) {
        int d = 0;
        for (int p = from; p < len; p++) {
            char c = s.charAt(p);
            if (c == '\\') {
                p++;
            } else if (c == '\'') {
                int close = s.indexOf('\'', p + 1);
                if (close < 0) {
                    return -1;
                }
                p = close;
            } else if (c == '{') {
                d++;
            } else if (c == '}') {
                if (d == 0) {
                    return p + 1;
                }
                d--;
            }
        }
        return -1;
    }

    private String peekReserved() {
        if (pos >= len) {
            return null;
        }
        char c = s.charAt(pos);
        if (c == '{' || c == '}' || c == '!') {
            return pos + 1 >= len || isDelimiter(s.charAt(pos + 1)) ? String.valueOf(c) : null;
        }
        if (c == '[') {
            return at(pos + 1, '[') && (pos + 2 >= len || isDelimiter(s.charAt(pos + 2))) ? "[[" : null;
        }
        if (c < 'a' || c > 'w') {
            return null;
        }
        int e = pos;
        while (e < len && e - pos < 9 && s.charAt(e) >= 'a' && s.charAt(e) <= 'z') {
            e++;
        }
        if (e < len && !isDelimiter(s.charAt(e))) {
            return null;
        }
        String w = s.substring(pos, e);
        return switch (w) {
            case "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "in",
                    "select", "function", "time" -> w;
            default -> null;
        };
    }

    private String peekWordText() {
        int e = pos;
        while (e < len && !isDelimiter(s.charAt(e))) {
            e++;
        }
        return e == pos ? String.valueOf(s.charAt(pos)) : s.substring(pos, e);
    }

    private static boolean isDelimiter(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '<'
                || c == '>' || c == '(' || c == ')';
    }

    private boolean at(int p, char c) {
        return p < len && s.charAt(p) == c;
    }

    private static boolean contains(String[] words, String w) {
        for (String x : words) {
            if (x.equals(w)) {
                return true;
            }
        }
        return false;
    }

    private void expectChar(char c, String message, int start) {
        skipLinebreaks();
        if (at(pos, c)) {
            pos++;
        } else {
            fail(message, start);
        }
    }

    private void expectReserved(String word, String message, int start) {
        skipLinebreaks();
        if (word.equals(peekReserved())) {
            pos += word.length();
        } else {
            fail(message, start);
        }
    }

    private void fail(String message, int at) {
        if (error == null) {
            int p = Math.min(Math.max(at, 0), len);
            error = new ParseError(message, span(p, Math.min(len, p + 1)));
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new TooDeep();
        }
    }

    private void leave() {
        depth--;
    }

    private Span span(int start, int end) {
        if (clamp != null) {
            return clamp;
        }
        int a = Math.max(0, Math.min(start, len));
        int b = Math.max(a, Math.min(end, len));
        return new Span(base + a, base + b);
    }

}
