package com.rides.adhoc;

import java.util.ArrayList;
import java.util.List;

/**
 * The input of the SQL shell, fed a line at a time (typed, piped or read from a file),
 * cut into what it holds, in order: SQL statements, each ended by a semicolon that is
 * code (not in a string, a back-quoted name or a comment), and shell commands: a line
 * that starts with a backslash where no statement has begun ({@code \set day 2026-11-20}).
 * {@code \explain} is followed by the statement it explains, on the same line or after.
 * Every statement carries the text around it, so its errors point at the line and
 * column of the input: of the file, or of the statement typed when
 * {@code perStatementLines} (a shell session's line 500 helps nobody).
 */
public final class ShellInput {

    /** What the input holds. */
    public sealed interface Item permits Command, Statement {
    }

    /** A shell command: its name without the backslash, lower case, and the rest of its line. */
    public record Command(String name, String args) implements Item {
    }

    /** One SQL statement, as a one-statement script whose positions are the input's. */
    public record Statement(SqlScript script) implements Item {
        public String sql() {
            return script.statements().get(0);
        }
    }

    private final String source;
    private final boolean perStatementLines;
    private StringBuilder text = new StringBuilder();
    private int start;

    public ShellInput(String source, boolean perStatementLines) {
        this.source = source;
        this.perStatementLines = perStatementLines;
    }

    /** Whether a statement has begun and waits for its semicolon. */
    public boolean pending() {
        return hasCode(start, text.length());
    }

    /** The items a line completes (none while a statement goes on). */
    public List<Item> feed(String line) {
        List<Item> items = new ArrayList<>();
        String trimmed = line.strip();
        if (!pending() && trimmed.startsWith("\\")) {
            int space = firstSpace(trimmed);
            String name = trimmed.substring(1, space).toLowerCase(java.util.Locale.ROOT);
            String args = trimmed.substring(space).strip();
            items.add(new Command(name, args));
            if (name.equals("explain")) {
                // The statement explained may start on this line: keep its columns.
                int from = line.indexOf(trimmed) + space;
                text.append(" ".repeat(from)).append(line.substring(from)).append('\n');
                items.addAll(statements());
            } else {
                text.append('\n');
                clearIfDone();
            }
            return items;
        }
        text.append(line).append('\n');
        items.addAll(statements());
        return items;
    }

    /** At the end of the input: the statement left without its semicolon, if any. */
    public List<Item> finish() {
        List<Item> items = new ArrayList<>();
        if (pending()) {
            items.add(statement(start, text.length()));
        }
        start = text.length();
        clearIfDone();
        return items;
    }

    /** Forgets a statement begun (the shell's Ctrl-C). */
    public void discard() {
        start = text.length();
        clearIfDone();
    }

    private List<Item> statements() {
        List<Item> items = new ArrayList<>();
        boolean found = true;
        while (found) {
            found = false;
            String rest = text.substring(start);
            boolean[] code = SqlLexer.codeMask(rest);
            for (int i = 0; i < code.length; i++) {
                if (code[i] && rest.charAt(i) == ';') {
                    int end = start + i;
                    if (hasCode(start, end)) {
                        items.add(statement(start, end));
                    }
                    start = end + 1;
                    found = true;
                    break;
                }
            }
        }
        clearIfDone();
        return items;
    }

    private Statement statement(int from, int to) {
        String raw = text.substring(from, to);
        String sql = raw.strip();
        int offset = from + raw.indexOf(sql);
        return new Statement(new SqlScript(source, List.of(sql), text.toString(), List.of(offset)));
    }

    /** In a session, each statement counts its lines from 1: drop the text once nothing is pending. */
    private void clearIfDone() {
        if (perStatementLines && !pending()) {
            String rest = text.substring(start);
            text = new StringBuilder(rest.isBlank() ? "" : rest);
            start = 0;
        }
    }

    private boolean hasCode(int from, int to) {
        String s = text.substring(from, to);
        boolean[] code = SqlLexer.codeMask(s);
        for (int i = 0; i < s.length(); i++) {
            if (code[i] && !Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }
}
