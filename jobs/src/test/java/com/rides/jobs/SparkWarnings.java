package com.rides.jobs;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The warnings Spark logs while open: the launcher prints every one of them on the
 * console (log4j2.properties: root at warn), so a run that makes Spark warn (a join
 * hint outside a join, say) is a noisy run for whoever reads the scheduler's log.
 */
final class SparkWarnings implements AutoCloseable {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender = new AbstractAppender("spark-warnings", null, null, true,
            Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            if (event.getLevel().isMoreSpecificThan(Level.WARN) && event.getLoggerName().startsWith("org.apache.spark")) {
                seen.add(event.getLoggerName() + ": " + event.getMessage().getFormattedMessage());
            }
        }
    };

    SparkWarnings() {
        appender.start();
        context.getConfiguration().getRootLogger().addAppender(appender, Level.WARN, null);
        context.updateLoggers();
    }

    List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
