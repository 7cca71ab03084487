package dev.caro.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.api.safety.SafetyRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is generated from the rules' own metadata; this test fails when it is stale.
 * Regenerate with {@code -Dcaro.writeRulesDoc=true}.
 */
class RulesDocTest {

    private static final Path DOC = Path.of("..", "docs", "rules.md");

    static String render(List<SafetyRule> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Built-in safety rules\n\n");
        sb.append("caro judges every command with these rules (module `caro-safety-rules`). Each rule reports at most its\n");
        sb.append("maximum risk, and often less: the target decides (`rm -rf ./build` is safe, `rm -rf ~` is critical).\n");
        sb.append("Every rule carries its own matching and non-matching examples, which the test suite runs through\n");
        sb.append("caro's real parser. This file is generated from the rules' metadata by `RulesDocTest`.\n\n");
        sb.append("| Id | Max risk | What it catches | Example |\n");
        sb.append("|---|---|---|---|\n");
        for (SafetyRule r : rules) {
            sb.append("| `").append(r.id()).append("` | ").append(r.risk().id()).append(" | ").append(cell(r.summary()))
                    .append(" | `").append(cell(r.examples().matches().get(0)).replace("`", "'")).append("` |\n");
        }
        sb.append("\n## What to do instead\n\n");
        for (SafetyRule r : rules) {
            sb.append("- **").append(r.id()).append("**: ").append(r.explanation()).append('\n');
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", "\\n");
    }

    @Test
    void docsListEveryRuleAsTheCodeDescribesIt() throws IOException {
        List<SafetyRule> rules = BuiltinRules.all().stream().sorted(Comparator.comparing(SafetyRule::id)).toList();
        String expected = render(rules);
        if (Boolean.getBoolean("caro.writeRulesDoc")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(DOC, StandardCharsets.UTF_8),
                "docs/rules.md is out of date; regenerate it with -Dcaro.writeRulesDoc=true");
    }
}
