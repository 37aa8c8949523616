package io.github.camelcardsavr;

import java.util.List;
import java.util.Map;

import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.consumer.AbstractCardsavrConsumer;
import io.github.camelcardsavr.testsupport.LogRecorder;
import io.github.camelcardsavr.testsupport.ScriptedCardsavrServer;
import io.github.camelcardsavr.testsupport.ScriptedReply;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.logging.log4j.Level;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a server that answers as the test says: a Retry-After no clock can hold does not break polling, and routes see
 * the server's own JSON text.
 */
class RetryAfterAndRawJsonTest extends CamelTestSupport {

    private static final String STATUS_OF_TWO = "{\"type\":\"job_status\",\"job_id\":2,\"message\":{\"status\":\"UPDATING\","
                                                + "\"percent_complete\":5,\"job_timeout\":855737,\"novel_field\":[1,2]}}";

    private final ScriptedCardsavrServer server = ScriptedCardsavrServer.unsigned();

    @AfterEach
    void closeServer() {
        server.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        CardsavrComponent component = new CardsavrComponent();
        CardsavrConfiguration c = component.getConfiguration();
        c.setBaseUrl(server.baseUrl());
        c.setAuthMode(AuthMode.UNSIGNED);
        c.setUsername(ScriptedCardsavrServer.USERNAME);
        c.setPassword(ScriptedCardsavrServer.PASSWORD);
        context.addComponent("cardsavr", component);
        return context;
    }

    private void script() {
        for (long job : List.of(1L, 2L)) {
            server.on("POST", "/messages/place_card_on_single_site_jobs/" + job + "/broadcasts/registrations",
                    ScriptedReply.json("{\"access_key\":\"key-" + job + "\"}"));
        }
        // 9,300,000,000 seconds: more than Duration.toNanos can hold
        server.on("GET", "/messages/place_card_on_single_site_jobs/1/broadcasts",
                ScriptedReply.error(429, "TooManyRequests", null).withHeader("Retry-After", "9300000000"));
        server.on("GET", "/messages/place_card_on_single_site_jobs/2/broadcasts",
                ScriptedReply.json("[" + STATUS_OF_TWO + "]"));
    }

    @Test
    void aRetryAfterBeyondAnyClockIsCappedAndTheOtherJobsGoOn() throws Exception {
        script();
        try (LogRecorder logs = new LogRecorder(Level.WARN)) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("cardsavr:jobStatus?jobId=1,2&delay=50&initialDelay=0&retryAfterCap=300")
                            .routeId("status").to("mock:status");
                }
            });
            MockEndpoint mock = getMockEndpoint("mock:status");
            String one = "/messages/place_card_on_single_site_jobs/1/broadcasts";
            // job 1 is asked again after the cap, not never; job 2 was polled on its own cadence meanwhile
            Awaitility.await().until(() -> server.requestsTo(one).size() >= 3 && mock.getReceivedCounter() >= 10);
            assertThat(logs.texts()).noneMatch(line -> line.contains("overflow") || line.contains("ArithmeticException"));
            AbstractCardsavrConsumer consumer = (AbstractCardsavrConsumer) context.getRoute("status").getConsumer();
            Map<String, Object> details = consumer.getHealthCheck()
                    .call(Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS)).getDetails();
            assertThat((Integer) details.get("cardsavr.polls.retryAfterBeyondCap")).isGreaterThanOrEqualTo(2);
            assertThat(consumer.getJobs()).containsExactlyInAnyOrder(1L, 2L);
        }
    }

    @Test
    void aRouteSeesTheJsonTheServerSentNotAReSerialisation() throws Exception {
        script();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?jobId=2&accessKey=key-2&delay=50&initialDelay=0").to("mock:status");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:status");
        Awaitility.await().until(() -> mock.getReceivedCounter() >= 1);
        var in = mock.getReceivedExchanges().get(0).getIn();
        // 5 stays 5 (not 5.0), unknown fields and field order are kept
        assertThat(in.getBody(String.class)).isEqualTo(STATUS_OF_TWO);
        assertThat(new String(in.getBody(byte[].class), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(STATUS_OF_TWO);
        // and the typed view is still there
        assertThat(in.getHeader(CardsavrConstants.PERCENT_COMPLETE, Double.class)).isEqualTo(5.0);
    }
}
