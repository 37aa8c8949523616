package io.github.camelcardsavr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many jobs in one consumer with fewer poll slots than jobs, so that every poll paces its calls, and messages routed
 * as each call returns rather than after the slowest one. (The start times of paced calls are asserted exactly, on a
 * virtual clock, in {@code PacedFanOutTest}.)
 */
class PacedPollingTest extends CardsavrTestSupport {

    private static final int JOBS = 300;

    /** (job id, status) of every attempt to route a message, failed ones included. */
    private final List<String> attempts = new CopyOnWriteArrayList<>();
    private final Set<Long> failedOnce = ConcurrentHashMap.newKeySet();

    @Test
    void manyJobsWithFewSlotsAreDeliveredCompletelyAndInOrder() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?dynamicJobs=true&delay=200&initialDelay=0&maxConcurrentPolls=8")
                        .process(e -> {
                            long jobId = e.getIn().getHeader(CardsavrConstants.JOB_ID, Long.class);
                            String status = e.getIn().getHeader(CardsavrConstants.STATUS, String.class);
                            attempts.add(jobId + ":" + status);
                            // every tenth job's M2 fails once: it and M3 come again on a later poll, M3 not before it
                            if (jobId % 10 == 0 && "M2".equals(status) && failedOnce.add(jobId)) {
                                throw new IllegalStateException("downstream unavailable");
                            }
                        })
                        .to("mock:status");
                from("direct:newJob").to("cardsavr:jobStatus");
            }
        });
        List<CreatedJob> jobs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            CreatedJob job = admin().createJob(SimulatorSites.MANUAL);
            admin().injectMessage(job.getJobId(), Map.of("status", "M1", "percent_complete", 10));
            admin().injectMessage(job.getJobId(), Map.of("status", "M2", "percent_complete", 50));
            jobs.add(job);
        }
        // the creator's access key: no subscription call, and the messages above are already waiting on its channel
        for (CreatedJob job : jobs) {
            template.sendBodyAndHeaders("direct:newJob", null, Map.of(CardsavrConstants.JOB_ID, job.getJobId(),
                    CardsavrConstants.ACCESS_KEY, job.getAccessKey()));
        }
        for (CreatedJob job : jobs) {
            awaitPolled(job.getJobId());
            admin().injectMessage(job.getJobId(), Map.of("status", "M3", "percent_complete", 100,
                    "termination_type", "BILLABLE"));
        }

        MockEndpoint mock = getMockEndpoint("mock:status");
        long expected = jobs.stream().mapToLong(j -> job(j.getJobId()).getMessagesPublished()).sum();
        await().atMost(Duration.ofSeconds(60)).until(() -> mock.getReceivedCounter() == expected);

        Set<Long> ids = new HashSet<>();
        for (CreatedJob created : jobs) {
            long id = created.getJobId();
            ids.add(id);
            List<String> ofJob = statuses(mock.getReceivedExchanges().stream()
                    .filter(e -> e.getIn().getHeader(CardsavrConstants.JOB_ID, Long.class) == id).toList());
            assertThat(ofJob).as("messages of job %d", id)
                    .hasSize((int) job(id).getMessagesPublished())
                    .endsWith("M1", "M2", "M3");
            List<String> tried = attempts.stream().filter(a -> a.startsWith(id + ":")).toList();
            if (id % 10 == 0) {
                assertThat(tried).as("attempts of job %d", id).endsWith(id + ":M1", id + ":M2", id + ":M2", id + ":M3");
            } else {
                assertThat(tried).as("attempts of job %d", id).endsWith(id + ":M1", id + ":M2", id + ":M3");
            }
        }
        assertThat(ids).hasSize(JOBS);
        assertThat(failedOnce).isNotEmpty();
    }

    @Test
    void aFastJobIsRoutedWhileASlowJobsCallIsOutstanding() throws Exception {
        CreatedJob slow = admin().createJob(SimulatorSites.MANUAL);
        CreatedJob fast = admin().createJob(SimulatorSites.MANUAL);
        admin().injectMessage(slow.getJobId(), Map.of("status", "SLOW", "percent_complete", 50));
        admin().injectMessage(fast.getJobId(), Map.of("status", "FAST", "percent_complete", 50));
        // only the slow job's broadcast polls are slow
        admin().faults().onPath("/" + slow.getJobId() + "/broadcasts").latency(Duration.ofSeconds(5));

        // what the server had handed out of the slow job when each message reached the route
        Map<String, Long> slowDeliveredWhenRouted = new ConcurrentHashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?dynamicJobs=true&delay=100&initialDelay=0")
                        .process(e -> slowDeliveredWhenRouted.putIfAbsent(
                                e.getIn().getHeader(CardsavrConstants.STATUS, String.class),
                                job(slow.getJobId()).getMessagesDelivered()))
                        .to("mock:status");
                from("direct:newJob").to("cardsavr:jobStatus");
            }
        });
        for (CreatedJob job : List.of(slow, fast)) { // the slow one first: the old poll routed it first
            template.sendBodyAndHeaders("direct:newJob", null, Map.of(CardsavrConstants.JOB_ID, job.getJobId(),
                    CardsavrConstants.ACCESS_KEY, job.getAccessKey()));
        }

        await().until(() -> slowDeliveredWhenRouted.containsKey("FAST") && slowDeliveredWhenRouted.containsKey("SLOW"));
        // FAST went to the route before the server had even answered the slow job's call
        assertThat(slowDeliveredWhenRouted.get("FAST")).isZero();
        List<String> order = statuses(getMockEndpoint("mock:status").getReceivedExchanges()).stream()
                .filter(s -> "FAST".equals(s) || "SLOW".equals(s)).toList();
        assertThat(order).containsExactly("FAST", "SLOW");
    }

    @Test
    void credentialRequestsOfManyJobsAreEmittedOnceEach() throws Exception {
        List<Long> jobs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            jobs.add(admin().createJob(SimulatorSites.MANUAL).getJobId());
        }
        Map<Long, String> envelopes = new ConcurrentHashMap<>();
        for (long id : jobs) {
            envelopes.put(id, admin().injectCredentialRequest(id, "tfa", List.of("tfa")));
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:credentialRequests?dynamicJobs=true&delay=100&initialDelay=0&maxConcurrentPolls=4")
                        .to("mock:requests");
                from("direct:newRequestJob").to("cardsavr:credentialRequests");
            }
        });
        for (long id : jobs) {
            template.sendBodyAndHeader("direct:newRequestJob", null, CardsavrConstants.JOB_ID, id);
        }
        MockEndpoint mock = getMockEndpoint("mock:requests");
        await().until(() -> mock.getReceivedCounter() >= jobs.size());
        // every job polled again at least twice more: still nothing emitted twice
        Map<Long, Integer> polls = new ConcurrentHashMap<>();
        jobs.forEach(id -> polls.put(id, job(id).getCredentialRequestPolls()));
        await().until(() -> jobs.stream().allMatch(id -> job(id).getCredentialRequestPolls() >= polls.get(id) + 2));
        assertThat(mock.getReceivedExchanges())
                .extracting((Exchange e) -> e.getIn().getHeader(CardsavrConstants.ENVELOPE_ID, String.class))
                .containsExactlyInAnyOrderElementsOf(envelopes.values());
    }
}
