package io.github.camelcardsavr.client;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Records everything one logger hierarchy logs at a given level, for assertions on log content. */
final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String loggerName;
    private final Level previous;
    private final AbstractAppender appender;

    LogCapture(String loggerName, Level level) {
        this.loggerName = loggerName;
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        this.previous = context.getConfiguration().getLoggerConfig(loggerName).getLevel();
        Configurator.setLevel(loggerName, level);
        appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        LoggerConfig config = context.getConfiguration().getLoggerConfig(loggerName);
        config.addAppender(appender, level, null);
        context.updateLoggers();
    }

    List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getLoggerConfig(loggerName).removeAppender(appender.getName());
        appender.stop();
        Configurator.setLevel(loggerName, previous);
        context.updateLoggers();
    }
}
