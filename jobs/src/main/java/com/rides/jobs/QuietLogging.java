package com.rides.jobs;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.DefaultConfiguration;

import java.net.URISyntaxException;
import java.net.URL;

/**
 * The jobs' own logging (log4j2.properties of this jar: warnings and errors only, the
 * jobs' progress on stdout) wherever the driver runs. The launcher finds that file on
 * its class path; under spark-submit the application jar is not on the class path
 * log4j looks at, so on a Spark distribution without a conf/log4j2.properties Spark
 * would switch to its INFO-level defaults and the console would fill with its lines.
 * An operator's own configuration (-Dlog4j2.configurationFile, or a file log4j found)
 * is left alone.
 */
final class QuietLogging {

    private static final String OURS = "/log4j2.properties";
    private static final String SPARK_DEFAULTS = "org/apache/spark/log4j2-defaults.properties";

    private QuietLogging() {
    }

    /** log4j's own fallback, or the INFO-level one Spark installs when it finds no file. */
    static boolean defaults(Configuration configuration) {
        if (configuration instanceof DefaultConfiguration) {
            return true;
        }
        String source = String.valueOf(configuration.getConfigurationSource().getLocation());
        return source.endsWith(SPARK_DEFAULTS);
    }

    /**
     * Stops every log line for good and waits for one being written: the launcher's
     * one-line error must start on a line of its own, and a task still running as a
     * run fails (a connector read that the dead node fails) may be writing its stack
     * trace in several pieces to the same stderr. Also once a run's outcome is said,
     * before Spark stops (see {@link Rides#main}). Only for a process that ends next.
     */
    static void silenceForExit() {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return;
        }
        org.apache.logging.log4j.core.config.Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME,
                org.apache.logging.log4j.Level.OFF);
        for (org.apache.logging.log4j.core.Appender a : context.getConfiguration().getAppenders().values()) {
            if (a instanceof org.apache.logging.log4j.core.appender.AbstractOutputStreamAppender<?> out) {
                // Synchronized with the event being encoded and written: returns once it is out.
                out.getManager().flush();
            }
        }
    }

    static void apply() {
        if (System.getProperty("log4j2.configurationFile") != null) {
            return;
        }
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return; // another logging backend: not ours to configure
        }
        if (!defaults(context.getConfiguration())) {
            return; // log4j found a configuration file
        }
        URL ours = QuietLogging.class.getResource(OURS);
        if (ours == null) {
            return;
        }
        try {
            context.setConfigLocation(ours.toURI());
        } catch (URISyntaxException e) {
            // a jar URL is always a URI; keep log4j's defaults if not
        }
    }
}
