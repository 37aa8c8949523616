package io.github.camelcardsavr.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.camelcardsavr.client.AuthMode;
import io.github.camelcardsavr.CardsavrComponent;
import io.github.camelcardsavr.CardsavrConfiguration;
import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import io.github.camelcardsavr.simulator.SimulatorSites;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * How one {@code jobStatus} consumer carries thousands of jobs: an embedded simulator (signed, then unsigned), N jobs
 * of the {@code manual} site with a few messages each waiting on their channels, one consumer with {@code delay=5000}
 * that is handed the jobs at run time (with the creators' access keys, so no subscription calls) before its first poll.
 * Prints the time until every message was routed, messages/s, broadcast polls/s over whole poll cycles, how long each
 * poll took, how evenly the calls are spread (calls per 250 ms) and the heap used after GC. Not a unit test, nothing is
 * asserted. Run it by hand (the simulator must be in the local repository, e.g. after {@code mvn install} of the
 * project):
 *
 * <pre>
 * mvn -B -ntp -q -pl camel-cardsavr test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.camelcardsavr.bench.JobStatusScaleBench -Dexec.args="10000"
 * </pre>
 *
 * Arguments: jobs (2000), messages per job (3), seconds of steady-state polling to observe (30), modes
 * ({@code signed,unsigned}), extra consumer options (e.g. {@code useFixedDelay=false&maxConcurrentPolls=64}).
 */
public final class JobStatusScaleBench {

    private static final String USERNAME = "agent";
    private static final String PASSWORD = "agent-password";
    private static final long DELAY_MILLIS = 5000;
    // the jobs are handed over before the first poll, so that one poll finds them all due
    private static final long INITIAL_DELAY_MILLIS = 3000;

    private JobStatusScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int perJob = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int steadySeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String modes = args.length > 3 ? args[3] : "signed,unsigned";
        String extra = args.length > 4 ? "&" + args[4] : "";
        System.out.printf(Locale.ROOT, "%d jobs x %d injected messages, delay=%d ms%s, %d cores, max heap %d MB%n",
                jobs, perJob, DELAY_MILLIS, extra, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        for (String mode : modes.split(",")) {
            run("signed".equals(mode.trim()), jobs, perJob, steadySeconds, extra);
        }
    }

    private static void run(boolean signed, int jobCount, int perJob, int steadySeconds, String extra)
            throws Exception {
        try (CardsavrSimulator simulator = CardsavrSimulator.builder().signed(signed)
                .sessionTimeout(Duration.ofHours(1)).start()) {
            SimulatorAdmin admin = simulator.admin();
            List<CreatedJob> jobs = new ArrayList<>(jobCount);
            for (int i = 0; i < jobCount; i++) {
                CreatedJob job = admin.createJob(SimulatorSites.MANUAL);
                for (int m = 1; m <= perJob; m++) {
                    admin.injectMessage(job.getJobId(), Map.of("status", "M" + m, "percent_complete", m));
                }
                jobs.add(job);
            }
            // the creation message is on the creator's channel too
            long expected = jobs.stream().mapToLong(j -> admin.job(j.getJobId()).getMessagesPublished()).sum();

            CamelContext context = new DefaultCamelContext();
            CardsavrComponent component = new CardsavrComponent();
            configure(component.getConfiguration(), simulator, signed);
            context.addComponent("cardsavr", component);
            PollTimes pollTimes = new PollTimes(() -> admin.requestCount("/broadcasts"));
            context.getRegistry().bind("pollTimes", pollTimes);
            AtomicLong routed = new AtomicLong();
            AtomicLong firstRoutedNanos = new AtomicLong();
            AtomicLong lastRoutedNanos = new AtomicLong();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("cardsavr:jobStatus?dynamicJobs=true&initialDelay=" + INITIAL_DELAY_MILLIS + "&delay="
                         + DELAY_MILLIS + "&pollStrategy=#pollTimes" + extra)
                            .routeId("status")
                            .process(e -> {
                                long now = System.nanoTime();
                                if (routed.incrementAndGet() == 1) {
                                    firstRoutedNanos.set(now);
                                }
                                lastRoutedNanos.set(now);
                            });
                    from("direct:newJob").to("cardsavr:jobStatus");
                }
            });
            long heapBefore = usedHeapAfterGc();
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            long start = System.nanoTime();
            for (CreatedJob job : jobs) {
                template.sendBodyAndHeaders("direct:newJob", null, Map.of(CardsavrConstants.JOB_ID, job.getJobId(),
                        CardsavrConstants.ACCESS_KEY, job.getAccessKey()));
            }
            double handoverSeconds = (System.nanoTime() - start) / 1e9;
            // wait for every message; a bench, not a test: a plain wait loop
            long giveUp = start + TimeUnit.MINUTES.toNanos(5);
            while (routed.get() < expected && System.nanoTime() < giveUp) {
                Thread.sleep(10);
            }

            // steady state: sampled every 250 ms to show how the calls are spread; polls/s over whole poll cycles
            pollTimes.reset();
            long t0 = System.nanoTime();
            List<Long> perSlot = new ArrayList<>();
            long previous = admin.requestCount("/broadcasts");
            long slotNanos = TimeUnit.MILLISECONDS.toNanos(250);
            for (long next = t0 + slotNanos; next - t0 <= TimeUnit.SECONDS.toNanos(steadySeconds); next += slotNanos) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long now = admin.requestCount("/broadcasts");
                perSlot.add(now - previous);
                previous = now;
            }
            List<PollTimes.Poll> cycle = pollTimes.polls();
            long heapRunning = usedHeapAfterGc();
            context.stop();

            System.out.printf(Locale.ROOT, "%n== %s, %d jobs ==%n", signed ? "signed" : "unsigned", jobCount);
            System.out.printf(Locale.ROOT, "jobs handed to the consumer in %.2f s, before its first poll%n",
                    handoverSeconds);
            System.out.printf(Locale.ROOT, "time until all %d messages were routed: %.2f s after the first poll"
                                           + " began (%s)%n",
                    routed.get(), (lastRoutedNanos.get() - pollTimes.firstBegin()) / 1e9,
                    routed.get() == expected ? "complete" : "INCOMPLETE, expected " + expected);
            System.out.printf(Locale.ROOT, "messages/s routed, first to last message: %.0f%n",
                    routed.get() / ((lastRoutedNanos.get() - firstRoutedNanos.get()) / 1e9));
            if (cycle.size() >= 2) {
                PollTimes.Poll first = cycle.get(0);
                PollTimes.Poll last = cycle.get(cycle.size() - 1);
                double seconds = (last.beginNanos() - first.beginNanos()) / 1e9;
                long calls = last.callsBefore() - first.callsBefore();
                System.out.printf(Locale.ROOT, "broadcast polls/s over %d poll cycles (%.1f s): %.0f, each job"
                                               + " polled every %.2f s%n",
                        cycle.size() - 1, seconds, calls / seconds, jobCount / (calls / seconds));
            }
            System.out.printf(Locale.ROOT, "consumer polls: %s%n", PollTimes.describe(cycle));
            long peakSlot = perSlot.stream().mapToLong(Long::longValue).max().orElse(0);
            long idleSlots = perSlot.stream().filter(n -> n == 0).count();
            System.out.printf(Locale.ROOT, "calls per 250 ms: peak %d (%.0f/s), %d of %d slots without a call%n",
                    peakSlot, peakSlot * 4.0, idleSlots, perSlot.size());
            System.out.printf(Locale.ROOT, "heap used after GC: %d MB before the route, %d MB while polling"
                                           + " (embedded simulator with %d jobs included)%n",
                    heapBefore >> 20, heapRunning >> 20, jobCount);
        }
    }

    /** Times each poll of the consumer (begin to commit or rollback) and counts the broadcast calls before it. */
    private static final class PollTimes implements PollingConsumerPollStrategy {

        record Poll(long beginNanos, long callsBefore, long millis) {
        }

        private final LongSupplier calls;
        private final List<Poll> polls = new CopyOnWriteArrayList<>();
        private volatile long began;
        private volatile long callsAtBegin;
        private volatile long firstBegin;

        PollTimes(LongSupplier calls) {
            this.calls = calls;
        }

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            began = System.nanoTime();
            callsAtBegin = calls.getAsLong();
            if (firstBegin == 0) {
                firstBegin = began;
            }
            return true;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            polls.add(new Poll(began, callsAtBegin, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)));
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception e) {
            commit(consumer, endpoint, 0);
            return false;
        }

        long firstBegin() {
            return firstBegin;
        }

        void reset() {
            polls.clear();
        }

        List<Poll> polls() {
            return List.copyOf(polls);
        }

        static String describe(List<Poll> polls) {
            StringBuilder b = new StringBuilder().append(polls.size()).append(", taking");
            polls.forEach(p -> b.append(' ').append(p.millis()).append(" ms"));
            return b.toString();
        }
    }

    private static void configure(CardsavrConfiguration c, CardsavrSimulator simulator, boolean signed) {
        c.setBaseUrl(simulator.getBaseUrl());
        c.setUsername(USERNAME);
        c.setPassword(PASSWORD);
        if (signed) {
            c.setAuthMode(AuthMode.SIGNED);
            c.setIntegratorName(simulator.getIntegratorName());
            c.setIntegratorKey(simulator.getIntegratorKey());
        } else {
            c.setAuthMode(AuthMode.UNSIGNED);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
