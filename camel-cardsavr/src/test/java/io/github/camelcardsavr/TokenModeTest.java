package io.github.camelcardsavr;

import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * authMode=token: an existing session token instead of a login.
 */
class TokenModeTest extends CardsavrTestSupport {

    @Override
    protected boolean signed() {
        return false;
    }

    @Override
    protected void configure(CardsavrConfiguration c) {
        c.setBaseUrl(simulator.getBaseUrl());
        c.setAuthMode(AuthMode.TOKEN);
        c.setSessionToken(admin().issueSessionToken(USERNAME));
    }

    @Test
    void jobStatusWorksWithAGivenSessionToken() throws Exception {
        long jobId = createdJob(SimulatorSites.GOOD_EMAIL);
        MockEndpoint mock = getMockEndpoint("mock:status");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&jobId=" + jobId).to("mock:status");
            }
        });
        long before = startWhenPolled(jobId);
        await().until(() -> job(jobId).isTerminated() && mock.getReceivedCounter() == published(jobId, before));
        assertThat(admin().requestCount("/session/login")).isZero();
    }
}
