package dev.caro.cli.plugintest;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.CommandCandidate;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;
import java.util.List;

/** A plugin backend, packed into a real plugin jar by the test (never registered on the class path). */
public final class ShoutBackendProvider implements ModelBackendProvider {

    @Override
    public String id() { return "acme.shout"; }

    @Override
    public String description() { return "echoes the request in capitals"; }

    @Override
    public int rank() { return 5; }

    @Override
    public boolean worksOffline() { return true; }

    @Override
    public boolean needsModel() { return false; }

    @Override
    public Availability availability(BackendEnvironment environment) { return Availability.ready(); }

    @Override
    public ModelBackend create(BackendEnvironment environment) {
        return r -> Generation.of(List.of(CommandCandidate.of("echo " + r.prompt().toUpperCase(java.util.Locale.ROOT), "")));
    }
}
