package dev.caro.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 with one scripted answer per path, for testing remote backends
 * against their true wire format (statuses, streaming, slow and malformed answers). Records the
 * request bodies it received.
 */
public final class ScriptedHttpServer implements AutoCloseable {

    /** Writes the answer to one exchange. */
    @FunctionalInterface
    public interface Answer {
        void write(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    public ScriptedHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public ScriptedHttpServer on(String path, Answer answer) {
        server.createContext(path, exchange -> {
            try (exchange) {
                paths.add(exchange.getRequestURI().getPath());
                requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                // Contexts match by prefix; answer only the exact path, like a file server.
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                answer.write(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away (timeouts): nothing to answer
            }
        });
        return this;
    }

    /** The request bodies received, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The request paths received, in order. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    /** Answers with {@code status} and raw {@code body} bytes. */
    public static Answer bytes(int status, byte[] body) {
        return exchange -> {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        };
    }

    /** Answers with {@code status} and {@code body} in one piece. */
    public static Answer json(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    /** Streams {@code chunks} (chunked encoding), flushing each, pausing {@code pauseMillis} before each. */
    public static Answer stream(String contentType, long pauseMillis, String... chunks) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String c : chunks) {
                Thread.sleep(pauseMillis);
                out.write(c.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }

    /** Waits {@code millis} before answering at all. */
    public static Answer slow(long millis, Answer then) {
        return exchange -> {
            Thread.sleep(millis);
            then.write(exchange);
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
