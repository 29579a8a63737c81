package com.rides.pipeline;

import com.rides.RidesException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs the SQL definitions of sql/results/ (shipped in the jar). Each file defines
 * one result over named input views; nightly and rebuild differ only in what they
 * register under those names.
 */
public final class SqlFiles {

    private SqlFiles() {
    }

    /**
     * Synchronized because temp views are session-wide names: the pipeline runs its
     * steps on several threads, and spark.sql() resolves the views while it analyzes,
     * so the returned Dataset no longer depends on them once this returns.
     */
    public static synchronized Dataset<Row> run(SparkSession spark, String file, Map<String, Dataset<Row>> views) {
        views.forEach((name, df) -> df.createOrReplaceTempView(name));
        return spark.sql(text("sql/results/" + file));
    }

    public static String text(String path) {
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new RidesException("missing resource " + path + " (broken build?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RidesException("cannot read " + path, e);
        }
    }
}
