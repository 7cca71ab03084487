package dev.caro.backend.llamacpp;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads model files from Hugging Face (or the mirror in {@code HF_ENDPOINT}) into the cache:
 * into a {@code .part} file that later runs resume with an HTTP range request, checked (size,
 * SHA-256 when known, GGUF structure) before it is moved into place, so a file in the cache is
 * always complete. A lock file keeps two caro processes from downloading the same file at once.
 */
final class ModelDownloader {

    static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final int MAX_REDIRECTS = 10;
    private static final int MAX_ATTEMPTS = 4;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** What to download. */
    record Request(String name, String repository, String fileName, OptionalLong size, Optional<String> sha256) {
        Request {
            Objects.requireNonNull(name, "name");
        }

        static Request of(CatalogEntry e) {
            return new Request(e.id(), e.repository(), e.fileName(), e.size(), e.sha256());
        }

        /**
         * Fills in the size and SHA-256 the server declared for checks the catalog does not know.
         * The catalog's own values always win: a server cannot talk caro out of a known checksum.
         */
        Request withDeclared(OptionalLong declaredSize, Optional<String> declaredSha256) {
            return new Request(name, repository, fileName, size.isPresent() ? size : declaredSize,
                    sha256.isPresent() ? sha256 : declaredSha256);
        }
    }

    private final String endpoint;
    private final Optional<String> token;
    private final EnvironmentProxySelector proxies;
    private final int stallMillis;

    ModelDownloader(Map<String, String> environment) {
        this(environment, Duration.ofSeconds(30));
    }

    /** @param stall how long a connection may deliver nothing before caro gives up on it and resumes */
    ModelDownloader(Map<String, String> environment, Duration stall) {
        this.stallMillis = (int) Math.max(1, stall.toMillis());
        String ep = environment.getOrDefault("HF_ENDPOINT", "");
        this.endpoint = (ep.isBlank() ? DEFAULT_ENDPOINT : ep.strip()).replaceAll("/+$", "");
        String t = environment.getOrDefault("HF_TOKEN", environment.getOrDefault("HUGGING_FACE_HUB_TOKEN", ""));
        this.token = t.isBlank() ? Optional.empty() : Optional.of(t.strip());
        this.proxies = new EnvironmentProxySelector(environment);
    }

    URI url(Request r) throws BackendException {
        try {
            URI uri = URI.create(endpoint + "/" + r.repository() + "/resolve/main/" + r.fileName());
            if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BackendException("HF_ENDPOINT '" + endpoint + "' is not a valid http(s) URL", e);
        }
    }

    /** The file a completed download is recorded in: {@code <file>.sha256}. */
    static Path checksumFile(Path model) {
        return model.resolveSibling(model.getFileName() + ".sha256");
    }

    static Path partFile(Path model) {
        return model.resolveSibling(model.getFileName() + ".part");
    }

    /**
     * Downloads {@code request} to {@code target} unless it is already there.
     *
     * @throws BackendException with a user-facing message (offline, 404, 401, disk full, corrupt)
     * @throws InterruptedException when interrupted; the partial file is kept for a later resume
     */
    Path download(Request request, Path target, ProgressListener progress) throws BackendException, InterruptedException {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new BackendException("cannot create " + target.getParent() + ": " + e.getMessage(), e);
        }
        ReentrantLock local = IN_PROCESS.computeIfAbsent(target.toAbsolutePath(), k -> new ReentrantLock());
        local.lockInterruptibly();
        try (FileChannel lockChannel = FileChannel.open(target.resolveSibling(target.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = acquire(lockChannel, request, progress)) {
            if (Files.isRegularFile(target)) {
                return target; // another process finished it while we waited
            }
            return fetch(request, target, progress);
        } catch (IOException e) {
            throw new BackendException("cannot lock " + target + ": " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    private static FileLock acquire(FileChannel channel, Request request, ProgressListener progress)
            throws IOException, InterruptedException {
        FileLock lock = channel.tryLock();
        if (lock != null) {
            return lock;
        }
        progress.started("Waiting for another caro to finish downloading " + request.name(), -1);
        try {
            while (true) {
                Thread.sleep(200);
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    return lock;
                }
            }
        } finally {
            progress.finished();
        }
    }

    private Path fetch(Request catalogRequest, Path target, ProgressListener progress)
            throws BackendException, InterruptedException {
        Request request = catalogRequest;
        Path part = partFile(target);
        URI url = url(request);
        String label = "Downloading " + request.name();
        int attempt = 0;
        boolean started = false;
        try {
            while (true) {
                attempt++;
                if (attempt > MAX_ATTEMPTS + 1) {
                    throw new BackendException("download of " + request.name() + " failed after " + MAX_ATTEMPTS
                            + " attempts; run 'caro models pull " + request.name() + "' to try again");
                }
                long have = Files.exists(part) ? Files.size(part) : 0;
                if (request.size().isPresent() && have > request.size().getAsLong()) {
                    Files.delete(part);
                    have = 0;
                }
                if (request.size().isPresent() && have == request.size().getAsLong()) {
                    break;
                }
                Response response;
                try {
                    response = open(url, have);
                } catch (SocketTimeoutException e) {
                    if (attempt < MAX_ATTEMPTS) {
                        continue; // a busy server; ask again
                    }
                    throw new BackendException(url.getHost() + " did not answer in time; run 'caro models pull "
                            + request.name() + "' to try again", e);
                }
                int status = response.status();
                request = request.withDeclared(response.declaredSize(), response.declaredSha256());
                try (response; InputStream body = response.body()) {
                    if (status == 416 && have > 0) {
                        // The part file may already be complete; the checks below decide.
                        long total = totalFromContentRange(response).orElse(-1L);
                        if (total == have) {
                            break;
                        }
                        Files.delete(part);
                        continue;
                    }
                    failOnStatus(status, request, url);
                    long start = have;
                    if (status == 206) {
                        Matcher m = CONTENT_RANGE.matcher(response.header("Content-Range"));
                        if (!m.matches() || Long.parseLong(m.group(1)) != have) {
                            start = -1; // a range we did not ask for: start over
                        }
                    } else if (have > 0) {
                        start = -1; // the server ignored the range and sent the whole file
                    }
                    if (start < 0) {
                        Files.deleteIfExists(part);
                        if (status == 206) {
                            continue;
                        }
                        have = 0;
                    }
                    long length = response.connection().getContentLengthLong();
                    long total = length >= 0 ? have + length : request.size().orElse(-1);
                    checkSpace(target.getParent(), total - have, request);
                    if (!started) {
                        progress.started(label, total);
                        started = true;
                    }
                    long before = have;
                    try {
                        have = copy(body, part, have, progress);
                    } catch (IOException e) {
                        long now = Files.exists(part) ? Files.size(part) : 0;
                        if (isDiskFull(e)) {
                            throw diskFull(target.getParent(), request, e);
                        }
                        if (now > before && attempt < MAX_ATTEMPTS) {
                            continue; // made progress: resume from where it broke
                        }
                        throw new BackendException(interrupted(request, now, total), e);
                    }
                    if (length >= 0 && have - before < length) {
                        if (attempt < MAX_ATTEMPTS) {
                            continue;
                        }
                        throw new BackendException(interrupted(request, have, total));
                    }
                    break;
                }
            }
        } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
            throw new BackendException(unreachable(url), e);
        } catch (IOException e) {
            if (isDiskFull(e)) {
                throw diskFull(target.getParent(), request, e);
            }
            if (e.getCause() instanceof ConnectException || e.getCause() instanceof UnknownHostException) {
                throw new BackendException(unreachable(url), e);
            }
            throw new BackendException("download of " + request.name() + " failed: " + e.getMessage()
                    + "; run 'caro models pull " + request.name() + "' to resume", e);
        } finally {
            if (started) {
                progress.finished();
            }
        }
        return verifyAndInstall(request, part, target, progress);
    }

    /**
     * An open HTTP response; closing it releases the connection. {@code declaredSha256} and
     * {@code declaredSize} are what the endpoint itself said of the file before any redirect
     * (Hugging Face sends {@code X-Linked-Etag}, the SHA-256 of a large file, and
     * {@code X-Linked-Size}).
     */
    private record Response(HttpURLConnection connection, int status, Optional<String> declaredSha256,
            OptionalLong declaredSize) implements AutoCloseable {

        InputStream body() throws IOException {
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return in == null ? InputStream.nullInputStream() : in;
        }

        String header(String name) {
            String v = connection.getHeaderField(name);
            return v == null ? "" : v;
        }

        @Override
        public void close() {
            connection.disconnect();
        }
    }

    private Response open(URI url, long from) throws IOException {
        URI current = url;
        String originHost = url.getHost();
        Optional<String> declaredSha256 = Optional.empty();
        OptionalLong declaredSize = OptionalLong.empty();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Proxy proxy = proxies.select(current).get(0);
            HttpURLConnection c = (HttpURLConnection) current.toURL().openConnection(proxy);
            c.setConnectTimeout(15_000);
            c.setReadTimeout(stallMillis);
            c.setInstanceFollowRedirects(false); // followed by hand, to keep the token on its host
            c.setRequestProperty("User-Agent", "caro");
            c.setRequestProperty("Accept-Encoding", "identity");
            if (from > 0) {
                c.setRequestProperty("Range", "bytes=" + from + "-");
            }
            // The token goes to the endpoint only, never to the storage host a redirect points at.
            if (token.isPresent() && Objects.equals(current.getHost(), originHost)) {
                c.setRequestProperty("Authorization", "Bearer " + token.get());
            }
            int s = c.getResponseCode();
            if (hop == 0) { // only the endpoint's word counts, not a storage host's
                declaredSha256 = declaredSha256(c.getHeaderField("X-Linked-Etag"));
                declaredSize = declaredSize(c.getHeaderField("X-Linked-Size"));
            }
            if (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) {
                String location = c.getHeaderField("Location");
                c.disconnect();
                if (location == null) {
                    throw new IOException("redirect without a Location header from " + current);
                }
                current = current.resolve(location);
                continue;
            }
            return new Response(c, s, declaredSha256, declaredSize);
        }
        throw new IOException("too many redirects for " + url);
    }

    /** The SHA-256 in an ETag such as {@code "9f86d0…"} or {@code W/"9f86d0…"}, when it is one. */
    static Optional<String> declaredSha256(String etag) {
        if (etag == null) {
            return Optional.empty();
        }
        String v = etag.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        v = v.toLowerCase(Locale.ROOT);
        return SHA256_HEX.matcher(v).matches() ? Optional.of(v) : Optional.empty();
    }

    private static OptionalLong declaredSize(String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(header.strip());
            return n > 0 ? OptionalLong.of(n) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void failOnStatus(int status, Request request, URI url) throws BackendException {
        if (status == 200 || status == 206) {
            return;
        }
        String where = request.repository() + "/" + request.fileName();
        if (status == 401 || status == 403) {
            throw new BackendException(url.getHost() + " refused " + where + " (HTTP " + status + "): "
                    + (token.isPresent() ? "check that HF_TOKEN is valid and has access to " + request.repository()
                            : "the repository may be gated or private; set HF_TOKEN to a Hugging Face access token"));
        }
        if (status == 404) {
            throw new BackendException(where + " was not found on " + url.getHost()
                    + " (HTTP 404); check HF_ENDPOINT or the model id with 'caro models list'");
        }
        throw new BackendException("download of " + request.name() + " failed: " + url.getHost() + " answered HTTP "
                + status + "; try again later");
    }

    private static long copy(InputStream body, Path part, long have, ProgressListener progress)
            throws IOException, InterruptedException {
        long done = have;
        long lastReport = 0;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(have);
            out.position(have);
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = body.read(buf)) >= 0) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("download interrupted");
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                done += n;
                long now = System.nanoTime();
                if (now - lastReport > 100_000_000L) {
                    progress.advanced(done);
                    lastReport = now;
                }
            }
            progress.advanced(done);
        }
        return done;
    }

    private Path verifyAndInstall(Request request, Path part, Path target, ProgressListener progress)
            throws BackendException {
        try {
            long size = Files.size(part);
            if (request.size().isPresent() && size != request.size().getAsLong()) {
                Files.delete(part);
                throw new BackendException("downloaded " + request.name() + " has " + size + " bytes instead of "
                        + request.size().getAsLong() + "; it was deleted, run 'caro models pull " + request.name()
                        + "' to download it again");
            }
            progress.started("Verifying " + request.name(), size);
            String actual;
            try {
                actual = sha256(part, progress);
            } finally {
                progress.finished();
            }
            if (request.sha256().isPresent() && !request.sha256().get().equals(actual)) {
                Files.delete(part);
                throw new BackendException("downloaded " + request.name() + " is corrupt (SHA-256 " + actual
                        + ", expected " + request.sha256().get() + "); it was deleted, run 'caro models pull "
                        + request.name() + "' to download it again");
            }
            Optional<String> structure = ggufProblem(part);
            if (structure.isPresent()) {
                Files.delete(part);
                throw new BackendException("downloaded " + request.name() + " " + structure.get()
                        + "; it was deleted. Is HF_ENDPOINT a Hugging Face mirror?");
            }
            Files.writeString(checksumFile(target), actual + "  " + target.getFileName() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            if (isDiskFull(e)) {
                throw diskFull(target.getParent(), request, e);
            }
            throw new BackendException("cannot finish the download of " + request.name() + ": " + e.getMessage(), e);
        }
    }

    /** Why a downloaded file is not a usable GGUF model, or empty. */
    static Optional<String> ggufProblem(Path file) throws IOException {
        try {
            GgufFile gguf = GgufFile.read(file);
            long needed = gguf.expectedMinimumSize();
            if (needed > gguf.fileSize()) {
                return Optional.of("is truncated (" + gguf.fileSize() + " of " + needed + " bytes)");
            }
            return Optional.empty();
        } catch (GgufFile.GgufFormatException e) {
            return Optional.of(e.getMessage());
        }
    }

    static String sha256(Path file) throws IOException {
        return sha256(file, ProgressListener.NONE);
    }

    /** The file's SHA-256, reporting bytes hashed (hashing a model takes seconds). */
    static String sha256(Path file, ProgressListener progress) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            long done = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                buf.flip();
                digest.update(buf);
                buf.clear();
                done += n;
                if ((done & ((64 << 20) - 1)) < n) {
                    progress.advanced(done);
                }
            }
            progress.advanced(done);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Optional<Long> totalFromContentRange(Response response) {
        String v = response.header("Content-Range");
        int slash = v.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(v.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void checkSpace(Path dir, long needed, Request request) throws IOException, BackendException {
        if (needed <= 0) {
            return;
        }
        long free = Files.getFileStore(dir).getUsableSpace();
        if (free < needed) {
            throw new BackendException("not enough disk space for " + request.name() + " in " + dir + ": "
                    + mb(needed) + " needed, " + mb(free) + " free");
        }
    }

    private static boolean isDiskFull(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("no space left") || m.contains("disk full") || m.contains("not enough space");
    }

    private static BackendException diskFull(Path dir, Request request, IOException e) {
        return new BackendException("the disk is full: " + request.name() + " does not fit in " + dir
                + "; free some space and run 'caro models pull " + request.name() + "' to resume", e);
    }

    private String unreachable(URI url) {
        return "cannot reach " + url.getHost() + (proxies.configured() ? " through the proxy" : "")
                + ": you seem to be offline" + (proxies.configured() ? "" : " or behind a proxy (set https_proxy)")
                + "; to use a model file you already have, run caro --model /path/to/model.gguf";
    }

    private static String interrupted(Request request, long have, long total) {
        String howFar = total > 0 ? " at " + (have * 100 / total) + "%" : " after " + mb(have);
        return "download of " + request.name() + " was interrupted" + howFar
                + "; run 'caro models pull " + request.name() + "' to resume";
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
