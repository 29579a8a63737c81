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
