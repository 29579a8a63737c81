package com.rides.adhoc;

import com.rides.config.ConfigException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A parameter value as a typed Spark SQL literal. The value is parsed as its type
 * (a date must be a date, a number a number) and the literal is built from the parsed
 * value, never pasted: a value cannot end the literal and add SQL of its own.
 */
public record SqlLiteral(Type type, String sql) {

    public enum Type { STRING, INT, DOUBLE, DATE, TIMESTAMP, UUID, BOOLEAN }

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PLAIN_STRING = Pattern.compile("[^'\\\\\\p{Cntrl}]*");

    public static List<String> typeNames() {
        return List.of("string", "int", "double", "date", "timestamp", "uuid", "boolean");
    }

    /** The value's type read from its shape: integer, decimal, date, timestamp, uuid, true/false, else string. */
    public static SqlLiteral infer(String value) {
        String v = value.strip();
        if (INTEGER.matcher(v).matches()) {
            return of(Type.INT, v);
        }
        if (DECIMAL.matcher(v).matches()) {
            return of(Type.DOUBLE, v);
        }
        if (ISO_DATE.matcher(v).matches()) {
            return of(Type.DATE, v);
        }
        if (UUID_TEXT.matcher(v).matches()) {
            return of(Type.UUID, v);
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return of(Type.BOOLEAN, v);
        }
        if (v.length() > 10 && ISO_DATE.matcher(v.substring(0, 10)).matches() && v.charAt(10) == 'T') {
            return of(Type.TIMESTAMP, v);
        }
        return of(Type.STRING, value);
    }

    public static Type type(String name) {
        try {
            return Type.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("unknown parameter type '" + name + "': one of " + String.join(", ", typeNames()));
        }
    }

    public static SqlLiteral of(Type type, String value) {
        String v = value.strip();
        try {
            return switch (type) {
                case INT -> new SqlLiteral(type, signed(new java.math.BigInteger(v).toString()));
                case DOUBLE -> new SqlLiteral(type, signed(Double.toString(finite(Double.parseDouble(v))) + "D"));
                case DATE -> new SqlLiteral(type, "DATE '" + LocalDate.parse(v) + "'");
                case TIMESTAMP -> new SqlLiteral(type, "TIMESTAMP '" + Instant.parse(v) + "'");
                case UUID -> new SqlLiteral(type, "'" + java.util.UUID.fromString(v).toString().toLowerCase(Locale.ROOT) + "'");
                case BOOLEAN -> new SqlLiteral(type, bool(v));
                case STRING -> new SqlLiteral(type, string(value));
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ConfigException("'" + value + "' is not a valid " + type.name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A string literal. Plain text is quoted as is; text holding a quote, a backslash or
     * a control character is written as the UTF-8 bytes it is made of, which no
     * parser setting (such as spark.sql.parser.escapedStringLiterals) can misread.
     */
    static String string(String value) {
        if (PLAIN_STRING.matcher(value).matches()) {
            return "'" + value + "'";
        }
        return "CAST(X'" + HexFormat.of().withUpperCase().formatHex(value.getBytes(StandardCharsets.UTF_8))
                + "' AS STRING)";
    }

    /** A negative number in parentheses: after a minus sign, "-5" would start a comment ("--"). */
    private static String signed(String number) {
        return number.startsWith("-") ? "(" + number + ")" : number;
    }

    private static String bool(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return v.toUpperCase(Locale.ROOT);
        }
        throw new NumberFormatException(v);
    }

    private static double finite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new NumberFormatException("not finite");
        }
        return d;
    }
}
