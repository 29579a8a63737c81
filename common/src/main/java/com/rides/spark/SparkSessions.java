package com.rides.spark;

import com.rides.cassandra.ConnectorSettings;
import com.rides.config.RidesConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scala.collection.JavaConverters;

/**
 * Builds the Spark session every job runs in: local mode by default, UTC, connector wired.
 * Each job gets a session of its own (see {@link #create}); each step of a run one more
 * ({@link #fork}).
 */
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

    /** Whether this JVM made a Spark context (see {@link #stopForExit}). */
    private static volatile boolean started;

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
                .set("spark.sql.extensions", CassandraSqlExtensions.class.getName())
                .set("spark.sql.session.timeZone", "UTC")
                .setIfMissing("spark.sql.shuffle.partitions", String.valueOf(config.shufflePartitions()))
                // The nightly's shuffles carry per-ride summaries, a few MB at most: adaptive
                // re-planning and the plan text Spark builds for its UI cost more than they
                // save (measured: 40 s -> 20 s on a small day). Override with -Dspark.* if needed.
                .setIfMissing("spark.sql.adaptive.enabled", "false")
                .setIfMissing("spark.sql.ui.explainMode", "simple")
                // Inferring filters from constraints walks every operator's constraint set,
                // which grows with the ranked-list merges' self-joins; the run's filters are
                // written out where they matter (measured: 10.5 -> 9.1 s a warm small night).
                .setIfMissing("spark.sql.constraintPropagation.enabled", "false")
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
        Map<String, String> connector = ConnectorSettings.of(config);
        connector.forEach(conf::set);
        com.rides.cassandra.SchemaScope.include(config);
        reserveLowExprIds();
        // The JVM's context (and its default session) is made once, by the first job; every
        // job after it (tests, backfill, the benchmark) gets a session of its own from it, so
        // that no job's settings or temporary views reach another and nothing global is set.
        SparkSession base = SparkSession.getDefaultSession().isDefined()
                && !SparkSession.getDefaultSession().get().sparkContext().isStopped()
                ? SparkSession.getDefaultSession().get()
                : SparkSession.builder().config(conf).getOrCreate();
        started = true;
        base.sparkContext().setLogLevel("WARN");
        Map<String, String> settings = new LinkedHashMap<>();
        for (scala.Tuple2<String, String> kv : conf.getAll()) {
            if (kv._1().startsWith("spark.sql.") && base.conf().isModifiable(kv._1())) {
                settings.put(kv._1(), kv._2());
            }
        }
        settings.putAll(connector);
        return withSettings(base.newSession(), settings);
    }

    /**
     * A session of its own for one step of a run, with the run's settings (its connector
     * settings, shuffle partitions, ...) and {@code overrides}: a step's temporary views and
     * settings are then its own, so steps on several threads need no lock around them.
     */
    public static SparkSession fork(SparkSession run, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : JavaConverters.mapAsJavaMap(run.conf().getAll()).entrySet()) {
            if (e.getKey().startsWith("spark.cassandra.") || run.conf().isModifiable(e.getKey())) {
                settings.put(e.getKey(), e.getValue());
            }
        }
        settings.putAll(overrides);
        return withSettings(run.newSession(), settings);
    }

    /**
     * A new session starts from the context's configuration, which holds the connector
     * settings of the job that made the context: those this run does not have are removed,
     * so that only this run's connector settings apply (another cluster, role or TLS);
     * the session becomes the thread's active one.
     */
    private static SparkSession withSettings(SparkSession session, Map<String, String> settings) {
        List<String> stale = new ArrayList<>();
        for (String key : JavaConverters.mapAsJavaMap(session.conf().getAll()).keySet()) {
            if (key.startsWith("spark.cassandra.") && !settings.containsKey(key)) {
                stale.add(key);
            }
        }
        stale.forEach(session.conf()::unset);
        settings.forEach(session.conf()::set);
        // The connector's reader resolves a table with the settings of SparkSession.active
        // (DefaultSource.getTable), not of the session that reads: without this, a job after
        // the first in a JVM looked its tables up on the first job's cluster.
        SparkSession.setActiveSession(session);
        return session;
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

    /**
     * The process is ending: stops the JVM's Spark context, then closes the connector's
     * Cassandra sessions that nothing holds any more, in that order and on the calling
     * thread. Left to the JVM's shutdown hooks, Spark's (which stops the executors), the
     * connector's (which closes the sessions) and log4j's run at the same time, and
     * whether their errors reached the console depended on which came first: a run that
     * had succeeded ended once with Netty's "Failed to submit a listener notification
     * task. Event loop shut down?" (CI, 2026-12-06). A process that made no Spark context
     * has nothing to stop and loads no Spark class here.
     */
    public static void stopForExit() {
        if (!started) {
            return;
        }
        scala.Option<SparkSession> running = SparkSession.getDefaultSession();
        if (running.isDefined()) {
            running.get().stop();
        }
        com.datastax.spark.connector.cql.CassandraConnector.evictCache();
    }
}
