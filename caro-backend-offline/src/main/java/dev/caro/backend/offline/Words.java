package dev.caro.backend.offline;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Word lists the slot extractor relies on. */
final class Words {

    private Words() {}

    /** File extensions people name in requests ("pdf files", ".log files"). */
    static final Set<String> EXTENSIONS = Set.of(
            "pdf", "jpg", "jpeg", "png", "gif", "bmp", "svg", "webp", "heic", "tif", "tiff", "txt", "log", "md",
            "java", "py", "js", "ts", "tsx", "jsx", "json", "yaml", "yml", "xml", "csv", "tsv", "html", "htm",
            "css", "scss", "sh", "c", "h", "cpp", "hpp", "cc", "go", "rs", "rb", "php", "kt", "swift", "scala",
            "iso", "zip", "tar", "gz", "tgz", "bz2", "xz", "7z", "rar", "zst", "mp3", "mp4", "mkv", "avi", "mov",
            "wav", "flac", "ogg", "tmp", "bak", "conf", "cfg", "ini", "sql", "db", "sqlite", "doc", "docx", "xls",
            "xlsx", "ppt", "pptx", "odt", "jar", "class", "o", "so", "dll", "deb", "rpm", "dmg", "exe", "toml",
            "lock", "vue", "env", "pem", "key", "crt", "img", "bin", "dat", "out", "orig", "swp", "pyc", "epub",
            "ipynb", "tar.gz", "tar.bz2", "tar.xz", "r", "lua", "pl", "ps1", "bat", "gradle", "properties", "srt", "webm", "m4a", "aac");

    /** Extensions matched case-insensitively, because cameras and phones shout. */
    static final Set<String> MEDIA = Set.of(
            "jpg", "jpeg", "png", "gif", "bmp", "heic", "tif", "tiff", "webp", "mp3", "mp4", "mkv", "avi", "mov",
            "wav", "flac", "ogg", "webm", "m4a", "aac");

    /** Language and format names that stand for an extension. */
    static final Map<String, String> EXTENSION_NAMES = Map.ofEntries(
            Map.entry("python", "py"), Map.entry("markdown", "md"), Map.entry("javascript", "js"),
            Map.entry("typescript", "ts"), Map.entry("text", "txt"), Map.entry("shell", "sh"),
            Map.entry("bash", "sh"), Map.entry("rust", "rs"), Map.entry("ruby", "rb"), Map.entry("golang", "go"),
            Map.entry("kotlin", "kt"), Map.entry("jpeg", "jpg"),
            Map.entry("excel", "xlsx"), Map.entry("powerpoint", "pptx"), Map.entry("perl", "pl"),
            Map.entry("c++", "cpp"), Map.entry("log", "log"), Map.entry("backup", "bak"));

    /** Top-level domains, so that {@code example.com} is a host and not a file. */
    static final Set<String> TLDS = Set.of(
            "com", "org", "net", "io", "dev", "internal", "local", "lan", "edu", "gov", "co", "uk", "de", "fr",
            "app", "ai", "me", "info", "biz", "us", "eu", "cloud", "example", "test", "localhost", "nl", "ch",
            "jp", "cn", "ru", "it", "es", "ca", "au", "corp", "home");

    /** Folders in a user's home that people name without a path ("my Downloads folder"). */
    static final Set<String> HOME_FOLDERS = Set.of(
            "downloads", "documents", "desktop", "pictures", "music", "videos", "movies", "public", "templates",
            "photos", "projects", "dropbox", "src", "code", "bin", "notes");

    /** Capitalised home folder name as found on Linux and macOS. */
    static String homeFolder(String lower) {
        if (lower.equals("bin") || lower.equals("src") || lower.equals("code") || lower.equals("notes")
                || lower.equals("photos") || lower.equals("projects")) {
            return lower;
        }
        return lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    }

    /** Words of everyday requests that typos are corrected towards. */
    static final Set<String> VOCABULARY = Set.of(
            "files", "file", "find", "directory", "directories", "search", "delete", "remove", "modified",
            "recursively", "recursive", "largest", "biggest", "smallest", "process", "processes",
            "listening", "permissions", "compress", "extract", "archive", "contents", "memory", "running",
            "show", "list", "count", "lines", "words", "size", "sizes", "older", "newer", "bigger",
            "smaller", "larger", "greater", "than", "branch", "branches", "commit", "commits", "status",
            "changed", "change", "changes", "where", "which", "what", "whats", "there", "their", "every",
            "containing", "contain", "contains", "mention", "newest", "oldest", "latest", "recent",
            "recently", "minutes", "hours", "days", "weeks", "months", "today", "yesterday", "hidden",
            "empty", "folder", "folders", "documents", "downloads", "pictures", "videos", "images", "photos",
            "logs", "install", "installed", "version", "kernel", "network", "address", "addresses", "port",
            "ports", "connections", "established", "download", "upload", "replace", "occurrences", "unique",
            "duplicate", "duplicates", "sort", "sorted", "reverse", "number", "numbers", "column", "columns",
            "header", "first", "last", "top", "between", "owned", "owner", "group", "groups", "user",
            "users", "executable", "symlink", "symlinks", "timestamp", "checksum", "checksums",
            "environment", "variable", "variables", "untracked", "staged", "stash", "remote", "merge",
            "rebase", "clone", "tags", "history", "author", "current", "working", "tarball", "compressed",
            "gzipped", "extension", "ignore", "ignoring", "exclude", "excluding", "except", "skip", "inside",
            "under", "within", "across", "everything", "anything", "something", "lowercase", "uppercase",
            "blank", "trailing", "whitespace", "alphabetically", "numerically", "descending", "ascending",
            "total", "space", "usage", "disk", "free", "available", "uptime", "machine", "system", "cores",
            "architecture", "hostname", "timezone", "calendar", "enable", "disable", "password", "random", "generate", "create",
            "make", "copy", "move", "rename", "symbolic", "link", "matching", "display", "print", "please",
            "kill", "stop", "terminate", "priority", "background", "update", "upgrade", "ignored");

    /** Numbers people spell out. */
    static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("fifty", 50), Map.entry("hundred", 100), Map.entry("a dozen", 12),
            Map.entry("dozen", 12), Map.entry("couple", 2), Map.entry("a couple of", 2), Map.entry("a few", 3));

    /** Regex alternation of spelled-out numbers, longest first. */
    static final String NUMBER_WORDS =
            "a dozen|a couple of|dozen|eleven|twelve|fifteen|twenty|thirty|fifty|hundred|one|two|three|four|five"
            + "|six|seven|eight|nine|ten";

    /** An immutable set of the words; repeats are harmless (lists grow by hand). */
    static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    /** {@code base} and {@code more} together. */
    static Set<String> set(Set<String> base, String... more) {
        Set<String> out = new java.util.HashSet<>(base);
        out.addAll(java.util.Arrays.asList(more));
        return Set.copyOf(out);
    }

    static int number(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        Integer n = NUMBERS.get(t);
        if (n != null) {
            return n;
        }
        return Integer.parseInt(t);
    }
}
