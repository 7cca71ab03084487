package dev.caro.core.plugin;

import dev.caro.api.CaroApi;
import java.nio.file.Path;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginStatusProvider;
import org.pf4j.RuntimeMode;

/**
 * PF4J configured for caro: jar plugins only (never unpacked), manifest descriptors, caro's API
 * version as the system version (so {@code Plugin-Requires} is enforced), API classes from the
 * host, deployment mode always. Enabled/disabled state is kept by {@link PluginHost}, which never
 * hands a disabled plugin to PF4J.
 */
final class CaroPluginManager extends JarPluginManager {

    CaroPluginManager(Path dir) {
        super(dir);
        setSystemVersion(CaroApi.VERSION);
        setExactVersionAllowed(false);
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new JarPluginLoader(this) {
            @Override
            public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
                ApiFirstClassLoader loader = new ApiFirstClassLoader(pluginManager, descriptor,
                        CaroApi.class.getClassLoader());
                loader.addFile(pluginPath.toFile());
                return loader;
            }
        };
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        // State lives in PluginStateStore; PF4J's own enabled.txt/disabled.txt are not consulted.
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return false;
            }

            @Override
            public void disablePlugin(String pluginId) {}

            @Override
            public void enablePlugin(String pluginId) {}
        };
    }
}
