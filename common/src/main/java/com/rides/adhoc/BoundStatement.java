package com.rides.adhoc;

/**
 * One statement of a script with its parameters replaced by literals, and for each of
 * its characters the character of the script's statement it came from (a literal's
 * characters all come from its placeholder), so a position Spark reports in the bound
 * text is shown where the analyst wrote it. {@code label} names it in messages
 * ("statement 2 of 3").
 */
public record BoundStatement(String sql, int[] origin, SqlScript script, int index, String label) {

    /** "FILE line L, column C" of character {@code at} of the bound text. */
    public String position(int at) {
        int source = origin.length == 0 ? 0 : origin[Math.max(0, Math.min(at, origin.length - 1))];
        return script.position(index, source);
    }

    /** The same for Spark's line (from 1) and position in that line (from 0). */
    public String position(int line, int pos) {
        int at = 0;
        for (int l = 1; l < line && at < sql.length(); at++) {
            if (sql.charAt(at) == '\n') {
                l++;
            }
        }
        return position(at + pos);
    }

    /** The same statement under another name in messages (the shell numbers its statements itself). */
    public BoundStatement withLabel(String newLabel) {
        return new BoundStatement(sql, origin, script, index, newLabel);
    }
}
