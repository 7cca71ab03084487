package dev.caro.api;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Version facts of the API a plugin compiles against and of the caro build it runs in. */
@Stable(since = "1.0")
public final class CaroApi {

    /**
     * The SPI version, {@code MAJOR.MINOR.PATCH}. Plugins declare the range they need
     * (for example {@code >=1.0.0 & <2.0.0}); the host refuses plugins whose range excludes it.
     */
    public static final String VERSION;

    /** The version of the caro distribution this API jar belongs to. */
    public static final String CARO_VERSION;

    /** Prefix reserved for the ids of built-in rules, backends and formatters. */
    public static final String RESERVED_PREFIX = "caro.";

    static {
        Properties p = new Properties();
        try {
            byte[] text = ownResource("version.properties");
            if (text == null) {
                throw new IllegalStateException("dev/caro/api/version.properties is missing from caro-api");
            }
            p.load(new ByteArrayInputStream(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VERSION = p.getProperty("api.version");
        CARO_VERSION = p.getProperty("caro.version");
    }

    private CaroApi() {}

    /**
     * A resource of this package, or null. Read from caro-api's jar directly when the class came
     * from one: the class loader's way, through a {@code jar:} URL connection, loads and links
     * some 30 classes of the JDK, which on Java 25 cost more CPU time than the rest of
     * {@code caro --version}.
     */
    private static byte[] ownResource(String name) throws IOException {
        CodeSource source = CaroApi.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location != null && "file".equals(location.getProtocol()) && location.getPath().endsWith(".jar")) {
            try (ZipFile jar = new ZipFile(new File(location.toURI()))) {
                ZipEntry entry = jar.getEntry("dev/caro/api/" + name);
                if (entry == null) {
                    return null;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return in.readAllBytes();
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a plain file: read it the class loader's way
            }
        }
        try (InputStream in = CaroApi.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
