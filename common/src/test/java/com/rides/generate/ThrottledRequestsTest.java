package com.rides.generate;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.rides.RidesException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer's flow control, against a fake server that answers on another thread. */
class ThrottledRequestsTest {

    private final ScheduledExecutorService server = Executors.newScheduledThreadPool(4);

    @AfterEach
    void stopServer() {
        server.shutdownNow();
    }

    private static ThrottledRequests<String> requests(int maxInFlight, int maxAttempts) {
        return new ThrottledRequests<>(maxInFlight, maxAttempts, Duration.ofMillis(1), RideDataWriter::mayPass,
                table -> "rides." + table);
    }

    /** A request the fake server answers after a short while, with {@code error} if not null. */
    private CompletionStage<Void> answerLater(RuntimeException error) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        server.schedule(() -> {
            if (error == null) {
                answer.complete(null);
            } else {
                answer.completeExceptionally(error);
            }
        }, ThreadLocalRandom.current().nextInt(200, 2000), TimeUnit.MICROSECONDS);
        return answer;
    }

    @Test
    void neverHasMoreThanMaxInFlight() {
        ThrottledRequests<String> requests = requests(16, 3);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        for (int i = 0; i < 2000; i++) {
            requests.submit("samples", 100, () -> {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                return answerLater(null).whenComplete((r, e) -> inFlight.decrementAndGet());
            });
        }
        requests.awaitAll();
        assertTrue(peak.get() <= 16, "peak in flight " + peak.get());
        assertTrue(peak.get() > 1, "requests do overlap: peak " + peak.get());
        assertEquals(200_000, requests.written("samples"));
        assertEquals(0, requests.retries());
    }

    @Test
    void retriesTransientErrors() {
        ThrottledRequests<String> requests = requests(4, 3);
        AtomicInteger calls = new AtomicInteger();
        requests.submit("workouts", 1, () -> calls.incrementAndGet() < 3
                ? answerLater(new DriverTimeoutException("Query timed out after PT2S"))
                : answerLater(null));
        requests.awaitAll();
        assertEquals(3, calls.get());
        assertEquals(2, requests.retries());
        assertEquals(1, requests.written("workouts"));
    }

    @Test
    void failsWithAClearMessageWhenRetriesRunOut() {
        ThrottledRequests<String> requests = requests(4, 3);
        requests.submit("samples", 100, () -> answerLater(new DriverTimeoutException("Query timed out after PT2S")));
        RidesException e = assertThrows(RidesException.class, requests::awaitAll);
        assertEquals("writing rides.samples failed after 3 attempts: DriverTimeoutException: Query timed out after PT2S",
                e.getMessage());
        assertEquals(0, requests.written("samples"));
    }

    @Test
    void doesNotRetryARejectedStatement() {
        ThrottledRequests<String> requests = requests(4, 3);
        AtomicInteger calls = new AtomicInteger();
        requests.submit("ratings", 1, () -> {
            calls.incrementAndGet();
            return answerLater(new InvalidQueryException(null, "Undefined column name difficulty"));
        });
        RidesException e = assertThrows(RidesException.class, requests::awaitAll);
        assertEquals(1, calls.get());
        assertTrue(e.getMessage().startsWith("writing rides.ratings failed after 1 attempt: InvalidQueryException"),
                e.getMessage());
    }

    @Test
    void acceptsNothingAfterAFailureAndCountsTheFailures() {
        ThrottledRequests<String> requests = requests(8, 1);
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<Void> answer = new CompletableFuture<>();
            answers.add(answer);
            requests.submit("riders", 1, () -> answer);
        }
        answers.forEach(a -> a.completeExceptionally(new DriverTimeoutException("timeout")));
        requests.awaitQuietly();
        assertThrows(RidesException.class, () -> requests.submit("riders", 1, () -> answerLater(null)));
        RidesException failure = requests.failure();
        assertTrue(failure.getMessage().endsWith("(4 more writes failed)"), failure.getMessage());
    }

    @Test
    void aRequestThatThrowsCountsAsAFailedAttempt() {
        ThrottledRequests<String> requests = requests(2, 3);
        requests.submit("classes", 1, () -> {
            throw new IllegalStateException("Session is closed");
        });
        RidesException e = assertThrows(RidesException.class, requests::awaitAll);
        assertTrue(e.getMessage().contains("Session is closed"), e.getMessage());
    }

    @Test
    void knowsWhichErrorsMayPass() {
        assertTrue(RideDataWriter.mayPass(new DriverTimeoutException("timeout")));
        assertFalse(RideDataWriter.mayPass(new InvalidQueryException(null, "unconfigured table samples")));
        assertFalse(RideDataWriter.mayPass(new IllegalStateException("Session is closed")));
    }
}
