package dev.caro.plugins.openai;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ModelBackend;
import dev.caro.api.backend.ModelBackendProvider;

/**
 * Any server speaking OpenAI's chat completions API (vLLM, llama.cpp's server, LM Studio,
 * hosted APIs) as a caro backend. Settings ({@code [backends.openai]}): {@code base_url} (else
 * {@code OPENAI_BASE_URL}, else {@value OpenAiSettings#DEFAULT_BASE}), {@code api_key} (else
 * {@code OPENAI_API_KEY}), {@code model} ({@code --model} wins; else {@code OPENAI_MODEL}),
 * {@code timeout}, {@code stream}, {@code temperature}, {@code max_tokens}.
 */
public final class OpenAiBackendProvider implements ModelBackendProvider {

    @Override
    public String id() {
        return "openai";
    }

    @Override
    public String description() {
        return "OpenAI-compatible server: vLLM, llama.cpp server, LM Studio, hosted APIs (OPENAI_BASE_URL)";
    }

    @Override
    public int rank() {
        return 20;
    }

    @Override
    public boolean worksOffline() {
        return false;
    }

    @Override
    public boolean needsModel() {
        return true;
    }

    /** Checks the settings only: probing a hosted API would cost time and money on every run. */
    @Override
    public Availability availability(BackendEnvironment environment) {
        OpenAiSettings s;
        try {
            s = OpenAiSettings.from(environment);
        } catch (IllegalArgumentException e) {
            return Availability.unavailable(e.getMessage(), "caro config set backends.openai.<key> <value>");
        }
        if (s.base().equals(OpenAiSettings.DEFAULT_BASE) && s.apiKey().isEmpty()) {
            return Availability.unavailable("no API key for " + s.base(),
                    "set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server");
        }
        if (s.model().isEmpty()) {
            return Availability.unavailable("no model set for " + s.base(),
                    "caro config set backends.openai.model <name>, or use --model");
        }
        if (s.apiKey().isPresent() && !s.keySafeToSend()) {
            return Availability.unavailable("the API key would be sent unencrypted to " + s.base(),
                    "use an https base URL");
        }
        return Availability.ready("model " + s.model().get() + " at " + s.base());
    }

    @Override
    public ModelBackend create(BackendEnvironment environment) throws BackendException {
        Availability a = availability(environment);
        if (!a.available()) {
            throw new BackendException("OpenAI-compatible backend: " + a.reason() + "; " + a.fix() + ".");
        }
        return new OpenAiBackend(OpenAiSettings.from(environment));
    }
}
