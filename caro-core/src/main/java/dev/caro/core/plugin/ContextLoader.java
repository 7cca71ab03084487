package dev.caro.core.plugin;

/**
 * Makes the plugin's class loader the thread's context class loader while plugin code runs, so
 * libraries inside the plugin that look up resources or services through it find the plugin's.
 */
final class ContextLoader implements AutoCloseable {

    private final Thread thread;
    private final ClassLoader previous;

    private ContextLoader(ClassLoader loader) {
        this.thread = Thread.currentThread();
        this.previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
    }

    static ContextLoader of(Object pluginObject) {
        return new ContextLoader(pluginObject.getClass().getClassLoader());
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
