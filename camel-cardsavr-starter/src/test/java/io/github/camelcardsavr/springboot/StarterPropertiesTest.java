package io.github.camelcardsavr.springboot;

import java.util.List;

import io.github.camelcardsavr.CardsavrComponent;
import io.github.camelcardsavr.CardsavrConfiguration;
import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel.component.cardsavr.*} in kebab case, from properties, the environment and a bean reference, ends up
 * on the component, and a route on that component follows a simulated job to its end.
 */
@CamelSpringBootTest
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
                properties = {
                        "camel.component.cardsavr.connect-timeout=7s",
                        "camel.component.cardsavr.response-timeout=45000",
                        "camel.component.cardsavr.max-buffered-messages-per-job=77",
                        "camel.component.cardsavr.consumer-name=spring-test",
                        "camel.component.cardsavr.state-repository=#testStateRepository" })
@ContextConfiguration(initializers = EnvironmentVariables.IntegratorKey.class)
@Import(StarterPropertiesTest.Beans.class)
@DirtiesContext
class StarterPropertiesTest {

    @TestConfiguration
    static class Beans {
        @Bean
        MemoryStateRepository testStateRepository() {
            return new MemoryStateRepository();
        }
    }

    @DynamicPropertySource
    static void connection(DynamicPropertyRegistry registry) {
        TestSimulator.connect(registry);
        registry.add("camel.component.cardsavr.password", () -> TestSimulator.PASSWORD);
    }

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private MemoryStateRepository testStateRepository;

    @Test
    void everyKindOfPropertyReachesTheComponent() {
        CardsavrConfiguration configuration = camelContext.getComponent("cardsavr", CardsavrComponent.class)
                .getConfiguration();

        assertThat(configuration.getBaseUrl()).isEqualTo(TestSimulator.get().getBaseUrl());
        assertThat(configuration.getIntegratorKey()).as("from %s", EnvironmentVariables.INTEGRATOR_KEY_VARIABLE)
                .isEqualTo(TestSimulator.get().getIntegratorKey());
        assertThat(configuration.getUsername()).isEqualTo(TestSimulator.USERNAME);
        assertThat(configuration.getPassword()).isEqualTo(TestSimulator.PASSWORD);
        assertThat(configuration.getConnectTimeout()).as("7s in milliseconds").isEqualTo(7_000);
        assertThat(configuration.getResponseTimeout()).as("a bare number is milliseconds").isEqualTo(45_000);
        assertThat(configuration.getMaxBufferedMessagesPerJob()).isEqualTo(77);
        assertThat(configuration.getConsumerName()).isEqualTo("spring-test");
        assertThat(configuration.getStateRepository()).isSameAs(testStateRepository);
        assertThat(configuration.getMaxConcurrentPolls()).as("an option left alone keeps its default").isEqualTo(32);
    }

    @Test
    void aRouteOnTheConfiguredComponentFollowsAJobToItsEnd() throws Exception {
        SimulatorAdmin admin = TestSimulator.get().admin();
        long jobId = admin.createJob(JobSpec.builder().site(SimulatorSites.GOOD_EMAIL).autoStart(false).build())
                .getJobId();
        camelContext.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?delay=20&initialDelay=0&jobId=" + jobId).routeId("follow-" + jobId)
                        .to("mock:status-" + jobId);
            }
        });
        TestSimulator.await().until(() -> admin.job(jobId).totalBroadcastPolls() >= 1);
        admin.startJob(jobId);

        MockEndpoint statuses = camelContext.getEndpoint("mock:status-" + jobId, MockEndpoint.class);
        TestSimulator.await().until(() -> statuses.getExchanges().stream().anyMatch(StarterPropertiesTest::isFinal));
        List<Exchange> received = statuses.getExchanges();
        // the server handed out each message twice, on the job's channel and when its recovery channel was drained
        // as the job ended; each was routed once
        TestSimulator.await().until(() -> admin.job(jobId).messagesDelivered() == 2L * received.size());
        assertThat(received.get(received.size() - 1).getMessage()
                .getHeader(CardsavrConstants.TERMINATION_TYPE, String.class)).isEqualTo("BILLABLE");
    }

    private static boolean isFinal(Exchange exchange) {
        return exchange.getMessage().getHeader(CardsavrConstants.TERMINATION_TYPE) != null;
    }
}
