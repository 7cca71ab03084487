package dev.caro.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the system's own documentation says about a program: its one-line summary from
 * {@code whatis} and the description of each option from its manual page. The manual is read
 * with {@code man}, which never runs the program. Only when there is no manual page does caro run
 * {@code PROGRAM --help}, and then only for programs installed in the system's own directories and
 * not in a short list of programs that act before reading their arguments. Every lookup has a
 * timeout.
 */
final class SystemHelp {

    /** One documented option. */
    record OptionHelp(String spec, String description, boolean takesValue) {}

    private static final long TIMEOUT_MS = 3000;
    private static final int MAX_OUTPUT = 512 * 1024;
    private static final Set<String> SYSTEM_DIRS = Set.of("/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin");
    private static final Set<String> NEVER_RUN = Set.of("shutdown", "reboot", "halt", "poweroff", "init", "telinit",
            "kill", "killall", "pkill", "xkill", "logout", "exit", "sudo", "su", "doas", "login", "yes", "sh", "bash",
            "zsh", "fish", "dash", "ksh", "python", "python3", "perl", "ruby", "node");

    private final Map<String, String> env;
    private final Map<String, Optional<String>> summaries = new HashMap<>();
    private final Map<String, Map<String, OptionHelp>> options = new HashMap<>();

    SystemHelp(Map<String, String> env) {
        this.env = env;
    }

    /** The {@code whatis} line for {@code program}, e.g. "list directory contents". */
    Optional<String> summary(String program) {
        if (!plainName(program)) {
            return Optional.empty();
        }
        return summaries.computeIfAbsent(program, p -> run(List.of("whatis", p)).flatMap(out -> {
            for (String line : out.split("\n")) {
                int dash = line.indexOf(" - ");
                if (line.startsWith(p + " ") && dash > 0) {
                    return Optional.of(line.substring(dash + 3).strip());
                }
            }
            return Optional.empty();
        }));
    }

    /** The documentation of one option word as written, e.g. {@code -l}, {@code --all}, {@code --block-size=M}. */
    Optional<OptionHelp> option(String program, String word) {
        Map<String, OptionHelp> all = options(program);
        String name = word.startsWith("--") && word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        return Optional.ofNullable(all.get(name));
    }

    /** Every option {@code program}'s documentation describes, by name. */
    Map<String, OptionHelp> options(String program) {
        if (!plainName(program)) {
            return Map.of();
        }
        return options.computeIfAbsent(program, p -> {
            Optional<String> text = run(List.of("man", p));
            if (text.isEmpty() && mayRunForHelp(p)) {
                text = run(List.of(p, "--help"));
            }
            return text.map(SystemHelp::parseOptions).orElse(Map.of());
        });
    }

    private boolean mayRunForHelp(String program) {
        if (NEVER_RUN.contains(program)) {
            return false;
        }
        Optional<Path> exe = Executables.find(program, env);
        return exe.isPresent() && SYSTEM_DIRS.contains(String.valueOf(exe.get().getParent()));
    }

    private static boolean plainName(String program) {
        return program.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
    }

    /**
     * Reads option descriptions from manual or {@code --help} text: a line that starts (after
     * indentation) with a dash names options, its description follows after two spaces or on the
     * next, deeper indented line.
     */
    static Map<String, OptionHelp> parseOptions(String text) {
        Map<String, OptionHelp> out = new LinkedHashMap<>();
        String[] lines = text.replaceAll(".\b", "").split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.stripLeading();
            int indent = line.length() - stripped.length();
            if (!stripped.startsWith("-") || indent == 0 || indent > 16 || stripped.startsWith("--- ")) {
                continue;
            }
            String spec;
            String description;
            int gap = stripped.indexOf("  ");
            if (gap > 0) {
                spec = stripped.substring(0, gap).strip();
                description = stripped.substring(gap).strip();
            } else {
                spec = stripped.strip();
                description = "";
                for (int j = i + 1; j < lines.length && description.isEmpty(); j++) {
                    String next = lines[j];
                    String ns = next.stripLeading();
                    if (ns.isEmpty()) {
                        continue;
                    }
                    if (next.length() - ns.length() > indent && !ns.startsWith("-")) {
                        description = ns.strip();
                    }
                    break;
                }
            }
            if (description.isEmpty()) {
                continue;
            }
            boolean takesValue = false;
            List<String> names = new ArrayList<>();
            for (String token : spec.split("[,\\s]+")) {
                if (token.startsWith("-")) {
                    String name = token.replaceAll("[\\[=].*$", "");
                    if (name.length() > 1 && name.matches("--?[A-Za-z0-9?][A-Za-z0-9_-]*")) {
                        names.add(name);
                    }
                    takesValue |= token.contains("=") && !token.contains("[=");
                } else if (!token.isEmpty() && !token.startsWith("[")) {
                    takesValue = true;
                }
            }
            OptionHelp help = new OptionHelp(spec, firstSentence(description), takesValue);
            for (String n : names) {
                out.putIfAbsent(n, help);
            }
        }
        return out;
    }

    private static String firstSentence(String description) {
        String d = description.replaceAll("\\s+", " ");
        int dot = d.indexOf(". ");
        if (dot > 0) {
            d = d.substring(0, dot);
        }
        return d.length() > 110 ? d.substring(0, 107) + "..." : d;
    }

    /** Runs a documentation lookup with a timeout; empty when it fails or prints nothing. */
    private Optional<String> run(List<String> argv) {
        Optional<Path> exe = Executables.find(argv.get(0), env);
        if (exe.isEmpty()) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>(argv);
        cmd.set(0, exe.get().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("MANPAGER", "cat");
        pb.environment().put("PAGER", "cat");
        pb.environment().put("MANWIDTH", "1000");
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().remove("MAN_KEEP_FORMATTING");
        try {
            Process p = pb.start();
            byte[][] result = new byte[1][];
            Thread reader = new Thread(() -> {
                try (InputStream in = p.getInputStream()) {
                    result[0] = in.readNBytes(MAX_OUTPUT);
                } catch (IOException e) {
                    result[0] = new byte[0];
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return Optional.empty();
            }
            reader.join(1000);
            String out = result[0] == null ? "" : new String(result[0], StandardCharsets.UTF_8);
            return out.isBlank() ? Optional.empty() : Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
