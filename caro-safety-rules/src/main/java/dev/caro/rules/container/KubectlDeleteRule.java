package dev.caro.rules.container;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.Origin;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** kubectl delete of namespaces, volumes, CRDs or nodes, or with --all / --all-namespaces. */
public final class KubectlDeleteRule extends BaseRule {

    private static final LazyPattern COMMA_OR_SLASH = LazyPattern.of("[,/]");

    private static final Set<String> VALUE_OPTS = Set.of("-n", "--namespace", "-l", "--selector", "-f", "--filename",
            "--context", "--cluster", "--kubeconfig", "-o", "--output", "--grace-period", "--timeout", "--field-selector",
            "--wait", "--cascade", "-k", "--kustomize", "--user", "-s", "--server");
    private static final Set<String> HEAVY = Set.of("namespace", "namespaces", "ns", "pv", "pvc", "persistentvolume",
            "persistentvolumes", "persistentvolumeclaim", "persistentvolumeclaims", "crd", "crds", "customresourcedefinition",
            "customresourcedefinitions", "node", "nodes", "no", "project", "projects", "statefulset", "statefulsets", "sts",
            "all", "secret", "secrets", "clusterrole", "clusterrolebinding", "storageclass", "sc");
    private static final Set<String> PROTECTED_NS = Set.of("kube-system", "kube-public", "default", "prod", "production",
            "kube-node-lease", "istio-system", "cert-manager", "monitoring", "live");

    public KubectlDeleteRule() {
        super("caro.container.kubectl-delete", "Deleting namespaces, volumes or everything in a Kubernetes cluster", RiskLevel.CRITICAL,
                "Deleting a namespace or every resource takes down all workloads in it, and volumes may take their data"
                        + " with them. Delete resources by name, and try --dry-run=server first.",
                List.of("kubectl delete ns prod --wait=false", "kubectl delete deployments,statefulsets --all -A",
                        "kubectl -n data delete pv,pvc --all --force", "kubectl delete namespace kube-system",
                        "kubectl delete all --all -n staging", "oc delete project payments"),
                List.of("kubectl delete pod web-7d4b9c-x2x1 -n staging", "kubectl delete deployment web -n staging --dry-run=server -o name",
                        "kubectl get pods -A", "kubectl delete -f job.yaml", "kubectl describe ns prod"));
    }

    @Override
    public Set<String> commandNames() {
        return Kubernetes.KUBECTL;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        if (!Kubernetes.KUBECTL.contains(n)) {
            return List.of();
        }
        List<Word> ops = Args.operands(c, VALUE_OPTS);
        if (ops.isEmpty() || !ops.get(0).value().equals("delete")) {
            return List.of();
        }
        if (Kubernetes.dryRun(c)) {
            return List.of();
        }
        if (ops.size() == 1 && (c.origin() == Origin.XARGS || c.wrappers().contains("xargs"))) {
            return listed(c);
        }
        boolean all = Args.has(c, "", "--all");
        boolean allNs = c.hasArg("-A") || Args.hasLong(c, "--all-namespaces");
        List<Finding> out = new ArrayList<>();
        String kinds = ops.size() > 1 ? ops.get(1).value().toLowerCase(Locale.ROOT) : "";
        boolean heavy = heavy(kinds);
        boolean namespace = namespaces(kinds);
        if (namespace) {
            String name = ops.size() > 2 ? ops.get(2).value() : kinds.contains("/") ? kinds.substring(kinds.indexOf('/') + 1) : "";
            report(out, PROTECTED_NS.contains(name) || all ? RiskLevel.CRITICAL : RiskLevel.HIGH,
                    "Deletes the namespace " + name + " and every resource in it.", c.span());
        } else if (allNs && (all || heavy || ops.size() <= 2)) {
            report(out, RiskLevel.CRITICAL, "Deletes " + kinds + " in every namespace of the cluster.", c.span());
        } else if (all) {
            boolean podsOnly = kinds.equals("pods") || kinds.equals("pod") || kinds.equals("po") || kinds.equals("jobs");
            report(out, podsOnly ? RiskLevel.MODERATE : RiskLevel.HIGH, "Deletes every " + kinds + " in the namespace.", c.span());
        } else if (heavy && !kinds.equals("secret") && !kinds.equals("secrets")) {
            report(out, RiskLevel.HIGH, "Deletes the " + kinds + " " + (ops.size() > 2 ? ops.get(2).value() : "")
                    + ", which may take stored data or the node's workloads with it.", c.span());
        }
        return out;
    }

    /** {@code kubectl get ns -o name | xargs kubectl delete}: every resource the listing names goes. */
    private List<Finding> listed(SimpleCommand c) {
        for (SimpleCommand u : c.upstream()) {
            List<Word> got = Args.operands(u, VALUE_OPTS);
            if (!Kubernetes.KUBECTL.contains(Names.of(u)) || got.size() < 2 || !got.get(0).value().equals("get")) {
                continue;
            }
            String kinds = got.get(1).value().toLowerCase(Locale.ROOT);
            boolean heavy = namespaces(kinds) || heavy(kinds);
            List<Finding> out = new ArrayList<>();
            report(out, heavy ? RiskLevel.HIGH : RiskLevel.MODERATE, "Deletes every " + kinds
                    + " that 'kubectl get' lists, whatever is in them.", c.span());
            return out;
        }
        return List.of();
    }

    /** Whether the kinds are namespaces (or OpenShift projects), each holding everything in it. */
    private static boolean namespaces(String kinds) {
        return kinds.startsWith("ns") || kinds.startsWith("namespace") || kinds.startsWith("project");
    }

    /** Whether one of the resource kinds ("deployments,pvc", "ns/x") is one whose deletion takes data or workloads with it. */
    private static boolean heavy(String kinds) {
        for (String k : COMMA_OR_SLASH.split(kinds)) {
            if (HEAVY.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
