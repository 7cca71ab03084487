package dev.caro.backend.llamacpp.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Hugging Face: serves one file at {@code /{repo}/resolve/main/{file}} on
 * 127.0.0.1, with switches for the failures a real download meets.
 */
public final class FakeModelServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Seen(String path, String range, String authorization) {}

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final String repo;
    private final String file;
    private volatile byte[] payload;
    private volatile boolean honourRange = true;
    private volatile int status = 200;
    private volatile String requiredToken;
    private volatile boolean redirectToCdn;
    private volatile String cdnHost = "127.0.0.1";
    private volatile String linkedEtag;
    private volatile long linkedSize = -1;
    private final AtomicInteger dropsLeft = new AtomicInteger();
    private volatile long dropAfter;
    private volatile boolean stallInsteadOfDrop;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger bodies = new AtomicInteger();

    public FakeModelServer(String repo, String file, byte[] payload) throws IOException {
        this.repo = repo;
        this.file = file;
        this.payload = payload;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-model-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}, to use as HF_ENDPOINT. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FakeModelServer ignoreRange() {
        honourRange = false;
        return this;
    }

    public FakeModelServer status(int code) {
        status = code;
        return this;
    }

    public FakeModelServer requireToken(String token) {
        requiredToken = token;
        return this;
    }

    /** Answers the resolve URL with a 302 to {@code /cdn/...} on {@code host} (e.g. localhost). */
    public FakeModelServer redirectToCdn(String host) {
        redirectToCdn = true;
        cdnHost = host;
        return this;
    }

    /**
     * The resolve URL's answers carry {@code X-Linked-Etag: etag} and {@code X-Linked-Size: size},
     * as Hugging Face's do for large files (the ETag being the file's SHA-256, in quotes).
     */
    public FakeModelServer declare(String etag, long size) {
        linkedEtag = etag;
        linkedSize = size;
        return this;
    }

    /** The next {@code times} responses send {@code bytes} of the body, then drop the connection. */
    public FakeModelServer dropAfter(long bytes, int times) {
        dropAfter = bytes;
        dropsLeft.set(times);
        return this;
    }

    /** Like {@link #dropAfter}, but the connection then goes silent for 3 s before it drops. */
    public FakeModelServer stallAfter(long bytes, int times) {
        stallInsteadOfDrop = true;
        return dropAfter(bytes, times);
    }

    public FakeModelServer payload(byte[] bytes) {
        payload = bytes;
        return this;
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    /** How many responses carried (part of) the file. */
    public int bodiesServed() {
        return bodies.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String range = ex.getRequestHeaders().getFirst("Range");
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        seen.add(new Seen(path, range, auth));
        try (ex) {
            String resolve = "/" + repo + "/resolve/main/" + file;
            String cdn = "/cdn/" + file;
            if (requiredToken != null && path.equals(resolve) && !("Bearer " + requiredToken).equals(auth)) {
                ex.sendResponseHeaders(401, -1);
                return;
            }
            if (status != 200) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            if (path.equals(resolve) && linkedEtag != null) {
                ex.getResponseHeaders().add("X-Linked-Etag", linkedEtag);
                ex.getResponseHeaders().add("X-Linked-Size", Long.toString(linkedSize));
            }
            if (redirectToCdn && path.equals(resolve)) {
                ex.getResponseHeaders().add("Location", "http://" + cdnHost + ":" + port() + cdn);
                ex.sendResponseHeaders(302, -1);
                return;
            }
            if (!path.equals(redirectToCdn ? cdn : resolve)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = payload;
            long from = 0;
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (honourRange && m != null && m.matches()) {
                from = Long.parseLong(m.group(1));
                if (from >= body.length) {
                    ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                ex.sendResponseHeaders(206, body.length - from);
            } else {
                ex.sendResponseHeaders(200, body.length);
            }
            bodies.incrementAndGet();
            OutputStream out = ex.getResponseBody();
            long length = body.length - from;
            if (dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 && dropAfter < length) {
                out.write(body, (int) from, (int) dropAfter);
                out.flush();
                if (stallInsteadOfDrop) {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                // A handler that throws makes the server close the connection mid-body.
                throw new IOException("fake server drops the connection");
            }
            out.write(body, (int) from, (int) length);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
