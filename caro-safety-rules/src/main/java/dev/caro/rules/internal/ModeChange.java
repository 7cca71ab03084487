package dev.caro.rules.internal;

import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A chmod, chown or chgrp command: whether it recurses, its mode or owner operand and its files.
 * chmod modes may look like options ({@code -x}), so they are read by position.
 *
 * @param program chmod, chown or chgrp
 * @param recursive whether -R/--recursive is given
 * @param spec the mode (chmod) or owner (chown/chgrp); empty with --reference
 * @param files the files changed
 */
public record ModeChange(String program, boolean recursive, String spec, List<Word> files) {

    private static final Set<String> FLAGS = Set.of("-R", "-c", "-f", "-v", "-h", "-H", "-L", "-P", "--recursive",
            "--changes", "--silent", "--quiet", "--verbose", "--preserve-root", "--no-preserve-root",
            "--no-dereference", "--dereference", "-Rf", "-fR", "-Rv", "-vR", "-Rc", "-cR", "-hR", "-Rh");
    private static final LazyPattern OCTAL = LazyPattern.of("[0-7]{1,5}");

    /** Parses chmod/chown/chgrp (also gchmod and friends); empty otherwise. */
    public static Optional<ModeChange> of(SimpleCommand c) {
        String n = Names.of(c);
        if (n.startsWith("g") && n.length() > 5) {
            n = n.substring(1);
        }
        if (!n.equals("chmod") && !n.equals("chown") && !n.equals("chgrp")) {
            return Optional.empty();
        }
        return Optional.of(parse(n, c.args()));
    }

    /** Parses the argument words of chmod/chown/chgrp (e.g. from a find -exec). */
    public static ModeChange parse(String program, List<Word> args) {
        boolean recursive = false;
        String spec = null;
        boolean reference = false;
        boolean awaitingReference = false;
        List<Word> files = new ArrayList<>();
        boolean end = false;
        for (Word w : args) {
            String v = w.value();
            if (!end && v.equals("--")) {
                end = true;
                continue;
            }
            if (!end && (FLAGS.contains(v) || v.startsWith("--reference") || v.startsWith("--from")
                    || (v.startsWith("-") && v.length() > 1 && v.substring(1).chars().allMatch(ch -> "RcfvhHLP".indexOf(ch) >= 0)
                            && (spec != null || !program.equals("chmod") || v.contains("R"))))) {
                if (v.contains("R") || v.equals("--recursive")) {
                    recursive = true;
                }
                if (v.startsWith("--reference")) {
                    reference = true;
                    awaitingReference = v.equals("--reference");
                    if (v.startsWith("--reference=")) {
                        spec = referenceMode(v.substring("--reference=".length()));
                    }
                }
                continue;
            }
            if (awaitingReference) {
                awaitingReference = false;
                spec = referenceMode(v);
                continue;
            }
            if (spec == null && !reference) {
                spec = v;
            } else if (!w.value().equals("{}") || true) {
                files.add(w);
            }
        }
        return new ModeChange(program, recursive, spec == null ? "" : spec, files);
    }

    /**
     * The mode {@code --reference=FILE} copies when caro knows it: the shared temporary directories
     * are 1777 on every system; anything else is unknown (null).
     */
    private static String referenceMode(String file) {
        return file.matches("/(?:var/)?tmp/?|/dev/shm/?") ? "1777" : null;
    }

    /** Whether the chmod mode lets everyone write: 777, 666, o+w, a+rwx, ugo=rwx. */
    public boolean worldWritable() {
        return grantsOthers('w', 2);
    }

    /** Whether the chmod mode lets everyone read. */
    public boolean worldReadable() {
        return grantsOthers('r', 4);
    }

    private boolean grantsOthers(char perm, int bit) {
        if (!program.equals("chmod")) {
            return false;
        }
        String m = spec.toLowerCase(Locale.ROOT);
        if (OCTAL.matcher(m).matches()) {
            int others = m.charAt(m.length() - 1) - '0';
            return (others & bit) != 0;
        }
        for (String clause : m.split(",")) {
            int op = indexOfOp(clause);
            if (op < 0) {
                continue;
            }
            String who = clause.substring(0, op);
            char operator = clause.charAt(op);
            String perms = clause.substring(op + 1);
            if ((operator == '+' || operator == '=') && (who.contains("o") || who.contains("a"))
                    && perms.indexOf(perm) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the chmod mode takes read access away from the owner: 000, a-r, u=, 0. */
    public boolean removesOwnerAccess() {
        return removes('r', 4);
    }

    /** Whether the chmod mode takes execute permission away from the owner: a-x, -x, 644. */
    public boolean removesExecute() {
        return removes('x', 1);
    }

    private boolean removes(char perm, int bit) {
        if (!program.equals("chmod")) {
            return false;
        }
        String m = spec.toLowerCase(Locale.ROOT);
        if (OCTAL.matcher(m).matches()) {
            int owner = m.length() >= 3 ? m.charAt(m.length() - 3) - '0' : 0;
            return (owner & bit) == 0;
        }
        for (String clause : m.split(",")) {
            int op = indexOfOp(clause);
            if (op < 0) {
                continue;
            }
            String who = clause.substring(0, op);
            char operator = clause.charAt(op);
            String perms = clause.substring(op + 1);
            boolean owner = who.isEmpty() || who.contains("u") || who.contains("a");
            if (owner && operator == '-' && perms.indexOf(perm) >= 0) {
                return true;
            }
            if (owner && operator == '=' && perms.indexOf(perm) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the chmod mode only takes permissions away from group and others ({@code go-w}, {@code o-rwx}). */
    public boolean onlyTightensOthers() {
        if (!program.equals("chmod") || spec.isEmpty()) {
            return false;
        }
        for (String clause : spec.toLowerCase(Locale.ROOT).split(",")) {
            int op = indexOfOp(clause);
            if (op <= 0 || clause.charAt(op) != '-' || clause.substring(0, op).contains("u") || clause.substring(0, op).contains("a")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the chmod mode clears the set-user-id bit: u-s, -s, a-s, or a symbolic {@code =} or a
     * three-digit octal mode without it (GNU chmod keeps the bit of a directory, not of a file).
     */
    public boolean removesSetuid() {
        if (!program.equals("chmod")) {
            return false;
        }
        String m = spec.toLowerCase(Locale.ROOT);
        if (OCTAL.matcher(m).matches()) {
            return m.length() == 4 && ((m.charAt(0) - '0') & 4) == 0 || m.length() == 3;
        }
        for (String clause : m.split(",")) {
            int op = indexOfOp(clause);
            if (op < 0) {
                continue;
            }
            String who = clause.substring(0, op);
            boolean owner = who.isEmpty() || who.contains("u") || who.contains("a");
            String perms = clause.substring(op + 1);
            if (owner && (clause.charAt(op) == '-' && perms.contains("s") || clause.charAt(op) == '=' && !perms.contains("s"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the chmod mode sets the set-user-id bit: u+s, +s, 4755. */
    public boolean setsSetuid() {
        if (!program.equals("chmod")) {
            return false;
        }
        String m = spec.toLowerCase(Locale.ROOT);
        if (OCTAL.matcher(m).matches()) {
            return m.length() >= 4 && ((m.charAt(m.length() - 4) - '0') & 4) != 0;
        }
        for (String clause : m.split(",")) {
            int op = indexOfOp(clause);
            if (op < 0) {
                continue;
            }
            String who = clause.substring(0, op);
            if ((clause.charAt(op) == '+' || clause.charAt(op) == '=') && clause.substring(op + 1).contains("s")
                    && (who.isEmpty() || who.contains("u") || who.contains("a"))) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfOp(String clause) {
        for (int i = 0; i < clause.length(); i++) {
            char ch = clause.charAt(i);
            if (ch == '+' || ch == '-' || ch == '=') {
                return i;
            }
        }
        return -1;
    }
}
