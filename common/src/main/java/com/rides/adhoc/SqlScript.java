package com.rides.adhoc;

import com.rides.config.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An analyst's SQL file as the statements it holds, in order: split on semicolons
 * that are code (not inside a string, a back-quoted name or a comment). Statements
 * that hold nothing but comments and blanks are dropped. The file's text and where
 * each statement starts in it are kept, so errors can point into the file itself.
 */
public record SqlScript(String source, List<String> statements, String text, List<Integer> offsets) {

    public SqlScript {
        statements = List.copyOf(statements);
        offsets = List.copyOf(offsets);
    }

    public static SqlScript parse(String source, String sql) {
        List<String> out = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        boolean[] code = SqlLexer.codeMask(sql);
        int start = 0;
        for (int i = 0; i <= sql.length(); i++) {
            if (i == sql.length() || (code[i] && sql.charAt(i) == ';')) {
                String statement = sql.substring(start, i);
                if (hasCode(code, start, i, sql)) {
                    String stripped = statement.strip();
                    out.add(stripped);
                    offsets.add(start + statement.indexOf(stripped));
                }
                start = i + 1;
            }
        }
        if (out.isEmpty()) {
            throw new ConfigException(source + " holds no SQL statement");
        }
        return new SqlScript(source, out, sql, offsets);
    }

    /** "FILE line L, column C" (both from 1) of character {@code index} of statement {@code statement} (from 0). */
    public String position(int statement, int index) {
        int at = Math.min(offsets.get(statement) + Math.max(0, index), text.length());
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return source + " line " + line + ", column " + (at - lineStart + 1);
    }

    /**
     * Reads a file; a relative path that is not a file is looked up on the class path
     * too, so the bundled queries (sql/adhoc/*.sql, shipped in the jar) run from anywhere.
     */
    public static SqlScript read(String path) {
        return parse(path, readText(path));
    }

    /** A file's text, found as {@link #read} finds it. */
    public static String readText(String path) {
        Path file = Path.of(path);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            if (!file.isAbsolute()) {
                try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(path.replace('\\', '/'))) {
                    if (in != null) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException ce) {
                throw ce;
            }
            throw new ConfigException("cannot read SQL file " + path + ": " + e.getMessage());
        }
        throw new ConfigException("cannot read SQL file " + path + ": "
                + (Files.exists(file) ? "not a regular file" : "no such file"));
    }

    private static boolean hasCode(boolean[] code, int from, int to, String sql) {
        for (int i = from; i < to; i++) {
            if (code[i] && !Character.isWhitespace(sql.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
