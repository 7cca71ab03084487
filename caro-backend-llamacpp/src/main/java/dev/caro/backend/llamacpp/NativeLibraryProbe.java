package dev.caro.backend.llamacpp;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A program for {@code caro doctor}, run in a child JVM by class name: installs the native library
 * the way the backend does (into caro's cache, never the system temp directory) and loads it.
 * Prints {@code loaded} and exits 0, or prints the reason and exits 3.
 *
 * <p>Usage: {@code java -cp … dev.caro.backend.llamacpp.NativeLibraryProbe CACHE_DIR}
 */
public final class NativeLibraryProbe {

    private NativeLibraryProbe() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.out.println("usage: NativeLibraryProbe CACHE_DIR");
            System.exit(2);
        }
        try {
            try {
                NativeLibrary.prepare(Path.of(args[0]));
            } catch (IOException e) {
                System.out.println(e.getMessage()); // already a sentence naming the file and the fix
                System.out.flush();
                System.exit(3);
            }
            Class.forName("de.kherud.llama.LlamaModel", true, NativeLibraryProbe.class.getClassLoader());
            System.out.println("loaded");
            System.out.flush();
            System.exit(0);
        } catch (Throwable e) {
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            System.out.println(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        System.exit(3);
    }
}
