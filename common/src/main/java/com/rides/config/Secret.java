package com.rides.config;

import java.io.Serializable;

/**
 * A credential that must never reach a log, an exception or a result table.
 * Its toString() is masked so an accidental string concatenation is harmless.
 */
public final class Secret implements Serializable {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? null : new Secret(value);
    }

    /** The only way to read the value: call it where the driver needs it, nowhere else. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
