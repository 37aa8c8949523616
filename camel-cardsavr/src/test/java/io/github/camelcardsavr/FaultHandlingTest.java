package io.github.camelcardsavr;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session expiry, revoked access keys, 429 with Retry-After, registration method fallback, and poll failures reaching
 * the consumer's ExceptionHandler with the HTTP status.
 */
class FaultHandlingTest extends CardsavrTestSupport {

    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("recordingHandler", new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, org.apache.camel.Exchange exchange, Throwable exception) {
                handled.add(exception);
            }
        });
    }

    private void statusRoute(String jobIds, String extra) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&exceptionHandler=#recordingHandler&jobId=" + jobIds
                     + extra).to("mock:status");
            }
        });
    }

    @Test
    void expiredSessionLeadsToOneReLoginAndPollingGoesOn() throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        statusRoute(String.valueOf(jobId), "");
        awaitPolled(jobId);
        long logins = admin().requestCount("/session/login");

        admin().faults().expireSessions();
        admin().injectMessage(jobId, Map.of("status", "AFTER_EXPIRY"));

        await().until(() -> getMockEndpoint("mock:status").getReceivedCounter() == 1);
        assertThat(admin().requestCount("/session/login")).isEqualTo(logins + 1);
        assertThat(statuses(getMockEndpoint("mock:status").getReceivedExchanges())).containsExactly("AFTER_EXPIRY");
    }

    @Test
    void revokedAccessKeyLeadsToANewSubscription() throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        statusRoute(String.valueOf(jobId), "");
        awaitPolled(jobId);
        long registrations = admin().requestCount("registrations");

        Set<String> before = admin().broadcastPolls(jobId).keySet();
        admin().faults().revokeAccessKeys(jobId);
        await().until(() -> admin().requestCount("registrations") > registrations);
        // the new channel exists once it was polled; a message published before that would not reach it
        await().until(() -> admin().broadcastPolls(jobId).entrySet().stream()
                .anyMatch(e -> !before.contains(e.getKey()) && e.getValue() > 0));
        admin().injectMessage(jobId, Map.of("status", "ON_NEW_KEY"));

        await().until(() -> getMockEndpoint("mock:status").getReceivedCounter() == 1);
        assertThat(statuses(getMockEndpoint("mock:status").getReceivedExchanges())).containsExactly("ON_NEW_KEY");
    }

    @Test
    void tooManyRequestsDelaysOnlyThatJobForRetryAfter() throws Exception {
        long throttled = admin().createJob(SimulatorSites.MANUAL).getJobId();
        long other = admin().createJob(SimulatorSites.MANUAL).getJobId();
        statusRoute(throttled + "," + other, "");
        awaitPolled(throttled);
        awaitPolled(other);

        admin().faults().onPath("/" + throttled + "/broadcasts").tooManyRequests(1, 30);
        await().until(() -> handled.stream().anyMatch(e -> e instanceof CardsavrException ce
                                                            && ce.getStatusCode() == 429));
        long throttledRequests = admin().requestCount("/" + throttled + "/broadcasts");
        int otherPolls = job(other).totalBroadcastPolls();
        admin().injectMessage(other, Map.of("status", "OTHER_GOES_ON"));

        await().until(() -> job(other).totalBroadcastPolls() >= otherPolls + 10
                            && getMockEndpoint("mock:status").getReceivedCounter() == 1);
        // the throttled job waits for its Retry-After of 30 s: not a single request meanwhile
        assertThat(admin().requestCount("/" + throttled + "/broadcasts")).isEqualTo(throttledRequests);
        assertThat(handled).filteredOn(e -> e instanceof CardsavrException ce && ce.getStatusCode() == 429)
                .hasSize(1)
                .allSatisfy(e -> assertThat(e.getMessage()).contains("429"));
    }

    @Test
    void everyPollFailingReachesTheExceptionHandlerWithTheHttpStatus() throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        admin().faults().onPath("/broadcasts").errorRate(1.0, 503);
        statusRoute(String.valueOf(jobId), "");

        await().until(() -> handled.size() >= 3);
        assertThat(handled).allSatisfy(e -> {
            assertThat(e).isInstanceOf(CardsavrException.class);
            assertThat(e.getMessage()).contains("503");
        });

        admin().faults().reset();
        // subscribing failed too: messages reach the channel only once the consumer has subscribed
        awaitPolled(jobId);
        admin().injectMessage(jobId, Map.of("status", "RECOVERED"));
        await().until(() -> getMockEndpoint("mock:status").getReceivedCounter() == 1);
    }

    @Test
    void bothRegistrationMethodsWork() throws Exception {
        long viaGet = createdJob(SimulatorSites.GOOD_EMAIL);
        admin().faults().registrationPostUnsupported(true);
        statusRoute(String.valueOf(viaGet), "");
        long before = startWhenPolled(viaGet);
        assertThat(admin().requestCount("GET", "registrations")).isPositive();
        await().until(() -> job(viaGet).isTerminated()
                            && getMockEndpoint("mock:status").getReceivedCounter() == published(viaGet, before));

        admin().faults().reset();
        long viaPost = createdJob(SimulatorSites.GOOD_EMAIL);
        admin().faults().registrationGetUnsupported(true);
        // another client (different settings), which has not learnt that GET works on this server
        Object key = template.requestBodyAndHeader("cardsavr:subscribe?responseTimeout=29s", null,
                CardsavrConstants.JOB_ID, viaPost);
        assertThat(key).isNotNull();
        assertThat(admin().requestCount("POST", "registrations")).isPositive();
    }

    @Test
    void pollFailuresCanBeBridgedToTheRouteErrorHandler() throws Exception {
        long jobId = admin().createJob(SimulatorSites.MANUAL).getJobId();
        admin().faults().onPath("/broadcasts").errorRate(1.0, 500);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(CardsavrException.class).handled(true).to("mock:pollErrors");
                from("cardsavr:jobStatus?delay=20&initialDelay=0&bridgeErrorHandler=true&jobId=" + jobId)
                        .to("mock:status");
            }
        });
        await().until(() -> getMockEndpoint("mock:pollErrors").getReceivedCounter() >= 2);
        Exception e = getMockEndpoint("mock:pollErrors").getReceivedExchanges().get(0)
                .getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(e).isInstanceOf(CardsavrException.class);
        assertThat(e.getMessage()).contains("500");
    }
}
