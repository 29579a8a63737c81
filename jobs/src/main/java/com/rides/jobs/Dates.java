package com.rides.jobs;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Parses YYYY-MM-DD strictly: 2026-02-30 is an error, not March 2nd. */
public class Dates implements ITypeConverter<LocalDate> {

    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value, STRICT);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("bad date '" + value + "': expected a real date as YYYY-MM-DD");
        }
    }
}
