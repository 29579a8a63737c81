package com.rides.cassandra;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wait on a schema refresh: a refresh that ends is its answer; one that fails, or
 * the driver's that never ends, gives the last known schema, and a stuck refresh is not
 * waited for a second time, until it ends. And no refresh while the schema's version is
 * the one the last completed refresh started from.
 */
class BoundedSchemaRefreshTest {

    static final Duration WAIT = Duration.ofMillis(200);

    final AtomicInteger started = new AtomicInteger();
    /** The schema version as the session would read it; null: it cannot be told. */
    final AtomicReference<Object> version = new AtomicReference<>();

    @Test
    void aRefreshThatEndsIsTheAnswer() {
        BoundedSchemaRefresh<String> bounded = refreshingTo("last known");
        assertEquals("refreshed", bounded.refresh());
        assertEquals("refreshed", bounded.refresh());
        assertEquals(2, started.get());
    }

    @Test
    void aRefreshThatFailsGivesTheLastKnownSchema() {
        BoundedSchemaRefresh<String> bounded = new BoundedSchemaRefresh<>(
                () -> refresh(CompletableFuture.failedFuture(new IllegalStateException("control channel closed"))),
                () -> "last known", WAIT, version::get);
        assertEquals("last known", bounded.refresh());
    }

    @Test
    void aStuckRefreshIsWaitedForOnceThenNotUntilItEnds() {
        CompletableFuture<String> stuck = new CompletableFuture<>();
        AtomicReference<CompletableFuture<String>> next = new AtomicReference<>(stuck);
        BoundedSchemaRefresh<String> bounded = new BoundedSchemaRefresh<>(() -> refresh(next.get()), () -> "last known",
                WAIT, version::get);

        long t0 = System.nanoTime();
        assertEquals("last known", bounded.refresh());
        assertEquals(1, started.get());
        assertEquals("last known", bounded.refresh(), "the stuck one is still pending");
        assertEquals(1, started.get(), "no second refresh queued behind it");

        stuck.complete("late");
        next.set(CompletableFuture.completedFuture("refreshed"));
        assertEquals("refreshed", bounded.refresh(), "once it ended, refreshes start again");
        assertEquals(2, started.get());
        // Not a speed check: the first call returned because the wait ran out, not because the refresh ended.
        assertTrue(System.nanoTime() - t0 >= WAIT.toNanos());
    }

    @Test
    void anUnchangedVersionIsNotRefreshedAgain() {
        version.set("v1");
        BoundedSchemaRefresh<String> bounded = refreshingTo("current");
        assertEquals("refreshed", bounded.refresh(), "the first lookup refreshes");
        assertEquals("current", bounded.refresh(), "same version: the session's schema is the answer");
        assertEquals(1, started.get());

        version.set("v2");
        assertEquals("refreshed", bounded.refresh(), "a new version is refreshed");
        assertEquals("current", bounded.refresh());
        assertEquals(2, started.get());
    }

    @Test
    void aVersionThatCannotBeToldIsAlwaysRefreshed() {
        BoundedSchemaRefresh<String> bounded = refreshingTo("current");
        assertEquals("refreshed", bounded.refresh());
        assertEquals("refreshed", bounded.refresh());
        assertEquals(2, started.get());
    }

    @Test
    void aFailedRefreshDoesNotCountAsRefreshed() {
        version.set("v1");
        AtomicReference<CompletableFuture<String>> next = new AtomicReference<>(
                CompletableFuture.failedFuture(new IllegalStateException("control channel closed")));
        BoundedSchemaRefresh<String> bounded = new BoundedSchemaRefresh<>(() -> refresh(next.get()),
                () -> "last known", WAIT, version::get);
        assertEquals("last known", bounded.refresh());
        next.set(CompletableFuture.completedFuture("refreshed"));
        assertEquals("refreshed", bounded.refresh(), "the same version, but nothing read it yet");
        assertEquals(2, started.get());
    }

    /** Refreshes that end with "refreshed"; {@code lastKnown} is the session's schema. */
    private BoundedSchemaRefresh<String> refreshingTo(String lastKnown) {
        return new BoundedSchemaRefresh<>(() -> refresh(CompletableFuture.completedFuture("refreshed")),
                () -> lastKnown, WAIT, version::get);
    }

    private CompletableFuture<String> refresh(CompletableFuture<String> outcome) {
        started.incrementAndGet();
        return outcome;
    }
}
