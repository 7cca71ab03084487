package dev.caro.backend.llamacpp;

import dev.caro.api.backend.BackendEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Where one model server lives: {@code <dir>/llama-<key>.sock} and its lock, log and pid files,
 * in {@code $XDG_RUNTIME_DIR/caro} or else {@code <cacheDir>/run}. The directory is the security
 * boundary: it must be the user's own and closed to everyone else (0700), so no other user can
 * reach the socket.
 *
 * @param dir the run directory
 * @param name {@code llama-<key>}, where the key is a hash of everything that makes a server
 *     different: the model file (path, size, modification time), the load settings and caro's
 *     own class path and Java
 */
record ServerFiles(Path dir, String name) {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    Path socket() {
        return dir.resolve(name + ".sock");
    }

    Path lock() {
        return dir.resolve(name + ".lock");
    }

    Path log() {
        return dir.resolve(name + ".log");
    }

    Path pid() {
        return dir.resolve(name + ".pid");
    }

    /** Whether this file system has POSIX permissions, without which the server is not used. */
    static boolean supported() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Unix socket paths are limited to 108 bytes on Linux (104 on macOS), the terminating NUL included. */
    static final int MAX_SOCKET_PATH = 103;

    /**
     * Whether a socket in {@code dir} fits the operating system's limit on socket paths; under a
     * very long cache path the model is loaded in caro's own process instead.
     */
    static boolean socketPathFits(Path dir) {
        String longest = dir.toAbsolutePath().resolve("llama-0123456789abcdef.sock").toString();
        return longest.getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH;
    }

    /** The run directory for {@code env}; not created. */
    static Path directory(BackendEnvironment env) {
        Optional<Path> runtime = env.env("XDG_RUNTIME_DIR").map(Path::of).filter(Path::isAbsolute);
        return runtime.map(p -> p.resolve("caro")).orElseGet(() -> env.cacheDir().resolve("run"));
    }

    /** The key of a server for this model file and these settings. */
    static String key(ModelChoice choice, LlamaCppSettings settings) throws IOException {
        StringBuilder sb = new StringBuilder("protocol ").append(ServerProtocol.VERSION).append('\n');
        sb.append(choice.path().toAbsolutePath()).append('\n');
        sb.append(Files.size(choice.path())).append(' ').append(Files.getLastModifiedTime(choice.path()).toMillis()).append('\n');
        sb.append(settings).append('\n');
        sb.append(System.getProperty("java.home")).append('\n').append(System.getProperty("java.class.path"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates the run directory (0700) if needed and checks that only this user can enter it.
     *
     * @throws IOException with a user-facing message when the directory is unsafe or cannot be made
     */
    static ServerFiles prepare(Path dir, String key) throws IOException {
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // checked below like any existing directory
        } catch (IOException e) {
            throw new IOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        checkPrivate(dir);
        return new ServerFiles(dir, "llama-" + key);
    }

    /** Refuses a directory that is a link, belongs to someone else or is open to group or others. */
    static void checkPrivate(Path dir) throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory()) {
            throw new IOException(dir + " is not a directory");
        }
        UserPrincipal me = currentUser(dir);
        if (me != null && !a.owner().equals(me)) {
            throw new IOException(dir + " belongs to " + a.owner().getName() + ", not to you");
        }
        if (!OWNER_ONLY.containsAll(a.permissions())) {
            throw new IOException(dir + " is open to other users (" + PosixFilePermissions.toString(a.permissions())
                    + "); run 'chmod 700 " + dir + "'");
        }
    }

    /** This process's user, or null when it cannot be told. */
    private static UserPrincipal currentUser(Path onFileSystem) {
        try {
            Path self = Path.of("/proc/self");
            if (Files.exists(self)) {
                return Files.getOwner(self); // the effective user of this process (Linux)
            }
            return onFileSystem.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Owner read and write only, for the socket and the log. */
    static void ownerOnly(Path file) throws IOException {
        Files.setPosixFilePermissions(file, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
}
