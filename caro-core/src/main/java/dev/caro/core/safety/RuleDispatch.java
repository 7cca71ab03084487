package dev.caro.core.safety;

import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which rules judge a script, from each rule's {@link SafetyRule#commandNames()}: a rule that
 * declares names runs only when the script runs one of them; a rule that declares none (or whose
 * declaration is broken) runs on every script. Built once per rule list; thread-safe.
 */
final class RuleDispatch {

    private final int ruleCount;
    /** Rules that run on every script. */
    private final BitSet always = new BitSet();
    private final Map<String, int[]> byName = new HashMap<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<Integer> prefixRules = new ArrayList<>();

    RuleDispatch(List<SafetyRule> rules) {
        ruleCount = rules.size();
        Map<String, List<Integer>> names = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Set<String> declared = declaredNames(rules.get(i));
            if (declared.isEmpty()) {
                always.set(i);
                continue;
            }
            for (String n : declared) {
                String name = n.toLowerCase(Locale.ROOT);
                if (name.endsWith("*")) {
                    prefixes.add(name.substring(0, name.length() - 1));
                    prefixRules.add(i);
                } else {
                    List<Integer> list = names.get(name);
                    if (list == null) {
                        list = new ArrayList<>();
                        names.put(name, list);
                    }
                    list.add(i);
                }
            }
        }
        // A loop, not an IntStream: this runs once per start, interpreted, where setting up the
        // stream (its classes and lambdas) cost more than the copying.
        for (Map.Entry<String, List<Integer>> e : names.entrySet()) {
            List<Integer> list = e.getValue();
            int[] indexes = new int[list.size()];
            for (int k = 0; k < indexes.length; k++) {
                indexes[k] = list.get(k);
            }
            byName.put(e.getKey(), indexes);
        }
    }

    /** A broken declaration (throws, null, a null or blank name) means every script, so the rule still runs. */
    private static Set<String> declaredNames(SafetyRule rule) {
        try {
            Set<String> declared = rule.commandNames();
            if (declared == null) {
                return Set.of();
            }
            for (String n : declared) {
                if (n == null || n.isBlank() || n.equals("*")) {
                    return Set.of();
                }
            }
            return declared;
        } catch (RuntimeException | LinkageError e) {
            return Set.of();
        }
    }

    /** The indexes of the rules that judge {@code script}. */
    BitSet select(ShellScript script) {
        BitSet out = (BitSet) always.clone();
        if (out.cardinality() == ruleCount) {
            return out;
        }
        for (SimpleCommand c : script.commands()) {
            String name = normalize(c.name());
            int[] rules = byName.get(name);
            if (rules != null) {
                for (int r : rules) {
                    out.set(r);
                }
            }
            for (int p = 0; p < prefixes.size(); p++) {
                if (name.startsWith(prefixes.get(p))) {
                    out.set(prefixRules.get(p));
                }
            }
        }
        return out;
    }

    /**
     * A command name as rules declare it: the part after the last {@code /} or {@code \}, lower
     * case, without {@code .exe}. Returns {@code name} itself (no copy) when it is already so.
     */
    static String normalize(String name) {
        int lastSlash = -1;
        boolean plain = true;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '/' || ch == '\\') {
                lastSlash = i;
                plain = false;
            } else if (ch >= 'A' && ch <= 'Z' || ch > 0x7f) {
                plain = false;
            }
        }
        if (plain && !endsWithExe(name)) {
            return name;
        }
        int start = lastSlash >= 0 && lastSlash < name.length() - 1 ? lastSlash + 1 : 0;
        String n = name.substring(start).toLowerCase(Locale.ROOT);
        return endsWithExe(n) ? n.substring(0, n.length() - 4) : n;
    }

    private static boolean endsWithExe(String n) {
        return n.regionMatches(true, n.length() - 4, ".exe", 0, 4);
    }
}
