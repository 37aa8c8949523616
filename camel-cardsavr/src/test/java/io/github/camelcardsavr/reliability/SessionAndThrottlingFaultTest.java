package io.github.camelcardsavr.reliability;

import io.github.camelcardsavr.testsupport.LogRecorder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelcardsavr.client.CardsavrException;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.reliability.FaultRows.JOBS;
import static io.github.camelcardsavr.reliability.FaultRows.MESSAGES;
import static io.github.camelcardsavr.reliability.FaultRows.PERIOD_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of the session and of the server's rate limit: 5xx during login and subscription, 429 with Retry-After on one
 * job, and sessions that expire while jobs run.
 */
class SessionAndThrottlingFaultTest {

    private static final int RETRY_AFTER_SECONDS = 2;

    /**
     * Three logins answered 503, then every subscription answered 502 until the readiness check showed DOWN with 502
     * (kept on until then, so that seeing it is no matter of sampling): every job subscribes once the faults end, and
     * every message arrives. Each injected error fails at least the call that drew it (jobs waiting on one login fail
     * together).
     */
    @Test
    void serverErrorsDuringLoginAndSubscription() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            h.admin().faults().onPath("/session/login").errorBurst(3, 503)
                    .onPath("/registrations").errorRate(1.0, 502);
            // without the recovery channel: its registration is retried quietly on the job's next call (the job is
            // polled meanwhile), so a 502 it drew would fail no reported call
            h.startContext("jobStatus?recoveryChannel=false&jobId=" + ReliabilityHarness.jobIdList(ids), null);
            long started = System.nanoTime();
            ReliabilityHarness.await().until(() -> h.health.sawDownWithCode(502));
            h.admin().faults().reset();
            h.awaitSubscribed(ids);
            h.emitAll(ids, MESSAGES, PERIOD_MILLIS);
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("http-5xx-login-subscribe", h, started).print();
            Map<String, Long> injected = h.admin().faults().injectedCounts();
            assertThat(injected).containsEntry("ERROR_BURST", 3L).containsKey("ERROR_RATE");
            assertThat(h.admin().requestCount("/session/login")).isGreaterThanOrEqualTo(4);
            assertThat((long) figures.failures()).as("each error answer failed at least the call that drew it")
                    .isGreaterThanOrEqualTo(injected.get("ERROR_BURST") + injected.get("ERROR_RATE"));
            assertThat(h.handler.handled()).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(CardsavrException.class,
                    ce -> assertThat(ce.getStatusCode()).isIn(502, 503)));
            assertThat(logs.warnings()).anySatisfy(line -> assertThat(line.text()).contains("HTTP 502"));
            RowRecord.absorbed("http-5xx-login-subscribe", "3 × 503 on login, then 502 on every subscription until"
                                                           + " readiness showed it")
                    .counts(figures)
                    .failures("≥ one per error answer, each a 503 or 502")
                    .readiness("DOWN with 502")
                    .log(logs, "HTTP 503", h.secrets())
                    .record();
        }
    }

    /**
     * One job answered 429 with Retry-After: that job's next request reaches the server at least Retry-After after the
     * refused one did (both seen by the simulator on arrival, on this JVM's monotonic clock: no rounding, no slack),
     * while the other jobs are polled meanwhile.
     */
    @Test
    void tooManyRequestsDelaysOnlyThatJobForAtLeastRetryAfter() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            List<Arrival> arrivals = new CopyOnWriteArrayList<>();
            h.admin().observeRequests((method, path) -> arrivals.add(new Arrival(path, System.nanoTime(),
                    h.admin().faults().injectedCounts().getOrDefault("TOO_MANY_REQUESTS", 0L))));
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            long throttled = ids.get(0);
            String path = "/" + throttled + "/broadcasts";
            h.admin().faults().onPath(path).tooManyRequests(1, RETRY_AFTER_SECONDS);
            h.emitAll(ids, MESSAGES, PERIOD_MILLIS);
            ReliabilityHarness.await().until(() -> FaultRows.injected(h) >= 1);
            long lifted = System.nanoTime();
            h.awaitAllDelivered();
            h.admin().observeRequests(null);

            List<Arrival> ofThrottled = arrivals.stream().filter(a -> a.path().contains(path)).toList();
            int refusedAt = indexOfRefused(h, ofThrottled);
            Arrival refused = ofThrottled.get(refusedAt);
            Arrival next = ofThrottled.get(refusedAt + 1);
            assertThat(next.atNanos() - refused.atNanos()).as("the job's next request waited for Retry-After")
                    .isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(RETRY_AFTER_SECONDS));
            for (long other : ids.subList(1, ids.size())) {
                assertThat(arrivals).as("job " + other + " was polled while job " + throttled + " waited")
                        .anySatisfy(a -> assertThat(a.path()).contains("/" + other + "/broadcasts")
                                .satisfies(p -> assertThat(a.atNanos()).isBetween(refused.atNanos(), next.atNanos())));
            }
            assertThat(h.handler.handled()).filteredOn(e -> e instanceof CardsavrException ce && ce.getStatusCode() == 429)
                    .singleElement().satisfies(e -> assertThat(e.getMessage()).contains("429", "retry after 2 s"));
            FaultFigures figures = FaultFigures.of("http-429-retry-after", h, lifted).print();
            RowRecord.absorbed("http-429-retry-after", "429 `Retry-After: 2` on one job; its next request came ≥ 2000 ms"
                                                       + " later, the other jobs were polled meanwhile")
                    .counts(figures)
                    .failuresExactly(figures, 1)
                    .readinessShowedFault(h)
                    .log(logs, "HTTP 429", h.secrets())
                    .record();
        }
    }

    /** Sessions expire five times while jobs run: each time exactly one new login, and the polls go on unnoticed. */
    @Test
    void expiredSessionsLeadToExactlyOneReLoginEach() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            long logins = h.admin().requestCount("/session/login");
            var emitting = h.emit(ids, 1, MESSAGES - 1, MESSAGES, PERIOD_MILLIS);
            int expiries = 5;
            for (int i = 1; i <= expiries; i++) {
                h.admin().faults().expireSessions();
                long expected = logins + i;
                ReliabilityHarness.await().until(() -> h.admin().requestCount("/session/login") >= expected);
                // the simulator counts a login when it arrives; a poll of every job served afterwards proves the new
                // session exists and that no call from before the expiry is still waiting to be retried with it (a job
                // has one call on the wire at a time), so the next expiry cannot hit such a retry
                Map<Long, Integer> served = new HashMap<>();
                ids.forEach(id -> served.put(id, h.admin().job(id).totalBroadcastPolls()));
                ReliabilityHarness.await().until(() -> ids.stream()
                        .allMatch(id -> h.admin().job(id).totalBroadcastPolls() > served.get(id)));
            }
            emitting.join();
            long lifted = System.nanoTime();
            h.emit(ids, MESSAGES, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("session-expiry", h, lifted).print();
            assertThat(h.admin().requestCount("/session/login")).as("one login per expiry, shared by all jobs")
                    .isEqualTo(logins + expiries);
            // a 401 that one new login cures is routine: it is retried inside the client and reported nowhere
            RowRecord.absorbed("session-expiry", "all sessions expired " + expiries + " times; exactly one new login"
                                                 + " each, shared by all jobs")
                    .counts(figures)
                    .noFailures(figures)
                    .readinessUp(h)
                    .log(logs, null, h.secrets())
                    .record();
        }
    }

    /** A request as the simulator saw it arrive, with the number of 429 answers given before it arrived. */
    record Arrival(String path, long atNanos, long throttledBefore) {
    }

    /**
     * The request the 429 was given to: the one right before the first that arrived after a 429 had been given (a job
     * has one call on the wire at a time, so the refused request was answered before the job's next one arrived).
     */
    private static int indexOfRefused(ReliabilityHarness h, List<Arrival> ofThrottled) {
        assertThat(h.admin().faults().injectedCounts()).containsEntry("TOO_MANY_REQUESTS", 1L);
        for (int i = 1; i < ofThrottled.size(); i++) {
            if (ofThrottled.get(i).throttledBefore() > 0) {
                assertThat(ofThrottled.get(i - 1).throttledBefore()).isZero();
                return i - 1;
            }
        }
        throw new AssertionError("No request of the throttled job arrived after the 429: " + ofThrottled);
    }
}
