package dev.caro.rules.internal;

import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.List;
import java.util.Set;

/**
 * A cloud, cluster or infrastructure CLI asked only for help or for a dry run: it prints usage or
 * what it would do and changes nothing ({@code gcloud projects delete --help}, {@code kubectl help
 * delete}, {@code aws ec2 terminate-instances help}, {@code helm uninstall prod --dry-run}). The
 * dry-run options count only for CLIs that have them or refuse an option they do not know.
 * Only words before {@code --} count: after it they belong to the command the CLI runs.
 */
public final class HelpOrDryRun {

    /** The CLIs whose {@code --help}, {@code -h} and {@code help} print usage only. */
    private static final Set<String> CLIS = Set.of("gcloud", "gsutil", "bq", "aws", "az", "kubectl", "oc", "helm", "terraform",
            "tofu", "terragrunt", "pulumi", "doctl", "eksctl", "gh", "glab", "kind", "k3d", "minikube", "heroku", "fly", "flyctl",
            "vercel", "netlify", "firebase", "cdk", "cdktf", "sls", "serverless", "sam", "hcloud", "linode-cli", "oci", "ibmcloud",
            "scw", "vultr-cli", "aliyun", "argocd", "vault", "etcdctl", "kubeadm", "eb", "copilot");
    /** CLIs with a dry run ({@code --dry-run}, {@code --dryrun}, {@code --preview-only}), or that refuse those options. */
    private static final Set<String> DRY_RUN = Set.of("aws", "kubectl", "oc", "helm", "kubeadm", "eksctl", "pulumi", "gcloud", "az",
            "terraform", "tofu", "doctl", "gh", "glab", "hcloud", "argocd");
    /** CLIs whose {@code -h} is not help ({@code gsutil -h HEADER}). */
    private static final Set<String> H_IS_NOT_HELP = Set.of("gsutil", "bq");

    private HelpOrDryRun() {}

    /** Whether {@code c} is one of these CLIs asked for help or a dry run. */
    public static boolean of(SimpleCommand c) {
        String n = Names.of(c);
        if (!CLIS.contains(n)) {
            return false;
        }
        List<Word> args = c.args();
        int end = 0;
        while (end < args.size() && !args.get(end).value().equals("--")) {
            end++;
        }
        boolean options = false;
        for (int i = 0; i < end; i++) {
            String v = args.get(i).value();
            if (v.equals("--help") || v.equals("-help") || v.equals("-h") && !H_IS_NOT_HELP.contains(n)) {
                return true;
            }
            if (DRY_RUN.contains(n) && (v.equals("--dryrun") || v.equals("--preview-only") || v.equals("--dry-run")
                    || v.startsWith("--dry-run=") && !v.equals("--dry-run=none") && !v.equals("--dry-run=false"))) {
                return true;
            }
            options |= v.startsWith("-");
        }
        // kubectl help delete, gcloud help projects delete: the first word, not an option's value (kubectl -n help
        // delete ns prod deletes). aws and gsutil also take it last after words alone: aws s3 rm help (not after
        // options, whose value it may be: aws s3 rm s3://b --recursive --exclude help deletes).
        if (end == 0) {
            return false;
        }
        return args.get(0).value().equals("help") || !options && end == args.size()
                && args.get(end - 1).value().equals("help") && (n.equals("aws") || n.equals("gsutil"));
    }
}
