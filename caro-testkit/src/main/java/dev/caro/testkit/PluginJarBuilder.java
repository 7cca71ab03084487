package dev.caro.testkit;

import dev.caro.api.CaroApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds real plugin jars for tests: a manifest with the plugin descriptor, compiled classes
 * taken from the test class path (with their nested and anonymous classes), and
 * {@code META-INF/services} registrations.
 *
 * <pre>{@code
 * Path jar = PluginJarBuilder.plugin("acme.hello", "1.0.0")
 *         .service(SafetyRule.class, HelloRule.class)
 *         .build(tempDir);
 * }</pre>
 *
 * <p>Classes added this way also stay on the test class path; caro loads a plugin's own classes
 * from its jar first, so the plugin gets its own copies, as in production.
 */
public final class PluginJarBuilder {

    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private String fileName;

    private PluginJarBuilder(String id, String version) {
        manifest.put("Plugin-Id", id);
        manifest.put("Plugin-Version", version);
        manifest.put("Plugin-Requires", defaultRequires());
        manifest.put("Plugin-Provider", "caro tests");
        manifest.put("Plugin-Description", "Test plugin " + id);
        fileName = id + "-" + version + ".jar";
    }

    /** A plugin with {@code id} and {@code version}, requiring the running API's major version. */
    public static PluginJarBuilder plugin(String id, String version) {
        return new PluginJarBuilder(Objects.requireNonNull(id), Objects.requireNonNull(version));
    }

    /** {@code >=MAJOR.0.0 & <MAJOR+1.0.0} for the API on the class path. */
    public static String defaultRequires() {
        int major = Integer.parseInt(CaroApi.VERSION.split("\\.")[0]);
        return ">=" + major + ".0.0 & <" + (major + 1) + ".0.0";
    }

    /** Sets {@code Plugin-Requires}, the caro API range. */
    public PluginJarBuilder requires(String range) {
        return attribute("Plugin-Requires", range);
    }

    /** Sets {@code Plugin-Dependencies}, e.g. {@code "acme.base@>=1.0.0, acme.extra?"}. */
    public PluginJarBuilder dependencies(String dependencies) {
        return attribute("Plugin-Dependencies", dependencies);
    }

    /** Sets {@code Plugin-Class} (an {@code org.pf4j.Plugin} subclass, for lifecycle tests). */
    public PluginJarBuilder pluginClass(Class<?> pluginClass) {
        withClasses(pluginClass);
        return attribute("Plugin-Class", pluginClass.getName());
    }

    /** Sets any manifest attribute; a null value removes it. */
    public PluginJarBuilder attribute(String name, String value) {
        if (value == null) {
            manifest.remove(name);
        } else {
            manifest.put(name, value);
        }
        return this;
    }

    /** Leaves out the plugin descriptor: the jar becomes an ordinary jar. */
    public PluginJarBuilder withoutDescriptor() {
        manifest.keySet().removeIf(k -> k.startsWith("Plugin-"));
        return this;
    }

    /** Adds the compiled classes (and their nested and anonymous classes). */
    public PluginJarBuilder withClasses(Class<?>... classes) {
        for (Class<?> c : classes) {
            addClass(c);
        }
        return this;
    }

    /** Registers {@code implementations} of {@code spi} in {@code META-INF/services} and adds their classes. */
    public PluginJarBuilder service(Class<?> spi, Class<?>... implementations) {
        List<String> names = services.computeIfAbsent(spi.getName(), k -> new ArrayList<>());
        for (Class<?> c : implementations) {
            if (!spi.isAssignableFrom(c)) {
                throw new IllegalArgumentException(c.getName() + " does not implement " + spi.getName());
            }
            addClass(c);
            names.add(c.getName());
        }
        return this;
    }

    /** Registers class names of {@code spi} without adding any class (for broken registrations). */
    public PluginJarBuilder serviceNames(Class<?> spi, String... classNames) {
        services.computeIfAbsent(spi.getName(), k -> new ArrayList<>()).addAll(List.of(classNames));
        return this;
    }

    /** Adds a raw entry. */
    public PluginJarBuilder entry(String name, byte[] content) {
        entries.put(name, content.clone());
        return this;
    }

    /** The jar's file name; {@code ID-VERSION.jar} unless set. */
    public PluginJarBuilder fileName(String name) {
        this.fileName = name;
        return this;
    }

    /** Writes the jar into {@code dir} (created if needed) and returns its path. */
    public Path build(Path dir) {
        Manifest m = new Manifest();
        Attributes main = m.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> main.put(new Attributes.Name(k), v));
        try {
            Files.createDirectories(dir);
            Path jar = dir.resolve(fileName);
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, m)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    put(jos, e.getKey(), e.getValue());
                }
                for (Map.Entry<String, List<String>> s : services.entrySet()) {
                    put(jos, "META-INF/services/" + s.getKey(),
                            (String.join("\n", s.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Overwrites {@code jar} with its first half: what an interrupted download leaves. */
    public static void truncate(Path jar) {
        try {
            byte[] bytes = Files.readAllBytes(jar);
            Files.write(jar, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Flips bytes inside the stored data of entry {@code entryName} of an uncompressed-or-not jar,
     * keeping the zip structure intact: what tampering in transit leaves. The entry's checksum no
     * longer matches.
     */
    public static void tamper(Path jar, String entryName) {
        try {
            long offset;
            long size;
            try (JarFile jf = new JarFile(jar.toFile(), false)) {
                JarEntry e = jf.getJarEntry(entryName);
                if (e == null) {
                    throw new IllegalArgumentException(entryName + " is not in " + jar);
                }
                size = e.getCompressedSize();
            }
            byte[] bytes = Files.readAllBytes(jar);
            byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
            // The first occurrence of the name is the local file header; its data follows.
            int at = indexOf(bytes, name);
            int nameLen = (bytes[at - 4] & 0xff) | (bytes[at - 3] & 0xff) << 8;
            int extraLen = (bytes[at - 2] & 0xff) | (bytes[at - 1] & 0xff) << 8;
            offset = (long) at + nameLen + extraLen;
            for (long i = offset; i < offset + Math.max(1, size / 2) && i < bytes.length; i++) {
                bytes[(int) i] ^= 0x5a;
            }
            Files.write(jar, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("entry name not found");
    }

    private static void put(JarOutputStream jos, String name, byte[] content) throws IOException {
        jos.putNextEntry(new JarEntry(name));
        jos.write(content);
        jos.closeEntry();
    }

    private void addClass(Class<?> c) {
        Class<?> top = c;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String path = top.getName().replace('.', '/');
        String simple = path.substring(path.lastIndexOf('/') + 1);
        URL url = top.getResource(simple + ".class");
        if (url == null) {
            throw new IllegalArgumentException("no class file for " + top.getName());
        }
        try {
            entries.put(path + ".class", read(url));
            String prefix = path + "$";
            if ("file".equals(url.getProtocol())) {
                Path classFile = Path.of(url.toURI());
                try (DirectoryStream<Path> s = Files.newDirectoryStream(classFile.getParent(), simple + "$*.class")) {
                    for (Path p : s) {
                        entries.put(prefix + p.getFileName().toString().substring(simple.length() + 1),
                                Files.readAllBytes(p));
                    }
                }
            } else if ("jar".equals(url.getProtocol())) {
                JarURLConnection conn = (JarURLConnection) url.openConnection();
                conn.setUseCaches(false);
                try (JarFile jf = conn.getJarFile()) {
                    for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements(); ) {
                        JarEntry e = en.nextElement();
                        if (e.getName().startsWith(prefix) && e.getName().endsWith(".class")) {
                            try (InputStream in = jf.getInputStream(e)) {
                                entries.put(e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
