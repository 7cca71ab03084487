package dev.caro.core.eval.fakes;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.CommandCandidate;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import java.util.Map;

/** Answers from a fixed table; prompts it does not know are declined, "boom" throws. */
public final class ScriptedBackend implements ModelBackend {

    private final Map<String, String> answers;

    public ScriptedBackend(Map<String, String> answers) {
        this.answers = Map.copyOf(answers);
    }

    @Override
    public Generation generate(GenerationRequest request) throws BackendException {
        if (request.prompt().equals("boom")) {
            throw new BackendException("scripted failure");
        }
        String a = answers.get(request.prompt());
        return a == null ? Generation.none("not in the script") : Generation.of(java.util.List.of(CommandCandidate.of(a, "")));
    }
}
