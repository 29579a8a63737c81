package com.rides.adhoc;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's input cut into statements and commands, line by line, with positions in the input. */
class ShellInputTest {

    private static List<ShellInput.Item> feed(ShellInput input, String... lines) {
        List<ShellInput.Item> items = new ArrayList<>();
        for (String line : lines) {
            items.addAll(input.feed(line));
        }
        return items;
    }

    @Test
    void statementsEndAtSemicolonsInCodeAndCommandsAtTheirLine() {
        ShellInput input = new ShellInput("f.sql", false);
        List<ShellInput.Item> items = feed(input,
                "\\set day 2026-11-20",
                "SELECT 'a;b' AS s, -- a comment; not the end",
                "  1 AS n; SELECT 2",
                "\\not a command here: the statement goes on",
                ";",
                "  \\Out x.csv --key a");
        assertEquals(new ShellInput.Command("set", "day 2026-11-20"), items.get(0));
        assertEquals("SELECT 'a;b' AS s, -- a comment; not the end\n  1 AS n", ((ShellInput.Statement) items.get(1)).sql());
        assertEquals("SELECT 2\n\\not a command here: the statement goes on", ((ShellInput.Statement) items.get(2)).sql());
        assertEquals(new ShellInput.Command("out", "x.csv --key a"), items.get(3));
        assertEquals(4, items.size());
        assertFalse(input.pending());
        // Positions are the file's: the second statement starts at line 3, column 11.
        assertEquals("f.sql line 3, column 11", ((ShellInput.Statement) items.get(2)).script().position(0, 0));
    }

    @Test
    void explainTakesTheStatementThatFollowsOnItsLineOrAfter() {
        ShellInput input = new ShellInput("input", true);
        List<ShellInput.Item> items = feed(input, "\\explain SELECT *", "  FROM riders;");
        assertEquals(new ShellInput.Command("explain", "SELECT *"), items.get(0));
        ShellInput.Statement s = (ShellInput.Statement) items.get(1);
        assertEquals("SELECT *\n  FROM riders", s.sql());
        assertEquals("input line 1, column 10", s.script().position(0, 0), "the column where it was typed");
    }

    @Test
    void aSessionCountsEachStatementsLinesFromOneAndTheEndRunsWhatIsLeft() {
        ShellInput input = new ShellInput("input", true);
        feed(input, "SELECT 1;", "SELECT 2;");
        List<ShellInput.Item> third = feed(input, "SELECT", "  nope");
        assertTrue(third.isEmpty() && input.pending());
        List<ShellInput.Item> last = input.finish();
        ShellInput.Statement s = (ShellInput.Statement) last.get(0);
        assertEquals("SELECT\n  nope", s.sql());
        assertEquals("input line 2, column 3", s.script().position(0, s.sql().indexOf("nope")));
        input.feed("SELECT 3");
        input.discard();
        assertFalse(input.pending(), "Ctrl-C forgets the statement typed");
    }
}
