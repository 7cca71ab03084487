package dev.caro.core.plugin.fakes;

/** Its constructor throws: the extension cannot be created. */
public class ConstructorThrowsBackendProvider extends HelloBackendProvider {

    public ConstructorThrowsBackendProvider() {
        throw new IllegalStateException("no config");
    }
}
