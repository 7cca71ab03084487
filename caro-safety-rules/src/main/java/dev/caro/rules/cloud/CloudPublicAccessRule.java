package dev.caro.rules.cloud;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Opening cloud storage to the world: public-read-write ACLs, allUsers grants, disabled public access blocks, cluster-admin for anonymous users. */
public final class CloudPublicAccessRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("aws", "gsutil", "gcloud", "az", "kubectl", "oc");

    private static final LazyPattern WEB_PORT = LazyPattern.of("(?:--port[ =]|tcp:|--destination-port-ranges |fromport=)(?:80|443)\\b");

    /** A bucket itself (gs://name, gs://name/, gs://name/**), not one object in it. */
    private static final LazyPattern WHOLE_BUCKET = LazyPattern.of("^gs://[^/\\s]++/?(?:\\*\\*?)?$");
    /** A policy statement for everyone: "Principal":"*" or {"AWS":"*"}. */
    private static final LazyPattern PUBLIC_PRINCIPAL = LazyPattern.of("\"principal\"\\s*+:\\s*+(?:\"\\*\"|\\{\\s*+\"aws\"\\s*+:\\s*+\"\\*\")");

    public CloudPublicAccessRule() {
        super("caro.cloud.public-access", "Opening cloud storage, ports or admin rights to anyone", RiskLevel.CRITICAL,
                "Public buckets are found and scraped within hours, and public-write buckets get filled with"
                        + " malware. Share with signed URLs or grant specific accounts instead.",
                List.of("aws s3api put-bucket-acl --bucket docs-site --acl public-read-write",
                        "aws s3api delete-public-access-block --bucket data", "gsutil iam ch allUsers:objectAdmin gs://uploads",
                        "aws s3 cp secrets.json s3://bucket/ --acl public-read-write", "gsutil acl ch -u AllUsers:W gs://bucket",
                        "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 0.0.0.0/0",
                        "aws iam attach-user-policy --user-name intern --policy-arn arn:aws:iam::aws:policy/AdministratorAccess",
                        "gsutil iam ch allUsers:objectViewer gs://hr-documents",
                        "kubectl create clusterrolebinding open --clusterrole=cluster-admin --group=system:unauthenticated"),
                List.of("aws s3api get-bucket-acl --bucket docs-site", "aws s3api put-bucket-acl --bucket logs --acl private",
                        "gsutil iam get gs://uploads", "aws s3 cp index.html s3://site/",
                        "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 443 --cidr 0.0.0.0/0",
                        "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 203.0.113.4/32",
                        "gsutil iam ch user:ana@example.com:objectViewer gs://hr-documents", "gsutil iam ch -d allUsers gs://hr-documents",
                        "kubectl create clusterrolebinding ana-view --clusterrole=view --user=ana"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        if (n.equals("kubectl") || n.equals("oc")) {
            clusterAdmin(c, out);
            return out;
        }
        if (!n.equals("aws") && !n.equals("gsutil") && !n.equals("gcloud") && !n.equals("az")) {
            return out;
        }
        String line = String.join(" ", c.argValues()).toLowerCase(Locale.ROOT);
        boolean world = line.contains("0.0.0.0/0") || line.contains("::/0") || line.contains("--source-address-prefixes *")
                || line.contains("--source-address-prefix *") || line.contains("--source-ranges=0.0.0.0/0");
        boolean firewallOpen = line.contains("authorize-security-group-ingress") || line.contains("firewall-rules create")
                || line.contains("nsg rule create") || line.contains("firewall-rules update");
        if (world && firewallOpen) {
            boolean webOnly = WEB_PORT.matcher(line).find() && !line.contains("22")
                    && !line.contains("3389");
            boolean remoteAdmin = line.contains("22") || line.contains("3389") || line.contains("all") || line.contains("-1")
                    || line.contains("0-65535") || line.contains("*");
            if (!webOnly) {
                report(out, remoteAdmin ? RiskLevel.HIGH : RiskLevel.MODERATE, "Opens a port to the whole internet (0.0.0.0/0).", c.span());
            }
            return out;
        }
        if (line.contains("administratoraccess") || line.contains("roles/owner") || line.contains("roles/editor")
                || line.contains("--role owner") || line.contains("--role \"owner\"") || line.contains("iamfullaccess")) {
            boolean everyone = line.contains("allusers") || line.contains("allauthenticatedusers");
            if (line.contains("attach-") || line.contains("add-iam-policy-binding") || line.contains("role assignment create")
                    || line.contains("put-user-policy")) {
                report(out, everyone ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Grants full administrator rights over the cloud account"
                        + (everyone ? " to everyone." : "."), c.span());
                return out;
            }
        }
        if (n.equals("aws")) {
            if (line.contains("public-read-write") || line.contains("authenticated-read-write")) {
                report(out, RiskLevel.HIGH, "Lets anyone on the internet write to the bucket.", c.span());
            } else if (line.contains("delete-public-access-block") || line.contains("blockpublicacls=false")
                    || line.contains("blockpublicpolicy=false")) {
                report(out, RiskLevel.HIGH, "Removes the bucket's protection against public access.", c.span());
            } else if (line.contains("put-bucket-acl") && line.contains("public-read")) {
                report(out, RiskLevel.HIGH, "Makes the whole bucket readable by anyone on the internet.", c.span());
            } else if (line.contains("put-bucket-policy") && PUBLIC_PRINCIPAL.matcher(line).find()) {
                report(out, RiskLevel.HIGH, "Sets a bucket policy that lets anyone on the internet (Principal \"*\") in.", c.span());
            }
        } else if (n.equals("gsutil") || n.equals("gcloud")) {
            boolean removes = c.argValues().contains("-d") || line.contains("remove-iam-policy-binding"); // takes the grant away
            if ((line.contains("allusers") || line.contains("allauthenticatedusers")) && !removes) {
                boolean write = line.contains(":w") || line.contains("admin") || line.contains("writer") || line.contains("creator")
                        || line.contains("editor") || line.contains("owner");
                boolean wholeBucket = line.contains(" iam ") || line.contains("defacl") || line.contains("add-iam-policy-binding")
                        || c.argValues().stream().anyMatch(v -> WHOLE_BUCKET.matcher(v).matches());
                report(out, write || wholeBucket ? RiskLevel.HIGH : RiskLevel.MODERATE, "Grants everyone on the internet "
                        + (write ? "write" : "read") + " access" + (wholeBucket && !write ? " to every object in the bucket." : "."), c.span());
            }
        } else if (n.equals("az")) {
            if (line.contains("--public-access blob") || line.contains("--public-access container")) {
                report(out, RiskLevel.HIGH, "Makes an Azure storage container readable by anyone on the internet.", c.span());
            } else if (line.contains("--allow-blob-public-access true")) {
                report(out, RiskLevel.MODERATE, "Allows Azure storage containers to be made public.", c.span());
            }
        }
        return out;
    }

    /**
     * {@code kubectl create clusterrolebinding X --clusterrole=cluster-admin --user=system:anonymous}:
     * the whole cluster to anyone who can reach its API (or to every pod's default service account).
     */
    private void clusterAdmin(SimpleCommand c, List<Finding> out) {
        List<String> v = c.argValues();
        if (v.size() < 2 || !v.get(0).equals("create") || !v.get(1).equals("clusterrolebinding")
                || !Args.value(c, "--clusterrole", "--clusterrole").map(r -> r.equals("cluster-admin")).orElse(false)) {
            return;
        }
        for (String who : v) {
            String subject = who.replaceFirst("^--(?:user|group|serviceaccount)=", "");
            if (subject.equals("system:anonymous") || subject.equals("system:unauthenticated") || subject.equals("system:authenticated")) {
                report(out, RiskLevel.CRITICAL, "Makes " + subject + " a cluster administrator: anyone who reaches the API owns the cluster.",
                        c.span());
                return;
            }
            if (subject.endsWith(":default") || subject.equals("system:serviceaccounts")) {
                report(out, RiskLevel.HIGH, "Makes the service account " + subject + " a cluster administrator: every pod that uses it"
                        + " owns the cluster.", c.span());
                return;
            }
        }
    }
}
