package com.rides.adhoc;

import com.rides.config.ConfigException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;

import java.util.List;

/**
 * Runs a script's statements in order in one Spark session. Commands (SET, CREATE
 * TEMPORARY VIEW, CACHE TABLE ...) take effect as they are run; a query is planned,
 * and only the last statement's result is returned to be shown or written. A syntax
 * error or an unknown table, view or column is the user's: one line naming the
 * statement.
 */
public final class StatementRunner {

    private StatementRunner() {
    }

    public static Dataset<Row> run(SparkSession spark, List<String> statements) {
        Dataset<Row> last = null;
        for (int i = 0; i < statements.size(); i++) {
            try {
                last = spark.sql(statements.get(i));
            } catch (Exception e) {
                throw translate(e, "statement " + (i + 1) + " of " + statements.size());
            }
        }
        return last;
    }

    static RuntimeException translate(Exception e, String where) {
        if (e instanceof ParseException p) {
            return new ConfigException("SQL syntax error in " + where + ": " + firstLine(p.getSimpleMessage()));
        }
        if (e instanceof AnalysisException a) {
            if ("TABLE_OR_VIEW_NOT_FOUND".equals(a.getErrorClass())) {
                return new ConfigException(where + ": unknown table or view "
                        + a.getMessageParameters().getOrDefault("relationName", "?")
                        + " (views: " + String.join(", ", TableViews.names()) + ")");
            }
            return new ConfigException(where + ": " + firstLine(a.getSimpleMessage()));
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    private static String firstLine(String s) {
        String text = s == null ? "" : s.strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).strip();
    }
}
