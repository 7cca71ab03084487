package dev.caro.plugins.safetyextra;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.List;
import java.util.Set;

/** {@code gh repo delete} deletes a GitHub repository with its issues, pull requests and wiki. */
public final class GhRepoDeleteRule implements SafetyRule {

    private static final Set<String> COMMAND_NAMES = Set.of("gh");

    private static final Set<String> VALUE_OPTIONS = Set.of("-R", "--repo");

    @Override
    public String id() {
        return "extra.gh.repo-delete";
    }

    @Override
    public String summary() {
        return "GitHub repository deletion";
    }

    @Override
    public RiskLevel risk() {
        return RiskLevel.HIGH;
    }

    @Override
    public String explanation() {
        return "gh repo delete removes the repository with its issues, pull requests, releases and wiki for"
                + " everyone. Archive it instead (gh repo archive), or make sure you have a mirror.";
    }

    @Override
    public RuleExamples examples() {
        return RuleExamples.of(
                List.of("gh repo delete acme/app --yes",
                        "gh repo delete",
                        "GH_TOKEN=x gh repo delete acme/old-site"),
                List.of("gh repo view acme/app",
                        "gh repo archive acme/app",
                        "gh release delete v1.0",
                        "gh repo list acme --limit 100"));
    }

    /** caro runs this rule only on command lines that run one of these (API 1.1). */
    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        if (!command.name().equals("gh")) {
            return List.of();
        }
        List<Word> words = CommandWords.positionals(command, VALUE_OPTIONS);
        if (words.size() < 2 || !words.get(0).value().equals("repo") || !words.get(1).value().equals("delete")) {
            return List.of();
        }
        String repo = CommandWords.valueOr(words, 2, "the current repository");
        return List.of(new Finding(id(), RiskLevel.HIGH,
                "Deletes the GitHub repository " + repo + " with its issues, pull requests and wiki.", command.span()));
    }
}
