package dev.caro.core.plugin;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.caro.api.CaroApi;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The plugin descriptor reader ({@link PluginJar#read}) given arbitrary manifest attribute values,
 * or arbitrary manifest bytes, either accepts the jar or fails with its documented
 * {@link PluginException} — never another exception, never a hang. The long run is {@code -Pfuzz}.
 */
class PluginDescriptorFuzzTest {

    private static final String[] ATTRIBUTES = {"Plugin-Id", "Plugin-Version", "Plugin-Requires",
        "Plugin-Dependencies", "Plugin-Class", "Plugin-Description", "Plugin-Provider", "Plugin-License"};

    @Property(tries = 200)
    void anyAttributeValuesGiveAPluginOrItsDocumentedFailure(@ForAll("manifests") byte[] manifest) throws IOException {
        check(manifest);
    }

    @Provide
    Arbitrary<byte[]> manifests() {
        return manifestsArbitrary();
    }

    static Arbitrary<byte[]> manifestsArbitrary() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("hello", "caro.evil", "Hello World", "my-plugin", "1.0.0", "1.0", "x.y.z", "",
                        " ", ">=" + CaroApi.VERSION, CaroApi.VERSION, ">=1.0.0 & <2.0.0", ">=9.0.0", "((((", "&&||",
                        ">=1.0.0 & <", "a@1.0.0, b?@>=2.0.0", "@@@", "a@", "?", "a,b,,c", "x@(1.0.0"),
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withChars("0123456789.<>=&|!()*@?,- abc").ofMaxLength(30));
        Arbitrary<Map<String, String>> attributes = Arbitraries.maps(Arbitraries.of(ATTRIBUTES), value).ofMaxSize(8);
        Arbitrary<byte[]> wellFormed = attributes.map(PluginDescriptorFuzzTest::manifestBytes);
        Arbitrary<byte[]> rawBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> spliced = Combinators.combine(attributes, rawBytes).as((a, raw) -> {
            byte[] head = manifestBytes(a);
            byte[] out = new byte[head.length + raw.length];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(raw, 0, out, head.length, raw.length);
            return out;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, wellFormed), net.jqwik.api.Tuple.of(2, rawBytes), net.jqwik.api.Tuple.of(2, spliced));
    }

    /** A manifest with the given main attributes, written as bytes so values may break its syntax. */
    private static byte[] manifestBytes(Map<String, String> attributes) {
        StringBuilder sb = new StringBuilder("Manifest-Version: 1.0\r\n");
        new LinkedHashMap<>(attributes).forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTypicalManifestIsAccepted() throws IOException {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("Plugin-Id", "hello");
        a.put("Plugin-Version", "1.0.0");
        a.put("Plugin-Requires", ">=" + CaroApi.VERSION);
        Path jar = jar(manifestBytes(a));
        try {
            assertNotNull(PluginJar.read(jar).info(PluginStatus.ENABLED, null), "the generator's base case is a valid plugin");
        } catch (PluginException e) {
            throw new AssertionError("a valid manifest was rejected: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    static void check(byte[] manifest) throws IOException {
        Path jar = jar(manifest);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                try {
                    PluginJar read = PluginJar.read(jar);
                    // An accepted jar must also be listable.
                    assertNotNull(read.info(PluginStatus.ENABLED, null));
                    read.dependencyLabels();
                } catch (PluginException e) {
                    assertNotNull(PluginJar.broken(jar, e), "a rejected jar still gets a listing entry");
                }
            });
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    private static Path jar(byte[] manifest) throws IOException {
        Path jar = Files.createTempFile("caro-fuzz-plugin", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(manifest);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/services/dev.caro.api.backend.ModelBackendProvider"));
            zip.write("com.example.HelloBackendProvider\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    /** The long run: {@code ./mvnw -pl caro-core -am test -Pfuzz [-Dcaro.fuzz.tries=N]}. */
    @Nested
    @Tag("fuzz")
    class LongRun {
        @Test
        void manyManifests() throws IOException {
            Iterator<byte[]> it = manifestsArbitrary().sampleStream().limit(Math.max(1, Integer.getInteger("caro.fuzz.tries", 20_000) / 10)).iterator();
            while (it.hasNext()) {
                check(it.next());
            }
        }
    }
}
