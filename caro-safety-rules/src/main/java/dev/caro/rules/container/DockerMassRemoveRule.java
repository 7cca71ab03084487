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

/** Removing every container, volume or image: docker rm -f $(docker ps -aq), docker volume rm $(docker volume ls -q), prune -a. */
public final class DockerMassRemoveRule extends BaseRule {

    private static final LazyPattern SHORT_A = LazyPattern.of("-[a-z]*a[a-z]*");

    public DockerMassRemoveRule() {
        super("caro.container.docker-mass-remove", "Removing all Docker containers, volumes or images at once", RiskLevel.HIGH,
                "Volumes hold databases and uploads that exist nowhere else, and removing every container stops"
                        + " everything running. Remove the ones you mean by name, or filter (--filter label=...).",
                List.of("docker rm -f $(docker ps -aq)", "docker ps -q -a | xargs -r docker rm --force",
                        "docker volume rm $(docker volume ls -q)", "docker volume ls -q | xargs -r docker volume rm -f",
                        "docker system prune -a --volumes -f", "docker volume prune -f", "podman system prune --all --volumes",
                        "podman container rm -af", "podman volume rm --all"),
                List.of("docker rm mycontainer", "docker rmi $(docker images -q -f dangling=true)", "docker ps -a",
                        "docker volume ls", "docker system prune -f", "docker container prune -f", "docker image prune"));
    }

    @Override
    public Set<String> commandNames() {
        return Docker.ENGINES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        if (!Docker.ENGINES.contains(name(c))) {
            return List.of();
        }
        List<String> w = Docker.words(c);
        List<Finding> out = new ArrayList<>();
        if (w.isEmpty()) {
            return out;
        }
        String first = w.get(0);
        String second = w.size() > 1 ? w.get(1) : "";
        boolean all = c.argValues().stream().anyMatch(v -> v.equals("-a") || v.equals("--all") || SHORT_A.matcher(v).matches());
        boolean volumes = c.hasArg("--volumes");
        if (first.equals("system") && second.equals("reset")) {
            report(out, RiskLevel.HIGH, "Resets the container engine, deleting every container, image and volume.", c.span());
        } else if (first.equals("system") && second.equals("prune")) {
            if (volumes) {
                report(out, RiskLevel.HIGH, "Prunes Docker including every unused volume and the data in it.", c.span());
            } else if (all) {
                report(out, RiskLevel.MODERATE, "Prunes every unused Docker image, container and network, not just dangling ones.", c.span());
            }
        } else if (first.equals("volume") && second.equals("prune")) {
            report(out, RiskLevel.HIGH, "Deletes every Docker volume not used by a container, with its data.", c.span());
        } else if ((first.equals("volume") && (second.equals("rm") || second.equals("remove")))) {
            if (all || Docker.fedEverything(c, ctx, "volumes")) {
                report(out, RiskLevel.HIGH, "Deletes every Docker volume and the data in it.", c.span());
            }
        } else if (first.equals("rm") || (first.equals("container") && (second.equals("rm") || second.equals("remove")))) {
            if (all || Docker.fedEverything(c, ctx, "containers")) { // podman and nerdctl take --all
                report(out, RiskLevel.HIGH, "Removes every container" + (Docker.force(c) ? ", running or stopped" : "")
                        + (c.hasArg("-v") || c.hasArg("--volumes") ? ", with their volumes" : "") + ".", c.span());
            }
        } else if (first.equals("rmi") || (first.equals("image") && (second.equals("rm") || second.equals("remove")))) {
            if (all || Docker.fedEverything(c, ctx, "images")) {
                report(out, RiskLevel.MODERATE, "Removes every Docker image.", c.span());
            }
        } else if (first.equals("kill") || first.equals("stop")) {
            if (Docker.fedEverything(c, ctx, "containers") && first.equals("kill")) {
                report(out, RiskLevel.MODERATE, "Kills every running container.", c.span());
            }
        }
        return out;
    }
}
