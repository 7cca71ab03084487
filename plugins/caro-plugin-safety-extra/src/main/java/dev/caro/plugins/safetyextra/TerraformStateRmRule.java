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

/** {@code terraform state rm ADDRESS} (or OpenTofu's {@code tofu}) makes Terraform forget real infrastructure. */
public final class TerraformStateRmRule implements SafetyRule {

    private static final Set<String> PROGRAMS = Set.of("terraform", "tofu");
    private static final Set<String> VALUE_OPTIONS = Set.of("-state", "-backup", "-lock-timeout");

    @Override
    public String id() {
        return "extra.terraform.state-rm";
    }

    @Override
    public String summary() {
        return "Removing resources from Terraform state";
    }

    @Override
    public RiskLevel risk() {
        return RiskLevel.HIGH;
    }

    @Override
    public String explanation() {
        return "terraform state rm makes Terraform forget resources that still exist: the next apply may create"
                + " duplicates, and nothing manages the originals. Run it with -dry-run first and back up the state.";
    }

    @Override
    public RuleExamples examples() {
        return RuleExamples.of(
                List.of("terraform state rm aws_instance.web",
                        "terraform -chdir=infra state rm 'module.db.aws_db_instance.main'",
                        "tofu state rm random_id.suffix"),
                List.of("terraform state list",
                        "terraform state show aws_instance.web",
                        "terraform state rm -dry-run aws_instance.web",
                        "terraform plan"));
    }

    /** caro runs this rule only on command lines that run one of these (API 1.1). */
    @Override
    public Set<String> commandNames() {
        return PROGRAMS;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        if (!PROGRAMS.contains(command.name()) || CommandWords.hasOption(command, "-dry-run")) {
            return List.of();
        }
        List<Word> words = CommandWords.positionals(command, VALUE_OPTIONS);
        if (words.size() < 2 || !words.get(0).value().equals("state") || !words.get(1).value().equals("rm")) {
            return List.of();
        }
        String what = words.size() > 2
                ? String.join(", ", words.subList(2, words.size()).stream().map(Word::value).toList())
                : "the named resources";
        return List.of(new Finding(id(), RiskLevel.HIGH,
                "Removes " + what + " from the Terraform state; the real resources stay but are no longer managed.",
                command.span()));
    }
}
