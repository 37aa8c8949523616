package io.github.camelcardsavr;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.JobView;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Camel tests against an embedded simulator started for each test, with the cardsavr component configured at
 * component level for the simulator (signed by default).
 */
abstract class CardsavrTestSupport extends CamelTestSupport {

    static final String USERNAME = "agent";
    static final String PASSWORD = "agent-password";

    protected CardsavrSimulator simulator;

    /** Signed (default) or unsigned simulator and component. */
    protected boolean signed() {
        return true;
    }

    protected CardsavrSimulator.Builder simulatorBuilder() {
        return CardsavrSimulator.builder().signed(signed()).stepDelay(Duration.ofMillis(5));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        simulator = simulatorBuilder().start();
        CamelContext context = super.createCamelContext();
        CardsavrComponent component = new CardsavrComponent();
        configure(component.getConfiguration());
        context.addComponent("cardsavr", component);
        return context;
    }

    protected void configure(CardsavrConfiguration c) {
        c.setBaseUrl(simulator.getBaseUrl());
        c.setUsername(USERNAME);
        c.setPassword(PASSWORD);
        if (signed()) {
            c.setAuthMode(AuthMode.SIGNED);
            c.setIntegratorName(simulator.getIntegratorName());
            c.setIntegratorKey(simulator.getIntegratorKey());
        } else {
            c.setAuthMode(AuthMode.UNSIGNED);
        }
    }

    /** A context of its own, started with {@code routes}, whose cardsavr component keeps its state in {@code store}. */
    protected CamelContext startWithFileState(File store, RoutesBuilder routes) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        CardsavrComponent component = new CardsavrComponent();
        configure(component.getConfiguration());
        component.getConfiguration().setStateRepository(FileStateRepository.fileStateRepository(store));
        ctx.addComponent("cardsavr", component);
        ctx.addRoutes(routes);
        ctx.start();
        return ctx;
    }

    @Override
    protected void doPostTearDown() throws Exception {
        super.doPostTearDown();
        if (simulator != null) {
            simulator.close();
        }
    }

    protected SimulatorAdmin admin() {
        return simulator.admin();
    }

    /** A job that waits for {@link SimulatorAdmin#startJob(long)}, so no message is published before a test is ready. */
    protected long createdJob(String site) {
        return admin().createJob(JobSpec.builder().site(site).autoStart(false).build()).getJobId();
    }

    protected long createdJob(String site, long cardholderId) {
        return admin().createJob(JobSpec.builder().site(site).cardholderId(cardholderId).autoStart(false).build())
                .getJobId();
    }

    protected JobView job(long jobId) {
        return admin().job(jobId);
    }

    protected static ConditionFactory await() {
        return Awaitility.await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(20));
    }

    /**
     * Starts a job created with autoStart(false) once a consumer polls it.
     *
     * @return the number of messages published before the start (the creation message), which a subscriber that
     *         registered after the creation never sees
     */
    protected long startWhenPolled(long jobId) {
        awaitPolled(jobId);
        long before = job(jobId).getMessagesPublished();
        admin().startJob(jobId);
        return before;
    }

    /** Messages a subscriber sees of a job started by {@link #startWhenPolled}. */
    protected long published(long jobId, long before) {
        return job(jobId).getMessagesPublished() - before;
    }

    /** Waits until a consumer has subscribed to the job and polled it once (only consumers poll broadcasts). */
    protected void awaitPolled(long jobId) {
        await().until(() -> job(jobId).totalBroadcastPolls() >= 1);
    }

    static CardsavrMessage message(Exchange e) {
        return e.getIn().getBody(CardsavrMessage.class);
    }

    static List<String> statuses(List<Exchange> exchanges) {
        return exchanges.stream().map(e -> e.getIn().getHeader(CardsavrConstants.STATUS, String.class)).toList();
    }
}
