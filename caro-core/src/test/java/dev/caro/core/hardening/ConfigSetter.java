package dev.caro.core.hardening;

import dev.caro.core.config.ConfigWriter;
import java.nio.file.Path;

/**
 * A separate process doing what {@code caro config set} does, many times: sets
 * {@code backends.NAME.key0 … keyN-1}. Arguments: CONFIG_FILE NAME N.
 */
public final class ConfigSetter {

    private ConfigSetter() {}

    public static void main(String[] args) {
        setMany(Path.of(args[0]), args[1], Integer.parseInt(args[2]));
    }

    static void setMany(Path file, String name, int count) {
        for (int i = 0; i < count; i++) {
            ConfigWriter.set(file, "backends." + name + ".key" + i, name + "-" + i);
        }
    }
}
