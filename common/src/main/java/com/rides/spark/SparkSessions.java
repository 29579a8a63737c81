package com.rides.spark;

import com.rides.cassandra.ConnectorSettings;
import com.rides.config.RidesConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/** Builds the Spark session every job runs in: local mode by default, UTC, connector wired. */
public final class SparkSessions {

    /**
     * A nightly is some forty small jobs, each a new plan: compiling generated code for
     * each cost more than interpreting its few thousand rows (profiled: Janino was a
     * quarter of a small day's CPU; measured: 17 -> 12 s a day warm, and no slower on a
     * million samples, whose cost is the Cassandra read). Override with -Dspark.*.
     */
    public static final Map<String, String> CODEGEN_OFF = Map.of(
            "spark.sql.codegen.wholeStage", "false",
            "spark.sql.codegen.factoryMode", "NO_CODEGEN");

    /**
     * Attribute ids below which no table's columns are numbered (see {@link #reserveLowExprIds}).
     */
    static final long LOW_EXPR_IDS = 10_000;

    private SparkSessions() {
    }

    public static SparkSession create(RidesConfig config, String appName) {
        SparkConf conf = new SparkConf(true);
        if (!conf.contains("spark.master")) {
            // spark-submit sets the master; the launcher does not.
            conf.setMaster(config.sparkMaster());
        }
        String master = conf.get("spark.master");
        conf.setAppName(appName)
                .set("spark.sql.extensions", "com.datastax.spark.connector.CassandraSparkExtensions")
                .set("spark.sql.session.timeZone", "UTC")
                .setIfMissing("spark.sql.shuffle.partitions", String.valueOf(config.shufflePartitions()))
                // The nightly's shuffles carry per-ride summaries, a few MB at most: adaptive
                // re-planning and the plan text Spark builds for its UI cost more than they
                // save (measured: 40 s -> 20 s on a small day). Override with -Dspark.* if needed.
                .setIfMissing("spark.sql.adaptive.enabled", "false")
                .setIfMissing("spark.sql.ui.explainMode", "simple")
                .setIfMissing("spark.sql.maxPlanStringLength", "4096")
                // A left anti/semi join after a key join (state rows minus the rides being
                // reprocessed) would be pushed below it onto the Cassandra table, which then
                // no longer qualifies for the connector's direct join: the optimizer turned
                // reads by key of user_workout_history and class_rides into full scans (seen
                // in an event log). Reads by key must stay reads by key.
                .setIfMissing("spark.sql.optimizer.excludedRules",
                        "org.apache.spark.sql.catalyst.optimizer.PushLeftSemiLeftAntiThroughJoin")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.ui.showConsoleProgress", "false");
        CODEGEN_OFF.forEach(conf::setIfMissing);
        if (ClusterApplication.isLocal(master)) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else {
            ClusterApplication.prepare(conf, master);
        }
        for (Map.Entry<String, String> e : ConnectorSettings.of(config).entrySet()) {
            conf.set(e.getKey(), e.getValue());
        }
        reserveLowExprIds();
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        // getOrCreate() may return a session made by an earlier job in the same JVM
        // (tests, backfill); make sure this job's connector settings, and only they, apply.
        Map<String, String> settings = ConnectorSettings.of(config);
        scala.collection.Iterator<String> keys = spark.conf().getAll().keys().iterator();
        java.util.List<String> stale = new java.util.ArrayList<>();
        while (keys.hasNext()) {
            String key = keys.next();
            if (key.startsWith("spark.cassandra.") && !settings.containsKey(key)) {
                stale.add(key);
            }
        }
        stale.forEach(spark.conf()::unset);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            spark.conf().set(e.getKey(), e.getValue());
        }
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /**
     * Spark numbers attributes from 0 per JVM, so in a fresh process the first table read
     * (adhoc's riders view) has columns #0, #1, ... Spark also renumbers from 0 when it
     * canonicalizes a plan to find equal subtrees (exchange and subquery reuse), and the
     * connector's direct join rebuilds itself from those renumbered keys, binding any key
     * whose new id is the real id of one of its table's columns: a left join of riders by
     * user_id (#0) under an exchange then failed with "Couldn't find none#2 in [...]"
     * (an ORDER BY in adhoc, with --explain or --out). Starting the real ids above any
     * renumbering keeps the two apart; the direct join's subtree is then just not reused.
     */
    static void reserveLowExprIds() {
        while (org.apache.spark.sql.catalyst.expressions.NamedExpression$.MODULE$.newExprId().id() < LOW_EXPR_IDS) {
            // each call takes the next id of the JVM-wide counter
        }
    }
}
