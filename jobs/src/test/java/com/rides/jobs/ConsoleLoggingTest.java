package com.rides.jobs;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jobs' console logging (log4j2.properties of the jar, which the launcher, spark-submit's
 * conf and the executors use), read by log4j itself: what it lets through and what it drops.
 */
class ConsoleLoggingTest {

    static final String EVENT_QUEUE = "org.apache.spark.scheduler.AsyncEventQueue";

    static Configuration config;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = ConsoleLoggingTest.class.getResourceAsStream("/log4j2.properties")) {
            assertNotNull(in, "log4j2.properties on the class path");
            ConfigurationSource source = new ConfigurationSource(in);
            config = new PropertiesConfigurationFactory().getConfiguration(new LoggerContext("console-logging-test"), source);
            config.initialize();
        }
    }

    @Test
    void theStatusListenersBookkeepingErrorIsDroppedAndOtherListenersErrorsShow() {
        LoggerConfig queue = config.getLoggerConfig(EVENT_QUEUE);
        assertEquals(EVENT_QUEUE, queue.getName(), "the event queue has a logger of its own");
        assertTrue(queue.isFiltered(error(EVENT_QUEUE, "Listener AppStatusListener threw an exception")));
        assertFalse(queue.isFiltered(error(EVENT_QUEUE, "Listener EventLoggingListener threw an exception")));
        assertFalse(queue.isFiltered(error(EVENT_QUEUE,
                "Dropping event from queue appStatus. This likely means one of the listeners is too slow")));
        assertTrue(queue.getLevel().isLessSpecificThan(Level.ERROR), "its errors still reach the console");
    }

    @Test
    void theJobsProgressShowsAndSparkFromWarningsOn() {
        assertEquals(Level.INFO, config.getLoggerConfig("com.rides.pipeline").getLevel());
        assertEquals(Level.WARN, config.getLoggerConfig("org.apache.spark.scheduler.TaskSetManager").getLevel());
        assertEquals(null, config.getLoggerConfig("org.apache.spark.scheduler.TaskSetManager").getFilter(),
                "no filter but the event queue's");
    }

    private static LogEvent error(String logger, String message) {
        return Log4jLogEvent.newBuilder().setLoggerName(logger).setLevel(Level.ERROR)
                .setMessage(new SimpleMessage(message)).build();
    }
}
