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
 * that hold nothing but comments and blanks are dropped.
 */
public record SqlScript(String source, List<String> statements) {

    public SqlScript {
        statements = List.copyOf(statements);
    }

    public static SqlScript parse(String source, String sql) {
        List<String> out = new ArrayList<>();
        boolean[] code = SqlLexer.codeMask(sql);
        int start = 0;
        for (int i = 0; i <= sql.length(); i++) {
            if (i == sql.length() || (code[i] && sql.charAt(i) == ';')) {
                String statement = sql.substring(start, i);
                if (hasCode(code, start, i, sql)) {
                    out.add(statement.strip());
                }
                start = i + 1;
            }
        }
        if (out.isEmpty()) {
            throw new ConfigException(source + " holds no SQL statement");
        }
        return new SqlScript(source, out);
    }

    /**
     * Reads a file; a relative path that is not a file is looked up on the class path
     * too, so the bundled queries (sql/adhoc/*.sql, shipped in the jar) run from anywhere.
     */
    public static SqlScript read(String path) {
        Path file = Path.of(path);
        try {
            if (Files.isRegularFile(file)) {
                return parse(path, Files.readString(file, StandardCharsets.UTF_8));
            }
            if (!file.isAbsolute()) {
                try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(path.replace('\\', '/'))) {
                    if (in != null) {
                        return parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
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
