package dev.caro.cli;

import dev.caro.core.config.CaroPaths;
import dev.caro.core.context.ContextDetector;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code caro --help} as picocli renders it, written at build time ({@link #main}) into the jar.
 * Rendering it at run time meant building picocli's model of every subcommand first, six times
 * the cost of a bare JVM start; printing the stored text costs next to nothing. A test holds the
 * stored text to what picocli prints.
 */
public final class RootHelp {

    private static final String PLAIN = "root-help.txt";
    private static final String COLORED = "root-help-ansi.txt";

    private RootHelp() {}

    /** Whether {@code args} asks for the root's help and nothing else. */
    static boolean isRequest(String... args) {
        return args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
    }

    /**
     * The stored help, colored when picocli would color it; empty when it is not in the jar or a
     * {@code picocli.*} system property (width, colors, tracing) may change what picocli prints.
     */
    static Optional<String> stored() {
        for (Object key : System.getProperties().keySet()) {
            if (key instanceof String s && s.startsWith("picocli.")) {
                return Optional.empty();
            }
        }
        try {
            byte[] text = ownResource(Ansi.AUTO.enabled() ? COLORED : PLAIN);
            if (text == null) {
                return Optional.empty();
            }
            return Optional.of(new String(text, StandardCharsets.UTF_8).replace("\n", System.lineSeparator()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A resource of this package, or null. Read from caro-cli's jar directly when the class came
     * from one: the class loader's way, through a {@code jar:} URL connection, loads and links
     * some 30 classes of the JDK, a fifth of {@code caro --help} on Java 25.
     */
    private static byte[] ownResource(String name) throws IOException {
        CodeSource source = RootHelp.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location != null && "file".equals(location.getProtocol()) && location.getPath().endsWith(".jar")) {
            try (ZipFile jar = new ZipFile(new File(location.toURI()))) {
                ZipEntry entry = jar.getEntry("dev/caro/cli/" + name);
                if (entry == null) {
                    return null;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return in.readAllBytes();
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a plain file: read it the class loader's way
            }
        }
        try (InputStream in = RootHelp.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** Renders the help with and without colors into the directory {@code args[0]} (the build's classes). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0], RootHelp.class.getPackageName().replace('.', '/'));
        Files.createDirectories(dir);
        CommandLine cl = commandLine();
        Files.writeString(dir.resolve(PLAIN), render(cl, Ansi.OFF));
        Files.writeString(dir.resolve(COLORED), render(cl, Ansi.ON));
    }

    /** What picocli prints for {@code caro --help} with {@code ansi}, with {@code \n} line ends. */
    static String render(CommandLine cl, Ansi ansi) {
        return cl.getUsageMessage(ansi).replace(System.lineSeparator(), "\n");
    }

    /** The whole command tree, as {@link Main} builds it for {@code --help}. */
    static CommandLine commandLine() {
        Path nowhere = Path.of("/nonexistent-caro-home");
        Map<String, String> env = Map.of();
        CliEnvironment cli = new CliEnvironment(env, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, false,
                new ContextDetector(env, Map.of(), null), CaroPaths.from(env, nowhere), false);
        return Main.commandLine(new CaroCommand(cli), cli);
    }
}
