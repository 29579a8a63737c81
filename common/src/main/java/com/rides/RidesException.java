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

    /**
     * What another thread threw, to be thrown on in this one: unchecked exceptions and
     * errors as they are, anything else wrapped (its message kept).
     */
    public static RuntimeException rethrown(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new RidesException(String.valueOf(t.getMessage()), t);
    }
}
