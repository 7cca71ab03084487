package dev.caro.core.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the normalizer knows about common tools: which long options equal which short ones,
 * which short options take a value, and which tools accept bundled short options ({@code -la}).
 */
final class OptionTable {

    private static final Map<String, Map<String, String>> LONG = new HashMap<>();
    private static final Map<String, Set<String>> WITH_VALUE = new HashMap<>();

    static final Set<String> BUNDLING = Set.of(
            "ls", "rm", "grep", "egrep", "fgrep", "zgrep", "ps", "du", "df", "sort", "uniq", "wc", "cp", "mv",
            "mkdir", "chmod", "chown", "chgrp", "tar", "ln", "head", "tail", "free", "netstat", "ss", "lsof", "uname",
            "cat", "zip", "unzip", "gzip", "gunzip", "bzip2", "bunzip2", "xz", "top", "diff", "xargs", "sed", "cut",
            "tr", "nl", "file", "stat", "who", "w", "id", "git", "curl", "wget", "ping", "kill", "pkill", "pgrep",
            "journalctl", "dmesg", "sha256sum", "sha1sum", "sha512sum", "md5sum", "rsync", "scp", "ssh", "paste",
            "date", "touch", "less", "jq", "zstd", "base64", "split", "shuf", "tac", "column", "dig", "nc", "mtr",
            "tracepath", "traceroute", "lsblk", "ip", "awk", "find", "cmp", "shasum", "md5", "sysctl", "uptime");

    static {
        put("grep", "recursive=r", "ignore-case=i", "line-number=n", "files-with-matches=l", "count=c",
                "invert-match=v", "word-regexp=w", "fixed-strings=F", "extended-regexp=E", "only-matching=o",
                "max-count=m", "context=C", "after-context=A", "before-context=B", "quiet=q", "silent=q",
                "no-filename=h", "with-filename=H", "dereference-recursive=R", "files-without-match=L",
                "perl-regexp=P", "line-regexp=x");
        values("grep", "m", "C", "A", "B", "e", "f");
        put("ls", "all=a", "almost-all=A", "human-readable=h", "reverse=r", "recursive=R", "size=s");
        put("du", "summarize=s", "human-readable=h", "total=c", "max-depth=d", "all=a", "bytes=b");
        values("du", "d");
        put("df", "human-readable=h", "inodes=i", "print-type=T", "exclude-type=x", "type=t");
        values("df", "x", "t");
        put("sort", "unique=u", "numeric-sort=n", "reverse=r", "human-numeric-sort=h", "ignore-case=f",
                "field-separator=t", "key=k", "random-sort=R", "version-sort=V", "month-sort=M", "output=o");
        values("sort", "t", "k", "o");
        put("uniq", "count=c", "unique=u", "repeated=d", "ignore-case=i", "check-chars=w");
        values("uniq", "w");
        put("wc", "lines=l", "words=w", "bytes=c", "chars=m");
        put("head", "lines=n", "bytes=c");
        values("head", "n", "c");
        put("tail", "lines=n", "bytes=c", "follow=f");
        values("tail", "n", "c");
        put("tar", "create=c", "extract=x", "list=t", "file=f", "gzip=z", "bzip2=j", "xz=J", "verbose=v",
                "directory=C", "get=x");
        values("tar", "f", "C");
        put("cp", "recursive=r", "archive=a", "force=f", "interactive=i", "verbose=v", "preserve=p");
        put("mv", "force=f", "interactive=i", "verbose=v", "no-clobber=n");
        put("rm", "recursive=r", "force=f", "interactive=i", "verbose=v", "dir=d");
        put("mkdir", "parents=p", "verbose=v", "mode=m");
        values("mkdir", "m");
        put("chmod", "recursive=R", "verbose=v");
        put("chown", "recursive=R", "verbose=v");
        put("chgrp", "recursive=R", "verbose=v");
        put("curl", "silent=s", "output=o", "remote-name=O", "location=L", "head=I", "include=i", "write-out=w",
                "request=X", "header=H", "data=d", "show-error=S", "continue-at=C", "fail=f", "insecure=k",
                "user=u", "dump-header=D", "verbose=v", "max-time=m");
        values("curl", "o", "w", "X", "H", "d", "C", "u", "D", "m", "e", "A");
        put("wget", "continue=c", "output-document=O", "quiet=q", "tries=t");
        values("wget", "O", "t");
        put("ping", "count=c");
        values("ping", "c", "W", "i", "w", "s");
        put("gzip", "keep=k", "decompress=d", "stdout=c", "to-stdout=c", "best=9", "fast=1", "list=l",
                "test=t", "verbose=v", "force=f", "recursive=r");
        put("gunzip", "keep=k", "stdout=c", "to-stdout=c", "test=t", "verbose=v", "force=f");
        put("bzip2", "keep=k", "decompress=d", "stdout=c", "best=9");
        put("bunzip2", "keep=k", "stdout=c");
        put("xz", "keep=k", "decompress=d", "stdout=c", "threads=T", "best=9");
        values("xz", "T");
        put("zstd", "keep=k", "decompress=d", "output=o");
        values("zstd", "o");
        put("date", "date=d", "utc=u", "universal=u", "iso-8601=I", "reference=r");
        values("date", "d", "r");
        put("base64", "wrap=w", "decode=d", "input=i");
        values("base64", "w", "i");
        put("sed", "in-place=i", "quiet=n", "silent=n", "expression=e", "regexp-extended=E");
        values("sed", "e", "f");
        put("cut", "fields=f", "delimiter=d", "characters=c", "bytes=b");
        values("cut", "f", "d", "c", "b");
        put("tr", "delete=d", "squeeze-repeats=s", "complement=c");
        put("diff", "side-by-side=y", "unified=u", "brief=q", "recursive=r", "ignore-case=i", "ignore-all-space=w");
        put("xargs", "null=0", "max-args=n", "replace=I");
        values("xargs", "n", "I", "P", "d");
        put("split", "lines=l", "bytes=b");
        values("split", "l", "b", "n");
        put("ln", "symbolic=s", "force=f", "no-dereference=n");
        put("uname", "kernel-release=r", "machine=m", "all=a", "kernel-name=s", "nodename=n");
        put("free", "human=h", "mega=m", "giga=g");
        put("uptime", "pretty=p", "since=s");
        put("paste", "serial=s", "delimiters=d");
        values("paste", "d");
        put("nl", "body-numbering=b");
        put("file", "mime-type=i", "brief=b");
        put("stat", "format=c");
        values("stat", "c", "f");
        put("touch", "date=d");
        values("touch", "d", "t", "r");
        put("ps", "user=u", "pid=p", "format=o");
        values("ps", "o", "p", "u", "U", "C");
        put("pgrep", "list-name=l", "list-full=a", "full=f", "exact=x", "euid=u");
        values("pgrep", "u", "U", "P", "g");
        put("pkill", "full=f", "exact=x", "signal=s");
        values("pkill", "u", "U", "s");
        values("kill", "s", "n");
        values("renice", "n", "p", "g", "u");
        values("nice", "n");
        values("find", "");
        values("awk", "F", "v", "f");
        values("jq", "");
        values("ssh", "p", "i", "l", "o", "L", "R");
        values("scp", "P", "i", "o");
        values("rsync", "e");
        values("nc", "w");
        values("zip", "");
        values("unzip", "d");
        values("lsof", "i", "p", "u");
        values("journalctl", "u", "n", "p");
        values("git", "n", "m", "C", "S", "G");
        put("dmesg", "ctime=T", "human=H");
        put("lsblk", "output=o");
        values("lsblk", "o");
        put("shasum", "algorithm=a", "check=c");
        values("shasum", "a");
        put("sha256sum", "check=c");
        put("md5sum", "check=c");
        put("sha1sum", "check=c");
        put("sha512sum", "check=c");
    }

    private OptionTable() {}

    private static void put(String tool, String... pairs) {
        Map<String, String> m = LONG.computeIfAbsent(tool, k -> new HashMap<>());
        for (String p : pairs) {
            String[] kv = p.split("=");
            m.put("--" + kv[0], "-" + kv[1]);
        }
    }

    private static void values(String tool, String... shorts) {
        Set<String> s = new java.util.HashSet<>(WITH_VALUE.getOrDefault(tool, Set.of()));
        for (String v : shorts) {
            if (!v.isEmpty()) {
                s.add("-" + v);
            }
        }
        WITH_VALUE.put(tool, s);
    }

    /** The short spelling of {@code longOption} for {@code tool}, or the option itself. */
    static String shortFor(String tool, String longOption) {
        return LONG.getOrDefault(tool, Map.of()).getOrDefault(longOption, longOption);
    }

    /** Whether the short option takes a value ({@code -n 10}). */
    static boolean takesValue(String tool, String shortOption) {
        return WITH_VALUE.getOrDefault(tool, Set.of()).contains(shortOption);
    }

    /** Whether the long option is known to take a value when written {@code --opt VALUE}. */
    static boolean longTakesValue(String tool, String longOption) {
        String s = shortFor(tool, longOption);
        return !s.equals(longOption) && takesValue(tool, s);
    }
}
