package com.rides.adhoc;

import com.rides.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsInCodeOnly() {
        String sql = """
                -- header; with a semicolon
                SET spark.sql.shuffle.partitions = 2;
                /* a comment; /* nested; */ still; */
                SELECT 'a;b', "c;d", `e;f` AS x FROM t WHERE s = 'it\\'s;';
                SELECT 2 -- trailing; comment
                """;
        List<String> statements = SqlScript.parse("t.sql", sql).statements();
        assertEquals(3, statements.size(), statements.toString());
        assertTrue(statements.get(0).endsWith("SET spark.sql.shuffle.partitions = 2"), statements.get(0));
        assertTrue(statements.get(1).endsWith("SELECT 'a;b', \"c;d\", `e;f` AS x FROM t WHERE s = 'it\\'s;'"),
                statements.get(1));
        assertEquals("SELECT 2 -- trailing; comment", statements.get(2));
    }

    @Test
    void dropsStatementsOfOnlyCommentsAndBlanks() {
        List<String> statements = SqlScript.parse("t.sql", "SELECT 1;;\n -- nothing;\n;/* x */;").statements();
        assertEquals(List.of("SELECT 1"), statements);
    }

    @Test
    void aFileWithoutStatementsIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> SqlScript.parse("empty.sql", "-- only\n/* c */ ;"));
        assertEquals("empty.sql holds no SQL statement", e.getMessage());
    }

    @Test
    void aMissingFileIsOneLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> SqlScript.read("/nonexistent/q.sql"));
        assertEquals("cannot read SQL file /nonexistent/q.sql: no such file", e.getMessage());
    }

    @Test
    void bundledQueriesAreFoundOnTheClassPath() {
        SqlScript script = SqlScript.read("sql/adhoc/instructors_by_output.sql");
        assertEquals(1, script.statements().size());
        assertTrue(script.statements().get(0).contains("FROM class_stats"));
    }
}
