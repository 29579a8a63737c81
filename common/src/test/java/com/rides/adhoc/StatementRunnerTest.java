package com.rides.adhoc;

import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors point into the file as the analyst wrote it, and a comma before FROM is named (Spark local, no Cassandra). */
class StatementRunnerTest {

    static SparkSession spark;

    @BeforeAll
    static void spark() {
        spark = SparkSessions.create(RidesConfig.builder().build(), "statement runner test");
        spark.range(3).selectExpr("id AS a", "id AS b", "current_date() AS day").createOrReplaceTempView("t");
    }

    private static String error(String sql, String... params) {
        SqlScript script = SqlScript.parse("q.sql", sql);
        List<BoundStatement> statements = SqlParameters.parse(List.of(params)).bindStatements(script);
        ConfigException e = assertThrows(ConfigException.class, () -> StatementRunner.run(spark, statements).collect());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void anErrorIsPlacedInTheFileBeforeParametersAreReplaced() {
        String sql = """
                -- the header of q.sql
                SET spark.sql.shuffle.partitions = 2;
                SELECT a, b
                FROM t
                WHERE day = :day AND AND b = 1
                """;
        String message = error(sql, "day=2026-11-20");
        // :day became DATE '2026-11-20' (17 characters for 4); the b after AND AND is still at column 26 of line 5.
        assertTrue(message.startsWith("SQL syntax error in statement 2 of 2: [PARSE_SYNTAX_ERROR] Syntax error at or near 'b'"),
                message);
        assertTrue(message.endsWith("(at q.sql line 5, column 26)"), message);
        assertFalse(message.contains("pos "), "Spark's own position is left out: " + message);
    }

    @Test
    void anUnknownColumnIsPlacedInTheFileToo() {
        String message = error("SELECT 1;\n\nSELECT a FROM t WHERE day = :d AND nope = 1", "d=2026-11-20");
        assertTrue(message.startsWith("statement 2 of 2: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter "
                + "with name `nope` cannot be resolved."), message);
        assertTrue(message.endsWith("(at q.sql line 3, column 36)"), message);
    }

    @Test
    void aCommaBeforeFromIsNamed() {
        String message = error("SELECT a,\n       b,\nFROM t");
        assertTrue(message.contains("; is the comma at q.sql line 2, column 9 one too many (before FROM)?"), message);
        // ... and only where there is one: a comma inside a string or before a column named like a keyword is not.
        String plain = error("SELECT a, ', FROM' AS s, nope FROM t");
        assertFalse(plain.contains("comma"), plain);
    }

    @Test
    void positionsAreTheFilesOwn() {
        SqlScript script = SqlScript.parse("f.sql", "-- x\nSELECT 1;\n  SELECT\n    :v AS v");
        assertEquals(List.of(0, 17), script.offsets()); // the first statement holds the header comment
        BoundStatement second = SqlParameters.parse(List.of("v=abc")).bindStatements(script).get(1);
        assertEquals("SELECT\n    'abc' AS v", second.sql());
        assertEquals("f.sql line 4, column 5", second.position(2, 4));     // the literal is where :v was
        assertEquals("f.sql line 4, column 5", second.position(2, 8));     // every one of its characters
        assertEquals("f.sql line 4, column 8", second.position(2, 10));    // "AS" after it
        assertEquals("f.sql line 3, column 3", second.position(0));
    }
}
