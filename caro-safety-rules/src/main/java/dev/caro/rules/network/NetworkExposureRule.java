package dev.caro.rules.network;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Span;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Writes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Putting something that should stay private on every network interface: the Docker daemon's API
 * on TCP without TLS (root on the host for anyone who connects), and an SSH remote forward bound to
 * all of the far host's addresses (an internal service published on someone else's public address).
 */
public final class NetworkExposureRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("dockerd", "ssh", "socat", "ncat", "nc", "docker", "podman", "nerdctl",
            "tee", "sed", "gsed", "echo", "printf", "cat"); // the last six write Docker's configuration

    /** A container runtime's API socket. */
    private static final LazyPattern RUNTIME_SOCKET = LazyPattern.of("(?i)(?:docker|containerd|podman|crio|cri-dockerd)\\.sock");
    /** A socat or ncat address that listens on TCP: TCP-LISTEN:2375,fork / TCP4-L:2375 / -l. */
    private static final LazyPattern TCP_LISTEN = LazyPattern.of("(?i)^tcp[46]?-l(?:isten)?:\\d+(.*)$");
    /** Options that keep a listener on the loopback address. */
    private static final LazyPattern LOOPBACK_ONLY = LazyPattern.of("(?i)(?:bind|range)=(?:127\\.|localhost|\\[?::1)");

    /** A -H/--host value listening on TCP on every address: tcp://0.0.0.0:2375, tcp://:2375, tcp://[::]:2375. */
    private static final LazyPattern ANY_ADDRESS_TCP = LazyPattern.of("^tcp://(?:0\\.0\\.0\\.0|\\[::\\]|\\*)?:\\d+$");

    /** Docker's daemon settings or its systemd unit. */
    private static final LazyPattern DOCKER_CONFIG = LazyPattern.of("/etc/docker/daemon\\.json|docker\\.service|/etc/default/docker");
    /** tcp://0.0.0.0:2375, tcp://:2375 or tcp://[::]:2375 anywhere in the text. */
    private static final LazyPattern ANY_ADDRESS_IN_TEXT = LazyPattern.of("tcp://(?:0\\.0\\.0\\.0|\\[::\\]|\\*)?:\\d++");
    /** An ssh -R spec whose bind address is every interface: 0.0.0.0:P:H:P, *:P:H:P, :P:H:P. */
    private static final LazyPattern PUBLIC_REMOTE_FORWARD = LazyPattern.of("^(?:0\\.0\\.0\\.0|\\*|\\[::\\]|)?:\\d+:[^:]+:\\d+$");

    public NetworkExposureRule() {
        super("caro.network.exposure", "Exposing the Docker API or an internal service on every network address",
                RiskLevel.CRITICAL,
                "Anyone who can reach that address gets the service with no password: the Docker API is root on"
                        + " the host. Bind to 127.0.0.1 (or a private address) and require TLS or an SSH tunnel instead.",
                List.of("sudo dockerd -H tcp://0.0.0.0:2375", "dockerd --host=tcp://:2375 -H unix:///var/run/docker.sock",
                        "ssh -N -R 0.0.0.0:8080:intranet.local:80 user@vps.example.net",
                        "ssh -fN -R '*:5432:localhost:5432' admin@203.0.113.9",
                        "socat TCP-LISTEN:2375,reuseaddr,fork UNIX-CONNECT:/var/run/docker.sock",
                        "docker run -d -v /var/run/docker.sock:/var/run/docker.sock -p 2375:2375 alpine/socat"
                                + " TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock",
                        "echo '{\"hosts\": [\"tcp://0.0.0.0:2375\"]}' | sudo tee /etc/docker/daemon.json"),
                List.of("dockerd -H unix:///var/run/docker.sock", "sudo dockerd -H tcp://0.0.0.0:2376 --tlsverify",
                        "ssh -N -R 8080:localhost:80 user@vps.example.net", "ssh -L 5433:db.internal:5432 ops@bastion",
                        "dockerd -H tcp://127.0.0.1:2375", "socat - UNIX-CONNECT:/var/run/docker.sock",
                        "socat TCP-LISTEN:8080,fork TCP:localhost:80",
                        "echo '{\"hosts\": [\"unix:///var/run/docker.sock\", \"tcp://127.0.0.1:2375\"]}' | sudo tee /etc/docker/daemon.json",
                        "grep tcp:// /etc/docker/daemon.json"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<Word> args = c.args();
        if (name(c).equals("dockerd")) {
            if (c.hasArg("--tlsverify")) {
                return out;
            }
            for (int i = 0; i < args.size(); i++) {
                String v = args.get(i).value();
                String host = v.startsWith("--host=") ? v.substring(7) : v.startsWith("-H") && v.length() > 2 ? v.substring(2)
                        : (v.equals("-H") || v.equals("--host")) && i + 1 < args.size() ? args.get(i + 1).value() : null;
                if (host != null && ANY_ADDRESS_TCP.matcher(host).matches()) {
                    report(out, RiskLevel.CRITICAL, "Serves the Docker API on every address without TLS: whoever connects"
                            + " is root on this host.", args.get(i).span());
                }
            }
        } else if (!name(c).equals("ssh")) {
            socketRelay(c, out);
        } else {
            for (int i = 0; i + 1 < args.size(); i++) {
                String v = args.get(i).value();
                String spec = v.equals("-R") ? args.get(i + 1).value() : v.startsWith("-R") && v.length() > 2 ? v.substring(2) : null;
                if (spec != null && PUBLIC_REMOTE_FORWARD.matcher(spec).matches()) {
                    report(out, RiskLevel.HIGH, "Publishes " + target(spec) + " on every address of the remote host,"
                            + " where anyone who can reach it connects straight through.", args.get(i).span());
                }
            }
        }
        return out;
    }

    /**
     * {@code socat TCP-LISTEN:2375,fork UNIX-CONNECT:/var/run/docker.sock}, also run in a container
     * that mounts the socket or through ncat: the runtime's API on a TCP port, with no TLS and no password.
     */
    private void socketRelay(SimpleCommand c, List<Finding> out) {
        List<String> a = c.argValues();
        if (a.stream().noneMatch(v -> RUNTIME_SOCKET.matcher(v).find())) {
            return;
        }
        String n = name(c);
        boolean listens = false;
        boolean loopback = false;
        for (String v : a) {
            Matcher m = TCP_LISTEN.matcher(v);
            if (m.matches()) {
                listens = true;
                loopback |= LOOPBACK_ONLY.matcher(m.group(1)).find();
            }
        }
        if ((n.equals("ncat") || n.equals("nc")) && (a.contains("-l") || a.contains("--listen") || a.stream().anyMatch(v -> v.matches("-[a-zA-Z]*l[a-zA-Z]*")))) {
            listens = true;
            loopback |= a.contains("127.0.0.1") || a.contains("localhost");
        }
        if (!listens) {
            return;
        }
        if (n.equals("docker") || n.equals("podman") || n.equals("nerdctl")) {
            boolean hostNet = a.contains("--network=host") || a.contains("--net=host") || String.join(" ", a).contains("--network host")
                    || String.join(" ", a).contains("--net host");
            List<String> published = Args.values(c, "-p", "--publish");
            boolean publicPort = published.stream().anyMatch(p -> !p.startsWith("127.") && !p.startsWith("localhost:")
                    && !p.startsWith("[::1]"));
            loopback = !hostNet && !publicPort || loopback;
        }
        report(out, loopback ? RiskLevel.HIGH : RiskLevel.CRITICAL, "Relays the container runtime's API socket to a TCP port"
                + (loopback ? " on this machine: any local user who connects is root." : " on the network: whoever connects is root on this host."),
                c.span());
    }

    /**
     * Adds what only the whole line shows: a TCP listener on every address written into Docker's own
     * configuration ({@code /etc/docker/daemon.json}, the docker.service unit or a drop-in for it).
     */
    @Override
    public List<Finding> evaluate(ShellScript script, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        boolean writesConfig = false;
        for (SimpleCommand c : script.commands()) {
            out.addAll(evaluate(c, ctx));
            writesConfig |= Writes.of(c).stream().anyMatch(t -> DOCKER_CONFIG.matcher(t.target().value()).find());
        }
        String src = script.source();
        if (out.isEmpty() && writesConfig && src.contains("tcp://") && !src.contains("tlsverify")
                && ANY_ADDRESS_IN_TEXT.matcher(src).find()) {
            report(out, RiskLevel.CRITICAL, "Configures the Docker daemon to serve its API on every address without TLS:"
                    + " whoever connects is root on this host.", new Span(0, src.length()));
        }
        return out;
    }

    /** host:port the forward leads to, from BIND:PORT:HOST:HOSTPORT. */
    private static String target(String spec) {
        String[] parts = spec.split(":");
        return parts.length >= 2 ? parts[parts.length - 2] + ":" + parts[parts.length - 1] : spec;
    }
}
