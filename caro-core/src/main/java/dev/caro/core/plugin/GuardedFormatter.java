package dev.caro.core.plugin;

import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;
import dev.caro.api.format.OutputFormatter;
import java.util.List;
import java.util.function.Supplier;

/** A plugin's formatter: a failure in plugin code becomes a {@link PluginCallException} that says what to do. */
final class GuardedFormatter implements OutputFormatter {

    private final OutputFormatter delegate;
    private final PluginOrigin origin;
    private final String id;
    private final String description;

    GuardedFormatter(OutputFormatter delegate, PluginOrigin origin, String id) {
        this.delegate = delegate;
        this.origin = origin;
        this.id = id;
        this.description = String.valueOf(delegate.description());
    }

    OutputFormatter delegate() {
        return delegate;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String render(CommandResult result, FormatOptions options) {
        return guard("render", () -> delegate.render(result, options));
    }

    @Override
    public String renderChecks(List<CheckResult> results, FormatOptions options) {
        return guard("renderChecks", () -> delegate.renderChecks(results, options));
    }

    private String guard(String call, Supplier<String> body) {
        String text;
        try (ContextLoader c = ContextLoader.of(delegate)) {
            text = body.get();
        } catch (Throwable t) {
            throw fail(t);
        }
        if (text == null) {
            throw fail(new NullPointerException(call + "() returned null"));
        }
        return text;
    }

    private PluginCallException fail(Throwable t) {
        String message = "Output format '" + id + "' from plugin '" + origin.pluginId() + "' failed ("
                + ProblemLog.describe(t) + "): use another format (for example -o plain) or run 'caro plugins disable "
                + origin.pluginId() + "'.";
        origin.callFailed("formatter:" + id, message);
        return new PluginCallException(origin.pluginId(), message, t);
    }
}
