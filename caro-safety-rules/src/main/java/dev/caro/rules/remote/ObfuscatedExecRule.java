package dev.caro.rules.remote;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.InlineCode;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.NestedJudge;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decoded or encoded text run as code: {@code echo … | base64 -d | sh}, {@code bash -c "$(… | base64 -d)"},
 * {@code powershell -EncodedCommand …}, {@code python -c "exec(base64.b64decode(…))"}. When the payload
 * is plain base64 given inline, it is decoded and judged by every built-in rule too.
 */
public final class ObfuscatedExecRule extends BaseRule {

    private static final LazyPattern CODE_DECODE_EXEC = LazyPattern.of(
            "(?is)\\b(?:exec|eval|system|popen|Function)\\s*\\(.*(?:b64decode|decodebytes|decode_base64|unhexlify|fromhex"
            + "|atob|Buffer\\.from|zlib\\.decompress|marshal\\.loads|fromCharCode|unpack|\\\\x[0-9a-f]{2})");
    private static final LazyPattern BASE64_TEXT = LazyPattern.of("[A-Za-z0-9+/=\\s]{8,}");

    public ObfuscatedExecRule() {
        super("caro.remote.obfuscated-exec", "Encoded or obfuscated text decoded and run as code", RiskLevel.CRITICAL,
                "Encoding hides what a command really does; malware uses it to slip past review. Decode the text"
                        + " and read it (base64 -d without piping it to a shell) before running anything.",
                List.of("echo cm0gLXJmIH4= | base64 -d | bash", "bash -c \"$(echo cm0gLXJmIH4= | base64 -d)\"",
                        "echo ZWNobyBoaQ== | base64 --decode | sh", "powershell -NoP -W Hidden -EncodedCommand SQBFAFgA",
                        "powershell -enc UgBlAG0AbwB2AGUALQBJAHQAZQBtACAAQwA6AFwAVwBpAG4AZABvAHcAcwAgAC0AUgBlAGMAdQByAHMAZQA=",
                        "python3 -c \"import base64;exec(base64.b64decode('cHJpbnQoMSk='))\"", "xxd -r -p payload.hex | sh"),
                List.of("echo aGVsbG8= | base64 -d", "base64 -d secret.b64 > secret.bin", "echo hello | base64",
                        "python3 -c 'import base64; print(base64.b64decode(\"aGk=\"))'", "powershell -NoProfile -File build.ps1"));
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        if ((n.equals("powershell") || n.equals("pwsh")) && encodedCommand(c)) {
            Optional<String> decoded = encodedPayload(c);
            if (decoded.isPresent() && judgePayload(decoded.get(), ctx).atLeast(RiskLevel.HIGH)) {
                report(out, RiskLevel.CRITICAL, "Runs a hidden, base64-encoded PowerShell command (it decodes to: "
                        + shorten(decoded.get()) + ").", c.span());
            } else {
                report(out, RiskLevel.HIGH, "Runs a hidden, base64-encoded PowerShell command.", c.span());
            }
            return out;
        }
        Optional<String> code = InlineCode.of(c);
        if (code.isPresent() && !Names.SHELLS.contains(n) && CODE_DECODE_EXEC.matcher(code.get()).find()) {
            report(out, RiskLevel.HIGH, "The " + n + " one-liner decodes hidden code and executes it.", c.span());
            return out;
        }
        if (!Downloads.runsCode(n)) {
            return out;
        }
        SimpleCommand decoder = null;
        if (Downloads.readsCodeFromStdin(c)) {
            decoder = decoderIn(c.upstream());
        }
        List<SimpleCommand> source = c.upstream();
        if (decoder == null) {
            List<SimpleCommand> inner = Downloads.substituted(c, ctx);
            decoder = decoderIn(inner);
            source = inner;
        }
        if (decoder == null) {
            return out;
        }
        RiskLevel r = RiskLevel.HIGH;
        String payloadNote = "";
        Optional<String> payload = literalPayload(decoder, source);
        if (payload.isPresent()) {
            RiskLevel inner = judgePayload(payload.get(), ctx);
            if (inner.atLeast(RiskLevel.HIGH)) {
                r = RiskLevel.CRITICAL;
                payloadNote = " (it decodes to: " + shorten(payload.get()) + ")";
            }
        }
        report(out, r, "Decodes hidden text with " + name(decoder) + " and runs it with " + n + payloadNote + ".", c.span());
        return out;
    }

    private static boolean encodedCommand(SimpleCommand c) {
        return encodedAt(c) >= 0;
    }

    /** The index of PowerShell's -EncodedCommand option (any abbreviation), or -1. */
    private static int encodedAt(SimpleCommand c) {
        List<Word> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value().toLowerCase(Locale.ROOT);
            if (v.equals("-e") || v.equals("-ec") || v.equals("-en") || v.equals("-enc") || v.equals("-enco")
                    || (v.startsWith("-encodedc") || v.equals("-encodedcommand") || v.equals("/e") || v.equals("/enc"))) {
                return i;
            }
        }
        return -1;
    }

    /** The command -EncodedCommand carries: base64 of UTF-16LE text, as PowerShell reads it. */
    static Optional<String> encodedPayload(SimpleCommand c) {
        int at = encodedAt(c);
        if (at < 0 || at + 1 >= c.args().size() || !c.args().get(at + 1).literal()) {
            return Optional.empty();
        }
        String text = c.args().get(at + 1).value().strip();
        if (!BASE64_TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(text);
            String decoded = new String(bytes, 0, bytes.length - bytes.length % 2, StandardCharsets.UTF_16LE);
            return decoded.isBlank() || decoded.chars().anyMatch(ch -> ch < 32 && ch != '\n' && ch != '\r' && ch != '\t')
                    ? Optional.empty() : Optional.of(decoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SimpleCommand decoderIn(List<SimpleCommand> cmds) {
        for (SimpleCommand u : cmds) {
            String n = Names.of(u);
            boolean decodes = switch (n) {
                case "base64", "base32", "basenc" -> Args.has(u, "dD", "--decode");
                case "xxd" -> Args.hasShort(u, 'r') || u.hasArg("-revert");
                case "openssl" -> u.hasArg("-d") || u.hasArg("-base64") && u.hasArg("-d");
                case "uudecode", "gunzip", "zcat", "bzcat", "xzcat", "rev" -> true;
                case "gzip", "xz", "bzip2" -> Args.has(u, "d", "--decompress");
                case "certutil" -> u.argValues().stream().anyMatch(v -> v.equalsIgnoreCase("-decode"));
                case "tr" -> u.argValues().stream().anyMatch(v -> v.contains("A-Za-z") || v.contains("a-zA-Z"));
                default -> false;
            };
            if (decodes) {
                return u;
            }
        }
        return null;
    }

    /** The decoded text when base64 is fed literal text by echo/printf or a here-string. */
    private static Optional<String> literalPayload(SimpleCommand decoder, List<SimpleCommand> pipeline) {
        if (!Names.of(decoder).equals("base64")) {
            return Optional.empty();
        }
        String text = null;
        if (decoder.stdinText().isPresent()) {
            text = decoder.stdinText().get();
        } else {
            for (SimpleCommand u : pipeline) {
                String n = Names.of(u);
                if ((n.equals("echo") || n.equals("printf")) && !u.args().isEmpty()) {
                    Word last = u.args().get(u.args().size() - 1);
                    if (last.literal()) {
                        text = last.value();
                    }
                }
            }
        }
        if (text == null || !BASE64_TEXT.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(text.strip());
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The highest risk any other built-in rule finds in the decoded text. */
    private RiskLevel judgePayload(String payload, RuleContext ctx) {
        return NestedJudge.max(NestedJudge.findings(payload, ctx, id()));
    }

    private static String shorten(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
