package com.rides.runs;

import com.rides.RidesException;

/**
 * Another run holds the run lease: this one did nothing and should be tried again
 * later (the launcher exits with 75, EX_TEMPFAIL, a scheduler's "try again later").
 */
public final class LeaseHeldException extends RidesException {

    private final LeaseHolder holder;

    public LeaseHeldException(LeaseHolder holder) {
        super("another run holds the run lease: " + holder.describe() + "; nothing was done, try again later"
                + " (a dead holder's lease expires " + holder.ttl().toSeconds() + " s after its last renewal)");
        this.holder = holder;
    }

    public LeaseHolder holder() {
        return holder;
    }
}
