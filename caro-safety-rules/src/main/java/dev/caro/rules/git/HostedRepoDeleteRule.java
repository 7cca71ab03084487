package dev.caro.rules.git;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Deleting a whole hosted repository: {@code gh repo delete}, {@code glab repo delete}, and a DELETE
 * of {@code repos/OWNER/NAME} or {@code projects/ID} through {@code gh api} / {@code glab api}.
 */
public final class HostedRepoDeleteRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("gh", "glab", "tea");

    /** The API path of one repository or project itself, not something inside it. */
    private static final LazyPattern REPO_PATH = LazyPattern.of("^/?(?:repos/[^/\\s]++/[^/\\s]++|projects/[^/\\s]++)/?$");

    public HostedRepoDeleteRule() {
        super("caro.git.hosted-repo-delete", "Deleting a whole repository on GitHub, GitLab or Gitea", RiskLevel.HIGH,
                "The repository goes with its issues, pull requests, releases and wiki, for everyone who uses it."
                        + " Archive it instead (gh repo archive), or transfer it, and keep a mirror clone.",
                List.of("gh repo delete acme/payments --yes", "glab repo delete acme/payments -y",
                        "gh api -X DELETE repos/acme/payments", "tea repo delete --repo acme/payments"),
                List.of("gh repo view acme/payments", "gh repo archive acme/payments --yes", "gh release delete v1.0 -y",
                        "gh api -X DELETE repos/acme/payments/git/refs/heads/old-branch", "gh repo delete --help"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (Args.has(c, "h", "--help")) {
            return out;
        }
        List<String> ops = Args.operands(c, Set.of("-X", "--method", "-R", "--repo", "-H", "--header", "-f", "-F", "--field",
                "--raw-field", "--hostname", "--jq", "-q")).stream().map(Word::value).toList();
        if (ops.size() >= 2 && (ops.get(0).equals("repo") || ops.get(0).equals("repos")) && ops.get(1).equals("delete")) {
            String repo = ops.size() > 2 ? ops.get(2) : Args.value(c, "-R", "--repo").orElse("the current repository");
            report(out, RiskLevel.HIGH, "Deletes the hosted repository " + repo + " with its issues, pull requests and releases.",
                    c.span());
        } else if (!ops.isEmpty() && ops.get(0).equals("api")) {
            String method = Args.valueBundled(c, "-X", "--method").orElse("GET").toUpperCase(Locale.ROOT);
            if (method.equals("DELETE") && ops.size() > 1 && REPO_PATH.matcher(ops.get(1)).matches()) {
                report(out, RiskLevel.HIGH, "Deletes the hosted repository " + ops.get(1) + " through the API.", c.span());
            }
        }
        return out;
    }
}
