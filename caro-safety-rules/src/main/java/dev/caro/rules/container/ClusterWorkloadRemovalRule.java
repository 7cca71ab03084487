package dev.caro.rules.container;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Taking running workloads off a cluster: helm uninstall of a release in a production or system
 * namespace (or one named for production), kubectl drain of a node.
 */
public final class ClusterWorkloadRemovalRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = commandNames("helm");
    private static final Set<String> PROTECTED_NS = Set.of("prod", "production", "live", "kube-system", "kube-public",
            "istio-system", "cert-manager", "monitoring");
    private static final Set<String> HELM_REMOVE = Set.of("uninstall", "delete", "del", "un");
    private static final Set<String> VALUE_OPTS = Set.of("-n", "--namespace", "--kube-context", "--kubeconfig", "--timeout",
            "--context", "--cluster", "-s", "--server", "--user", "-l", "--selector", "--grace-period", "--pod-selector");

    /** kubectl's names and {@code more} (without a stream: this runs at every start). */
    private static Set<String> commandNames(String... more) {
        Set<String> names = new HashSet<>(Kubernetes.KUBECTL);
        Collections.addAll(names, more);
        return Set.copyOf(names);
    }

    public ClusterWorkloadRemovalRule() {
        super("caro.container.workload-removal", "Uninstalling a production Helm release or draining a Kubernetes node",
                RiskLevel.MODERATE,
                "Uninstalling a release deletes everything it created, and draining a node evicts every pod on it."
                        + " Check what runs there first (helm status, kubectl get pods -o wide) and try --dry-run.",
                List.of("helm uninstall prod-db -n prod", "helm delete web --namespace production",
                        "kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data"),
                List.of("helm list -A", "helm uninstall web --dry-run", "helm uninstall my-release -n dev", "helm status prod-db", "kubectl cordon node-1",
                        "kubectl get nodes", "kubectl drain node-1 --dry-run=client"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        List<Word> ops = Args.operands(c, VALUE_OPTS);
        if (ops.isEmpty() || Kubernetes.dryRun(c)) {
            return List.of();
        }
        String n = name(c);
        String verb = ops.get(0).value();
        String what = ops.size() > 1 ? " " + ops.get(1).value() : "";
        List<Finding> out = new ArrayList<>();
        if (n.equals("helm") && HELM_REMOVE.contains(verb) && production(c, what)) {
            report(out, RiskLevel.MODERATE, "Uninstalls the Helm release" + what + " and deletes what it created.", c.span());
        } else if (!n.equals("helm") && verb.equals("drain")) {
            report(out, RiskLevel.MODERATE, "Evicts every pod from the node" + what + ".", c.span());
        }
        return out;
    }

    private static boolean production(SimpleCommand c, String release) {
        String ns = Args.value(c, "-n", "--namespace").orElse("");
        return PROTECTED_NS.contains(ns) || release.contains("prod") || ns.contains("prod");
    }
}
