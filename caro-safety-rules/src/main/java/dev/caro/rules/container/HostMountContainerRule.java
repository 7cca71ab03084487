package dev.caro.rules.container;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.NestedJudge;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Containers that get the host: the host's / mounted, --privileged with host namespaces, nsenter into pid 1; a
 * container whose command writes to a mounted host system path, or drives the host's Docker through its socket.
 */
public final class HostMountContainerRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("dockerd", "nsenter", "docker", "podman", "nerdctl", "curl",
            "kubectl", "oc");

    /** A container definition sent to the Docker API that gets the host: privileged, host PID, or / or /etc bound. */
    private static final LazyPattern API_HOST_ACCESS = LazyPattern.of("\"Privileged\"\\s*:\\s*true|\"PidMode\"\\s*:\\s*\"host\""
            + "|\"Binds\"\\s*:\\s*\\[[^\\]]*\"/(?:|etc|root|var/run/docker\\.sock|usr|boot|dev):");

    private static final LazyPattern TARGET_PID1 = LazyPattern.of("(-t\\s*1|--target[= ]1)\\b");
    private static final LazyPattern OPEN_TCP = LazyPattern.of("tcp://(0\\.0\\.0\\.0|\\[::\\]|:)");

    private static final Set<String> SENSITIVE = Set.of("/etc", "/root", "/boot", "/dev", "/proc", "/sys", "/var/run/docker.sock",
            "/run/docker.sock", "/usr", "/bin", "/sbin", "/lib", "/var", "/home");

    public HostMountContainerRule() {
        super("caro.container.host-escape", "Containers with root access to the host (/ mounted, --privileged, writing to a mounted system path)", RiskLevel.CRITICAL,
                "Mounting the host's root or running privileged with host namespaces gives the container full"
                        + " control of the host. Mount only the project directory, read-only where possible.",
                List.of("docker run --privileged -v /:/host -it alpine chroot /host", "docker run -v /:/mnt --rm -it ubuntu bash",
                        "docker run --rm -it --privileged --pid=host alpine nsenter -t 1 -m -u -n -i sh",
                        "podman run --mount type=bind,source=/,target=/host fedora", "docker run -v /etc:/host-etc alpine sh",
                        "sudo nsenter -t 1 -m -u -i -n -p bash",
                        "docker run --rm -v /etc:/mnt alpine sh -c 'echo \"x::0:0::/root:/bin/sh\" >> /mnt/passwd'",
                        "docker run -v /var/run/docker.sock:/var/run/docker.sock docker:cli docker run --privileged --pid=host alpine",
                        "curl --unix-socket /var/run/docker.sock -H 'Content-Type: application/json' -d '{\"Image\":\"alpine\","
                                + "\"HostConfig\":{\"Binds\":[\"/:/host\"]}}' http://localhost/containers/create"),
                List.of("docker run --rm -v \"$PWD/out\":/out busybox sh -c 'rm -rf /out/*'", "docker run -p 8080:80 nginx",
                        "docker run --rm -v ./data:/data:ro alpine ls /data", "docker run --rm -it ubuntu bash",
                        "docker run --rm -v /tmp/cache:/cache alpine",
                        "curl --unix-socket /var/run/docker.sock http://localhost/containers/json",
                        "curl --unix-socket /var/run/docker.sock -d '{\"Image\":\"nginx\"}' http://localhost/containers/create"));
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
        if (n.equals("curl")) {
            dockerApi(c, out);
            return out;
        }
        if (n.equals("kubectl") || n.equals("oc")) {
            nodeDebug(c, ctx, out);
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
        int verbAt = verbIndex(c);
        int imageAt = verbAt < 0 ? -1 : imageIndex(c.args(), verbAt + 1);
        List<String[]> mounts = new ArrayList<>();
        boolean privileged = c.hasArg("--privileged") || c.hasArg("--privileged=true");
        boolean hostNs = c.argValues().stream().anyMatch(v -> v.equals("--pid=host") || v.equals("--ipc=host")
                || v.equals("--userns=host") || v.equals("--uts=host")) || pairs(c, "--pid", "host");
        List<Word> args = c.args();
        int optionsEnd = imageAt < 0 ? args.size() : imageAt; // words after the image belong to the container's command
        for (int i = 0; i < optionsEnd; i++) {
            String v = args.get(i).value();
            String mount = null;
            String spec = null;
            if ((v.equals("-v") || v.equals("--volume")) && i + 1 < args.size()) {
                mount = args.get(i + 1).value();
                spec = mount;
            } else if (v.startsWith("--volume=") || v.startsWith("-v") && v.length() > 2 && v.charAt(2) == '/') {
                mount = v.substring(v.indexOf(v.startsWith("--") ? '=' : 'v') + 1);
                spec = mount;
            } else if (v.equals("--mount") && i + 1 < args.size()) {
                spec = args.get(i + 1).value();
                mount = sourceOf(spec);
            } else if (v.startsWith("--mount=")) {
                spec = v.substring(8);
                mount = sourceOf(spec);
            }
            if (mount == null) {
                continue;
            }
            String source = mount.contains(":") ? mount.substring(0, mount.indexOf(':')) : mount;
            String target = targetOf(v.startsWith("--mount"), spec);
            if (target != null) {
                mounts.add(new String[] {source, target});
            }
            if (source.equals("/")) {
                report(out, RiskLevel.CRITICAL, "Mounts the host's whole filesystem (/) into the container"
                        + (privileged ? ", which also runs privileged" : "") + ".", args.get(i).span());
            } else if (SENSITIVE.contains(source)) {
                report(out, source.contains("docker.sock") ? RiskLevel.MODERATE : RiskLevel.HIGH, "Mounts the host's "
                        + source + " into the container, which can then change it.", args.get(i).span());
            }
        }
        if (privileged) {
            mounts.add(new String[] {"/dev", "/dev"}); // a privileged container sees the host's devices
        }
        if (imageAt >= 0 && imageAt + 1 < args.size() && !mounts.isEmpty()) {
            judgeContainerCommand(c.args().subList(imageAt + 1, args.size()), mounts, ctx, out);
        }
        if (privileged && hostNs && out.isEmpty()) {
            report(out, RiskLevel.CRITICAL, "Runs a privileged container in the host's namespaces, which is root on the host.", c.span());
        } else if (privileged && out.isEmpty()) {
            report(out, RiskLevel.MODERATE, "Runs a privileged container, which can reach the host's devices and kernel.", c.span());
        }
        return out;
    }

    /**
     * The container's own command, judged for what it does to the host through its mounts: with the
     * Docker socket mounted, a docker command inside drives the host's Docker; with a host path
     * mounted, the command is judged with the mount point read as that host path, and reported when
     * that is worse than the same command writing inside the container (mounted at a temporary path).
     */
    private void judgeContainerCommand(List<Word> command, List<String[]> mounts, RuleContext ctx, List<Finding> out) {
        StringBuilder text = new StringBuilder();
        for (Word w : command) {
            text.append(text.length() > 0 ? " " : "").append(w.source());
        }
        String inside = text.toString();
        RiskLevel already = NestedJudge.max(out);
        for (String[] m : mounts) {
            if (m[0].endsWith("docker.sock")) {
                for (Finding f : NestedJudge.findings(inside, ctx, "")) {
                    if (f.ruleId().startsWith("caro.container.") && f.risk().compareTo(already) > 0) {
                        report(out, f.risk(), "Through the host's Docker socket, the container drives the host's Docker: "
                                + lowerFirst(f.message()), command.get(0).span());
                        return;
                    }
                }
            }
        }
        String onHost = inside;
        String inTemp = inside;
        boolean hostPath = false;
        for (String[] m : mounts) {
            if (m[0].startsWith("/") && !m[0].endsWith(".sock") && !m[1].equals("/")) {
                onHost = replacePath(onHost, m[1], m[0]);
                inTemp = replacePath(inTemp, m[1], "/tmp/container-mount");
                hostPath = true;
            }
        }
        if (!hostPath) {
            return;
        }
        List<Finding> host = NestedJudge.findings(onHost, ctx, "");
        RiskLevel risk = NestedJudge.max(host);
        if (risk.compareTo(NestedJudge.max(NestedJudge.findings(inTemp, ctx, ""))) > 0 && risk.compareTo(already) > 0) {
            report(out, risk, "The container's command changes the mounted host path: " + lowerFirst(host.get(0).message()),
                    command.get(0).span());
        }
    }

    /**
     * {@code curl --unix-socket /var/run/docker.sock -d '{"HostConfig":{"Privileged":true}}' .../containers/create}:
     * the Docker API used directly to create a container with the host's root, devices or PID namespace.
     */
    private void dockerApi(SimpleCommand c, List<Finding> out) {
        String line = String.join(" ", c.argValues());
        boolean api = line.contains("docker.sock") || line.contains(":2375/") || line.contains(":2376/");
        if (!api || !line.contains("/containers/create")) {
            return;
        }
        if (API_HOST_ACCESS.matcher(line).find()) {
            report(out, RiskLevel.CRITICAL, "Creates a container through the Docker API with root access to the host"
                    + " (privileged, the host's PID namespace, or a system path bound in).", c.span());
        }
    }

    /**
     * {@code kubectl debug node/NAME ... -- CMD}: the debugging pod has the node's filesystem at /host
     * (and {@code chroot /host} makes it /), so the command is judged as run on the node itself.
     */
    private void nodeDebug(SimpleCommand c, RuleContext ctx, List<Finding> out) {
        List<Word> args = c.args();
        if (args.isEmpty() || !args.get(0).value().equals("debug")
                || args.stream().noneMatch(w -> w.value().startsWith("node/") || w.value().startsWith("nodes/"))) {
            return;
        }
        int dash = -1;
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i).value().equals("--")) {
                dash = i;
                break;
            }
        }
        if (dash < 0 || dash + 1 >= args.size()) {
            return;
        }
        List<Word> command = args.subList(dash + 1, args.size());
        int from = command.size() > 2 && command.get(0).value().equals("chroot") && command.get(1).value().equals("/host") ? 2 : 0;
        StringBuilder text = new StringBuilder();
        for (Word w : command.subList(from, command.size())) {
            text.append(text.length() > 0 ? " " : "").append(w.source());
        }
        String onNode = from == 2 ? text.toString() : replacePath(text.toString(), "/host", "/");
        List<Finding> found = NestedJudge.findings(onNode, ctx, "");
        if (!found.isEmpty() && found.get(0).risk().atLeast(RiskLevel.MODERATE)) {
            report(out, found.get(0).risk(), "Runs on the node itself through a debugging pod: " + lowerFirst(found.get(0).message()),
                    command.get(0).span());
        }
    }

    /** {@code text} with the path {@code from} (whole path components only) read as {@code to}. */
    static String replacePath(String text, String from, String to) {
        String f = from.endsWith("/") && from.length() > 1 ? from.substring(0, from.length() - 1) : from;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int at = text.indexOf(f, i);
            if (at < 0) {
                break;
            }
            int end = at + f.length();
            boolean startOk = at == 0 || " \t'\"=:<>(`".indexOf(text.charAt(at - 1)) >= 0;
            boolean endOk = end == text.length() || "/ \t'\";)|&`".indexOf(text.charAt(end)) >= 0;
            out.append(text, i, at).append(startOk && endOk ? to : f);
            i = end;
        }
        return out.append(text.substring(i)).toString();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Where {@code run}/{@code create} is among the arguments, or -1. */
    private static int verbIndex(SimpleCommand c) {
        List<Word> a = c.args();
        for (int i = 0; i < a.size(); i++) {
            String v = a.get(i).value();
            if (v.equals("run") || v.equals("create")) {
                return i;
            }
            if (!v.startsWith("-") && !v.equals("container")) {
                return -1;
            }
        }
        return -1;
    }

    /** Options of docker run that take no value. */
    private static final Set<String> FLAGS = Set.of("--rm", "--privileged", "--init", "--read-only", "--detach",
            "--interactive", "--tty", "--publish-all", "--no-healthcheck", "--oom-kill-disable", "--sig-proxy", "--quiet",
            "--disable-content-trust", "--help");

    /** The index of the image among {@code args} (the first word after run's options), or -1. */
    static int imageIndex(List<Word> args, int from) {
        int i = from;
        while (i < args.size()) {
            String v = args.get(i).value();
            if (v.equals("--")) {
                return i + 1 < args.size() ? i + 1 : -1;
            }
            if (!v.startsWith("-") || v.equals("-")) {
                return i;
            }
            if (v.startsWith("--")) {
                i += v.contains("=") || FLAGS.contains(v) ? 1 : 2;
            } else {
                boolean bundleOfFlags = v.chars().skip(1).allMatch(ch -> "ditP".indexOf(ch) >= 0);
                i += bundleOfFlags || v.length() > 2 ? 1 : 2; // -it; -eX=1 carries its value; -v SPEC takes the next word
            }
        }
        return -1;
    }

    /** The container path of a -v/--volume/--mount spec, or null. */
    private static String targetOf(boolean mountOption, String spec) {
        if (mountOption) {
            for (String part : spec.split(",")) {
                if (part.startsWith("target=") || part.startsWith("destination=") || part.startsWith("dst=")) {
                    return part.substring(part.indexOf('=') + 1);
                }
            }
            return null;
        }
        String[] parts = spec.split(":");
        return parts.length >= 2 && parts[1].startsWith("/") ? parts[1] : null;
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
