package dev.caro.backend.llamacpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy conventions of curl and most command-line tools: {@code https_proxy} /
 * {@code HTTPS_PROXY} for https URLs, {@code http_proxy} / {@code HTTP_PROXY} for http URLs, and
 * {@code no_proxy} / {@code NO_PROXY} (comma-separated host suffixes, {@code *} for all) to go direct.
 */
final class EnvironmentProxySelector extends ProxySelector {

    private final Optional<InetSocketAddress> https;
    private final Optional<InetSocketAddress> http;
    private final List<String> noProxy;

    EnvironmentProxySelector(Map<String, String> env) {
        this.https = address(first(env, "https_proxy", "HTTPS_PROXY"));
        this.http = address(first(env, "http_proxy", "HTTP_PROXY"));
        List<String> hosts = new ArrayList<>();
        for (String h : first(env, "no_proxy", "NO_PROXY").orElse("").split(",")) {
            String s = h.strip().toLowerCase(Locale.ROOT);
            if (!s.isEmpty()) {
                hosts.add(s);
            }
        }
        this.noProxy = List.copyOf(hosts);
    }

    /** Whether any proxy variable is set. */
    boolean configured() {
        return https.isPresent() || http.isPresent();
    }

    @Override
    public List<Proxy> select(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Optional<InetSocketAddress> proxy = scheme.equals("https") ? https : scheme.equals("http") ? http : Optional.empty();
        if (proxy.isEmpty() || bypass(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(new Proxy(Proxy.Type.HTTP, proxy.get()));
    }

    boolean bypass(String host) {
        if (host == null) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String rule : noProxy) {
            if (rule.equals("*")) {
                return true;
            }
            String r = rule.startsWith(".") ? rule.substring(1) : rule;
            int colon = r.lastIndexOf(':');
            if (colon > 0 && !r.contains("]")) {
                r = r.substring(0, colon); // "host:port" entries; the port is not matched
            }
            if (h.equals(r) || h.endsWith("." + r)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // Nothing to fall back to: the download reports the failure.
    }

    private static Optional<String> first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
    }

    /** {@code http://user@host:port/}, {@code host:port} or {@code host} (port 80 by default). */
    static Optional<InetSocketAddress> address(Optional<String> value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get();
        URI uri = URI.create(v.contains("://") ? v : "http://" + v);
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return Optional.of(InetSocketAddress.createUnresolved(uri.getHost(), port));
    }
}
