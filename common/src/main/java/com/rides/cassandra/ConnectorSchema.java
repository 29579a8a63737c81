package com.rides.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.spark.connector.cql.CassandraConnector$;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Brings the connector's cached driver session up to date with the schema. The
 * connector resolves a table from its own session's metadata, which hears of a table
 * made through another session only after the driver's schema-event debounce (about a
 * second): a write straight after CREATE TABLE can fail with "Couldn't find table".
 */
public final class ConnectorSchema {

    private ConnectorSchema() {
    }

    /** Refreshes the schema metadata of the session the connector uses for this Spark session's settings. */
    public static void refresh(SparkSession spark) {
        // The connector caches one session per connection settings: build the same
        // settings the DataFrame source would (context conf overlaid by the session's
        // spark.cassandra.* values) so the refresh reaches the session the write will use.
        SparkConf conf = spark.sparkContext().getConf().clone();
        for (Tuple2<String, String> kv : conf.getAll()) {
            if (kv._1().startsWith("spark.cassandra.")) {
                conf.remove(kv._1());
            }
        }
        scala.collection.Iterator<Tuple2<String, String>> it = spark.conf().getAll().iterator();
        while (it.hasNext()) {
            Tuple2<String, String> kv = it.next();
            if (kv._1().startsWith("spark.cassandra.")) {
                conf.set(kv._1(), kv._2());
            }
        }
        try (CqlSession session = CassandraConnector$.MODULE$.apply(conf).openSession()) {
            session.refreshSchema();
        }
    }
}
