package com.rides.checks;

import java.util.Locale;

/** What a failed check means: {@code error} makes the run exit with code 3 (a scheduler alerts), {@code warning} is noted. */
public enum CheckLevel {
    WARNING, ERROR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
