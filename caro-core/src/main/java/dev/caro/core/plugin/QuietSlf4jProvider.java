package dev.caro.core.plugin;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J binding for the libraries caro uses (PF4J): silent unless {@link PluginLog#verbose(boolean)}.
 * Without a binding SLF4J would print a warning on every run.
 */
public final class QuietSlf4jProvider implements SLF4JServiceProvider {

    private final ILoggerFactory loggers = name -> new QuietLogger(name);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {}

    private static final class QuietLogger extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;

        QuietLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return PluginLog.verbose();
        }

        @Override
        public boolean isWarnEnabled() {
            return PluginLog.verbose();
        }

        @Override
        public boolean isErrorEnabled() {
            return PluginLog.verbose();
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                Throwable error) {
            if (level == Level.TRACE || level == Level.DEBUG) {
                return;
            }
            PluginLog.print(level.name().toLowerCase(java.util.Locale.ROOT),
                    MessageFormatter.basicArrayFormat(pattern, args), error);
        }
    }
}
