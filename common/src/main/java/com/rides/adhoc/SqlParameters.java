package com.rides.adhoc;

import com.rides.config.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named parameters of an ad hoc script. In the SQL a parameter is written
 * {@code :name} (letters, digits, underscore; not starting with a digit), in code
 * only: inside a string or a comment it is text. On the command line it is
 * {@code --param name=value} (type read from the value's shape) or
 * {@code --param name:type=value}. Each placeholder is replaced by a typed literal
 * (see {@link SqlLiteral}). A placeholder with no value, or a value no statement
 * uses, is an error.
 */
public final class SqlParameters {

    private final Map<String, SqlLiteral> values;

    private SqlParameters(Map<String, SqlLiteral> values) {
        this.values = values;
    }

    /** Parses {@code name=value} and {@code name:type=value} arguments. */
    public static SqlParameters parse(List<String> args) {
        Map<String, SqlLiteral> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("bad --param '" + arg + "': expected name=value or name:type=value");
            }
            String key = arg.substring(0, eq).strip();
            String value = arg.substring(eq + 1);
            int colon = key.indexOf(':');
            String name = colon < 0 ? key : key.substring(0, colon).strip();
            if (!isName(name)) {
                throw new ConfigException("bad --param name '" + name + "': letters, digits and _ only, not starting with a digit");
            }
            SqlLiteral literal = colon < 0 ? SqlLiteral.infer(value)
                    : SqlLiteral.of(SqlLiteral.type(key.substring(colon + 1)), value);
            if (values.put(name, literal) != null) {
                throw new ConfigException("parameter '" + name + "' is given twice");
            }
        }
        return new SqlParameters(values);
    }

    public Map<String, SqlLiteral> values() {
        return Map.copyOf(values);
    }

    /** The statements with every placeholder replaced; fails on a missing or an unused parameter. */
    public List<String> bind(SqlScript script) {
        return bindStatements(script).stream().map(BoundStatement::sql).toList();
    }

    /** The same, each statement with the map back to its text in the script. */
    public List<BoundStatement> bindStatements(SqlScript script) {
        return bindStatements(script, true);
    }

    /**
     * @param everyValueUsed whether a value no statement uses is an error (a script's
     *                       parameters are its own; the shell's are set for a whole session)
     */
    public List<BoundStatement> bindStatements(SqlScript script, boolean everyValueUsed) {
        Set<String> used = new LinkedHashSet<>();
        List<BoundStatement> bound = new ArrayList<>();
        for (int i = 0; i < script.statements().size(); i++) {
            bound.add(bind(script, i, used));
        }
        if (!everyValueUsed) {
            return bound;
        }
        Set<String> unused = new LinkedHashSet<>(values.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new ConfigException("unknown parameter '" + unused.iterator().next() + "': " + script.source()
                    + (used.isEmpty() ? " takes no parameters" : " uses " + placeholders(used)));
        }
        return bound;
    }

    /** The placeholder names a script uses, in order of first use. */
    public static Set<String> names(SqlScript script) {
        Set<String> names = new LinkedHashSet<>();
        for (String statement : script.statements()) {
            boolean[] code = SqlLexer.codeMask(statement);
            for (int i = 0; i < statement.length(); i++) {
                int end = placeholderEnd(statement, code, i);
                if (end > 0) {
                    names.add(statement.substring(i + 1, end));
                    i = end - 1;
                }
            }
        }
        return names;
    }

    private BoundStatement bind(SqlScript script, int index, Set<String> used) {
        String statement = script.statements().get(index);
        boolean[] code = SqlLexer.codeMask(statement);
        StringBuilder out = new StringBuilder(statement.length());
        List<Integer> origin = new ArrayList<>(statement.length());
        for (int i = 0; i < statement.length(); i++) {
            int end = placeholderEnd(statement, code, i);
            if (end < 0) {
                out.append(statement.charAt(i));
                origin.add(i);
                continue;
            }
            String name = statement.substring(i + 1, end);
            SqlLiteral literal = values.get(name);
            if (literal == null) {
                throw new ConfigException("missing parameter :" + name + " (give it with --param " + name + "=VALUE)");
            }
            used.add(name);
            String sql = literal.sql();
            out.append(sql);
            for (int k = 0; k < sql.length(); k++) {
                origin.add(i); // a literal's every character is the placeholder's
            }
            i = end - 1;
        }
        return new BoundStatement(out.toString(), origin.stream().mapToInt(Integer::intValue).toArray(), script, index,
                "statement " + (index + 1) + " of " + script.statements().size());
    }

    /** The end of a placeholder starting at i, or -1: ':' then a name, in code, not part of '::' or a name. */
    private static int placeholderEnd(String s, boolean[] code, int i) {
        if (s.charAt(i) != ':' || !code[i] || i + 1 >= s.length() || !code[i + 1]) {
            return -1;
        }
        if (i > 0 && (s.charAt(i - 1) == ':' || Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
            return -1;
        }
        if (!Character.isLetter(s.charAt(i + 1)) && s.charAt(i + 1) != '_') {
            return -1;
        }
        int j = i + 1;
        while (j < s.length() && code[j] && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return j;
    }

    private static boolean isName(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        return name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }

    private static String placeholders(Set<String> names) {
        return String.join(", ", names.stream().map(n -> ":" + n).toList());
    }
}

