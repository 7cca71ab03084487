package dev.caro.rules.container;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Containers that get the host: the host's / mounted, --privileged with host namespaces, nsenter into pid 1. */
public final class HostMountContainerRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("dockerd", "nsenter", "docker", "podman", "nerdctl");

    private static final LazyPattern TARGET_PID1 = LazyPattern.of("(-t\\s*1|--target[= ]1)\\b");
    private static final LazyPattern OPEN_TCP = LazyPattern.of("tcp://(0\\.0\\.0\\.0|\\[::\\]|:)");

    private static final Set<String> SENSITIVE = Set.of("/etc", "/root", "/boot", "/dev", "/proc", "/sys", "/var/run/docker.sock",
            "/run/docker.sock", "/usr", "/bin", "/sbin", "/lib", "/var", "/home");

    public HostMountContainerRule() {
        super("caro.container.host-escape", "Containers with root access to the host (/ mounted, --privileged)", RiskLevel.CRITICAL,
                "Mounting the host's root or running privileged with host namespaces gives the container full"
                        + " control of the host. Mount only the project directory, read-only where possible.",
                List.of("docker run --privileged -v /:/host -it alpine chroot /host", "docker run -v /:/mnt --rm -it ubuntu bash",
                        "docker run --rm -it --privileged --pid=host alpine nsenter -t 1 -m -u -n -i sh",
                        "podman run --mount type=bind,source=/,target=/host fedora", "docker run -v /etc:/host-etc alpine sh",
                        "sudo nsenter -t 1 -m -u -i -n -p bash"),
                List.of("docker run --rm -v \"$PWD/out\":/out busybox sh -c 'rm -rf /out/*'", "docker run -p 8080:80 nginx",
                        "docker run --rm -v ./data:/data:ro alpine ls /data", "docker run --rm -it ubuntu bash",
                        "docker run --rm -v /tmp/cache:/cache alpine"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        if (n.equals("dockerd") || n.equals("docker") && c.hasArg("daemon")) {
            String line = String.join(" ", c.argValues());
            if (OPEN_TCP.matcher(line).find() && !line.contains("--tlsverify")) {
                report(out, RiskLevel.HIGH, "Exposes the Docker API on the network without TLS, which gives anyone root on the host.", c.span());
            }
            return out;
        }
        if (n.equals("nsenter")) {
            String line = String.join(" ", c.argValues());
            if (TARGET_PID1.matcher(line).find()) {
                report(out, RiskLevel.CRITICAL, "Enters the namespaces of the host's init process, which is a root shell on the host.", c.span());
            }
            return out;
        }
        if (!Docker.ENGINES.contains(n)) {
            return out;
        }
        List<String> w = Docker.words(c);
        if (w.isEmpty() || !(w.get(0).equals("run") || w.get(0).equals("create")
                || (w.get(0).equals("container") && w.size() > 1 && (w.get(1).equals("run") || w.get(1).equals("create"))))) {
            return out;
        }
        boolean privileged = c.hasArg("--privileged") || c.hasArg("--privileged=true");
        boolean hostNs = c.argValues().stream().anyMatch(v -> v.equals("--pid=host") || v.equals("--ipc=host")
                || v.equals("--userns=host") || v.equals("--uts=host")) || pairs(c, "--pid", "host");
        List<Word> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            String mount = null;
            if ((v.equals("-v") || v.equals("--volume")) && i + 1 < args.size()) {
                mount = args.get(i + 1).value();
            } else if (v.startsWith("--volume=") || v.startsWith("-v") && v.length() > 2 && v.charAt(2) == '/') {
                mount = v.substring(v.indexOf(v.startsWith("--") ? '=' : 'v') + 1);
            } else if (v.equals("--mount") && i + 1 < args.size()) {
                mount = sourceOf(args.get(i + 1).value());
            } else if (v.startsWith("--mount=")) {
                mount = sourceOf(v.substring(8));
            }
            if (mount == null) {
                continue;
            }
            String source = mount.contains(":") ? mount.substring(0, mount.indexOf(':')) : mount;
            if (source.equals("/")) {
                report(out, RiskLevel.CRITICAL, "Mounts the host's whole filesystem (/) into the container"
                        + (privileged ? ", which also runs privileged" : "") + ".", args.get(i).span());
            } else if (SENSITIVE.contains(source)) {
                report(out, source.contains("docker.sock") ? RiskLevel.MODERATE : RiskLevel.HIGH, "Mounts the host's "
                        + source + " into the container, which can then change it.", args.get(i).span());
            }
        }
        if (privileged && hostNs && out.isEmpty()) {
            report(out, RiskLevel.CRITICAL, "Runs a privileged container in the host's namespaces, which is root on the host.", c.span());
        } else if (privileged && out.isEmpty()) {
            report(out, RiskLevel.MODERATE, "Runs a privileged container, which can reach the host's devices and kernel.", c.span());
        }
        return out;
    }

    private static boolean pairs(SimpleCommand c, String opt, String value) {
        List<String> a = c.argValues();
        for (int i = 0; i + 1 < a.size(); i++) {
            if (a.get(i).equals(opt) && a.get(i + 1).equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String sourceOf(String mountSpec) {
        for (String part : mountSpec.split(",")) {
            if (part.startsWith("source=") || part.startsWith("src=")) {
                return part.substring(part.indexOf('=') + 1);
            }
        }
        return null;
    }
}
