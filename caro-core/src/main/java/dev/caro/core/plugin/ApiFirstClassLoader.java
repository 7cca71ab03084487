package dev.caro.core.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: the plugin's own classes first (so plugins may carry their own
 * libraries), but caro's API always from the host, so plugin and host share one
 * {@code ModelBackendProvider} class.
 */
final class ApiFirstClassLoader extends PluginClassLoader {

    private static final String API_PACKAGE = "dev.caro.api.";
    private static final String API_PATH = "dev/caro/api/";

    static {
        ClassLoader.registerAsParallelCapable();
    }

    ApiFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
        super(manager, descriptor, host);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (className.startsWith(API_PACKAGE)) {
            return getParent().loadClass(className);
        }
        return super.loadClass(className);
    }

    @Override
    public URL getResource(String name) {
        if (name.startsWith(API_PATH)) {
            return getParent().getResource(name);
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (name.startsWith(API_PATH)) {
            return getParent().getResources(name);
        }
        return super.getResources(name);
    }
}
