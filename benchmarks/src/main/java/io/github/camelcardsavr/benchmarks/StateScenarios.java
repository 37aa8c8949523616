package io.github.camelcardsavr.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.github.camelcardsavr.CardsavrComponent;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.JobStatus;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.state.CardsavrStateStore;
import io.github.camelcardsavr.state.JobRecord;
import io.github.camelcardsavr.state.StateSealer;
import io.github.camelcardsavr.state.jdbc.JdbcStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;

/**
 * What shared state costs: single-row writes to the database, a standby reading a dead leader's state, delivery with
 * the state written once per change set or after each exchange, and one replica following many jobs on a database.
 */
final class StateScenarios {

    record Writes(int threads, double perSecond, double p50Millis, double p99Millis) {
    }

    record Restore(int jobs, long millis, int reads) {
    }

    record DrainWithState(String state, double messagesPerSecond, double writesPerMessage) {
    }

    record Replica(int jobs, Duration delay, double polls, double messages, double writes, double[] latenessMillis,
            Resources added) {
    }

    private final Scenarios.Timing timing;

    StateScenarios(Scenarios.Timing timing) {
        this.timing = timing;
    }

    /** Upserts of one consumer-state record (a slot with one pending message) by this many threads at once. */
    Writes writes(DataSource database, int threads) throws Exception {
        JdbcStateRepository repository = started(database, "bench-writes-" + threads);
        String value = record(1);
        AtomicLong done = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        long[][] latencies = new long[threads][200_000];
        int[] counts = new int[threads];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.execute(() -> {
                int i = 0;
                while (running.get()) {
                    long t0 = System.nanoTime();
                    repository.setState("slot." + thread + "." + (i++ % 100), value);
                    if (counts[thread] < latencies[thread].length) {
                        latencies[thread][counts[thread]++] = System.nanoTime() - t0;
                    }
                    done.incrementAndGet();
                }
            });
        }
        double rate = Rate.perSecond(done::get, timing.warmUp(), timing.measured());
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        List<Long> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < counts[t]; i++) {
                all.add(latencies[t][i]);
            }
        }
        all.sort(null);
        repository.stop();
        return new Writes(threads, rate, all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6);
    }

    /** A standby taking over: reading the state of this many jobs (one pending message each) left by another process. */
    Restore restore(DataSource database, int jobs) {
        String name = "bench-restore-" + jobs;
        StateSealer sealer = StateSealer.fromKey("bench-integrator-key");
        JdbcStateRepository leader = started(database, name);
        CardsavrStateStore written = CardsavrStateStore.of(leader, "cardsavr.jobStatus.bench.local", sealer);
        written.readAll();
        for (int job = 1; job <= jobs; job++) {
            written.write(job, JobRecord.of("access-key-of-" + job, false,
                    List.of(CardsavrMessage.jobStatus(job, JobStatus.of("UPDATING", 50.0, null)))));
        }
        leader.stop();
        JdbcStateRepository standby = started(database, name);
        long t0 = System.nanoTime();
        int restored = CardsavrStateStore.of(standby, "cardsavr.jobStatus.bench.local", sealer).readAll().size();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        if (restored != jobs) {
            throw new IllegalStateException("restored " + restored + " of " + jobs + " jobs");
        }
        int reads = (int) standby.getReads();
        standby.stop();
        return new Restore(jobs, millis, reads);
    }

    /** One job whose every poll brings {@code perPoll} messages, routed as fast as they come, with this state. */
    DrainWithState drain(BenchServer server, DataSource database, int perPoll, boolean perExchange) throws Exception {
        server.firehose(perPoll);
        CreatedJob job = server.jobs(1).get(0);
        AtomicLong routed = new AtomicLong();
        JdbcStateRepository repository = database == null ? null
                : started(database, "bench-drain-" + perExchange + "-" + System.nanoTime());
        CamelContext context = context(server, repository);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?jobId=" + job.getJobId() + "&accessKey=RAW(" + job.getAccessKey()
                     + ")&delay=0&initialDelay=0&stateWritePerExchange=" + perExchange)
                        .process(e -> routed.incrementAndGet());
            }
        });
        context.start();
        try {
            TimeUnit.NANOSECONDS.sleep(timing.warmUp().toNanos());
            long m0 = routed.get();
            long w0 = repository == null ? 0 : repository.getWrites();
            TimeUnit.NANOSECONDS.sleep(timing.measured().toNanos());
            long messages = routed.get() - m0;
            long writes = repository == null ? 0 : repository.getWrites() - w0;
            String state = database == null ? "none" : perExchange ? "PostgreSQL, stateWritePerExchange=true"
                    : "PostgreSQL, folded (default)";
            return new DrainWithState(state, messages / (timing.measured().toNanos() / 1e9),
                    messages == 0 ? 0 : (double) writes / messages);
        } finally {
            context.stop();
        }
    }

    /**
     * One replica following {@code jobs} jobs handed over by a producer, each polled every {@code delay}, with its
     * state in the database and each exchange committed on its own; every poll brings a message when {@code busy}.
     */
    Replica replica(BenchServer server, DataSource database, List<CreatedJob> jobs, Duration delay, boolean busy)
            throws Exception {
        server.firehose(busy ? 1 : 0);
        JdbcStateRepository repository = started(database, "bench-replica-" + System.nanoTime());
        AtomicLong routed = new AtomicLong();
        Resources before = Resources.now();
        CamelContext context = context(server, repository);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("cardsavr:jobStatus?dynamicJobs=true&stateWritePerExchange=true&delay=" + delay.toMillis()
                     + "&initialDelay=0").process(e -> routed.incrementAndGet());
                from("direct:job").to("cardsavr:jobStatus");
            }
        });
        PollIntervals intervals = server.observe(jobs, delay);
        context.start();
        try {
            Contestants.handOver(context, jobs);
            TimeUnit.NANOSECONDS.sleep(timing.cadenceWarmUp().toNanos());
            intervals.startMeasuring();
            long p0 = server.broadcastPolls();
            long m0 = routed.get();
            long w0 = repository.getWrites();
            long t0 = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(timing.cadenceMeasured().toNanos());
            double seconds = (System.nanoTime() - t0) / 1e9;
            double polls = (server.broadcastPolls() - p0) / seconds;
            double messages = (routed.get() - m0) / seconds;
            double writes = (repository.getWrites() - w0) / seconds;
            double[] lateness = busy ? intervals.latenessMillis() : new double[] { Double.NaN, Double.NaN, Double.NaN };
            return new Replica(jobs.size(), delay, polls, messages, writes, lateness, Resources.now().minus(before));
        } finally {
            server.stopObserving();
            context.stop();
            repository.stop();
        }
    }

    private static CamelContext context(BenchServer server, StateRepository<String, String> repository) {
        CamelContext context = new DefaultCamelContext();
        CardsavrComponent component = new CardsavrComponent();
        server.configure(component.getConfiguration());
        component.getConfiguration().setStateRepository(repository);
        context.addComponent("cardsavr", component);
        return context;
    }

    private static JdbcStateRepository started(DataSource database, String name) {
        JdbcStateRepository repository = new JdbcStateRepository(database, name);
        repository.start();
        return repository;
    }

    // what a slot holds for a job with pending messages: about 200 characters a message
    private static String record(int messages) {
        StringBuilder json = new StringBuilder("{\"v\":2,\"j\":101,\"k\":\"g1.").append("x".repeat(60)).append("\",\"m\":[");
        for (int i = 0; i < messages; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"job_status\",\"job_id\":101,\"message\":{\"status\":")
                    .append("\"UPDATING\",\"percent_complete\":54,\"job_timeout\":855737}}");
        }
        return json.append("]}").toString();
    }
}
