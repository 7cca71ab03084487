package dev.caro.cli.fakes;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.CommandCandidate;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import java.util.List;

/**
 * A test backend that answers "cmd: X" with the command X, "env: NAME" with {@code echo} and the
 * value of the environment variable NAME the backend was given, and anything else with no answer,
 * so CLI tests control exactly which command the rest of caro sees.
 */
public final class EchoBackendProvider implements ModelBackendProvider {

    @Override
    public String id() { return "test-echo"; }

    @Override
    public String description() { return "answers 'cmd: X' with X (tests only)"; }

    @Override
    public int rank() { return 1; }

    @Override
    public boolean worksOffline() { return true; }

    @Override
    public boolean needsModel() { return false; }

    @Override
    public Availability availability(BackendEnvironment environment) { return Availability.ready(); }

    @Override
    public ModelBackend create(BackendEnvironment environment) {
        return request -> {
            if (request.prompt().startsWith("env: ")) {
                String value = environment.env(request.prompt().substring(5)).orElse("unset");
                return Generation.of(List.of(CommandCandidate.of("echo " + value, "Shows what the backend was given.")));
            }
            return request.prompt().startsWith("cmd: ")
                    ? Generation.of(List.of(CommandCandidate.of(request.prompt().substring(5), "Runs what the test asked for.")))
                    : Generation.none("the echo backend only answers 'cmd: X'");
        };
    }
}
