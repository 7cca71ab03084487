package dev.caro.cli.plugins;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where {@code caro plugins install} takes a plugin from: a local jar, an https URL, or Maven coordinates. */
sealed interface PluginSource {

    record LocalJar(Path path) implements PluginSource {}

    record Url(URI uri) implements PluginSource {}

    record Maven(String group, String artifact, String version) implements PluginSource {
        /** The jar's URL in a Maven 2 layout repository. */
        URI in(String repository) {
            return URI.create(repository + "/" + group.replace('.', '/') + "/" + artifact + "/" + version + "/"
                    + artifact + "-" + version + ".jar");
        }

        @Override
        public String toString() {
            return group + ":" + artifact + ":" + version;
        }
    }

    Pattern COORDINATES = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_.-]*):([A-Za-z0-9_][A-Za-z0-9_.-]*):([A-Za-z0-9_][A-Za-z0-9_.+-]*)");

    static PluginSource parse(String text) throws PluginsFailure {
        String s = text.strip();
        if (s.startsWith("https://") || s.startsWith("http://")) {
            try {
                return new Url(URI.create(s));
            } catch (IllegalArgumentException e) {
                throw new PluginsFailure(PluginsCommand.EXIT_USAGE, "'" + s + "' is not a valid URL.");
            }
        }
        Path p = Path.of(s);
        if (Files.isRegularFile(p)) {
            return new LocalJar(p);
        }
        Matcher m = COORDINATES.matcher(s);
        if (m.matches() && !s.contains("..")) {
            return new Maven(m.group(1), m.group(2), m.group(3));
        }
        throw new PluginsFailure(PluginsCommand.EXIT_USAGE, "'" + s + "' is not a file, an https URL or"
                + " GROUP:ARTIFACT:VERSION. Example: caro plugins install dev.caro:caro-plugin-ollama:0.1.0");
    }
}
