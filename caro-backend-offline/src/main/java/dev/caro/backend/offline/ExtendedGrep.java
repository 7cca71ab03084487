package dev.caro.backend.offline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Switches grep to extended regular expressions when the user called the search text a regex and
 * it uses ERE operators: basic grep reads "^[0-9]+$" as a literal '+'. Without the word "regex"
 * the text stays literal, since "c++" is more often meant as it is written.
 */
final class ExtendedGrep {

    private static final Pattern SAYS_REGEX = Pattern.compile("\\bregex(?:p|es)?\\b|\\bregular expressions?\\b");
    /** A grep with its options and the first operand, single-quoted or bare. */
    private static final Pattern GREP = Pattern.compile("(?<![\\w-])grep((?: -[A-Za-z]+| --[\\w-]+(?:=\\S+)?)*) ('(?:[^']*)'|[^\\s'|;&]+)");
    /** ERE operators not escaped: + ? | ( ) and counted braces. */
    private static final Pattern ERE_ONLY = Pattern.compile("(?<!\\\\)(?:[+?|()]|\\{\\d+(?:,\\d*)?\\})");

    private ExtendedGrep() {}

    static String apply(String requestText, String command) {
        if (!SAYS_REGEX.matcher(requestText).find()) {
            return command;
        }
        Matcher m = GREP.matcher(command);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String opts = m.group(1);
            boolean dialectChosen = opts.matches(".*(?: -[A-Za-z]*[EFP][A-Za-z]*| --(?:extended|fixed|perl)-regexp).*");
            if (!dialectChosen && ERE_ONLY.matcher(m.group(2)).find()) {
                m.appendReplacement(out, Matcher.quoteReplacement("grep -E" + opts + " " + m.group(2)));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            }
        }
        m.appendTail(out);
        return out.toString();
    }
}
