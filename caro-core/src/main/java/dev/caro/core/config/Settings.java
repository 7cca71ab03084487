package dev.caro.core.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The effective settings: for each {@link ConfigKey}, the command-line flag wins over the
 * environment variable, which wins over config.toml. Each value remembers where it came from.
 */
public final class Settings {

    /** Where a value came from. */
    public enum Source { FLAG, ENVIRONMENT, CONFIG_FILE }

    /** A resolved value. */
    public record Value(String value, Source source) {}

    private final Map<ConfigKey, Value> values;
    private final CaroConfig config;

    private Settings(Map<ConfigKey, Value> values, CaroConfig config) {
        this.values = values;
        this.config = config;
    }

    /**
     * Resolves the settings.
     *
     * @param flags values given on the command line
     * @param env the process environment
     * @param config the loaded config file
     * @throws ConfigException when an environment variable holds an invalid value
     */
    public static Settings resolve(Map<ConfigKey, String> flags, Map<String, String> env, CaroConfig config) {
        Map<ConfigKey, Value> out = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            String flag = flags.get(key);
            String fromEnv = env.get(key.envVar());
            if (flag != null) {
                out.put(key, new Value(flag, Source.FLAG));
            } else if (fromEnv != null && !fromEnv.isBlank()) {
                Optional<String> problem = key.problem(fromEnv.strip());
                if (problem.isPresent()) {
                    throw new ConfigException("invalid value in environment variable " + key.envVar() + ": "
                            + problem.get());
                }
                out.put(key, new Value(fromEnv.strip(), Source.ENVIRONMENT));
            } else {
                // No lambdas on this path: linking each costs every start (see docs/speed.md).
                Optional<String> fromFile = config.get(key);
                if (fromFile.isPresent()) {
                    out.put(key, new Value(fromFile.get(), Source.CONFIG_FILE));
                }
            }
        }
        return new Settings(out, config);
    }

    public Optional<String> get(ConfigKey key) {
        Value v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(v.value());
    }

    public Optional<Value> value(ConfigKey key) {
        return Optional.ofNullable(values.get(key));
    }

    public CaroConfig config() {
        return config;
    }
}
