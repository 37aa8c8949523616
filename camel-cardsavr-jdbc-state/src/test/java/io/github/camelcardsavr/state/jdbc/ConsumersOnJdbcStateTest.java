package io.github.camelcardsavr.state.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelcardsavr.CardsavrComponent;
import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.SimulatorSites;
import io.github.camelcardsavr.state.jdbc.testing.TestDatabases;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumers keep their state in PostgreSQL: a route started afresh, with new repository and pool objects (as a
 * standby in another process has), resumes the same channel and delivers what the first run had fetched but not
 * completed, first and in order.
 */
class ConsumersOnJdbcStateTest {

    private final CardsavrSimulator simulator = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(5)).start();
    private final String repositoryName = "test-" + UUID.randomUUID();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<CamelContext> contexts = new ArrayList<>();

    @AfterEach
    void close() {
        contexts.forEach(CamelContext::stop);
        pools.forEach(HikariDataSource::close);
        simulator.close();
    }

    private CamelContext start(String from, boolean failOnS3) throws Exception {
        HikariDataSource pool = TestDatabases.postgresPool(2);
        pools.add(pool);
        CamelContext context = new DefaultCamelContext();
        CardsavrComponent component = new CardsavrComponent();
        var c = component.getConfiguration();
        c.setBaseUrl(simulator.getBaseUrl());
        c.setAuthMode(AuthMode.SIGNED);
        c.setIntegratorName(simulator.getIntegratorName());
        c.setIntegratorKey(simulator.getIntegratorKey());
        c.setUsername("agent");
        c.setPassword("agent-password");
        c.setStateRepository(new JdbcStateRepository(pool, repositoryName));
        c.setStateWritePerExchange(true);
        context.addComponent("cardsavr", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from + "&delay=20&initialDelay=0")
                        .filter(header(CardsavrConstants.STATUS).isEqualTo("S3"))
                            .process(e -> {
                                if (failOnS3) {
                                    throw new IllegalStateException("not today");
                                }
                            })
                        .end()
                        .to("mock:out");
            }
        });
        context.start();
        contexts.add(context);
        return context;
    }

    private static List<String> statuses(MockEndpoint out) {
        return out.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(CardsavrConstants.STATUS, String.class)).toList();
    }

    @Test
    void aJobStatusRouteStartedAfreshResumesTheSameChannelFromTheDatabase() throws Exception {
        long jobId = simulator.admin().createJob(SimulatorSites.MANUAL).getJobId();
        CamelContext first = start("cardsavr:jobStatus?jobId=" + jobId, true);
        MockEndpoint firstOut = first.getEndpoint("mock:out", MockEndpoint.class);
        await().until(() -> simulator.admin().job(jobId).totalBroadcastPolls() >= 1);
        for (int i = 1; i <= 3; i++) {
            simulator.admin().injectMessage(jobId, Map.of("status", "S" + i));
        }
        await().until(() -> firstOut.getReceivedCounter() == 2 && simulator.admin().job(jobId).getMessagesDelivered() >= 3);
        first.stop();
        simulator.admin().injectMessage(jobId, Map.of("status", "S4", "percent_complete", 100, "termination_type",
                "BILLABLE"));

        CamelContext second = start("cardsavr:jobStatus?jobId=" + jobId, false);
        MockEndpoint secondOut = second.getEndpoint("mock:out", MockEndpoint.class);
        await().until(() -> secondOut.getReceivedCounter() == 2);
        assertThat(statuses(secondOut)).containsExactly("S3", "S4");
        // the job's channel and its recovery channel, each registered once, before the restart
        assertThat(simulator.admin().requestCount("registrations")).as("the stored keys were used").isEqualTo(2);
        // the access key is sealed in the database
        String keys = tableContent();
        simulator.admin().broadcastPolls(jobId).keySet().forEach(key -> assertThat(keys).doesNotContain(key));
    }

    @Test
    void aCardholderRouteStartedAfreshDeliversWhatTheFirstRunHadFetchedFirstAndInOrder() throws Exception {
        long cardholderId = simulator.admin().createCardholder();
        long jobId = simulator.admin().createJob(JobSpec.builder().site(SimulatorSites.MANUAL)
                .cardholderId(cardholderId).build()).getJobId();
        String uri = "cardsavr:cardholderMessages?cardholderId=" + cardholderId;
        CamelContext first = start(uri, true);
        MockEndpoint firstOut = first.getEndpoint("mock:out", MockEndpoint.class);
        for (int i = 1; i <= 5; i++) {
            simulator.admin().injectMessage(jobId, Map.of("status", "S" + i));
        }
        // S1 and S2 delivered; S3 fails again and again, S4 and S5 wait behind it
        await().until(() -> statuses(firstOut).contains("S2")
                            && simulator.admin().job(jobId).getCardholderMessagesDelivered()
                               == simulator.admin().job(jobId).getMessagesPublished());
        assertThat(statuses(firstOut)).doesNotContain("S3");
        first.stop();

        CamelContext second = start(uri, false);
        MockEndpoint secondOut = second.getEndpoint("mock:out", MockEndpoint.class);
        simulator.admin().injectMessage(jobId, Map.of("status", "S6", "percent_complete", 100, "termination_type",
                "BILLABLE"));
        await().until(() -> statuses(secondOut).contains("S6"));
        assertThat(statuses(secondOut)).containsExactly("S3", "S4", "S5", "S6");
        assertThat(secondOut.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(
                CardsavrConstants.JOB_ID, Long.class)).containsOnly(jobId);
    }

    private String tableContent() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection connection = pools.get(0).getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT state_key, state_value FROM CARDSAVR_STATE WHERE repository_name = '" + repositoryName
                                                                         + "'")) {
            while (rows.next()) {
                all.append(rows.getString(1)).append('=').append(rows.getString(2)).append('\n');
            }
        }
        assertThat(all).contains("\"j\":");
        return all.toString();
    }
}
