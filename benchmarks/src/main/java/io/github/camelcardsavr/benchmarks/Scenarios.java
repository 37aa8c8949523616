package io.github.camelcardsavr.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelcardsavr.simulator.CreatedJob;
import org.apache.camel.CamelContext;

/** The measurements, each contestant in a fresh CamelContext against the same server, one after the other. */
final class Scenarios {

    /** Durations of one measurement; {@code quick} shortens everything for a smoke run. */
    record Timing(Duration warmUp, Duration measured, Duration cadenceWarmUp, Duration cadenceMeasured) {
        static Timing full() {
            return new Timing(Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(12),
                    Duration.ofSeconds(30));
        }

        static Timing quick() {
            return new Timing(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(6));
        }
    }

    record Drain(int perPoll, double component, double handRolled, double client) {
    }

    record Cadence(String contestant, int jobs, double polls, double[] latenessMillis, Resources added) {
    }

    record FlatOut(double componentUnsigned, double componentSigned, double handRolled, double rawHttp) {
    }

    private final Timing timing;

    Scenarios(Timing timing) {
        this.timing = timing;
    }

    /** One job whose every poll answers {@code perPoll} messages: messages routed per second. */
    Drain drain(BenchServer server, int perPoll) throws Exception {
        server.firehose(perPoll);
        CreatedJob job = server.jobs(1).get(0);
        AtomicLong routed = new AtomicLong();
        double component = measure(Contestants.componentDrain(server, job, routed), routed);
        routed.set(0);
        double handRolled = measure(Contestants.handRolledDrain(server, job, server.unsignedSessionToken(), routed),
                routed);
        double client;
        try (ClientDrain drain = new ClientDrain(server, job)) {
            client = Rate.perSecond(drain::messages, timing.warmUp(), timing.measured());
        }
        return new Drain(perPoll, component, handRolled, client);
    }

    private double measure(CamelContext context, AtomicLong routed) throws Exception {
        context.start();
        try {
            return Rate.perSecond(routed::get, timing.warmUp(), timing.measured());
        } finally {
            context.stop();
        }
    }

    /** Many jobs each polled every {@code delay}: lateness of each job's polls as the server sees them, cost. */
    Cadence componentCadence(BenchServer server, List<CreatedJob> jobs, Duration delay) throws Exception {
        return componentCadence("component", "", server, jobs, delay);
    }

    /**
     * The same without the recovery channel: the added heap of the default run also holds the in-process server's
     * state for the second registration of every job, which a real deployment keeps on CardSavr's side.
     */
    Cadence componentCadenceWithoutRecovery(BenchServer server, List<CreatedJob> jobs, Duration delay) throws Exception {
        return componentCadence("component, recoveryChannel=false", "&recoveryChannel=false", server, jobs, delay);
    }

    private Cadence componentCadence(String name, String options, BenchServer server, List<CreatedJob> jobs,
                                     Duration delay) throws Exception {
        AtomicLong routed = new AtomicLong();
        Resources before = Resources.now();
        CamelContext context = Contestants.componentJobs(server,
                "delay=" + delay.toMillis() + "&initialDelay=0" + options, routed);
        return cadence(name, server, jobs, delay, before, context, () -> Contestants.handOver(context, jobs));
    }

    Cadence handRolledCadence(BenchServer server, List<CreatedJob> jobs, Duration delay, int threads)
            throws Exception {
        AtomicLong routed = new AtomicLong();
        Resources before = Resources.now();
        CamelContext context = Contestants.handRolledJobs(server, jobs, delay.toMillis(), threads,
                server.unsignedSessionToken(), routed);
        return cadence("hand-rolled (" + threads + " threads)", server, jobs, delay, before, context, () -> { });
    }

    private Cadence cadence(String name, BenchServer server, List<CreatedJob> jobs, Duration delay, Resources before,
                            CamelContext context, Runnable afterStart) throws Exception {
        server.firehose(1);
        PollIntervals intervals = server.observe(jobs, delay);
        context.start();
        try {
            afterStart.run();
            TimeUnit.NANOSECONDS.sleep(timing.cadenceWarmUp().toNanos());
            intervals.startMeasuring();
            long p0 = intervals.polls();
            long t0 = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(timing.cadenceMeasured().toNanos());
            double polls = (intervals.polls() - p0) / ((System.nanoTime() - t0) / 1e9);
            double[] lateness = intervals.latenessMillis();
            Resources added = Resources.now().minus(before);
            return new Cadence(name, jobs.size(), polls, lateness, added);
        } finally {
            server.stopObserving();
            context.stop();
        }
    }

    /** Jobs polled every second, more than the machine can serve: how many polls per second each contestant gets. */
    FlatOut flatOut(BenchServer unsigned, BenchServer signed, int jobCount, int inFlight) throws Exception {
        double componentUnsigned = componentFlatOut(unsigned, unsigned.jobs(jobCount), inFlight);
        double componentSigned = componentFlatOut(signed, signed.jobs(jobCount), inFlight);
        List<CreatedJob> jobs = unsigned.jobs(jobCount);
        unsigned.firehose(1);
        PollIntervals handCount = unsigned.observe(jobs, Duration.ofSeconds(1));
        double handRolled;
        CamelContext hand = Contestants.handRolledJobs(unsigned, jobs, 1000, inFlight / 2,
                unsigned.unsignedSessionToken(), new AtomicLong());
        hand.start();
        try {
            handRolled = Rate.perSecond(handCount::polls, timing.warmUp(), timing.measured());
        } finally {
            hand.stop();
            unsigned.stopObserving();
        }
        double raw;
        try (RawHttpPolls polls = new RawHttpPolls(unsigned.baseUrl(), unsigned.unsignedSessionToken(), jobs, inFlight)) {
            raw = Rate.perSecond(polls::completed, timing.warmUp(), timing.measured());
        }
        return new FlatOut(componentUnsigned, componentSigned, handRolled, raw);
    }

    private double componentFlatOut(BenchServer server, List<CreatedJob> jobs, int inFlight) throws Exception {
        server.firehose(1);
        PollIntervals count = server.observe(jobs, Duration.ofSeconds(1));
        CamelContext context = Contestants.componentJobs(server,
                "delay=1000&initialDelay=0&maxConcurrentPolls=" + inFlight, new AtomicLong());
        context.start();
        try {
            Contestants.handOver(context, jobs);
            return Rate.perSecond(count::polls, timing.warmUp(), timing.measured());
        } finally {
            server.stopObserving();
            context.stop();
        }
    }
}
