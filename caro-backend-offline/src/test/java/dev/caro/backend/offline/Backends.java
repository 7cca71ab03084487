package dev.caro.backend.offline;

import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.OsFamily;
import dev.caro.api.context.ShellKind;
import dev.caro.api.context.Userland;
import java.time.Duration;
import java.util.List;

/** Test helpers: the offline backend with its built-in catalog, and the usual contexts. */
final class Backends {

    static final ExecutionContext GNU = ExecutionContext.linux("/home/ana/project", "/home/ana");
    static final ExecutionContext BSD = GNU.withUserland(Userland.BSD).withOs(OsFamily.MACOS).withShell(ShellKind.ZSH);

    private static final OfflineBackend BACKEND = new OfflineBackend(Catalog.load(Backends.class.getClassLoader()));

    private Backends() {}

    static Generation generate(String prompt, ExecutionContext context) {
        return BACKEND.generate(new GenerationRequest(prompt, context, List.of(), 1, Duration.ofSeconds(5)));
    }

    /** The command for {@code prompt} on GNU/bash, or "" when the backend declined. */
    static String gnu(String prompt) {
        return command(prompt, GNU);
    }

    static String bsd(String prompt) {
        return command(prompt, BSD);
    }

    static String command(String prompt, ExecutionContext context) {
        Generation g = generate(prompt, context);
        return g.candidates().isEmpty() ? "" : g.candidates().get(0).command();
    }
}
