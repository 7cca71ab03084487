package dev.caro.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

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
        try (InputStream in = CaroApi.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/caro/api/version.properties is missing from caro-api");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VERSION = p.getProperty("api.version");
        CARO_VERSION = p.getProperty("caro.version");
    }

    private CaroApi() {}
}
