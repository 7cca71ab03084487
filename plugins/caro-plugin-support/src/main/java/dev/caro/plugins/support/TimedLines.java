package dev.caro.plugins.support;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a response body line by line (NDJSON, server-sent events) with an overall deadline. The
 * HTTP client's request timeout only covers the wait for the headers; a server that starts
 * streaming and then stalls would otherwise block forever, so the stream is closed when the
 * deadline passes and {@link #next()} reports {@link #timedOut()}.
 */
public final class TimedLines implements Closeable {

    private final InputStream in;
    private final BufferedReader reader;
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    public TimedLines(InputStream in, Instant deadline) {
        this.in = in;
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long millis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> {
            if (!closed.get()) {
                timedOut.set(true);
                closeQuietly();
            }
        });
    }

    /** The next line, or null at the end of the body. */
    public String next() throws IOException {
        if (timedOut.get()) {
            throw new IOException("deadline passed");
        }
        try {
            return reader.readLine();
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new IOException("deadline passed", e);
            }
            throw e;
        }
    }

    /** The rest of the body, its lines joined by newlines, for a response sent in one piece. */
    public String rest() throws IOException {
        StringBuilder whole = new StringBuilder();
        for (String line; (line = next()) != null; ) {
            whole.append(line).append('\n');
        }
        return whole.toString();
    }

    /** Whether the deadline passed while reading. */
    public boolean timedOut() {
        return timedOut.get();
    }

    @Override
    public void close() {
        closed.set(true);
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** Reads at most {@code limit} characters of a (small, error) body. */
    public static String readSmall(InputStream in, int limit) {
        try (in) {
            byte[] bytes = in.readNBytes(limit);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
