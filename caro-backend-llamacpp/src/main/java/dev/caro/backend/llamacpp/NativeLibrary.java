package dev.caro.backend.llamacpp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Puts java-llama.cpp's native library into caro's own cache directory before the binding's
 * loader runs. Left alone, that loader deletes every file named {@code llama*} or
 * {@code jllama*} in the system temp directory, extracts the library there on every start and
 * prints "Extracted …" to standard output, where caro writes the command.
 */
final class NativeLibrary {

    static final String LIB_PATH_PROPERTY = "de.kherud.llama.lib.path";
    static final String TMPDIR_PROPERTY = "de.kherud.llama.tmpdir";
    private static final String RESOURCE_ROOT = "/de/kherud/llama/";

    /** The directory {@link #prepare} extracted the library to in this process; checked already. */
    private static String prepared;

    private NativeLibrary() {}

    /** The binding's version, read from its jar, e.g. {@code 4.2.0}. */
    static String bindingVersion() {
        try (InputStream in = NativeLibrary.class.getResourceAsStream("/META-INF/maven/de.kherud/llama/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The binding's folder for this platform, e.g. {@code Linux/x86_64}; empty when unsupported. */
    static Optional<String> platformFolder(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String archFolder;
        if (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x64")) {
            archFolder = "x86_64";
        } else if (arch.equals("aarch64") || arch.equals("arm64")) {
            archFolder = "aarch64";
        } else if (arch.equals("x86") || arch.equals("i386") || arch.equals("i686")) {
            archFolder = "x86";
        } else {
            return Optional.empty();
        }
        String osFolder;
        if (os.startsWith("linux")) {
            osFolder = "Linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            osFolder = "Mac";
        } else if (os.startsWith("windows")) {
            osFolder = "Windows";
        } else {
            return Optional.empty();
        }
        String folder = osFolder + "/" + archFolder;
        boolean shipped = folder.equals("Linux/x86_64") || folder.equals("Linux/aarch64")
                || folder.equals("Mac/x86_64") || folder.equals("Mac/aarch64")
                || folder.equals("Windows/x86_64") || folder.equals("Windows/x86");
        return shipped ? Optional.of(folder) : Optional.empty();
    }

    static Optional<String> currentPlatformFolder() {
        return platformFolder(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * Extracts the library once into {@code <cacheDir>/native/<version>/<os>-<arch>/} and points
     * the binding at it. Safe to call repeatedly; the first call in a process wins.
     *
     * @return the directory holding the library
     * @throws IOException when the platform is unsupported or the library cannot be written
     */
    static synchronized Path prepare(Path cacheDir) throws IOException {
        String existing = System.getProperty(LIB_PATH_PROPERTY);
        if (existing != null && !existing.isBlank()) {
            Path library = Path.of(existing, System.mapLibraryName("jllama"));
            if (!existing.equals(prepared)) {
                checkChosenDirectory(existing);
            }
            if (Files.isRegularFile(library)) {
                ensureTmpDir(Path.of(existing), false);
                return Path.of(existing);
            }
        }
        String folder = currentPlatformFolder().orElseThrow(() -> new IOException(
                "llama.cpp has no native library for " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")));
        String libName = System.mapLibraryName("jllama");
        URL resource = NativeLibrary.class.getResource(RESOURCE_ROOT + folder + "/" + libName);
        if (resource == null) {
            throw new IOException("the java-llama.cpp jar has no " + folder + "/" + libName);
        }
        Path dir = cacheDir.resolve("native").resolve(bindingVersion()).resolve(folder.replace('/', '-'));
        Files.createDirectories(dir);
        Path target = dir.resolve(libName);
        URLConnection connection = resource.openConnection();
        long size = connection.getContentLengthLong();
        // A same-sized file for another CPU (a cache shared between machines) is extracted again.
        if (!Files.isRegularFile(target) || size < 0 || Files.size(target) != size || !runsHere(target, folder)) {
            Path tmp = Files.createTempFile(dir, "extract", ".tmp");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } else {
            connection.getInputStream().close();
        }
        ensureTmpDir(dir, true);
        System.setProperty(LIB_PATH_PROPERTY, dir.toString());
        prepared = dir.toString();
        return dir;
    }

    /**
     * Whether the library path property was set by {@link #prepare} in this process (caro's own
     * cache) rather than by the user or the launcher; a server process prepares its own.
     */
    static synchronized boolean setByCaro() {
        String existing = System.getProperty(LIB_PATH_PROPERTY);
        return existing != null && existing.equals(prepared);
    }

    /**
     * What is wrong with the library named by {@code -Dde.kherud.llama.lib.path}, if it is set and
     * cannot be used: missing, cut short, or built for another platform. Reads only its header.
     */
    static synchronized Optional<String> configuredLibraryProblem() {
        String existing = System.getProperty(LIB_PATH_PROPERTY);
        if (existing == null || existing.isBlank() || existing.equals(prepared)) {
            return Optional.empty();
        }
        try {
            checkChosenDirectory(existing);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The directory named by the property must hold a library for this machine. */
    private static void checkChosenDirectory(String existing) throws IOException {
        Path library = Path.of(existing, System.mapLibraryName("jllama"));
        if (!Files.isRegularFile(library)) {
            // Otherwise the binding would quietly load its bundled library instead of the chosen one.
            throw new IOException(existing + " (set by -D" + LIB_PATH_PROPERTY + ") holds no "
                    + library.getFileName() + "; point -D" + LIB_PATH_PROPERTY
                    + " at the directory that holds it, or remove it to use the bundled one");
        }
        checkConfiguredLibrary(library);
    }

    /**
     * A library the user chose with {@code -Dde.kherud.llama.lib.path} (a GPU build, say) must be
     * for this machine: given another platform's library, the binding prints a warning and quietly
     * loads its bundled CPU library from the system temp directory instead.
     */
    static void checkConfiguredLibrary(Path library) throws IOException {
        Optional<String> here = currentPlatformFolder();
        if (here.isEmpty()) {
            return; // no name to compare with; the binding gets to try
        }
        String machine = here.get().replace('/', ' ');
        String where;
        String fix;
        Path dir = library.toAbsolutePath().getParent();
        if (dir.getFileName().toString().equals("native") && Files.isRegularFile(dir.resolveSibling("lib").resolve("caro-cli.jar"))) {
            // caro's archive layout (bin/, lib/, native/): its launcher set the property
            where = library + " (from the caro archive)";
            fix = "install the caro archive built for " + machine;
        } else {
            where = library + " (set by -D" + LIB_PATH_PROPERTY + ")";
            fix = "point -D" + LIB_PATH_PROPERTY + " at a library built for " + machine + ", or remove it to use the bundled one";
        }
        LibraryPlatform platform;
        try {
            platform = LibraryPlatform.read(library);
        } catch (IOException e) {
            throw new IOException(where + " is " + e.getMessage() + "; " + fix, e);
        }
        if (!platform.runsOn(here.get())) {
            throw new IOException(where + " is built for " + platform + ", not for this " + machine + " machine; " + fix);
        }
    }

    private static boolean runsHere(Path library, String folder) {
        try {
            return LibraryPlatform.read(library).runsOn(folder);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The binding's loader still cleans its temp directory (and on macOS extracts a Metal shader
     * there) even when the library path is set, so give it an empty folder of caro's own.
     */
    private static void ensureTmpDir(Path libDir, boolean replace) throws IOException {
        if (replace || System.getProperty(TMPDIR_PROPERTY) == null) {
            Path tmp = libDir.resolve("tmp");
            Files.createDirectories(tmp);
            System.setProperty(TMPDIR_PROPERTY, tmp.toString());
        }
    }
}
