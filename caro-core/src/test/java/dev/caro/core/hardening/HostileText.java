package dev.caro.core.hardening;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators of text that looks like what a confused or hostile model, user or file could produce. */
final class HostileText {

    private HostileText() {}

    /** Any characters at all, including control characters, surrogates and escapes. */
    static Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(400);
    }

    /** Strings built from the pieces a format reader looks for, so the reader's branches get exercised. */
    static Arbitrary<String> fragmentsOf(String... pieces) {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(pieces),
                Arbitraries.strings().all().ofMaxLength(6),
                Arbitraries.strings().withChars("\\\"'`{}[]=#.\n\r\t u$;|&<>()").ofMaxLength(4));
        return piece.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    static Arbitrary<String> modelAnswers() {
        return Arbitraries.oneOf(anyText(), fragmentsOf(
                "```", "```bash\n", "~~~", "\n", "`", "$ ", "PS C:\\> ", "1. ", "- ", "# ", "\\\n",
                "{\"command\": \"", "\"cmd\":\"", "\", \"explanation\": \"", "\"}", "\\u", "\\u12", "\\uZZZZ",
                "\\n", "\\\"", "<|im_end|>", "</s>", "Sure! ", "Here is the command:", "ls -la", "rm -rf /",
                "find . -name '*.pdf'", "\u001b[2K", "\u001b]0;title\u0007", "\uFFFD", "\u0000"));
    }

    static Arbitrary<String> tomlTexts() {
        return Arbitraries.oneOf(anyText(), fragmentsOf(
                "[", "]", "[[", "[backends.", "[plugins]", "backend", "safety", "timeout", "history", "model",
                "shell", "output", "repository", " = ", "=", "\"", "'", "\\u", "\\uZZZZ", "\\u00e9", "\\", "\\q",
                "true", "false", "60", "-1", "99999999999999999999", "1e999", "1.5", "1_000", "[1, 2]",
                "# comment", "\n", "\r\n", "moderate", "strict", "bash", "\"ollama\"", "."));
    }
}
