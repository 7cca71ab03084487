package dev.caro.rules;

import dev.caro.api.safety.SafetyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The built-in rule pack. caro finds these rules through {@link ServiceLoader} like any plugin;
 * this list is for rules that judge a decoded payload with every other rule, and for the docs.
 */
public final class BuiltinRules {

    private BuiltinRules() {}

    private static final class Holder {
        static final List<SafetyRule> ALL = load();

        private static List<SafetyRule> load() {
            List<SafetyRule> out = new ArrayList<>();
            for (SafetyRule r : ServiceLoader.load(SafetyRule.class, BuiltinRules.class.getClassLoader())) {
                if (r.getClass().getName().startsWith("dev.caro.rules.")) {
                    out.add(r);
                }
            }
            return List.copyOf(out);
        }
    }

    /** Every built-in rule, one instance each. */
    public static List<SafetyRule> all() {
        return Holder.ALL;
    }
}
