package dev.caro.backend.offline;

import dev.caro.api.context.Userland;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One task the offline backend knows, as read from a catalog file.
 *
 * @param id unique id such as {@code git.status}
 * @param category the task family, e.g. {@code git}
 * @param when patterns that must all be found in the lower-cased request; their named groups
 *     become template values
 * @param unless patterns that must not be found
 * @param optional patterns whose named groups are used when found (flags such as {@code icase})
 * @param priority breaks ties between intents that match the same request; higher wins
 * @param templates the command per variant: {@code gnu} (required), {@code bsd}, {@code fish},
 *     {@code powershell}; a {@code bsd} template of just {@value #NONE} says the task has no
 *     command on a BSD userland (macOS), see {@link #declines}
 * @param explanation one sentence shown with the command
 * @param allow slot kinds this intent may leave unused without the backend declining
 * @param source where the intent was read from, for messages
 */
record Intent(
        String id,
        String category,
        List<Pattern> when,
        List<Pattern> unless,
        List<Pattern> optional,
        int priority,
        Map<String, String> templates,
        String explanation,
        Set<Slot.Kind> allow,
        String source) {

    /** A {@code bsd} template of only this marker: no command for the task on a BSD userland. */
    static final String NONE = "-";

    /**
     * Whether the intent has no command on {@code userland} ({@code bsd: -}), whatever the shell.
     * It is still ranked there (with its GNU command), so that a weaker intent does not answer in
     * its place; when it ranks first, the backend declines.
     */
    boolean declines(Userland userland) {
        return userland == Userland.BSD && NONE.equals(templates.get("bsd"));
    }

    /** The {@code when} expressions as written; reading them does not compile lazy patterns. */
    List<String> whenSources() {
        return sources(when);
    }

    /** Every pattern as written ({@code when}, {@code unless}, {@code opt}), compiling none. */
    List<String> allSources() {
        List<String> out = new java.util.ArrayList<>(sources(when));
        out.addAll(sources(unless));
        out.addAll(sources(optional));
        return out;
    }

    private static List<String> sources(List<Pattern> patterns) {
        return patterns instanceof LazyPatterns lazy ? lazy.sources() : patterns.stream().map(Pattern::pattern).toList();
    }
}
