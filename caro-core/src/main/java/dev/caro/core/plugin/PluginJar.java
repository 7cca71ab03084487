package dev.caro.core.plugin;

import dev.caro.api.CaroApi;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.SafetyRule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.VersionManager;

/**
 * A plugin jar read and checked without loading any of its classes: readable (every entry's
 * checksum verified), has a descriptor, a valid id, an API range that admits this caro, and does
 * not bundle caro's API.
 */
final class PluginJar {

    static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9._-]*[a-z0-9])?");
    static final VersionManager VERSIONS = new DefaultVersionManager();
    private static final String API_PREFIX = "dev/caro/api/";
    private static final String SERVICES = "META-INF/services/";

    final Path path;
    final PluginDescriptor descriptor;
    final Provides provides;

    private PluginJar(Path path, PluginDescriptor descriptor, Provides provides) {
        this.path = path;
        this.descriptor = descriptor;
        this.provides = provides;
    }

    String id() {
        return descriptor.getPluginId();
    }

    String version() {
        return descriptor.getVersion();
    }

    /** Reads and checks {@code path}; the exception names the first thing wrong. */
    static PluginJar read(Path path) throws PluginException {
        String file = String.valueOf(path.getFileName());
        Manifest manifest;
        List<String> backends = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        List<String> formatters = new ArrayList<>();
        String bundledApi = null;
        try (JarFile jar = new JarFile(path.toFile(), true)) {
            manifest = jar.getManifest();
            byte[] buffer = new byte[8192];
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
                    throw new PluginException(PluginProblem.Kind.NOT_A_JAR,
                            file + " is not a valid plugin jar: it contains the unsafe entry '" + name
                                    + "'. Remove it and get the plugin from its publisher.");
                }
                if (bundledApi == null && name.startsWith(API_PREFIX) && name.endsWith(".class")) {
                    bundledApi = name;
                }
                // Reading every entry verifies its CRC (and signature, for signed jars).
                try (InputStream in = jar.getInputStream(entry)) {
                    if (name.startsWith(SERVICES) && !entry.isDirectory()) {
                        List<String> target = switch (name.substring(SERVICES.length())) {
                            case "dev.caro.api.backend.ModelBackendProvider" -> backends;
                            case "dev.caro.api.safety.SafetyRule" -> rules;
                            case "dev.caro.api.format.OutputFormatter" -> formatters;
                            default -> null;
                        };
                        if (target != null) {
                            target.addAll(serviceNames(in));
                            continue;
                        }
                    }
                    while (in.read(buffer) >= 0) {
                        // drain
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            throw new PluginException(PluginProblem.Kind.NOT_A_JAR,
                    file + " is not a readable jar (" + e.getMessage() + "). Remove it, or download it again.", e);
        }
        Provides provides = new Provides(backends, rules, formatters);
        try {
            return check(path, file, manifest, bundledApi, provides);
        } catch (PluginException e) {
            e.provides = provides;
            throw e;
        }
    }

    private static PluginJar check(Path path, String file, Manifest manifest, String bundledApi, Provides provides)
            throws PluginException {
        if (manifest == null || blank(manifest.getMainAttributes().getValue("Plugin-Id"))) {
            throw new PluginException(PluginProblem.Kind.NO_DESCRIPTOR,
                    file + " has no plugin descriptor (no Plugin-Id in META-INF/MANIFEST.MF): it is not a caro plugin.");
        }
        PluginDescriptor d;
        try {
            d = DescriptorReader.INSTANCE.fromManifest(manifest);
        } catch (RuntimeException e) {
            throw new PluginException(PluginProblem.Kind.INVALID_DESCRIPTOR,
                    file + " has an unreadable plugin descriptor: " + e.getMessage(), e);
        }
        String id = d.getPluginId().strip();
        if (id.startsWith(CaroApi.RESERVED_PREFIX)) {
            throw new PluginException(PluginProblem.Kind.RESERVED_ID, "Plugin '" + id + "' (" + file
                    + ") uses the prefix 'caro.', which is reserved for built-ins: the publisher must rename it.");
        }
        if (!ID.matcher(id).matches()) {
            throw new PluginException(PluginProblem.Kind.INVALID_DESCRIPTOR, "Plugin id '" + id + "' (" + file
                    + ") is invalid: use lower case letters, digits, '.', '-' and '_'.");
        }
        if (blank(d.getVersion())) {
            throw new PluginException(PluginProblem.Kind.INVALID_DESCRIPTOR,
                    "Plugin '" + id + "' (" + file + ") has no Plugin-Version in its manifest.");
        }
        try {
            VERSIONS.compareVersions(d.getVersion(), d.getVersion());
        } catch (RuntimeException e) {
            throw new PluginException(PluginProblem.Kind.INVALID_DESCRIPTOR, "Plugin '" + id + "' (" + file
                    + ") has the invalid Plugin-Version '" + d.getVersion() + "': use MAJOR.MINOR.PATCH.");
        }
        String requires = manifest.getMainAttributes().getValue("Plugin-Requires");
        if (blank(requires)) {
            throw new PluginException(PluginProblem.Kind.INVALID_DESCRIPTOR, "Plugin '" + id + "' (" + file
                    + ") declares no Plugin-Requires: it must name the caro API range it was built for.");
        }
        if (!apiSatisfies(requires.strip())) {
            throw new PluginException(PluginProblem.Kind.API_RANGE, "Plugin '" + id + "' " + d.getVersion()
                    + " requires caro API " + requires.strip() + ", but this caro provides API " + CaroApi.VERSION
                    + ": install a version of the plugin built for API " + CaroApi.VERSION + ".");
        }
        if (bundledApi != null) {
            throw new PluginException(PluginProblem.Kind.BUNDLED_API, "Plugin '" + id + "' (" + file
                    + ") bundles caro's API (" + bundledApi + "): the publisher must declare caro-api with"
                    + " <scope>provided</scope> and rebuild.");
        }
        return new PluginJar(path, d, provides);
    }

    /** Whether this caro's API version is inside {@code range} (a bare version means "at least"). */
    static boolean apiSatisfies(String range) {
        String constraint = range.matches("\\d+\\.\\d+\\.\\d+") ? ">=" + range : range;
        try {
            return VERSIONS.checkVersionConstraint(CaroApi.VERSION, constraint);
        } catch (RuntimeException e) {
            return false;
        }
    }

    List<String> dependencyLabels() {
        List<String> out = new ArrayList<>();
        for (PluginDependency dep : descriptor.getDependencies()) {
            out.add(dep.getPluginId() + (dep.isOptional() ? "?" : "")
                    + ("*".equals(dep.getPluginVersionSupport()) ? "" : "@" + dep.getPluginVersionSupport()));
        }
        return out;
    }

    PluginInfo info(PluginStatus status, String problem) {
        return new PluginInfo(id(), version(), descriptor.getRequires(), descriptor.getProvider(),
                descriptor.getPluginDescription(), path, status, provides, dependencyLabels(),
                Optional.ofNullable(problem));
    }

    /** The entry of a file that failed {@link #read}: what listings show for it. */
    static PluginInfo broken(Path path, PluginException e) {
        String id = String.valueOf(path.getFileName());
        String version = "";
        try (JarFile jar = new JarFile(path.toFile(), false)) {
            Manifest m = jar.getManifest();
            if (m != null && !blank(m.getMainAttributes().getValue("Plugin-Id"))) {
                id = m.getMainAttributes().getValue("Plugin-Id").strip();
                version = Optional.ofNullable(m.getMainAttributes().getValue("Plugin-Version")).orElse("");
            }
        } catch (IOException | RuntimeException ignored) {
            // not readable: the file name stands in for the id
        }
        Provides provides = e.provides == null ? Provides.nothing() : e.provides;
        return new PluginInfo(id, version, "", "", "", path, PluginStatus.FAILED, provides, List.of(),
                Optional.of(e.getMessage()));
    }

    private static List<String> serviceNames(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The SPI interfaces a plugin may implement, in load order. */
    static final List<Class<?>> SPIS = List.of(ModelBackendProvider.class, SafetyRule.class, OutputFormatter.class);

    /** PF4J's manifest reading, applied to the manifest already read (the file name need not end in .jar). */
    private static final class DescriptorReader extends ManifestPluginDescriptorFinder {
        static final DescriptorReader INSTANCE = new DescriptorReader();

        PluginDescriptor fromManifest(Manifest manifest) {
            return createPluginDescriptor(manifest);
        }
    }
}
