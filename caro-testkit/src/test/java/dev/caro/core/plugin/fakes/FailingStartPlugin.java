package dev.caro.core.plugin.fakes;

import org.pf4j.Plugin;

/** A PF4J plugin class whose start fails. */
public class FailingStartPlugin extends Plugin {

    @Override
    public void start() {
        throw new IllegalStateException("cannot open database");
    }
}
