package dev.caro.core.plugin;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;

/** A plugin's backend: anything but a {@link BackendException} or an interrupt becomes one. */
final class GuardedBackend implements ModelBackend {

    private final ModelBackend delegate;
    private final GuardedBackendProvider provider;

    GuardedBackend(ModelBackend delegate, GuardedBackendProvider provider) {
        this.delegate = delegate;
        this.provider = provider;
    }

    @Override
    public Generation generate(GenerationRequest request) throws BackendException, InterruptedException {
        Generation g;
        try (ContextLoader c = ContextLoader.of(delegate)) {
            g = delegate.generate(request);
        } catch (BackendException | InterruptedException e) {
            throw e;
        } catch (Throwable t) {
            throw fail(t);
        }
        if (g == null) {
            throw fail(new NullPointerException("generate() returned null"));
        }
        return g;
    }

    private BackendException fail(Throwable t) {
        String why = provider.message("generate", t);
        provider.origin().callFailed(provider.key("generate"), why);
        return new BackendException(why, t);
    }

    @Override
    public void close() {
        try (ContextLoader c = ContextLoader.of(delegate)) {
            delegate.close();
        } catch (Throwable t) {
            provider.origin().callFailed(provider.key("close"), provider.message("close", t));
        }
    }
}
