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

/** Azure deletes: az group delete (everything in it), az … delete, az storage blob delete-batch, Remove-AzResourceGroup. */
public final class AzureDeleteRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("az", "remove-azresourcegroup");

    private static final Set<String> VALUE_OPTS = Set.of("--name", "-n", "--resource-group", "-g", "--subscription",
            "--query", "-o", "--output", "--ids", "--account-name", "--source", "-s", "--container-name", "-c", "--location", "-l");

    public AzureDeleteRule() {
        super("caro.cloud.azure-delete", "Deleting Azure resource groups or resources", RiskLevel.CRITICAL,
                "Deleting a resource group deletes every resource in it, and --yes skips the last prompt. Check"
                        + " the subscription (az account show) and delete single resources by name.",
                List.of("az group delete --name prod-rg --yes", "az group list --query \"[].name\" -o tsv | xargs -L1 az group delete --yes --name",
                        "az vm delete -g rg -n web01 --yes", "az storage blob delete-batch --account-name acct --source data",
                        "Remove-AzResourceGroup -Name prod-rg -Force"),
                List.of("az group list -o table", "az vm list", "az account show", "az group create -n demo -l westeurope",
                        "az storage blob list --account-name acct -c data"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        if (n.equals("remove-azresourcegroup")) {
            report(out, RiskLevel.CRITICAL, "Deletes an Azure resource group and every resource in it.", c.span());
            return out;
        }
        if (!n.equals("az")) {
            return out;
        }
        List<String> words = Args.operands(c, VALUE_OPTS).stream().map(w -> w.value().toLowerCase(Locale.ROOT)).toList();
        if (words.isEmpty()) {
            return out;
        }
        String name = Args.value(c, "-n", "--name").orElse("");
        boolean mass = MassInput.of(c);
        if (words.get(0).equals("group") && words.contains("delete")) {
            report(out, RiskLevel.CRITICAL, mass ? "Deletes every Azure resource group the listing returns, with all their resources."
                    : "Deletes the resource group " + name + " and every resource in it.", c.span());
        } else if (words.contains("delete-batch")) {
            report(out, RiskLevel.HIGH, "Deletes every blob in the container.", c.span());
        } else if (words.contains("delete") || words.contains("purge")) {
            report(out, mass ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Deletes the Azure " + String.join(" ", words.subList(0,
                    Math.max(0, words.indexOf(words.contains("delete") ? "delete" : "purge")))) + " " + name + ".", c.span());
        }
        return out;
    }
}
