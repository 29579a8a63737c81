package com.rides;

/**
 * A failure the user can act on. Its message is the one line the launcher prints
 * (no stack trace unless --verbose), so it names what failed and what to do.
 */
public class RidesException extends RuntimeException {
    public RidesException(String message) {
        super(message);
    }

    public RidesException(String message, Throwable cause) {
        super(message, cause);
    }
}
