package dev.caro.backend.djl;

import ai.djl.engine.Engine;
import dev.caro.api.backend.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts DJL's PyTorch engine from the libtorch jar on the class path, with nothing downloaded:
 * DJL's offline mode and telemetry opt-out are set, and its cache (where libtorch is unpacked
 * once, about 445 MB) is {@code <caro cache>/djl}. DJL reads these as system properties only when
 * the matching environment variables ({@code DJL_OFFLINE}, {@code DJL_CACHE_DIR}) are unset; the
 * environment wins, as DJL documents.
 */
final class TorchRuntime {

    static final String PYTORCH_VERSION = "2.7.1";
    static final String NATIVE_PROPERTIES = "native/lib/pytorch.properties";
    static final String OFFLINE_PROPERTY = "ai.djl.offline";
    static final String CACHE_PROPERTY = "DJL_CACHE_DIR";
    static final String JNA_TMPDIR_PROPERTY = "jna.tmpdir";
    static final String GRAPH_OPTIMIZER_PROPERTY = "ai.djl.pytorch.graph_optimizer";
    private static final String FALLBACK = "; use --backend llamacpp or --backend offline instead";

    private TorchRuntime() {}

    /** DJL's name for this machine's libtorch build, e.g. {@code linux-x86_64}; empty when PyTorch has none. */
    static Optional<String> classifier(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("linux") && (x64 || arm64)) {
            return Optional.of(x64 ? "linux-x86_64" : "linux-aarch64");
        }
        if ((os.startsWith("mac") || os.startsWith("darwin")) && arm64) {
            return Optional.of("osx-aarch64");
        }
        if (os.startsWith("windows") && x64) {
            return Optional.of("win-x86_64");
        }
        return Optional.empty();
    }

    /** The classifier of the libtorch jar on {@code loader}'s class path; empty when there is none. */
    static Optional<String> bundledClassifier(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(NATIVE_PROPERTIES)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            return Optional.ofNullable(p.getProperty("classifier"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Why libtorch cannot run here, without loading it; empty when it can.
     *
     * @param bundled the classifier of the libtorch jar found, see {@link #bundledClassifier}
     */
    static Optional<String> nativeProblem(String osName, String osArch, Optional<String> bundled) {
        Optional<String> wanted = classifier(osName, osArch);
        if (wanted.isEmpty()) {
            return Optional.of("PyTorch " + PYTORCH_VERSION + " has no native library for " + osName + " " + osArch
                    + FALLBACK);
        }
        if (bundled.isEmpty()) {
            return Optional.of("the PyTorch native library is missing: put ai.djl.pytorch:pytorch-native-cpu:"
                    + PYTORCH_VERSION + ":" + wanted.get() + " on caro's class path" + FALLBACK);
        }
        if (!bundled.get().equals(wanted.get())) {
            return Optional.of("the bundled PyTorch native library is for " + bundled.get() + ", this machine needs "
                    + wanted.get() + ": install the DJL backend built for it" + FALLBACK);
        }
        return Optional.empty();
    }

    static Optional<String> nativeProblem() {
        return nativeProblem(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                bundledClassifier(TorchRuntime.class.getClassLoader()));
    }

    /** For a class path that lacks one of DJL's jars. */
    static BackendException incomplete(NoClassDefFoundError e) {
        return new BackendException("the DJL backend is installed without all of its libraries (missing class "
                + e.getMessage() + "); reinstall it as docs/djl-backend.md describes", e);
    }

    /** Where DJL unpacks its native libraries: {@code <cacheDir>/djl}. */
    static Path djlCacheDir(Path cacheDir) {
        return cacheDir.resolve("djl");
    }

    /**
     * Configures DJL and loads the PyTorch engine. The first call in a process decides the cache
     * directory and thread count.
     *
     * @throws BackendException when the native library is missing, unsupported or fails to load
     */
    static synchronized Engine start(Path cacheDir, int threads) throws BackendException {
        Optional<String> problem = nativeProblem();
        if (problem.isPresent()) {
            throw new BackendException(problem.get());
        }
        if (System.getProperty(CACHE_PROPERTY) == null) {
            Path dir = djlCacheDir(cacheDir);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new BackendException("cannot create DJL's cache directory " + dir + ": " + e.getMessage(), e);
            }
            System.setProperty(CACHE_PROPERTY, dir.toString());
        }
        if (System.getProperty(JNA_TMPDIR_PROPERTY) == null) {
            // DJL probes for CUDA through JNA, which would otherwise unpack its library under ~/.cache.
            System.setProperty(JNA_TMPDIR_PROPERTY, djlCacheDir(cacheDir).resolve("jna").toString());
        }
        System.setProperty(OFFLINE_PROPERTY, "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        // One caller at a time generates one sequence: intra-op threads help, inter-op ones do not.
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        if (System.getProperty(GRAPH_OPTIMIZER_PROPERTY) == null) {
            // The profiling executor re-specialises as the cache grows every step; plain interpretation is steadier.
            System.setProperty(GRAPH_OPTIMIZER_PROPERTY, "false");
        }
        try {
            return Engine.getEngine("PyTorch");
        } catch (NoClassDefFoundError e) {
            throw incomplete(e);
        } catch (LinkageError | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new BackendException("cannot load PyTorch " + PYTORCH_VERSION + " from " + System.getProperty(CACHE_PROPERTY)
                    + " (" + root.getMessage() + "); delete that folder to unpack it again" + FALLBACK, e);
        }
    }
}
