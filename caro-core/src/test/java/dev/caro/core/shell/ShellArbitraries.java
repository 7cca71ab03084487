package dev.caro.core.shell;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators of hostile and shell-like text for the parser's property tests. */
final class ShellArbitraries {

    private static final String SHELL_CHARS = " \t\n'\"\\$`(){}[]<>|&;#~*?!=-+@%:,.^/abcrmxyz019\u00e9\u0000";

    private static final String[] TOKENS = {
        "if ", "then ", "elif ", "else ", "fi", "while ", "until ", "do ", "done", "for x in a b; ", "case $x in ",
        "a) ", ";;", "esac", "select y in q; ", "function f ", "f() ", "{ ", " }", "( ", " )", "((", "))",
        "$(", "`", "$((", "${", "}", "${X:-/}", "$'\\x72m'", "$\"", "'", "\"", "\\", "\\\n", "\n", "<<EOF\n",
        "<<-'EOF'\n", "EOF\n", "<<<", "<(", ">(", "2>&1", "&>", ">|", "<>", "|&", "|", "||", "&&", "&", ";",
        "#", "~", "~/x", "*", "[[ ", " ]]", "rm -rf /", "sudo ", "env X=1 ", "bash -c ", "sh -c '", "eval ",
        "find / -exec ", " {} ", "\\;", " +", "xargs ", "ssh h ", "su -c ", "echo ", "| sh", "cd /tmp", "cd $D",
        "D=/; ", "export P=x ", ":(){ :|:& };:", "Get-Item { $_ }", "x=(1 2)", "timeout 5 ", "nice -n 1 ",
        "base64 -d", "watch ", "  ", "a", "b"};

    private ShellArbitraries() {}

    /** Arbitrary text over the characters that mean something to a shell. */
    static Arbitrary<String> shellCharacters() {
        return Arbitraries.strings().withChars(SHELL_CHARS.toCharArray()).ofMinLength(0).ofMaxLength(300);
    }

    /** Concatenations of shell fragments: keywords, quotes, operators, wrappers and nesting. */
    static Arbitrary<String> shellFragments() {
        return Arbitraries.of(TOKENS).list().ofMinSize(0).ofMaxSize(80).map(l -> String.join("", l));
    }

    /** Any text at all, including unpaired surrogates and control characters. */
    static Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }
}
