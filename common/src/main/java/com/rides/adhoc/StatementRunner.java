package com.rides.adhoc;

import com.rides.config.ConfigException;
import org.apache.spark.QueryContext;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a script's statements in order in one Spark session. Commands (SET, CREATE
 * TEMPORARY VIEW, CACHE TABLE ...) take effect as they are run; a query is planned,
 * and only the last statement's result is returned to be shown or written. A syntax
 * error or an unknown table, view or column is the user's: one line naming the
 * statement and where it is in the file, as the analyst wrote it (before parameters
 * were replaced).
 */
public final class StatementRunner {

    /** Spark's own position suffixes: "(line 2, pos 60)" of a parse error, "; line 2 pos 60" of an analysis error. */
    private static final Pattern SPARK_POSITION = Pattern.compile("\\s*(\\(line \\d+, pos \\d+\\)|;\\s*line \\d+ pos \\d+)\\s*$");
    /** A comma and then FROM, in code: "SELECT a, b, FROM t" reads FROM as a column and fails puzzlingly. */
    private static final Pattern COMMA_BEFORE_FROM = Pattern.compile(",(\\s*)FROM\\b", Pattern.CASE_INSENSITIVE);

    private StatementRunner() {
    }

    public static Dataset<Row> run(SparkSession spark, List<BoundStatement> statements) {
        Dataset<Row> last = null;
        for (BoundStatement statement : statements) {
            last = run(spark, statement);
        }
        return last;
    }

    public static Dataset<Row> run(SparkSession spark, BoundStatement statement) {
        try {
            return spark.sql(statement.sql());
        } catch (Exception e) {
            throw translate(e, statement);
        }
    }

    static RuntimeException translate(Exception e, BoundStatement statement) {
        String where = statement.label();
        if (e instanceof ParseException p) {
            return new ConfigException("SQL syntax error in " + where + ": " + describe(p, statement));
        }
        if (e instanceof AnalysisException a) {
            if ("TABLE_OR_VIEW_NOT_FOUND".equals(a.getErrorClass())) {
                return new ConfigException(where + ": unknown table or view "
                        + a.getMessageParameters().getOrDefault("relationName", "?")
                        + " (views: " + String.join(", ", TableViews.names()) + ")" + at(a, statement));
            }
            return new ConfigException(where + ": " + describe(a, statement));
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    private static String describe(AnalysisException a, BoundStatement statement) {
        String message = SPARK_POSITION.matcher(firstLine(a.getSimpleMessage())).replaceFirst("");
        return message + at(a, statement) + hint(statement);
    }

    /** " (at FILE line L, column C)" where Spark says the error is, or nothing. */
    private static String at(AnalysisException a, BoundStatement statement) {
        for (QueryContext context : a.getQueryContext()) {
            if (context.startIndex() >= 0) {
                return " (at " + statement.position(context.startIndex()) + ")";
            }
        }
        if (a.line().isDefined() && a.startPosition().isDefined()) {
            return " (at " + statement.position((Integer) a.line().get(), (Integer) a.startPosition().get()) + ")";
        }
        return "";
    }

    private static String hint(BoundStatement statement) {
        String sql = statement.sql();
        boolean[] code = SqlLexer.codeMask(sql);
        Matcher m = COMMA_BEFORE_FROM.matcher(sql);
        while (m.find()) {
            if (code[m.start()] && code[m.end(1)]) {
                return "; is the comma at " + statement.position(m.start()) + " one too many (before FROM)?";
            }
        }
        return "";
    }

    private static String firstLine(String s) {
        String text = s == null ? "" : s.strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).strip();
    }
}
