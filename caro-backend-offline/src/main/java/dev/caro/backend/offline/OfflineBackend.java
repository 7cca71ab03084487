package dev.caro.backend.offline;

import dev.caro.api.backend.CommandCandidate;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import java.util.List;

/** Answers everyday requests from the intent catalog; declines when it is not sure. */
final class OfflineBackend implements ModelBackend {

    private final IntentMatcher matcher;

    OfflineBackend(Catalog catalog) {
        this.matcher = new IntentMatcher(catalog);
    }

    @Override
    public Generation generate(GenerationRequest request) {
        IntentMatcher.Outcome outcome = matcher.match(request.prompt(), request.context());
        if (outcome.answer().isEmpty()) {
            return Generation.none(outcome.reason());
        }
        IntentMatcher.Answer a = outcome.answer().get();
        return Generation.of(List.of(new CommandCandidate(a.command(), a.intent().explanation(), a.confidence())));
    }
}
