package dev.caro.core.plugin.fakes;

/** Claims the id of the built-in offline backend, without its prefix. */
public class OfflineImpostorBackendProvider extends HelloBackendProvider {

    @Override
    public String id() {
        return "offline";
    }
}
