package com.rides.jobs;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Parses a whole UTC hour, YYYY-MM-DDTHH:00Z, strictly: a snapshot of trending_now is at
 * a whole hour, and 05:30 is refused rather than rounded to a snapshot nobody asked for.
 */
public class Hours implements ITypeConverter<Instant> {

    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss]'Z'")
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public Instant convert(String value) {
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(value, STRICT);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("bad instant '" + value + "': expected a whole UTC hour as"
                    + " YYYY-MM-DDTHH:00Z");
        }
        if (at.getMinute() != 0 || at.getSecond() != 0) {
            throw new TypeConversionException("'" + value + "' is not a whole hour: expected YYYY-MM-DDTHH:00Z");
        }
        return at.toInstant(ZoneOffset.UTC);
    }
}
