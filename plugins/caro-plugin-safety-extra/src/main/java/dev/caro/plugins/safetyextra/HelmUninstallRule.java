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

/** {@code helm uninstall RELEASE} (and its aliases delete, del, un) removes a release and its Kubernetes objects. */
public final class HelmUninstallRule implements SafetyRule {

    private static final Set<String> COMMAND_NAMES = Set.of("helm");

    private static final Set<String> VERBS = Set.of("uninstall", "delete", "del", "un");
    private static final Set<String> VALUE_OPTIONS = Set.of("-n", "--namespace", "--kube-context", "--kubeconfig",
            "--kube-apiserver", "--kube-token", "--registry-config", "--repository-config", "--repository-cache",
            "--timeout", "--cascade", "--description");

    @Override
    public String id() {
        return "extra.k8s.helm-uninstall";
    }

    @Override
    public String summary() {
        return "Helm release uninstalls";
    }

    @Override
    public RiskLevel risk() {
        return RiskLevel.HIGH;
    }

    @Override
    public String explanation() {
        return "helm uninstall deletes every Kubernetes object of the release, including volumes it owns, and"
                + " cannot be undone. Check the context and namespace, or run it with --dry-run first.";
    }

    @Override
    public RuleExamples examples() {
        return RuleExamples.of(
                List.of("helm uninstall my-release",
                        "helm --kube-context prod delete payments -n billing",
                        "sudo helm un web --wait",
                        "helm del web api"),
                List.of("helm list -A",
                        "helm uninstall web --dry-run",
                        "helm install web ./chart",
                        "helm status uninstall",
                        "echo helm uninstall web"));
    }

    /** caro runs this rule only on command lines that run one of these (API 1.1). */
    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        if (!command.name().equals("helm") || CommandWords.hasOption(command, "--dry-run")) {
            return List.of();
        }
        List<Word> words = CommandWords.positionals(command, VALUE_OPTIONS);
        if (words.isEmpty() || !VERBS.contains(words.get(0).value())) {
            return List.of();
        }
        String releases = words.size() > 1
                ? String.join(", ", words.subList(1, words.size()).stream().map(Word::value).toList())
                : "(none named)";
        Word ns = CommandWords.optionValue(command, "--namespace");
        if (ns == null) {
            ns = CommandWords.optionValue(command, "-n");
        }
        String where = ns == null ? "" : " in namespace " + ns.value();
        return List.of(new Finding(id(), RiskLevel.HIGH,
                "Uninstalls the Helm release " + releases + where + " and deletes its Kubernetes objects.",
                command.span()));
    }
}
