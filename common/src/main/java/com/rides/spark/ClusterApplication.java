package com.rides.spark;

import com.rides.RidesException;
import org.apache.spark.SparkConf;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a run needs on a cluster that local mode does not. Executors are JVMs of their
 * own that start with Spark's jars only: they must be sent the application (the
 * cluster jar, with the connector inside), or every task dies deserializing a lambda
 * it has no class for. spark-submit ships its primary resource itself (it sets
 * {@code spark.jars}); the launcher's {@code --master} ships the jar named by the
 * system property {@value #JAR_PROPERTY}, which {@code scripts/rides} sets.
 */
final class ClusterApplication {

    static final String JAR_PROPERTY = "rides.cluster.jar";

    private ClusterApplication() {
    }

    static boolean isLocal(String master) {
        return master.startsWith("local");
    }

    /** Completes {@code conf} for {@code master}, a cluster's URL. */
    static void prepare(SparkConf conf, String master) {
        if (!conf.contains("spark.jars") || conf.get("spark.jars").isBlank()) {
            conf.set("spark.jars", clusterJar().toString());
        }
        // Executors connect back to the driver: on a cluster of this machine's loopback
        // (scripts/local-spark) the host name may resolve to an address the driver does
        // not listen on; elsewhere Spark's own choice (or the operator's) stands.
        if (onLoopback(master)) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
    }

    private static Path clusterJar() {
        String named = System.getProperty(JAR_PROPERTY);
        if (named == null || named.isBlank()) {
            throw new RidesException("a cluster master needs the application jar for its executors: run through"
                    + " scripts/rides or scripts/spark-submit with jobs/target/rides-jobs-cluster.jar,"
                    + " or set -D" + JAR_PROPERTY + "=PATH");
        }
        Path jar = Path.of(named).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new RidesException("the cluster jar " + jar + " is missing: build it with mvn -DskipTests package");
        }
        return jar;
    }

    /** spark://127.0.0.1:7077, spark://localhost:7077 (and a list of such masters). */
    static boolean onLoopback(String master) {
        String lower = master.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("spark://")) {
            return false;
        }
        for (String hostPort : lower.substring("spark://".length()).split(",")) {
            String host = URI.create("spark://" + hostPort).getHost();
            if (host == null || !(host.equals("localhost") || host.startsWith("127."))) {
                return false;
            }
        }
        return true;
    }
}
