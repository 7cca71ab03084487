package dev.caro.plugins.safetyextra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.SafetyRule;
import dev.caro.core.safety.SafetyEngine;
import dev.caro.testkit.SafetyRuleContract;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every rule of the pack keeps the contract (its own examples, through caro's real parser), plus exact messages. */
class SafetyExtraRulesTest {

    private static List<SafetyRule> pack() {
        List<SafetyRule> rules = new ArrayList<>();
        ServiceLoader.load(SafetyRule.class).forEach(r -> {
            if (r.getClass().getPackageName().equals(SafetyExtraRulesTest.class.getPackageName())) {
                rules.add(r);
            }
        });
        return rules;
    }

    @TestFactory
    Stream<DynamicNode> everyRuleKeepsTheContract() {
        return SafetyRuleContract.tests(pack(), false);
    }

    @Test
    void packRegistersAllFiveRules() {
        assertEquals(List.of("extra.k8s.helm-uninstall", "extra.gh.repo-delete", "extra.terraform.state-rm",
                "extra.gcloud.project-delete", "extra.db.mongo-drop-collection"),
                pack().stream().map(SafetyRule::id).toList());
    }

    private static List<String> messages(String command) {
        Assessment a = new SafetyEngine(pack()).assess(command, SafetyRuleContract.defaultContext());
        return a.findings().stream().filter(f -> f.ruleId().startsWith("extra.")).map(Finding::message).toList();
    }

    @Test
    void findingsNameTheTarget() {
        assertEquals(List.of("Uninstalls the Helm release payments in namespace billing and deletes its Kubernetes"
                + " objects."), messages("helm --kube-context prod delete payments -n billing"));
        assertEquals(List.of("Deletes the GitHub repository acme/app with its issues, pull requests and wiki."),
                messages("gh repo delete acme/app --yes"));
        assertEquals(List.of("Removes module.db.aws_db_instance.main from the Terraform state; the real resources"
                + " stay but are no longer managed."),
                messages("terraform -chdir=infra state rm 'module.db.aws_db_instance.main'"));
        assertEquals(List.of("Drops the MongoDB collection audit-log with all its documents."),
                messages("mongosh shop --eval \"db.getCollection('audit-log').drop()\""));
        assertEquals(List.of("Drops a whole MongoDB database with every collection in it."),
                messages("mongosh admin --eval 'db.dropDatabase()'"));
        assertEquals(List.of("Deletes the Google Cloud project acme-prod and everything in it."),
                messages("gcloud projects delete acme-prod"));
    }

    @Test
    void nestedCommandsAreJudgedToo() {
        Assessment a = new SafetyEngine(pack()).assess("bash -c 'gh repo delete acme/app --yes'",
                ExecutionContext.linux("/home/user", "/home/user"));
        assertEquals(RiskLevel.HIGH, a.risk());
    }
}
