package io.github.camelcardsavr.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Records every log event of the JVM from a given level up: the root logger and every configured logger are set to that
 * level and get a recording appender; {@link #close()} puts the configuration back. Each event keeps its logger, level,
 * time, formatted message, and the message, class and full stack trace text of its throwable, so that assertions can
 * look at everything a log file would show.
 */
public final class LogRecorder implements AutoCloseable {

    public record Line(long timeMillis, Level level, String logger, String message, String thrown) {

        /** All the text a log file would carry for this event. */
        public String text() {
            return message + (thrown.isEmpty() ? "" : " | " + thrown);
        }

        public boolean isWarnOrWorse() {
            return level.isMoreSpecificThan(Level.WARN);
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Map<String, Level> previous = new HashMap<>();
    private final AbstractAppender appender;

    private final List<String> addedLoggers = new ArrayList<>();

    /** Records every logger of the JVM from {@code level} up. */
    public LogRecorder(Level level) {
        this(level, new String[0]);
    }

    /**
     * Records the named loggers (and their children) from {@code level} up, and everything else from the level the
     * test configuration gives it; with no names, every logger from {@code level} up.
     */
    public LogRecorder(Level level, String... loggers) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        appender = new AbstractAppender("recorder-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(new Line(event.getTimeMillis(), event.getLevel(), event.getLoggerName(),
                        event.getMessage().getFormattedMessage(), describe(event.getThrown())));
            }
        };
        appender.start();
        LoggerConfig root = configuration.getRootLogger();
        if (loggers.length > 0) {
            for (String name : loggers) {
                LoggerConfig config = configuration.getLoggers().get(name);
                if (config == null) {
                    config = new LoggerConfig(name, level, true);
                    configuration.addLogger(name, config);
                    addedLoggers.add(name);
                } else {
                    previous.put(name, config.getLevel());
                    config.setLevel(level);
                }
            }
            root.addAppender(appender, level, null);
            context.updateLoggers();
            return;
        }
        for (LoggerConfig config : configuration.getLoggers().values()) {
            previous.put(config.getName(), config.getLevel());
            config.setLevel(level);
            // additive loggers pass their events on to the root logger's appenders
            if (config != root && !config.isAdditive()) {
                config.addAppender(appender, level, null);
            }
        }
        previous.putIfAbsent(root.getName(), root.getLevel());
        root.setLevel(level);
        root.addAppender(appender, level, null);
        context.updateLoggers();
    }

    private static String describe(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    public List<Line> lines() {
        return lines;
    }

    public List<Line> warnings() {
        return lines.stream().filter(Line::isWarnOrWorse).toList();
    }

    /** The text of every recorded line, as a log file would show it. */
    public List<String> texts() {
        return lines.stream().map(Line::text).toList();
    }

    public void clear() {
        lines.clear();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        addedLoggers.forEach(configuration::removeLogger);
        for (LoggerConfig config : configuration.getLoggers().values()) {
            config.removeAppender(appender.getName());
            Level level = previous.get(config.getName());
            if (level != null) {
                config.setLevel(level);
            }
        }
        LoggerConfig root = configuration.getRootLogger();
        root.removeAppender(appender.getName());
        Level rootLevel = previous.get(root.getName());
        if (rootLevel != null) {
            root.setLevel(rootLevel);
        }
        appender.stop();
        context.updateLoggers();
    }
}
