package dev.caro.core.plugin.fakes;

import dev.caro.api.format.CommandResult;
import dev.caro.api.format.FormatOptions;

/** Fails to render. */
public class ThrowingFormatter extends UpperFormatter {

    @Override
    public String id() {
        return "fake-broken";
    }

    @Override
    public String render(CommandResult result, FormatOptions options) {
        throw new NullPointerException("template missing");
    }
}
