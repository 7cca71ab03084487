package dev.caro.cli.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Downloads a plugin jar over https and verifies it against a checksum: one given by the user,
 * or the {@code .sha256} / {@code .sha1} file published next to it (as Maven repositories do).
 * Without a checksum nothing is installed.
 */
final class PluginDownloader {

    /** Plugin jars are small; anything bigger is not one. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final HttpClient client;
    private final boolean allowLoopbackHttp;

    PluginDownloader(boolean allowLoopbackHttp) {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.allowLoopbackHttp = allowLoopbackHttp;
    }

    /** Downloads {@code uri} into a temporary file in {@code dir} and verifies it; the caller deletes the file. */
    Path download(URI uri, Optional<String> sha256, Path dir) throws PluginsFailure, InterruptedException {
        checkScheme(uri);
        byte[] jar = fetch(uri).orElseThrow(() -> new PluginsFailure(PluginsCommand.EXIT_REJECTED,
                "Nothing at " + uri + " (HTTP 404): check the address or the coordinates."));
        String algorithm;
        String expected;
        String from;
        if (sha256.isPresent()) {
            algorithm = "SHA-256";
            expected = sha256.get();
            from = "--sha256";
        } else {
            Optional<String> published = fetchText(URI.create(uri + ".sha256"));
            algorithm = "SHA-256";
            from = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1) + ".sha256";
            if (published.isEmpty()) {
                published = fetchText(URI.create(uri + ".sha1"));
                algorithm = "SHA-1";
                from = from.replace(".sha256", ".sha1");
            }
            expected = published.orElseThrow(() -> new PluginsFailure(PluginsCommand.EXIT_REJECTED,
                    "No checksum is published next to " + uri + " (.sha256 or .sha1), so it cannot be verified:"
                            + " pass --sha256 HEX from a source you trust."));
        }
        expected = firstToken(expected);
        String actual = digest(algorithm, jar);
        if (!actual.equals(expected)) {
            throw new PluginsFailure(PluginsCommand.EXIT_REJECTED, "Checksum mismatch for " + uri + ": " + from
                    + " says " + expected + ", the download has " + actual
                    + ". The file is corrupt or was tampered with; nothing was installed.");
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "download-", ".jar");
            Files.write(tmp, jar);
            return tmp;
        } catch (IOException e) {
            throw new PluginsFailure(PluginsCommand.EXIT_REJECTED, "Cannot write to " + dir + ": " + e.getMessage());
        }
    }

    private void checkScheme(URI uri) throws PluginsFailure {
        if ("https".equals(uri.getScheme())) {
            return;
        }
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        if ("http".equals(uri.getScheme()) && loopback && allowLoopbackHttp) {
            return;
        }
        throw new PluginsFailure(PluginsCommand.EXIT_USAGE, "Refusing to download a plugin over " + uri.getScheme()
                + ": use an https URL.");
    }

    private Optional<byte[]> fetch(URI uri) throws PluginsFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).GET().build();
        try {
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() == 404) {
                    return Optional.empty();
                }
                if (r.statusCode() != 200) {
                    throw new PluginsFailure(PluginsCommand.EXIT_REJECTED,
                            "Downloading " + uri + " failed (HTTP " + r.statusCode() + ").");
                }
                byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new PluginsFailure(PluginsCommand.EXIT_REJECTED,
                            uri + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB: not a plugin jar.");
                }
                return Optional.of(bytes);
            }
        } catch (IOException e) {
            throw new PluginsFailure(PluginsCommand.EXIT_REJECTED, "Cannot download " + uri + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "): check the address and your connection.");
        }
    }

    private Optional<String> fetchText(URI uri) throws PluginsFailure, InterruptedException {
        return fetch(uri).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A checksum file holds the hex digest, optionally followed by the file name. */
    static String firstToken(String text) {
        String t = text.strip();
        int space = t.indexOf(' ');
        return (space < 0 ? t : t.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
