package io.github.camelcardsavr.reliability;

import io.github.camelcardsavr.testsupport.Futures;
import io.github.camelcardsavr.testsupport.LogRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.model.AccountLinkField;
import io.github.camelcardsavr.client.CardsavrJson;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.Faults;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.JobView;
import io.github.camelcardsavr.simulator.ReceivedAnswer;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static io.github.camelcardsavr.reliability.FaultRows.PERIOD_MILLIS;
import static io.github.camelcardsavr.reliability.FaultRows.SEED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * All the faults at once, chosen at random by the simulator's generator with a fixed seed, plus a downstream step that
 * fails at random (seeded too): on numbered manual jobs for the jobStatus and the cardholderMessages consumers, and on
 * real job lifecycles (good_email, tfa, security, bad_email) whose credential requests are answered through the
 * credentialRequests consumer and the jobCredentials producer.
 */
class MixedFaultsTest {

    private static final int MIXED_JOBS = 6;
    private static final int MIXED_MESSAGES = 30;

    /** Every fault kind at modest rates; a 429 burst and two 503 on login on top. */
    static void mixedFaults(Faults faults) {
        faults.seed(SEED)
                .onPath("/session/login").errorBurst(2, 503)
                .onPath(null)
                .errorRate(0.08, 500)
                .tooManyRequests(3, 1)
                .latency(Duration.ofMillis(30))
                .dropConnections(0.04)
                .malformedJson(0.04)
                .badSignature(0.04)
                .undecryptableBody(0.04)
                .onPath("/messages/").errorRate(0.04, 502);
    }

    @Test
    void jobStatusUnderAllFaultsAtOnce() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<Long> ids = h.manualJobs(MIXED_JOBS, MIXED_MESSAGES);
            Random downstreamFaults = new Random(SEED);
            AtomicInteger refused = new AtomicInteger();
            h.downstream((jobId, seq) -> failSometimes(downstreamFaults, refused));
            mixedFaults(h.admin().faults());
            h.startContext("jobStatus?responseTimeout=2000&jobId=" + ReliabilityHarness.jobIdList(ids), null);
            h.awaitSubscribed(ids);
            var emitting = h.emit(ids, 1, MIXED_MESSAGES - 1, MIXED_MESSAGES, PERIOD_MILLIS);
            expireSessionsWhile(h, emitting,
                    () -> ids.stream().mapToLong(id -> h.admin().job(id).totalBroadcastPolls()).sum());
            emitting.join();
            ReliabilityHarness.await().until(() -> FaultRows.injectedErrors(h) >= 40 && h.health.sawFault());
            h.admin().faults().reset();
            long lifted = System.nanoTime();
            h.emit(ids, MIXED_MESSAGES, MIXED_MESSAGES, MIXED_MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("mixed-random-jobStatus", h, lifted).print();
            FaultFigures.report("RELIABILITY injected row=mixed-random-jobStatus " + h.admin().faults().injectedCounts());
            recordMixedRow("mixed-random-jobStatus", "all of the above at random, seed " + SEED + ", 5 % route"
                                                     + " failures, 3 session expiries", figures, h, refused, logs);
        }
    }

    @Test
    void cardholderMessagesUnderAllFaultsAtOnce() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            long cardholder = h.admin().createCardholder();
            List<Long> ids = h.manualJobs(3, MIXED_MESSAGES, cardholder);
            Random downstreamFaults = new Random(SEED);
            AtomicInteger refused = new AtomicInteger();
            h.downstream((jobId, seq) -> failSometimes(downstreamFaults, refused));
            mixedFaults(h.admin().faults());
            h.startContext("cardholderMessages?responseTimeout=2000&cardholderId=" + cardholder, null);
            var emitting = h.emit(ids, 1, MIXED_MESSAGES - 1, MIXED_MESSAGES, PERIOD_MILLIS);
            expireSessionsWhile(h, emitting, () -> h.admin().cardholderPolls(cardholder));
            emitting.join();
            ReliabilityHarness.await().until(() -> FaultRows.injectedErrors(h) >= 20 && h.health.sawFault());
            h.admin().faults().reset();
            long lifted = System.nanoTime();
            h.emit(ids, MIXED_MESSAGES, MIXED_MESSAGES, MIXED_MESSAGES, PERIOD_MILLIS).join();
            h.awaitAllDelivered();

            FaultFigures figures = FaultFigures.of("mixed-random-cardholderMessages", h, lifted).print();
            recordMixedRow("mixed-random-cardholderMessages", "the same, `cardholderMessages` consumer", figures, h,
                    refused, logs);
        }
    }

    /**
     * Real lifecycles under all faults: each job's stream as the route got it must equal, message for message, the
     * job's stream on the (independent, unfaulted) cardholder channel read afterwards; every credential request is
     * answered and each job ends.
     */
    @Test
    void fullLifecyclesWithCredentialAnswersUnderAllFaults() throws Exception {
        try (ReliabilityHarness h = new ReliabilityHarness(); LogRecorder logs = new LogRecorder(Level.WARN)) {
            List<String> sites = List.of(SimulatorSites.GOOD_EMAIL, SimulatorSites.GOOD_EMAIL, SimulatorSites.TFA,
                    SimulatorSites.TFA, SimulatorSites.SECURITY, SimulatorSites.BAD_EMAIL);
            List<CreatedJob> jobs = new ArrayList<>();
            for (String site : sites) {
                CreatedJob job = h.admin().createJob(JobSpec.builder().site(site).autoStart(false).build());
                h.track(job);
                jobs.add(job);
            }
            Map<Long, List<String>> received = new ConcurrentHashMap<>();
            Map<String, Integer> requestsEmitted = new ConcurrentHashMap<>();
            Random downstreamFaults = new Random(SEED);
            AtomicInteger refused = new AtomicInteger();
            h.startContext(null, config -> { }, new RouteBuilder() {
                @Override
                public void configure() {
                    String common = "&delay=20&initialDelay=0&exceptionHandler=#relHandler&responseTimeout=2000";
                    from("cardsavr:jobStatus?dynamicJobs=true" + common).routeId(ReliabilityHarness.ROUTE_ID)
                            .process(e -> {
                                failSometimes(downstreamFaults, refused);
                                CardsavrMessage m = e.getIn().getBody(CardsavrMessage.class);
                                received.computeIfAbsent(m.getJobId(), id -> new CopyOnWriteArrayList<>())
                                        .add(CardsavrJson.toJson(m));
                            });
                    from("cardsavr:credentialRequests?dynamicJobs=true" + common).routeId("answers")
                            .process(e -> {
                                CredentialRequest r = e.getIn().getBody(CredentialRequest.class);
                                requestsEmitted.merge(r.getEnvelopeId(), 1, Integer::sum);
                                e.getIn().setBody(answerFor(r));
                            })
                            .to("cardsavr:jobCredentials?responseTimeout=2000");
                    from("direct:follow").to("cardsavr:jobStatus").to("cardsavr:credentialRequests");
                }
            });
            mixedFaults(h.admin().faults());
            for (CreatedJob job : jobs) {
                h.context().createProducerTemplate().sendBodyAndHeaders("direct:follow", null, Map.of(
                        CardsavrConstants.JOB_ID, job.jobId(), CardsavrConstants.ACCESS_KEY, job.accessKey()));
                h.admin().startJob(job.jobId());
            }
            ReliabilityHarness.await().atMost(Duration.ofSeconds(90)).until(() -> jobs.stream().allMatch(job -> {
                JobView view = h.admin().job(job.jobId());
                return view.isTerminated()
                       && received.getOrDefault(job.jobId(), List.of()).size() >= view.getMessagesPublished();
            }));
            h.admin().faults().reset();
            ReliabilityHarness.awaitStable(() -> received.values().stream().mapToInt(List::size).sum());

            int emitted = 0;
            int delivered = 0;
            int lost = 0;
            int duplicates = 0;
            try (CardsavrClient client = CardsavrClient.create(ProtocolLimitsTest.signedClient(h))) {
                for (CreatedJob job : jobs) {
                    List<String> reference = Futures.value(client.pollCardholderMessages(job.cardholderId()))
                            .stream().map(CardsavrJson::toJson).toList();
                    List<String> got = received.get(job.jobId());
                    emitted += reference.size();
                    delivered += got.size();
                    lost += (int) reference.stream().filter(m -> !got.contains(m)).count();
                    duplicates += got.size() - (int) got.stream().distinct().count();
                    assertThat(got).as("job " + job.jobId() + " (" + h.admin().job(job.jobId()).getSite() + ")")
                            .containsExactlyElementsOf(reference);
                    assertThat((long) reference.size()).as("the cardholder channel holds every message of the job")
                            .isEqualTo(h.admin().job(job.jobId()).getMessagesPublished());
                    assertThat(CardsavrJson.parseMessage(got.get(got.size() - 1).getBytes()).isTerminal()).isTrue();
                }
            }
            Map<String, Long> answersPerEnvelope = jobs.stream()
                    .flatMap(job -> h.admin().job(job.jobId()).getAnswers().stream())
                    .collect(Collectors.groupingBy(ReceivedAnswer::envelopeId, LinkedHashMap::new, Collectors.counting()));
            long requests = jobs.stream().filter(job -> !h.admin().job(job.jobId()).getSite().equals(SimulatorSites.GOOD_EMAIL))
                    .count();
            FaultFigures.report("RELIABILITY row=mixed-random-lifecycle jobs=" + jobs.size() + " emitted=" + emitted
                               + " delivered=" + delivered + " lost=" + lost + " duplicates=" + duplicates
                               + " faults=" + FaultRows.injected(h) + " failures=" + h.handler.handled().size()
                               + " credentialRequests=" + answersPerEnvelope.size() + " requestEmissions="
                               + requestsEmitted.values().stream().mapToInt(Integer::intValue).sum() + " answers="
                               + answersPerEnvelope.values().stream().mapToLong(Long::longValue).sum());
            assertThat(answersPerEnvelope).as("one request per non-trivial site").hasSize((int) requests)
                    .as("each answered exactly once").allSatisfy((envelope, answers) -> assertThat(answers).isEqualTo(1));
            assertThat(requestsEmitted).as("every request the route got was answered").hasSameSizeAs(answersPerEnvelope);
            assertThat(jobs).allSatisfy(job -> assertThat(h.admin().job(job.jobId()).getTerminationType())
                    .isEqualTo("BILLABLE"));
            assertThat(h.handler.failureCount()).isGreaterThan(refused.get());
            RowRecord.absorbed("mixed-random-lifecycle", "the same on real jobs (2 good_email, 2 tfa, security,"
                    + " bad_email) answered through `credentialRequests` → `jobCredentials`; each of the " + requests
                    + " credential requests answered exactly once, all " + jobs.size() + " jobs ended `BILLABLE`")
                    .counts(jobs.size(), emitted, delivered, lost, duplicates)
                    .failures("each refused exchange, and the failed calls")
                    .notCheckedReadiness()
                    .log(logs, "HTTP 500", h.secrets())
                    .record();
        }
    }

    /** TFA: the code the simulator expects; anything else: a value for every requested field. */
    static Object answerFor(CredentialRequest request) {
        if (request.isTfa()) {
            return SimulatorSites.DEFAULT_TFA_CODE;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (AccountLinkField field : request.getAccountLink()) {
            values.put(field.getKeyName(), "answer-" + field.getKeyName());
        }
        if (values.isEmpty()) {
            values.put("username", "good_email");
            values.put("password", "new-password");
        }
        return values;
    }

    private static void failSometimes(Random random, AtomicInteger refused) {
        boolean fail;
        synchronized (random) {
            fail = random.nextDouble() < 0.05;
        }
        if (fail) {
            refused.incrementAndGet();
            throw new IllegalStateException("downstream refused the message (random fault)");
        }
    }

    /**
     * Every message once and in order, the fault seen by readiness, and more reported failures than refused exchanges:
     * each refused exchange, and failed calls besides. (Failed calls cannot be counted from the injected faults: one
     * request can draw several, e.g. a 500 and a wrong signature, and one failed login fails every call waiting on it.)
     */
    private static void recordMixedRow(String row, String fault, FaultFigures figures, ReliabilityHarness h,
            AtomicInteger refused, LogRecorder logs) {
        assertThat(FaultRows.injectedErrors(h)).as(row + ": errors injected").isPositive();
        assertThat(figures.failures()).as(row + ": failures").isGreaterThan(refused.get());
        RowRecord.absorbed(row, fault)
                .counts(figures)
                .failures("each refused exchange, and the failed calls")
                .readinessShowedFault(h)
                .log(logs, "HTTP 500", h.secrets())
                .record();
    }

    /**
     * Three session expiries while the emitter runs, each once the previous one has been cured: a new login, and then
     * polls served (the simulator counts a login when it arrives, before the session exists; an expiry in between
     * would miss the new session).
     */
    private static void expireSessionsWhile(ReliabilityHarness h, CompletableFuture<Void> emitting,
            LongSupplier servedPolls) {
        for (int i = 0; i < 3 && !emitting.isDone(); i++) {
            long logins = h.admin().requestCount("/session/login");
            h.admin().faults().expireSessions();
            ReliabilityHarness.await().until(() -> h.admin().requestCount("/session/login") > logins);
            long served = servedPolls.getAsLong();
            ReliabilityHarness.await().until(() -> servedPolls.getAsLong() >= served + 2);
        }
    }
}
