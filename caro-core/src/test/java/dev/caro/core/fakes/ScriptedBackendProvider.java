package dev.caro.core.fakes;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import java.util.ArrayList;
import java.util.List;

/** A backend whose behaviour a test scripts: a fixed answer, an exception, a delay, or unavailability. */
public final class ScriptedBackendProvider implements ModelBackendProvider {

    /** What {@code generate} does. */
    public interface Script {
        Generation answer(GenerationRequest request) throws BackendException, InterruptedException;
    }

    private final String id;
    private final int rank;
    private final Availability availability;
    private final Script script;
    public final List<GenerationRequest> requests = new ArrayList<>();
    public int created;
    public int closed;

    public ScriptedBackendProvider(String id, int rank, Availability availability, Script script) {
        this.id = id;
        this.rank = rank;
        this.availability = availability;
        this.script = script;
    }

    public static ScriptedBackendProvider answering(String id, int rank, Generation answer) {
        return new ScriptedBackendProvider(id, rank, Availability.ready(), r -> answer);
    }

    @Override
    public String id() { return id; }

    @Override
    public String description() { return "scripted test backend " + id; }

    @Override
    public int rank() { return rank; }

    @Override
    public boolean worksOffline() { return true; }

    @Override
    public boolean needsModel() { return false; }

    @Override
    public Availability availability(BackendEnvironment environment) { return availability; }

    @Override
    public ModelBackend create(BackendEnvironment environment) {
        created++;
        return new ModelBackend() {
            @Override
            public Generation generate(GenerationRequest request) throws BackendException, InterruptedException {
                requests.add(request);
                return script.answer(request);
            }

            @Override
            public void close() {
                closed++;
            }
        };
    }
}
