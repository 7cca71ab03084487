package dev.caro.core.prompt;

import dev.caro.api.backend.CommandCandidate;
import java.util.ArrayList;
import java.util.List;

/** Extracts commands from raw model text. Shared by all model backends. */
public final class CommandExtractor {

    private CommandExtractor() {}

    /** Commands found in {@code raw}, best first; empty when there is none. */
    public static List<CommandCandidate> extract(String raw) {
        List<CommandCandidate> out = new ArrayList<>();
        for (String line : raw.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("```")) {
                out.add(CommandCandidate.of(l, ""));
                break;
            }
        }
        return out;
    }
}
