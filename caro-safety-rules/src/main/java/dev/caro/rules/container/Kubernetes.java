package dev.caro.rules.container;

import dev.caro.api.shell.SimpleCommand;
import java.util.Set;

/** What the Kubernetes rules share: the names kubectl goes by, and whether a line only tries. */
final class Kubernetes {

    static final Set<String> KUBECTL = Set.of("kubectl", "oc", "k", "microk8s.kubectl");

    private Kubernetes() {}

    /** {@code --dry-run}, {@code --dry-run=client|server}: nothing is changed ({@code --dry-run=none} changes). */
    static boolean dryRun(SimpleCommand c) {
        for (String v : c.argValues()) {
            if (v.equals("--dry-run") || v.startsWith("--dry-run=") && !v.equals("--dry-run=none")) {
                return true;
            }
        }
        return false;
    }
}
