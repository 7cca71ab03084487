package dev.caro.rules.container;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Taking running workloads off a cluster: helm uninstall of a release in a production or system
 * namespace (or one named for production), kubectl drain of a node, kubectl scale of every
 * workload (or every one matching a label) to zero replicas.
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

    /** Release names of databases, queues and caches. */
    private static final LazyPattern DATA_RELEASE = LazyPattern.of(
            "(?i)postgres|mysql|mariadb|mongo|redis|elastic|opensearch|kafka|rabbitmq|cassandra|etcd|clickhouse|minio|(?:^|[-_ ])db(?:$|[-_])");

    public ClusterWorkloadRemovalRule() {
        super("caro.container.workload-removal",
                "Uninstalling a production Helm release, draining a Kubernetes node or scaling every workload to zero",
                RiskLevel.HIGH,
                "Uninstalling a release deletes everything it created, and draining a node evicts every pod on it."
                        + " Check what runs there first (helm status, kubectl get pods -o wide) and try --dry-run.",
                List.of("helm uninstall prod-db -n prod", "helm delete web --namespace production",
                        "kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data",
                        "kubectl scale deployments --all --replicas 0 --namespace production", "kubectl -n shop scale sts -l tier=db --replicas=0", "helm uninstall mongodb --namespace production",
                        "kubectl drain $(kubectl get nodes -o name) --ignore-daemonsets",
                        "kubectl patch pv data-0 -p '{\"spec\":{\"persistentVolumeReclaimPolicy\":\"Delete\"}}'"),
                List.of("helm list -A", "helm uninstall web --dry-run", "helm uninstall my-release -n dev", "helm status prod-db", "kubectl cordon node-1",
                        "kubectl get nodes", "kubectl drain node-1 --dry-run=client",
                        "kubectl scale deploy/web --replicas=0 -n dev", "kubectl scale deployment --all --replicas=3 -n prod"));
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
            boolean data = DATA_RELEASE.matcher(what).find();
            report(out, data ? RiskLevel.HIGH : RiskLevel.MODERATE, "Uninstalls the Helm release" + what
                    + (data ? ", a production data store: an outage, and its data may go with it." : " and deletes what it created."), c.span());
        } else if (!n.equals("helm") && verb.equals("drain")) {
            boolean every = ops.size() > 1 && ops.get(1).source().contains("get node") || Args.value(c, "-l", "--selector").isPresent();
            report(out, every ? RiskLevel.HIGH : RiskLevel.MODERATE, every ? "Drains every node at once: every workload in the cluster"
                    + " is evicted with nowhere to run." : "Evicts every pod from the node" + what + ".", c.span());
        } else if (!n.equals("helm") && verb.equals("patch") && ops.size() > 1 && (ops.get(1).value().equals("pv")
                || ops.get(1).value().startsWith("persistentvolume")) && String.join(" ", c.argValues()).contains("\"Delete\"")) {
            report(out, RiskLevel.MODERATE, "Sets a volume's reclaim policy to Delete: its data goes when its claim is released.", c.span());
        } else if (!n.equals("helm") && verb.equals("scale") && zeroReplicas(c)
                && (c.hasArg("--all") || Args.value(c, "-l", "--selector").isPresent())) {
            report(out, RiskLevel.HIGH, "Scales every matching workload to zero, which stops all of them"
                    + (production(c, "") ? " in production." : "."), c.span());
        }
        return out;
    }

    private static boolean zeroReplicas(SimpleCommand c) {
        return c.hasArg("--replicas=0") || Args.value(c, null, "--replicas").filter(v -> v.equals("0")).isPresent();
    }

    private static boolean production(SimpleCommand c, String release) {
        String ns = Args.value(c, "-n", "--namespace").orElse("");
        return PROTECTED_NS.contains(ns) || release.contains("prod") || ns.contains("prod");
    }
}
