package com.rides.adhoc;

/**
 * The one piece of Spark SQL lexing the ad hoc runner needs: which characters of a
 * text are code, as opposed to the inside of a string literal ('...' or "...", with
 * backslash escapes as Spark reads them), a back-quoted identifier, a line comment
 * (--) or a bracketed comment (slash-star, nested as Spark allows). Statement splitting
 * and parameter binding only act on code characters.
 */
final class SqlLexer {

    private SqlLexer() {
    }

    /** code[i] is true when sql.charAt(i) is outside quotes and comments. */
    static boolean[] codeMask(String sql) {
        boolean[] code = new boolean[sql.length()];
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(sql, i, c);
            } else if (c == '`') {
                i = skipBackquoted(sql, i);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = skipComment(sql, i);
            } else {
                code[i] = true;
                i++;
            }
        }
        return code;
    }

    private static int skipString(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length(); // unterminated: Spark reports the syntax error
    }

    private static int skipBackquoted(String sql, int start) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '`') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '`') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int skipComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
