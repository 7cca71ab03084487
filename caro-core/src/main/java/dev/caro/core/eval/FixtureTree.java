package dev.caro.core.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throw-away directory tree for execution equivalence: a working directory with source files,
 * logs, CSV data, empty and excluded directories, files of several sizes and ages, and a fake
 * home directory ({@code home/}) with Downloads, Documents and Pictures.
 */
public final class FixtureTree {

    private static final Pattern SAFE_NAME = Pattern.compile("[\\w][\\w .+@-]*(?:/[\\w][\\w .+@-]*)*");

    private FixtureTree() {}

    /**
     * Creates the tree under {@code root}: {@code root/work} is the working directory and
     * {@code root/home} the home directory.
     *
     * @param extraFiles relative file names the commands refer to (created as small text files)
     */
    public static void create(Path root, Collection<String> extraFiles) throws IOException {
        Path work = Files.createDirectories(root.resolve("work"));
        Path home = Files.createDirectories(root.resolve("home"));
        Instant now = Instant.now();
        String log = String.join("\n",
                "2024-05-01 INFO server started on port 8080",
                "2024-05-01 WARN disk almost full",
                "2024-05-01 ERROR Connection refused from 10.0.0.7",
                "2024-05-01 DEBUG cache hit",
                "",
                "2024-05-02 ERROR timeout talking to db.example.internal",
                "2024-05-02 INFO GET /index.html 200",
                "2024-05-02 INFO GET /missing 404",
                "2024-05-02 INFO GET /missing 404",
                "Traceback (most recent call last):",
                "  password=hunter2 user=alice@example.com",
                "2024-05-03 INFO usb device attached 192.168.1.20") + "\n";
        write(work.resolve("app.log"), log, now.minus(Duration.ofMinutes(10)));
        write(work.resolve("logs/server.log"), log + log, now.minus(Duration.ofDays(2)));
        write(work.resolve("logs/old.log"), log, now.minus(Duration.ofDays(40)));
        write(work.resolve("logs/archive/2023.log"), "old\n", now.minus(Duration.ofDays(400)));
        write(work.resolve("src/main.py"), "import os\n# TODO: tidy\nprint('hello')\n\n", now.minus(Duration.ofDays(1)));
        write(work.resolve("src/util.py"), "def main():\n    return 42  # FIXME\n", now.minus(Duration.ofDays(9)));
        write(work.resolve("src/App.java"), "class App {\n  public static void main(String[] a) {}\n}\n",
                now.minus(Duration.ofDays(3)));
        write(work.resolve("src/app.js"), "const API_KEY = 'x';\n// TODO remove\n", now.minus(Duration.ofHours(5)));
        write(work.resolve("docs/README.md"), "# Title  \n\nSome text.   \n\n", now.minus(Duration.ofDays(20)));
        write(work.resolve("docs/guide.md"), "guide\nline two\n", now.minus(Duration.ofDays(2)));
        write(work.resolve("data.csv"), "name,role,score\nann,admin,3\nbob,user,10\ncid,admin,7\n",
                now.minus(Duration.ofHours(2)));
        write(work.resolve("data.tsv"), "a\tb\tc\n1\t2\t3\n", now.minus(Duration.ofHours(2)));
        write(work.resolve("names.txt"), "zoe\nann\nbob\nann\nZoe\n", now.minus(Duration.ofDays(5)));
        write(work.resolve("notes.txt"), "alpha beta\ngamma\n\nalpha beta\n", now.minus(Duration.ofDays(15)));
        write(work.resolve("my file.txt"), "spaced\n", now.minus(Duration.ofDays(1)));
        write(work.resolve("node_modules/pkg/index.js"), "// TODO vendored\n", now.minus(Duration.ofDays(30)));
        write(work.resolve(".git/config"), "[core]\n", now.minus(Duration.ofDays(30)));
        write(work.resolve("tools/run.sh"), "#!/bin/sh\necho run\n", now.minus(Duration.ofDays(4)));
        work.resolve("tools/run.sh").toFile().setExecutable(true);
        write(work.resolve("tools/helper"), "#!/bin/sh\necho help\n", now.minus(Duration.ofDays(4)));
        work.resolve("tools/helper").toFile().setExecutable(true);
        sized(work.resolve("big.iso"), 3 * 1024 * 1024, now.minus(Duration.ofDays(60)));
        sized(work.resolve("medium.bin"), 300 * 1024, now.minus(Duration.ofDays(8)));
        sized(work.resolve("tmp/cache.tmp"), 20 * 1024, now.minus(Duration.ofDays(12)));
        Files.createDirectories(work.resolve("build/empty"));
        Files.createDirectories(work.resolve("assets/img"));
        write(work.resolve("assets/img/logo.PNG"), "png\n", now.minus(Duration.ofDays(6)));
        write(home.resolve("Downloads/report.pdf"), "%PDF\n", now.minus(Duration.ofDays(1)));
        sized(home.resolve("Downloads/movie.mp4"), 2 * 1024 * 1024, now.minus(Duration.ofDays(10)));
        write(home.resolve("Documents/todo.txt"), "buy milk\n", now.minus(Duration.ofHours(3)));
        write(home.resolve("Pictures/cat.jpg"), "jpg\n", now.minus(Duration.ofDays(2)));
        write(home.resolve("Pictures/dog.png"), "png\n", now.minus(Duration.ofDays(20)));
        write(home.resolve(".cache/x"), "x\n", now.minus(Duration.ofDays(1)));
        for (String name : extraFiles) {
            if (SAFE_NAME.matcher(name).matches() && !name.contains("..")) {
                Path p = work.resolve(name).normalize();
                if (p.startsWith(work) && !Files.exists(p)) {
                    write(p, log, now.minus(Duration.ofDays(1)));
                }
            }
        }
    }

    /** Copies {@code from} to {@code to}, keeping modification times. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p)) {
                    Files.setLastModifiedTime(to.resolve(from.relativize(p).toString()), Files.getLastModifiedTime(p));
                }
            }
        }
    }

    /** Deletes the tree; problems are ignored because it lives in a temporary directory. */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = new ArrayList<>(s.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }

    private static void write(Path p, String content, Instant mtime) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(p, FileTime.from(mtime));
    }

    private static void sized(Path p, int bytes, Instant mtime) throws IOException {
        Files.createDirectories(p.getParent());
        byte[] data = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        Files.write(p, data);
        Files.setLastModifiedTime(p, FileTime.from(mtime));
    }
}
