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

/** Google Cloud deletes: gcloud … delete, gsutil rm -r / rb, gcloud storage rm --recursive. */
public final class GcpDeleteRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("gsutil", "bq", "gcloud");

    private static final Set<String> VALUE_OPTS = Set.of("--project", "--zone", "--region", "--format", "--account",
            "--configuration", "--filter", "--location");

    public GcpDeleteRule() {
        super("caro.cloud.gcp-delete", "Deleting Google Cloud resources or buckets", RiskLevel.CRITICAL,
                "Deleted projects, instances, databases and bucket contents are gone or take the service down."
                        + " Check the project (gcloud config list) and delete one named resource at a time.",
                List.of("gsutil -m rm -r gs://ml-datasets", "gcloud projects delete my-prod-project",
                        "gcloud compute instances delete web-1 --zone us-central1-a --quiet", "gcloud sql instances delete orders-db",
                        "gsutil rb gs://old-bucket", "gcloud storage rm --recursive gs://backups"),
                List.of("gcloud compute instances list", "gsutil ls gs://ml-datasets", "gsutil cp model.bin gs://ml-datasets/",
                        "gcloud config set project demo", "gsutil rm gs://bucket/tmp/one-file.txt",
                        "gcloud projects delete --help", "gcloud help compute instances delete"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        List<Word> ops = Args.operands(c, VALUE_OPTS);
        List<String> words = ops.stream().map(w -> w.value().toLowerCase(Locale.ROOT)).toList();
        if (n.equals("gsutil")) {
            boolean recursive = Args.has(c, "rR", "--recursive") || c.argValues().stream().anyMatch(v -> v.contains("**"));
            if (words.contains("rm") && (recursive || Args.hasShort(c, 'a'))) {
                report(out, RiskLevel.HIGH, "Recursively deletes " + target(ops) + " in Cloud Storage.", c.span());
            } else if (words.contains("rb")) {
                report(out, RiskLevel.HIGH, "Deletes the bucket " + target(ops) + ".", c.span());
            }
        } else if (n.equals("bq")) {
            if (words.contains("rm") && (Args.has(c, "rf", "--recursive", "--force") || c.argValues().stream().anyMatch(v -> v.startsWith("-r")))) {
                report(out, RiskLevel.HIGH, "Deletes the BigQuery " + (Args.hasShort(c, 'r') ? "dataset and all its tables." : "table or dataset."), c.span());
            }
        } else if (n.equals("gcloud")) {
            if (words.contains("storage") && words.contains("rm") && Args.has(c, "r", "--recursive")) {
                report(out, RiskLevel.HIGH, "Recursively deletes " + target(ops) + " in Cloud Storage.", c.span());
            } else if (words.contains("delete")) {
                boolean project = !words.isEmpty() && words.get(0).equals("projects");
                RiskLevel r = project || MassInput.of(c) ? RiskLevel.CRITICAL : RiskLevel.HIGH;
                report(out, r, "Deletes the Google Cloud " + String.join(" ", words.subList(0, words.indexOf("delete")))
                        + " " + (words.indexOf("delete") + 1 < words.size() ? words.get(words.indexOf("delete") + 1) : "") + ".", c.span());
            }
        }
        return out;
    }

    private static String target(List<Word> ops) {
        for (Word w : ops) {
            if (w.value().startsWith("gs://")) {
                return w.value();
            }
        }
        return "the objects";
    }
}
