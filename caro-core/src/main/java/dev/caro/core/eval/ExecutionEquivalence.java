package dev.caro.core.eval;

import dev.caro.api.safety.RiskLevel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs two commands with {@code sh -c} in fresh copies of a {@link FixtureTree} and compares what
 * they print (sorted lines), their exit status and the tree they leave behind. Only commands the
 * safety engine judges SAFE are run, and never ones that name paths outside the sandbox, need
 * privileges or the network, or signal processes.
 */
public final class ExecutionEquivalence {

    /** The outcome of one comparison. */
    public enum Verdict { SAME, DIFFERENT, SKIPPED }

    /** A verdict with the reason for SKIPPED or DIFFERENT. */
    public record Result(Verdict verdict, String reason) {}

    private static final Pattern OUTSIDE = Pattern.compile(
            "(?:^|[\\s=:'\"(])(?:/(?!dev/null|dev/zero|dev/urandom)[\\w.-]|\\.\\./)|\\$\\(\\s*cd\\b");
    private static final Pattern NETWORK_OR_PRIVILEGED = Pattern.compile(
            "\\b(?:sudo|su|doas|curl|wget|ping|dig|nslookup|host|ssh|scp|rsync|nc|ncat|telnet|ftp|kill|pkill|killall"
            + "|reboot|shutdown|systemctl|journalctl|service|crontab|mount|umount|dd|mkfs|fdisk|apt|apt-get|yum"
            + "|dnf|brew|pip|npm|git|docker|kubectl|nohup|watch|tail\\s+-f|tail\\s+-F|less|more|top|htop|vi|vim"
            + "|nano|emacs|traceroute|tracepath|mtr|ss|netstat|lsof|fuser|usermod|useradd|passwd|chown|chgrp"
            + "|timedatectl|shutdown|sleep)\\b");

    private final Function<String, Optional<RiskLevel>> safety;
    private final Duration timeout;

    /**
     * @param safety judges a command; an empty result (for example when the safety engine fails)
     *     means "do not run"
     * @param timeout how long each command may run
     */
    public ExecutionEquivalence(Function<String, Optional<RiskLevel>> safety, Duration timeout) {
        this.safety = safety;
        this.timeout = timeout;
    }

    /** Why {@code command} must not run in the sandbox, or empty when it may. */
    public Optional<String> refusal(String command) {
        if (OUTSIDE.matcher(command).find()) {
            return Optional.of("it names a path outside the sandbox");
        }
        if (NETWORK_OR_PRIVILEGED.matcher(command).find()) {
            return Optional.of("it needs the network, privileges, a terminal or other processes");
        }
        Optional<RiskLevel> risk;
        try {
            risk = safety.apply(command);
        } catch (RuntimeException e) {
            risk = Optional.empty();
        }
        if (risk.isEmpty()) {
            return Optional.of("the safety engine could not judge it");
        }
        if (risk.get() != RiskLevel.SAFE) {
            return Optional.of("it is " + risk.get() + ", only SAFE commands run");
        }
        return Optional.empty();
    }

    /** Compares {@code answer} with {@code expected} by running both. */
    public Result compare(String answer, String expected, Collection<String> fileNames) {
        for (String c : List.of(answer, expected)) {
            Optional<String> why = refusal(c);
            if (why.isPresent()) {
                return new Result(Verdict.SKIPPED, "not run: '" + c + "': " + why.get());
            }
        }
        Path template = null;
        try {
            template = Files.createTempDirectory("caro-eval-fixture-");
            FixtureTree.create(template, fileNames);
            Run a = run(answer, template);
            Run b = run(expected, template);
            if (a.timedOut() || b.timedOut()) {
                return new Result(Verdict.SKIPPED, "timed out after " + timeout.toSeconds() + "s");
            }
            if (a.exit() != b.exit()) {
                return new Result(Verdict.DIFFERENT, "exit status " + a.exit() + " vs " + b.exit());
            }
            if (!a.output().equals(b.output())) {
                return new Result(Verdict.DIFFERENT, "different output");
            }
            if (!a.tree().equals(b.tree())) {
                return new Result(Verdict.DIFFERENT, "different files afterwards");
            }
            return new Result(Verdict.SAME, "same output and files");
        } catch (IOException e) {
            return new Result(Verdict.SKIPPED, "sandbox failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Verdict.SKIPPED, "interrupted");
        } finally {
            if (template != null) {
                FixtureTree.delete(template);
            }
        }
    }

    private record Run(int exit, List<String> output, List<String> tree, boolean timedOut) {}

    private Run run(String command, Path template) throws IOException, InterruptedException {
        Path sandbox = Files.createTempDirectory("caro-eval-run-");
        try {
            FixtureTree.copy(template, sandbox);
            Path work = sandbox.resolve("work");
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(false);
            pb.environment().put("HOME", sandbox.resolve("home").toString());
            pb.environment().put("LC_ALL", "C");
            pb.environment().put("TZ", "UTC");
            Process p = pb.start();
            p.getErrorStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = readLimited(in, p);
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(p);
                return new Run(-1, List.of(), List.of(), true);
            }
            String text = new String(out, StandardCharsets.UTF_8).replace(sandbox.toString(), "<sandbox>");
            List<String> lines = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
            lines.sort(null);
            return new Run(p.exitValue(), lines, snapshot(sandbox), false);
        } finally {
            FixtureTree.delete(sandbox);
        }
    }

    /** The shell and what it started: `yes > /dev/null` would otherwise outlive its shell forever. */
    private static void killTree(Process p) throws InterruptedException {
        List<ProcessHandle> children = p.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(2, TimeUnit.SECONDS);
        p.descendants().forEach(ProcessHandle::destroyForcibly); // started while the list was taken
    }

    private byte[] readLimited(InputStream in, Process p) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (System.nanoTime() < deadline) {
            if (in.available() > 0) {
                int n = in.read(chunk);
                if (n < 0) {
                    break;
                }
                if (buf.size() < 1_000_000) {
                    buf.write(chunk, 0, n);
                }
            } else if (!p.isAlive()) {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    if (buf.size() < 1_000_000) {
                        buf.write(chunk, 0, n);
                    }
                }
                break;
            } else {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return buf.toByteArray();
    }

    private static List<String> snapshot(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    out.add(rel + "/");
                } else if (Files.isRegularFile(p)) {
                    out.add(rel + " " + digest(p));
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String digest(Path p) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
