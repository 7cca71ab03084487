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

/** {@code gcloud projects delete PROJECT} shuts down a whole Google Cloud project. */
public final class GcloudProjectDeleteRule implements SafetyRule {

    private static final Set<String> COMMAND_NAMES = Set.of("gcloud");

    private static final Set<String> VALUE_OPTIONS = Set.of("--account", "--configuration", "--verbosity",
            "--format", "--project", "--impersonate-service-account");

    @Override
    public String id() {
        return "extra.gcloud.project-delete";
    }

    @Override
    public String summary() {
        return "Google Cloud project deletion";
    }

    @Override
    public RiskLevel risk() {
        return RiskLevel.CRITICAL;
    }

    @Override
    public String explanation() {
        return "gcloud projects delete shuts down every resource in the project (VMs, databases, buckets) and"
                + " deletes them after 30 days. Check the project id twice; undo with gcloud projects undelete.";
    }

    @Override
    public RuleExamples examples() {
        return RuleExamples.of(
                List.of("gcloud projects delete acme-prod",
                        "gcloud --quiet projects delete acme-staging-42"),
                List.of("gcloud projects list",
                        "gcloud projects describe acme-prod",
                        "gcloud projects undelete acme-prod"));
    }

    /** caro runs this rule only on command lines that run one of these (API 1.1). */
    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        if (!command.name().equals("gcloud")) {
            return List.of();
        }
        List<Word> words = CommandWords.positionals(command, VALUE_OPTIONS);
        if (words.size() < 2 || !words.get(0).value().equals("projects") || !words.get(1).value().equals("delete")) {
            return List.of();
        }
        return List.of(new Finding(id(), RiskLevel.CRITICAL, "Deletes the Google Cloud project "
                + CommandWords.valueOr(words, 2, "(none named)") + " and everything in it.", command.span()));
    }
}
