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

/** AWS CLI deletes: s3 rm --recursive, s3 rb --force, delete-bucket, terminate-instances, delete-db-instance, delete-table ... */
public final class AwsDeleteRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("aws");

    private static final Set<String> VALUE_OPTS = Set.of("--profile", "--region", "--output", "--query", "--endpoint-url",
            "--cli-input-json", "--color");
    private static final Set<String> DATA_BEARING = Set.of("delete-bucket", "delete-table", "delete-db-instance", "delete-db-cluster",
            "delete-cluster", "delete-stack", "delete-file-system", "delete-volume", "delete-snapshot", "delete-repository",
            "delete-secret", "schedule-key-deletion", "delete-backup", "delete-backup-vault", "delete-user", "delete-role",
            "delete-log-group", "delete-stream", "delete-function", "delete-domain", "delete-hosted-zone", "delete-vpc",
            "terminate-instances", "delete-global-table", "delete-db-snapshot", "delete-objects", "delete-keyspace",
            "delete-bucket-policy", "delete-replication-group", "delete-cache-cluster", "delete-environment", "delete-organization",
            "delete-account", "delete-index", "delete-collection");

    public AwsDeleteRule() {
        super("caro.cloud.aws-delete", "Deleting AWS data or infrastructure (s3 rm --recursive, terminate-instances ...)",
                RiskLevel.CRITICAL,
                "Cloud deletes are immediate and usually permanent, and they may hit production. Check the account"
                        + " and region, use --dryrun where offered, and delete resources one by one.",
                List.of("aws s3 rm s3://logs-archive --recursive", "aws s3 rb s3://old-bucket --force",
                        "aws s3api delete-bucket --bucket logs-archive", "aws ec2 terminate-instances --instance-ids i-0abc123",
                        "aws dynamodb delete-table --table-name Orders", "aws rds delete-db-instance --db-instance-identifier prod --skip-final-snapshot",
                        "aws ec2 describe-instances --query 'Reservations[].Instances[].InstanceId' --output text | xargs aws ec2 terminate-instances --instance-ids"),
                List.of("aws s3 ls s3://reports-bucket/2024/ --recursive --human-readable --summarize", "aws s3 cp report.csv s3://bucket/",
                        "aws s3 rm s3://bucket/tmp/file.txt", "aws ec2 describe-instances", "aws s3 rm s3://bucket/prefix --recursive --dryrun",
                        "aws sts get-caller-identity"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        if (!name(c).equals("aws")) {
            return List.of();
        }
        List<Word> ops = Args.operands(c, VALUE_OPTS);
        if (ops.size() < 2) { // help and dry runs never get here (BaseRule, HelpOrDryRun)
            return List.of();
        }
        String service = ops.get(0).value().toLowerCase(Locale.ROOT);
        String action = ops.get(1).value().toLowerCase(Locale.ROOT);
        String target = ops.size() > 2 ? ops.get(2).value() : "";
        boolean mass = MassInput.of(c);
        List<Finding> out = new ArrayList<>();
        if (service.equals("s3")) {
            boolean recursive = c.hasArg("--recursive");
            if (action.equals("rm") && recursive) {
                report(out, RiskLevel.HIGH, "Deletes every object under " + target + ".", c.span());
            } else if (action.equals("rb")) {
                report(out, c.hasArg("--force") ? RiskLevel.HIGH : RiskLevel.MODERATE, "Deletes the bucket " + target
                        + (c.hasArg("--force") ? " and every object in it." : "."), c.span());
            } else if (action.equals("sync") && c.hasArg("--delete") && ops.size() > 3 && ops.get(3).value().startsWith("s3://")
                    && (target.contains("empty") || target.contains("mktemp"))) {
                report(out, RiskLevel.HIGH, "Syncs an empty folder with --delete, which deletes every object in " + ops.get(3).value() + ".", c.span());
            } else if (action.equals("sync") && c.hasArg("--delete") && target.startsWith("s3://") && ops.size() > 3 && ops.get(3).value().startsWith("s3://")) {
                report(out, RiskLevel.MODERATE, "Syncs between buckets and deletes what the source lacks.", c.span());
            }
            return out;
        }
        if (action.equals("terminate-instances") || action.startsWith("delete-") || action.contains("-delete")
                || action.equals("schedule-key-deletion")
                || action.startsWith("remove-") || action.equals("deregister-image")) {
            RiskLevel r = DATA_BEARING.contains(action) ? RiskLevel.HIGH : RiskLevel.MODERATE;
            if (mass || c.hasArg("--skip-final-snapshot")) {
                r = RiskLevel.CRITICAL; // every resource, or a database with no snapshot and no backups left
            }
            if (action.startsWith("remove-") && !mass) {
                r = RiskLevel.SAFE;
            }
            report(out, r, "Runs aws " + service + " " + action + (mass ? " on every resource the listing returns." : ", which cannot be undone."), c.span());
        }
        return out;
    }
}
