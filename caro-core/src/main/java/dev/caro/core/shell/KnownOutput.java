package dev.caro.core.shell;

import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Span;
import dev.caro.api.shell.Word;
import dev.caro.core.shell.Normalizer.Text;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * What a command writes to standard output when caro can tell without running it: {@code echo}
 * and {@code printf} of literal text, {@code cat} of a here-document, {@code base64 -d},
 * {@code xxd -r -p} and {@code rev} of known text, {@code mktemp}, {@code pwd}. The normalizer
 * uses it to unfold text piped into a shell and to know the value of a substitution.
 */
final class KnownOutput {

    /** Value given to {@code $(mktemp ...)}: a path under /tmp, which is what mktemp returns. */
    static final String MKTEMP_VALUE = "/tmp/tmp.XXXXXXXXXX";

    private KnownOutput() {}

    /** What {@code cmd} writes to standard output when caro can tell without running it. */
    static Text stdoutOf(SimpleCommand cmd) {
        List<Word> args = cmd.args();
        switch (cmd.name()) {
            case "echo": {
                StringBuilder sb = new StringBuilder();
                boolean newline = true;
                boolean escapes = false;
                int i = 0;
                while (i < args.size() && isEchoOption(args.get(i).value())) {
                    String o = args.get(i).value();
                    newline &= o.indexOf('n') < 0;
                    escapes |= o.indexOf('e') >= 0;
                    i++;
                }
                for (int k = i; k < args.size(); k++) {
                    if (!args.get(k).literal()) {
                        return null;
                    }
                    if (k > i) {
                        sb.append(' ');
                    }
                    sb.append(escapes ? unescape(args.get(k).value()) : args.get(k).value());
                }
                if (newline) {
                    sb.append('\n');
                }
                return textFrom(sb.toString(), args.subList(i, args.size()), cmd.span());
            }
            case "printf": {
                int i = 0;
                if (i < args.size() && args.get(i).value().equals("--")) {
                    i++;
                }
                if (i >= args.size() || !args.get(i).literal() || args.get(i).value().startsWith("-v")) {
                    return null;
                }
                String format = unescape(args.get(i).value());
                List<Word> rest = args.subList(i + 1, args.size());
                String out = printf(format, rest);
                return out == null ? null : textFrom(out, args.subList(i, args.size()), cmd.span());
            }
            case "cat":
                if (args.isEmpty() || args.size() == 1 && args.get(0).value().equals("-")) {
                    return textOf(cmd) == null ? null : new Text(cmd.stdinText().get(), cmd.span().start(), cmd.span());
                }
                return null;
            case "base64":
            case "openssl": {
                boolean decode = false;
                for (Word a : args) {
                    String v = a.value();
                    decode |= v.equals("-d") || v.equals("--decode") || v.equals("-D") || v.equals("-di");
                }
                if (!decode || cmd.stdinText().isEmpty()) {
                    return null;
                }
                String decoded = decodeBase64(cmd.stdinText().get());
                return decoded == null ? null : new Text(decoded, cmd.span().start(), cmd.span());
            }
            case "xxd": {
                boolean reverse = false;
                for (Word a : args) {
                    String v = a.value();
                    reverse |= v.equals("-r") || v.equals("-revert") || v.equals("-r -p") || v.equals("-rp");
                }
                if (!reverse || cmd.stdinText().isEmpty()) {
                    return null;
                }
                String decoded = decodeHex(cmd.stdinText().get());
                return decoded == null ? null : new Text(decoded, cmd.span().start(), cmd.span());
            }
            case "rev":
                if (args.isEmpty() && cmd.stdinText().isPresent()) {
                    StringBuilder sb = new StringBuilder();
                    for (String line : cmd.stdinText().get().split("\n", -1)) {
                        if (sb.length() > 0) {
                            sb.append('\n');
                        }
                        sb.append(new StringBuilder(line).reverse());
                    }
                    return new Text(sb.toString(), cmd.span().start(), cmd.span());
                }
                return null;
            case "mktemp":
                return new Text(MKTEMP_VALUE + "\n", cmd.span().start(), cmd.span());
            case "pwd":
                return cmd.cwd().map(c -> new Text(c + "\n", cmd.span().start(), cmd.span())).orElse(null);
            default:
                return null;
        }
    }

    private static Text textOf(SimpleCommand cmd) {
        return cmd.stdinText().isEmpty() ? null : new Text(cmd.stdinText().get(), cmd.span().start(), cmd.span());
    }

    private static Text textFrom(String text, List<Word> words, Span fallback) {
        if (words.size() == 1) {
            Word w = words.get(0);
            String src = w.source();
            if (w.span().length() == src.length() && src.length() >= 2 && (src.charAt(0) == '\'')
                    && src.endsWith("'") && src.regionMatches(1, text, 0, src.length() - 2)) {
                return new Text(text, w.span().start() + 1, null);
            }
            return new Text(text, w.span().start(), w.span());
        }
        return new Text(text, fallback.start(), words.isEmpty() ? fallback : Normalizer.spanOf(words));
    }

    private static boolean isEchoOption(String v) {
        if (v.length() < 2 || v.charAt(0) != '-') {
            return false;
        }
        for (int i = 1; i < v.length(); i++) {
            if ("neE".indexOf(v.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    static String unescape(String v) {
        if (v.indexOf('\\') < 0) {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\\' || i + 1 >= v.length()) {
                sb.append(c);
                continue;
            }
            char n = v.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '\\' -> sb.append('\\');
                case 'x' -> {
                    int val = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < v.length() && Character.digit(v.charAt(i + 1), 16) >= 0) {
                        val = val * 16 + Character.digit(v.charAt(++i), 16);
                        digits++;
                    }
                    sb.append(digits == 0 ? "\\x" : String.valueOf((char) val));
                }
                case '0' -> {
                    int val = 0;
                    int digits = 0;
                    while (digits < 3 && i + 1 < v.length() && v.charAt(i + 1) >= '0' && v.charAt(i + 1) <= '7') {
                        val = val * 8 + (v.charAt(++i) - '0');
                        digits++;
                    }
                    sb.append((char) val);
                }
                default -> sb.append('\\').append(n);
            }
        }
        return sb.toString();
    }

    /** Plain hex dump ({@code xxd -r -p}) to text; null when it is not plain hex. */
    private static String decodeHex(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) >= 0 && c < 128) {
                digits.append(c);
            } else if (!Character.isWhitespace(c)) {
                return null;
            }
        }
        if (digits.length() % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decodeBase64(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                clean.append(c);
            }
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(clean.toString());
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null; // not base64 text caro can read: the rules see the pipeline as it is
        }
    }

    static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * What printf prints for an unescaped format and literal arguments; the format is reused while
     * arguments are left ({@code printf '%s\n' a b} prints two lines). Null when an argument is not literal.
     */
    private static String printf(String format, List<Word> rest) {
        StringBuilder sb = new StringBuilder();
        int argAt = 0;
        do {
            int before = argAt;
            for (int k = 0; k < format.length(); k++) {
                char c = format.charAt(k);
                if (c == '%' && k + 1 < format.length()) {
                    char f = format.charAt(++k);
                    if (f == '%') {
                        sb.append('%');
                    } else if (argAt < rest.size()) {
                        if (!rest.get(argAt).literal()) {
                            return null;
                        }
                        sb.append(f == 'b' ? unescape(rest.get(argAt).value()) : rest.get(argAt).value());
                        argAt++;
                    }
                } else {
                    sb.append(c);
                }
            }
            if (argAt == before) {
                break; // no directive took an argument: the format prints once
            }
        } while (argAt < rest.size());
        return sb.toString();
    }
}
