package dev.caro.core.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One installed plugin as its jar describes it.
 *
 * @param id the {@code Plugin-Id}, or the file name when the jar has none
 * @param version the plugin's own version ({@code Plugin-Version}); empty when unknown
 * @param requires the caro API range it needs ({@code Plugin-Requires}); empty when unknown
 * @param provider who publishes it ({@code Plugin-Provider}); may be empty
 * @param description one line ({@code Plugin-Description}); may be empty
 * @param path the jar
 * @param status where it stands
 * @param provides what it registers
 * @param dependencies ids of plugins it needs ({@code Plugin-Dependencies}), as written
 * @param problem why it is {@link PluginStatus#FAILED}; empty otherwise
 */
public record PluginInfo(String id, String version, String requires, String provider, String description,
        Path path, PluginStatus status, Provides provides, List<String> dependencies, Optional<String> problem) {

    public PluginInfo {
        Objects.requireNonNull(id, "id");
        version = Objects.requireNonNullElse(version, "");
        requires = Objects.requireNonNullElse(requires, "");
        provider = Objects.requireNonNullElse(provider, "");
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(provides, "provides");
        dependencies = List.copyOf(dependencies);
        problem = problem == null ? Optional.empty() : problem;
    }

    PluginInfo withStatus(PluginStatus newStatus, String why) {
        return new PluginInfo(id, version, requires, provider, description, path, newStatus, provides, dependencies,
                Optional.ofNullable(why));
    }

    PluginInfo withPath(Path newPath) {
        return new PluginInfo(id, version, requires, provider, description, newPath, status, provides, dependencies,
                problem);
    }
}
