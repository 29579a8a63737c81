package com.rides.adhoc;

import com.rides.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SqlParametersTest {

    private static List<String> bind(String sql, String... params) {
        return SqlParameters.parse(List.of(params)).bind(SqlScript.parse("q.sql", sql));
    }

    @Test
    void placeholdersBecomeTypedLiterals() {
        List<String> out = bind("SELECT * FROM workouts WHERE day = :day AND user_id = :u AND x > :n AND y < :d"
                        + " AND z = :b AND started_at >= :t AND name = :s",
                "day=2026-11-20", "u=6F1C2A9E-0000-4000-8000-000000000001", "n=-5", "d=2.5", "b=true",
                "t=2026-11-20T10:00:00Z", "s=alice");
        assertEquals(List.of("SELECT * FROM workouts WHERE day = DATE '2026-11-20'"
                + " AND user_id = '6f1c2a9e-0000-4000-8000-000000000001' AND x > (-5) AND y < 2.5D"
                + " AND z = TRUE AND started_at >= TIMESTAMP '2026-11-20T10:00:00Z' AND name = 'alice'"), out);
    }

    @Test
    void placeholdersInStringsCommentsAndCastsAreText() {
        List<String> out = bind("SELECT ':day', x::int, \"a :day\" -- :day\n, :day /* :day */", "day=2026-01-02");
        assertEquals(List.of("SELECT ':day', x::int, \"a :day\" -- :day\n, DATE '2026-01-02' /* :day */"), out);
    }

    @Test
    void aValueCannotBreakOutOfItsLiteral() {
        List<String> out = bind("SELECT * FROM riders WHERE username = :name", "name=x' OR '1'='1");
        // The quote is inside a binary literal's hex digits: nothing of the value is SQL.
        assertEquals(List.of("SELECT * FROM riders WHERE username = CAST(X'7827204F52202731273D2731' AS STRING)"), out);
        List<String> backslash = bind("SELECT :s", "s=a\\");
        assertEquals(List.of("SELECT CAST(X'615C' AS STRING)"), backslash);
    }

    @Test
    void explicitTypesAreChecked() {
        assertEquals(List.of("SELECT '007'"), bind("SELECT :code", "code:string=007"));
        assertEquals(List.of("SELECT DATE '2026-11-20'"), bind("SELECT :d", "d:date=2026-11-20"));
        ConfigException bad = assertThrows(ConfigException.class, () -> bind("SELECT :d", "d:date=2026-13-01"));
        assertEquals("'2026-13-01' is not a valid date", bad.getMessage());
        ConfigException notInt = assertThrows(ConfigException.class, () -> bind("SELECT :n", "n:int=1; DROP"));
        assertEquals("'1; DROP' is not a valid int", notInt.getMessage());
        ConfigException type = assertThrows(ConfigException.class, () -> bind("SELECT :n", "n:money=1"));
        assertEquals("unknown parameter type 'money': one of string, int, double, date, timestamp, uuid, boolean",
                type.getMessage());
    }

    @Test
    void missingAndUnknownParametersAreOneLineErrors() {
        ConfigException missing = assertThrows(ConfigException.class,
                () -> bind("SELECT :a;\nSELECT :b", "a=1"));
        assertEquals("missing parameter :b (give it with --param b=VALUE)", missing.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> bind("SELECT :a", "a=1", "c=2"));
        assertEquals("unknown parameter 'c': q.sql uses :a", unknown.getMessage());
        ConfigException none = assertThrows(ConfigException.class, () -> bind("SELECT 1", "c=2"));
        assertEquals("unknown parameter 'c': q.sql takes no parameters", none.getMessage());
        assertThrows(ConfigException.class, () -> bind("SELECT :a", "a=1", "a=2"));
        assertThrows(ConfigException.class, () -> bind("SELECT :a", "noequals"));
        assertThrows(ConfigException.class, () -> bind("SELECT :a", "1a=1"));
    }

    @Test
    void namesListsThePlaceholdersInOrder() {
        SqlScript script = SqlScript.parse("q.sql", "SELECT :b, :a; SELECT ':c', :b");
        assertEquals(List.of("b", "a"), List.copyOf(SqlParameters.names(script)));
        assertEquals(Set.of(), SqlParameters.names(SqlScript.parse("q.sql", "SELECT 1")));
    }
}
