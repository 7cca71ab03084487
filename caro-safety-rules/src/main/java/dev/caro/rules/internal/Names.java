package dev.caro.rules.internal;

import dev.caro.api.shell.SimpleCommand;
import java.util.Locale;
import java.util.Set;

/** Program names and the families they belong to. */
public final class Names {

    /** Shells that run a script read from standard input or given with {@code -c}. */
    public static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "mksh", "ash",
            "fish", "csh", "tcsh", "yash", "busybox", "ksh93", "oksh", "loksh", "pdksh", "posh", "rbash");

    /** Interpreters that execute code read from standard input when given no script. */
    public static final Set<String> SCRIPT_INTERPRETERS = Set.of("python", "python2", "python3", "pypy",
            "pypy3", "perl", "ruby", "node", "nodejs", "php", "lua", "tclsh", "pwsh", "powershell", "osascript",
            "deno", "bun", "jshell", "groovy", "rscript");

    /** Programs that download content. */
    public static final Set<String> DOWNLOADERS = Set.of("curl", "wget", "wget2", "fetch", "http", "https",
            "xh", "curlie", "lwp-request", "get", "aria2c", "iwr", "invoke-webrequest", "irm",
            "invoke-restmethod", "tftp", "ftp", "lynx", "links", "w3m");

    /** Programs that decode obfuscated text. */
    public static final Set<String> DECODERS = Set.of("base64", "base32", "basenc", "xxd", "openssl",
            "uudecode", "gunzip", "zcat", "gzip", "bzcat", "xzcat", "xz", "rev", "tr", "certutil");

    private Names() {}

    /** The command name in lower case, without a Windows {@code .exe} suffix or a directory. */
    public static String of(SimpleCommand c) {
        return normalize(c.name());
    }

    /** Lower-cases {@code name} and removes a directory and a {@code .exe} suffix. */
    public static String normalize(String name) {
        String n = name;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (slash >= 0 && slash < n.length() - 1) {
            n = n.substring(slash + 1);
        }
        n = n.toLowerCase(Locale.ROOT);
        if (n.endsWith(".exe")) {
            n = n.substring(0, n.length() - 4);
        }
        return n;
    }

    /** Whether {@code name} is python, python3, python3.12 and so on. */
    public static boolean isPython(String name) {
        return name.equals("python") || name.startsWith("python2") || name.startsWith("python3")
                || name.startsWith("pypy");
    }

    /** Whether {@code name} is a shell or an interpreter that can run code from standard input. */
    public static boolean isInterpreter(String name) {
        return SHELLS.contains(name) || SCRIPT_INTERPRETERS.contains(name) || isPython(name);
    }

    /** Whether the mkfs family (mkfs, mkfs.ext4, mke2fs ...). */
    public static boolean isMkfs(String name) {
        return name.equals("mkfs") || name.startsWith("mkfs.") || name.equals("mke2fs") || name.equals("mkntfs")
                || name.equals("mkdosfs") || name.equals("mkexfatfs") || name.equals("mkswap")
                || name.equals("newfs") || name.startsWith("newfs_") || name.startsWith("mkfs_");
    }
}
