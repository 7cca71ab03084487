package dev.caro.rules.cloud;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tearing down infrastructure as code: terraform destroy / apply -destroy, pulumi destroy, cdk destroy, eksctl delete cluster. */
public final class InfrastructureDestroyRule extends BaseRule {

    private static final Set<String> RELEVANT = Set.of("terraform", "tofu", "terragrunt", "pulumi", "cdk", "cdktf", "sls",
            "serverless", "sam", "eksctl", "kind", "k3d", "minikube", "doctl", "heroku", "fly", "flyctl", "vercel");
    private static final Set<String> TERRAFORM = Set.of("terraform", "tofu", "terragrunt", "terraform.exe");

    public InfrastructureDestroyRule() {
        super("caro.cloud.infra-destroy", "Destroying infrastructure (terraform destroy, pulumi destroy)", RiskLevel.CRITICAL,
                "This deletes every resource the stack manages, databases included. Run terraform plan -destroy"
                        + " (or pulumi preview --destroy) first and check which workspace or stack is selected.",
                List.of("terraform destroy", "terraform apply -destroy -auto-approve -target=module.database",
                        "pulumi destroy --yes --stack prod", "cdk destroy --force", "eksctl delete cluster --name prod",
                        "terragrunt run-all destroy", "terraform state rm module.db",
                        "doctl compute droplet delete --force $(doctl compute droplet list --format ID --no-header)"),
                List.of("terraform plan -destroy", "terraform plan -out=tfplan", "terraform apply tfplan", "pulumi preview",
                        "terraform destroy -help", "cdk diff"));
    }

    @Override
    public Set<String> commandNames() {
        return RELEVANT;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        if (!RELEVANT.contains(n)) {
            return List.of();
        }
        List<String> words = Args.operands(c, Set.of("-chdir", "--stack", "-s", "--name")).stream()
                .map(w -> w.value().toLowerCase(Locale.ROOT)).toList();
        List<Finding> out = new ArrayList<>();
        if (c.hasArg("-help") || c.hasArg("--help") || c.hasArg("-h")) {
            return out;
        }
        if (TERRAFORM.contains(n)) {
            boolean destroy = words.contains("destroy") || (words.contains("apply") && c.argValues().stream()
                    .anyMatch(v -> v.equals("-destroy") || v.equals("--destroy")));
            if (destroy && !words.contains("plan")) {
                boolean auto = c.argValues().stream().anyMatch(v -> v.startsWith("-auto-approve") || v.startsWith("--auto-approve"));
                report(out, RiskLevel.HIGH, "Destroys every resource " + (c.argValues().stream().anyMatch(v -> v.startsWith("-target"))
                        ? "targeted" : "in the workspace") + (auto ? " without asking." : "."), c.span());
            } else if (words.size() >= 2 && words.get(0).equals("state") && words.get(1).equals("rm")) {
                report(out, RiskLevel.MODERATE, "Removes resources from the Terraform state, so Terraform loses track of them.", c.span());
            } else if (words.contains("workspace") && words.contains("delete")) {
                report(out, RiskLevel.MODERATE, "Deletes a Terraform workspace and its state.", c.span());
            }
        } else if (n.equals("pulumi")) {
            if (words.contains("destroy") || words.contains("down")) {
                report(out, RiskLevel.HIGH, "Destroys every resource in the Pulumi stack.", c.span());
            } else if (words.size() >= 2 && words.get(0).equals("stack") && words.get(1).equals("rm")) {
                report(out, RiskLevel.HIGH, "Removes the Pulumi stack" + (c.hasArg("--force") ? " and forgets its resources." : "."), c.span());
            }
        } else if (n.equals("cdk") || n.equals("cdktf") || n.equals("sls") || n.equals("serverless") || n.equals("sam")) {
            if (words.contains("destroy") || words.contains("remove") || words.contains("delete")) {
                report(out, RiskLevel.HIGH, "Tears down the deployed " + n + " stack.", c.span());
            }
        } else if (n.equals("eksctl") || n.equals("kind") || n.equals("k3d") || n.equals("minikube") || n.equals("doctl")
                || n.equals("heroku") || n.equals("fly") || n.equals("flyctl") || n.equals("vercel")) {
            boolean del = words.contains("delete") || words.contains("destroy") || words.contains("rm")
                    || words.stream().anyMatch(w -> w.endsWith(":destroy"));
            boolean local = n.equals("kind") || n.equals("k3d") || n.equals("minikube");
            if (n.equals("heroku") && words.stream().anyMatch(w -> w.equals("pg:reset") || w.equals("apps:destroy"))) {
                report(out, RiskLevel.HIGH, "Runs heroku " + String.join(" ", words) + ", which deletes the app's data.", c.span());
            } else if (del && (words.contains("cluster") || words.stream().anyMatch(w -> w.startsWith("apps")) || n.equals("fly")
                    || n.equals("flyctl") || n.equals("doctl"))) {
                if (!local && MassInput.of(c)) { // doctl compute droplet delete $(doctl compute droplet list ...)
                    report(out, RiskLevel.CRITICAL, "Deletes every " + n + " resource a listing names, not one you chose.", c.span());
                } else {
                    report(out, local ? RiskLevel.SAFE : RiskLevel.HIGH, "Deletes the " + n + " " + String.join(" ", words) + ".", c.span());
                }
            }
        }
        return out;
    }
}
