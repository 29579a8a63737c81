package com.rides.merge;

import com.rides.RidesException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.analysis.LocalTempView$;
import org.apache.spark.sql.execution.command.CreateViewCommand;
import scala.Option;
import scala.Tuple2;
import scala.collection.Seq$;
import scala.collection.immutable.Map$;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs the SQL definitions of sql/results/ (shipped in the jar). Each file defines rows
 * over named input views and named parameters ({@code :list_size}); nightly and rebuild
 * differ only in what they register under those names.
 */
public final class SqlFiles {

    private SqlFiles() {
    }

    /**
     * Registers {@code views} in {@code spark} and runs the file. No lock: temporary views
     * are names of a session, and each step of a run has a session of its own
     * ({@link RunScope#in}); spark.sql() resolves the views while it analyses, so the
     * Dataset returned no longer depends on them and the next file may reuse a name.
     */
    public static Dataset<Row> run(SparkSession spark, String file, Map<String, Dataset<Row>> views,
                                   Map<String, Object> parameters) {
        views.forEach((name, df) -> {
            if (df.sparkSession() != spark) {
                // A view is registered in its Dataset's own session, where this query would not see it.
                throw new IllegalStateException("view " + name + " of " + file + " belongs to another session");
            }
            replaceTempView(spark, name, df);
        });
        return spark.sql(text("sql/results/" + file), parameters);
    }

    /**
     * What {@code df.createOrReplaceTempView(name)} does, run as the catalog change it is:
     * Dataset's own runs it as a SQL execution (a query execution, its plan described and
     * two listener events), some thirty times a night for views that live one query.
     */
    private static void replaceTempView(SparkSession spark, String name, Dataset<Row> df) {
        new CreateViewCommand(TableIdentifier.apply(name), Seq$.MODULE$.<Tuple2<String, Option<String>>>empty().toSeq(),
                Option.empty(), Map$.MODULE$.<String, String>empty(), Option.empty(), df.logicalPlan(),
                false, true, LocalTempView$.MODULE$, true, Seq$.MODULE$.<String>empty().toSeq())
                .run(spark);
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
