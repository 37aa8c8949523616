package io.github.camelcardsavr.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.CardsavrComponent;
import io.github.camelcardsavr.CardsavrConfiguration;
import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One fault-matrix run: a signed simulator (unsigned when the test's settings say so) with manual jobs, a CamelContext whose {@code jobStatus} route records every
 * message it completes in a {@link DeliveryLedger}, an emitter that puts numbered messages on the jobs while a fault is
 * on, a readiness sampler, and the recording exception handler. Contexts can be stopped and started again with the
 * same state repository to model a process restart.
 */
final class ReliabilityHarness implements AutoCloseable {

    static final String ROUTE_ID = "reliability";
    static final String USERNAME = "agent";
    static final String PASSWORD = "agent-password";
    /** How long the route must complete nothing new before duplicates are counted. */
    static final Duration SETTLE = Duration.ofMillis(500);

    /** The route's downstream ("broker") step, which a test can make fail or block; runs before the ledger records. */
    @FunctionalInterface
    interface Downstream {
        void accept(long jobId, int seq) throws Exception;
    }

    final CardsavrSimulator simulator;
    final DeliveryLedger ledger = new DeliveryLedger();
    final RecordingExceptionHandler handler = new RecordingExceptionHandler();
    final HealthSampler health = new HealthSampler(ROUTE_ID);

    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "reliability-harness");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> creatorKeys = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<Long> jobs = new CopyOnWriteArrayList<>();
    private final Map<Long, Long> cardholders = new ConcurrentHashMap<>();
    private volatile Downstream downstream = (jobId, seq) -> { };
    private volatile CamelContext context;
    private final String username;
    private final String password;

    ReliabilityHarness() {
        this(UnaryOperator.identity());
    }

    ReliabilityHarness(UnaryOperator<CardsavrSimulator.Builder> simulatorSettings) {
        this(USERNAME, PASSWORD, simulatorSettings);
    }

    /** With an agent account of its own (the simulator is told about it). */
    ReliabilityHarness(String username, String password, UnaryOperator<CardsavrSimulator.Builder> simulatorSettings) {
        this.username = username;
        this.password = password;
        CardsavrSimulator.Builder builder = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(5));
        if (!USERNAME.equals(username)) {
            builder.user(username, password);
        }
        simulator = simulatorSettings.apply(builder).start();
        timers.scheduleWithFixedDelay(() -> health.sample(context), 10, 10, TimeUnit.MILLISECONDS);
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    SimulatorAdmin admin() {
        return simulator.admin();
    }

    static ConditionFactory await() {
        return Awaitility.await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(10));
    }

    /** Manual jobs (no automatic progress) whose messages the emitter numbers 1..messagesPerJob. */
    List<Long> manualJobs(int count, int messagesPerJob) {
        return manualJobs(count, messagesPerJob, null);
    }

    /** As {@link #manualJobs(int, int)}, all for one cardholder (null: a new cardholder per job). */
    List<Long> manualJobs(int count, int messagesPerJob, Long cardholderId) {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CreatedJob job = admin().createJob(SimulatorSites.MANUAL, cardholderId);
            creatorKeys.add(job.accessKey());
            cardholders.put(job.jobId(), job.cardholderId());
            ledger.expectJob(job.jobId(), messagesPerJob);
            created.add(job.jobId());
        }
        jobs.addAll(created);
        return created;
    }

    /** A job created by the test itself, whose keys must stay secret too. */
    void track(CreatedJob job) {
        creatorKeys.add(job.accessKey());
        cardholders.put(job.jobId(), job.cardholderId());
        jobs.add(job.jobId());
    }

    long cardholderOf(long jobId) {
        return cardholders.get(jobId);
    }

    static String jobIdList(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    void downstream(Downstream step) {
        this.downstream = step;
    }

    /**
     * Starts a new CamelContext with {@code from("cardsavr:<endpoint>")} (e.g. {@code jobStatus?jobId=101,102}) to the
     * ledger, polling every 20 ms, the component configured for the simulator (signed), health checks on.
     */
    CamelContext startContext(String endpoint, StateRepository<String, String> stateRepository) throws Exception {
        return startContext(endpoint, stateRepository, config -> { });
    }

    CamelContext startContext(String endpoint, StateRepository<String, String> stateRepository,
            Consumer<CardsavrConfiguration> customize) throws Exception {
        return startContext(stateRepository, customize, new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:" + endpoint + "&delay=20&initialDelay=0&exceptionHandler=#relHandler")
                        .routeId(ROUTE_ID)
                        .process(exchange -> {
                            long jobId = exchange.getIn().getHeader(CardsavrConstants.JOB_ID, Long.class);
                            int seq = seqOf(exchange.getIn().getBody(CardsavrMessage.class));
                            downstream.accept(jobId, seq);
                            if (seq > 0) {
                                ledger.delivered(jobId, seq);
                            }
                        });
            }
        });
    }

    /** A new CamelContext with these routes; the consumer whose readiness is sampled must have route id {@link #ROUTE_ID}. */
    CamelContext startContext(StateRepository<String, String> stateRepository,
            Consumer<CardsavrConfiguration> customize, RouteBuilder routes) throws Exception {
        DefaultCamelContext ctx = new DefaultCamelContext();
        HealthSampler.enableConsumerChecks(ctx);
        handler.startLog(ROUTE_ID);
        ctx.getRegistry().bind("relHandler", handler);
        CardsavrComponent component = new CardsavrComponent();
        configure(component.getConfiguration());
        component.getConfiguration().setStateRepository(stateRepository);
        customize.accept(component.getConfiguration());
        ctx.addComponent("cardsavr", component);
        ctx.addRoutes(routes);
        ctx.start();
        context = ctx;
        return ctx;
    }

    void configure(CardsavrConfiguration c) {
        c.setBaseUrl(simulator.getBaseUrl());
        c.setAuthMode(simulator.isSigned() ? AuthMode.SIGNED : AuthMode.UNSIGNED);
        c.setIntegratorName(simulator.getIntegratorName());
        c.setIntegratorKey(simulator.getIntegratorKey());
        c.setUsername(username);
        c.setPassword(password);
    }

    CamelContext context() {
        return context;
    }

    void stopContext() {
        CamelContext ctx = context;
        if (ctx != null) {
            ctx.stop();
        }
    }

    static int seqOf(CardsavrMessage message) {
        Object seq = message.getExtras().get("seq");
        return seq instanceof Number n ? n.intValue() : -1;
    }

    /** Waits until the consumer has subscribed to every job and polled it (the creator's own key is never polled). */
    void awaitSubscribed(List<Long> ids) {
        await().until(() -> ids.stream().allMatch(id -> admin().job(id).totalBroadcastPolls() >= 1));
    }

    /**
     * Waits until every job has a broadcast poll that reached the server after this call: it meets the faults as they
     * are now, and the job's poll before it (which might not have) is done, as a job has one call on the wire at a
     * time. Call it after switching a fault on and before emitting what the fault is meant to meet.
     */
    void awaitANewPollOfEveryJob(List<Long> ids) {
        Map<Long, Long> before = new LinkedHashMap<>();
        ids.forEach(id -> before.put(id, admin().requestCount("GET", "/" + id + "/broadcasts")));
        await().until(() -> ids.stream().allMatch(id -> admin().requestCount("GET", "/" + id + "/broadcasts")
                                                        > before.get(id)));
    }

    /** Puts message {@code seq} on the job; the job's last seq ends it (percent 100, BILLABLE). */
    void inject(long jobId, int seq, int lastSeq) {
        boolean last = seq == lastSeq;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", last ? "SUCCESSFUL" : "S" + seq);
        status.put("percent_complete", last ? 100 : Math.round(seq * 990.0 / lastSeq) / 10.0);
        if (last) {
            status.put("termination_type", "BILLABLE");
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "job_status");
        message.put("seq", seq);
        message.put("message", status);
        admin().injectMessage(jobId, message);
        ledger.emitted(jobId, seq);
    }

    /**
     * Emits seq {@code from..to} on every job, one message per job every {@code periodMillis}; the future completes
     * after the last one.
     */
    CompletableFuture<Void> emit(List<Long> ids, int from, int to, int lastSeq, long periodMillis) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger next = new AtomicInteger(from);
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(timers.scheduleAtFixedRate(() -> {
            int seq = next.getAndIncrement();
            if (seq > to) {
                return;
            }
            try {
                for (long id : ids) {
                    inject(id, seq, lastSeq);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                throw e;
            }
            if (seq == to) {
                done.complete(null);
                task.get().cancel(false);
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS));
        return done;
    }

    /** Emits all of each job's messages and waits until they are on the server. */
    void emitAll(List<Long> ids, int lastSeq, long periodMillis) {
        emit(ids, 1, lastSeq, lastSeq, periodMillis).join();
    }

    void awaitAllDelivered() {
        try {
            await().until(ledger::allTerminalDelivered);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Not everything arrived: lost so far " + ledger.lostSeqs() + ", failures "
                                     + handler.handled().size(), e);
        }
    }

    /**
     * Waits until the route has completed nothing new for {@link #SETTLE}, so that duplicates are counted once
     * redeliveries had their chance, not the moment the last message arrived.
     */
    void awaitSettled() {
        awaitStable(ledger::deliveredCount);
    }

    /** Waits until the count has not changed for {@link #SETTLE}. */
    static void awaitStable(IntSupplier count) {
        int[] last = { count.getAsInt() };
        await().during(SETTLE).until(() -> {
            int now = count.getAsInt();
            boolean same = now == last[0];
            last[0] = now;
            return same;
        });
    }

    /** Everything that must never appear in a log line, exception text or endpoint description. */
    Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>(List.of(password, simulator.getIntegratorKey()));
        secrets.addAll(creatorKeys);
        for (long id : jobs) {
            secrets.addAll(admin().broadcastPolls(id).keySet());
        }
        return secrets;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        try {
            stopContext();
        } finally {
            simulator.close();
        }
    }
}
