package dev.caro.rules.container;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** docker compose down -v / --volumes / --rmi all: deletes the project's named volumes or images. */
public final class ComposeDownVolumesRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("docker-compose", "podman-compose", "docker", "podman", "nerdctl");

    private static final LazyPattern SHORT_V = LazyPattern.of("-[a-z]*v[a-z]*");

    public ComposeDownVolumesRule() {
        super("caro.container.compose-down-volumes", "docker compose down that also deletes volumes or images", RiskLevel.HIGH,
                "--volumes deletes the project's named volumes, such as its database data. Drop -v to keep the"
                        + " data, or back the volume up first.",
                List.of("docker-compose down --volumes --rmi all", "docker compose down -v", "docker compose -f prod.yml down -v --remove-orphans",
                        "podman-compose down --volumes"),
                List.of("docker compose down", "docker-compose up -d", "docker compose down --remove-orphans", "docker compose logs -f web"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<String> w = Docker.words(c);
        boolean compose = n.equals("docker-compose") || n.equals("podman-compose")
                || (Docker.ENGINES.contains(n) && !w.isEmpty() && w.get(0).equals("compose"));
        if (!compose || !w.contains("down")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        boolean volumes = c.argValues().stream().anyMatch(v -> v.equals("-v") || v.equals("--volumes") || SHORT_V.matcher(v).matches());
        if (volumes) {
            report(out, RiskLevel.MODERATE, "Stops the project and deletes its named volumes and the data in them.", c.span());
        } else if (c.argValues().contains("--rmi")) {
            report(out, RiskLevel.MODERATE, "Stops the project and deletes the images it used.", c.span());
        }
        return out;
    }
}
