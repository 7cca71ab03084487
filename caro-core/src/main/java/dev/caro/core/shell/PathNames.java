package dev.caro.core.shell;

import java.util.ArrayDeque;
import java.util.Deque;

/** Lexical path helpers: joining and resolving {@code .} and {@code ..} without touching the disk. */
public final class PathNames {

    private PathNames() {}

    /** Whether {@code path} is absolute in POSIX terms. */
    public static boolean isAbsolute(String path) {
        return path.startsWith("/");
    }

    /**
     * Resolves {@code path} against {@code cwd} (absolute) and removes {@code .}, {@code ..} and
     * repeated slashes. {@code ..} never climbs above {@code /}.
     */
    public static String resolve(String cwd, String path) {
        String joined = isAbsolute(path) ? path : (cwd.endsWith("/") ? cwd + path : cwd + "/" + path);
        return normalize(joined);
    }

    /** Normalizes an absolute path; a trailing slash is dropped (except for {@code /}). */
    public static String normalize(String absolute) {
        Deque<String> parts = new ArrayDeque<>();
        int i = 0;
        int n = absolute.length();
        while (i < n) {
            int j = absolute.indexOf('/', i);
            if (j < 0) {
                j = n;
            }
            String seg = absolute.substring(i, j);
            if (seg.isEmpty() || seg.equals(".")) {
                // skip
            } else if (seg.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(seg);
            }
            i = j + 1;
        }
        if (parts.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder(absolute.length());
        for (String p : parts) {
            sb.append('/').append(p);
        }
        return sb.toString();
    }

    /** Whether {@code path} equals {@code dir} or lies below it (both normalized, absolute). */
    public static boolean isWithin(String path, String dir) {
        if (dir.equals("/")) {
            return true;
        }
        return path.equals(dir) || path.startsWith(dir) && path.length() > dir.length() && path.charAt(dir.length()) == '/';
    }

    /** The last path segment of {@code name}: {@code /usr/bin/rm} becomes {@code rm}. */
    public static String baseName(String name) {
        int slash = name.lastIndexOf('/');
        if (slash >= 0 && slash < name.length() - 1) {
            return name.substring(slash + 1);
        }
        return name;
    }
}
