package io.github.camelcardsavr.reliability;

import io.github.camelcardsavr.testsupport.LogRecorder;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The client's DEBUG line for every call: method, path, status, time taken. */
    private static final Pattern CALL = Pattern.compile("(GET|POST|PUT) (\\S+) -> (\\d+) in (\\d+) ms");
    private static final int RETRY_AFTER_SECONDS = 2;

    @Test
    void serverErrorsDuringLoginAndSubscription() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            h.admin().faults().onPath("/session/login").errorBurst(3, 503)
                    .onPath("/registrations").errorBurst(8, 502);
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null);
            long started = System.nanoTime();
            h.awaitSubscribed(ids);
            long subscribedMillis = (System.nanoTime() - started) / 1_000_000;
            h.emitAll(ids, MESSAGES, PERIOD_MILLIS);
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("http-5xx-login-subscribe", h, started)
                    .withRecoveryMs(subscribedMillis).print();
            figures.assertExactlyOnceInOrder().assertFaultVisible();
            assertThat(h.admin().faults().injectedCounts()).containsEntry("ERROR_BURST", 11L);
            assertThat(h.admin().requestCount("/session/login")).isGreaterThanOrEqualTo(4);
            assertThat(h.health.sawDownWithCode(503) || h.health.sawDownWithCode(502))
                    .as("readiness DOWN with the HTTP code").isTrue();
            assertThat(logs.warnings()).anySatisfy(line -> assertThat(line.text()).contains("HTTP 503"));
            assertThat(logs.warnings()).anySatisfy(line -> assertThat(line.text()).contains("HTTP 502"));
            FaultRows.assertNoSecret("http-5xx-login-subscribe", logs.lines(), h.secrets());
        }
    }

    /**
     * One job answered 429 with Retry-After: that job's next request comes at least Retry-After later (measured from the
     * client's own per-call log line timestamps), while the other jobs are polled and delivered meanwhile.
     */
    @Test
    void tooManyRequestsDelaysOnlyThatJobForAtLeastRetryAfter() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness();
             LogRecorder logs = new LogRecorder(Level.DEBUG, "io.github.camelcardsavr.client")) {
            List<Long> ids = h.manualJobs(JOBS, MESSAGES);
            h.startContext("jobStatus?jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            long throttled = ids.get(0);
            String path = "/" + throttled + "/broadcasts";
            h.admin().faults().onPath(path).tooManyRequests(1, RETRY_AFTER_SECONDS);
            h.emitAll(ids, MESSAGES, PERIOD_MILLIS);
            ReliabilityHarness.await().until(() -> FaultRows.injected(h) >= 1);
            long lifted = System.nanoTime();
            h.awaitAllDelivered();

            List<Call> calls = calls(logs, path);
            int throttledAt = indexOfStatus(calls, 429);
            assertThat(throttledAt).as("the 429 reached the client").isNotNegative();
            Call refused = calls.get(throttledAt);
            Call next = calls.get(throttledAt + 1);
            long waitedMillis = next.startedMillis() - refused.answeredMillis();
            assertThat(waitedMillis).as("the job's next request waited for Retry-After")
                    .isGreaterThanOrEqualTo(RETRY_AFTER_SECONDS * 1000L - 5);

            for (long other : ids.subList(1, ids.size())) {
                long lastOfOther = h.ledger.deliveries(other).get(MESSAGES - 1).atMillis();
                assertThat(lastOfOther).as("job " + other + " went on while job " + throttled + " waited")
                        .isLessThan(next.startedMillis());
            }
            assertThat(h.handler.handled()).filteredOn(e -> e instanceof CardsavrException ce && ce.getStatusCode() == 429)
                    .singleElement().satisfies(e -> assertThat(e.getMessage()).contains("429", "retry after 2 s"));
            assertThat(logs.warnings()).anySatisfy(line -> assertThat(line.text()).contains("HTTP 429"));
            FaultFigures figures = FaultFigures.of("http-429-retry-after", h, lifted).print();
            FaultFigures.report("RELIABILITY retry-after row=http-429-retry-after retryAfterMs=" + RETRY_AFTER_SECONDS * 1000
                               + " waitedMs=" + waitedMillis);
            figures.assertExactlyOnceInOrder();
            assertThat(figures.failures()).isEqualTo(1);
            assertThat(figures.healthFault()).isTrue();
            FaultRows.assertNoSecret("http-429-retry-after", logs.lines(), h.secrets());
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
                // the simulator counts a login when it arrives; successful polls afterwards prove the new session
                // exists, so the next expiry cannot slip in between request and session
                long drains = drains(h, ids);
                ReliabilityHarness.await().until(() -> drains(h, ids) >= drains + JOBS);
            }
            emitting.join();
            long lifted = System.nanoTime();
            h.emit(ids, MESSAGES, MESSAGES, MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("session-expiry", h, lifted).print();
            figures.assertExactlyOnceInOrder();
            assertThat(h.admin().requestCount("/session/login")).as("one login per expiry, shared by all jobs")
                    .isEqualTo(logins + expiries);
            // a 401 that one new login cures is routine: it is retried inside the client and reported nowhere
            assertThat(figures.failures()).isZero();
            FaultRows.assertNoSecret("session-expiry", logs.lines(), h.secrets());
        }
    }

    /** Broadcast polls the simulator served (after authentication), summed over the jobs. */
    private static long drains(ReliabilityHarness h, List<Long> ids) {
        return ids.stream().mapToLong(id -> h.admin().job(id).totalBroadcastPolls()).sum();
    }

    record Call(long answeredMillis, int status, long tookMillis) {
        long startedMillis() {
            return answeredMillis - tookMillis;
        }
    }

    private static List<Call> calls(LogRecorder logs, String pathPart) {
        return logs.lines().stream().map(line -> parse(line, pathPart)).flatMap(Optional::stream).toList();
    }

    private static Optional<Call> parse(LogRecorder.Line line, String pathPart) {
        Matcher m = CALL.matcher(line.message());
        if (!m.matches() || !m.group(2).contains(pathPart)) {
            return Optional.empty();
        }
        return Optional.of(new Call(line.timeMillis(), Integer.parseInt(m.group(3)), Long.parseLong(m.group(4))));
    }

    private static int indexOfStatus(List<Call> calls, int status) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).status() == status) {
                return i;
            }
        }
        return -1;
    }
}
