package io.github.camelcardsavr.benchmarks;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.camelcardsavr.simulator.CreatedJob;
import org.apache.camel.CamelContext;

/** The measurements, each contestant in a fresh CamelContext against the same server, one after the other. */
final class Scenarios {

    /** Durations of one measurement; {@code quick} shortens everything for a smoke run. */
    /**
     * @param compilerQuietWithin how long a running contestant waits for the JIT to go quiet before it is counted
     *                            anyway (flat out reports the compilation time of each counted stretch)
     */
    record Timing(Duration warmUp, Duration measured, Duration cadenceWarmUp, Duration cadenceMeasured,
                  Duration allPolledWithin, Duration compilerQuietWithin) {
        static Timing full() {
            return new Timing(Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(12),
                    Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofSeconds(90));
        }

        static Timing quick() {
            return new Timing(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(6),
                    Duration.ofMinutes(2), Duration.ofSeconds(5));
        }
    }

    /** Each contestant's median round, and every round's messages/s in the order they ran. */
    record Drain(int perPoll, double component, double handRolled, double client, Map<String, List<Double>> rounds) {
        static final String COMPONENT = "component";
        static final String HAND_ROLLED = "hand-rolled route";
        static final String CLIENT = "client";
    }

    record Cadence(String contestant, int jobs, double polls, double[] latenessMillis, Resources added) {
    }

    /** Each contestant's median round, and every round's polls/s in the order they ran. */
    record FlatOut(Steady componentUnsigned, Steady componentSigned, Steady handRolled, Steady rawHttp,
                   Map<String, List<Double>> rounds) {
        static final String COMPONENT = "component";
        static final String SIGNED = "component, signed";
        static final String HAND_ROLLED = "hand-rolled route";
        static final String RAW = "raw HttpClient";
    }

    /** Polls per second once running steadily, and the CPU each poll cost by thread role (microseconds). */
    /**
     * @param compiledMillis JIT compilation time during the counted stretch; non-zero only where the compiler had
     *                       not gone quiet when counting began, or recompiled something meanwhile
     */
    record Steady(double polls, Map<String, Double> cpuMicrosPerPoll, long compiledMillis) {
    }

    /**
     * Each job's delay when polling flat out: 10,000 jobs every 250 ms ask for 40,000 polls/s, twice what the raw
     * HttpClient contestant reaches on a 2-core machine, so every contestant runs at its limit. (At one second the
     * component met the whole demand, 10,000 polls/s, while the raw contestant, which has no schedule, polled on.)
     */
    static final Duration FLAT_OUT_DELAY = Duration.ofMillis(250);

    private final Timing timing;
    private final CompilerActivity compiler = CompilerActivity.ofThisJvm();

    Scenarios(Timing timing) {
        this.timing = timing;
    }

    /**
     * One job whose every poll answers {@code perPoll} messages: messages routed per second by the component, the
     * hand-rolled route and the CardSavr client alone, in {@code rounds} turns (see {@link Rounds}).
     */
    Drain drain(BenchServer server, int perPoll, int rounds) throws Exception {
        server.firehose(perPoll);
        CreatedJob job = server.jobs(1).get(0);
        String token = server.unsignedSessionToken();
        AtomicLong routed = new AtomicLong();
        Map<String, Callable<Double>> contestants = new LinkedHashMap<>();
        contestants.put(Drain.COMPONENT, () -> measure(Contestants.componentDrain(server, job, routed), routed));
        contestants.put(Drain.HAND_ROLLED, () -> measure(Contestants.handRolledDrain(server, job, token, routed), routed));
        contestants.put(Drain.CLIENT, () -> {
            try (ClientDrain drain = new ClientDrain(server, job)) {
                return warmRate(drain::messages);
            }
        });
        Map<String, List<Double>> measured = Rounds.inTurns(contestants, rounds);
        return new Drain(perPoll, medianRate(measured.get(Drain.COMPONENT)),
                medianRate(measured.get(Drain.HAND_ROLLED)), medianRate(measured.get(Drain.CLIENT)), measured);
    }

    private static double medianRate(List<Double> rounds) {
        return Rounds.median(rounds, Comparator.naturalOrder());
    }

    private double measure(CamelContext context, AtomicLong routed) throws Exception {
        routed.set(0);
        context.start();
        try {
            return warmRate(routed::get);
        } finally {
            context.stop();
        }
    }

    private void awaitCompilerQuiet() throws InterruptedException {
        if (!compiler.awaitQuiet(timing.compilerQuietWithin())) {
            System.out.println("  (the JIT was still compiling after " + timing.compilerQuietWithin().toSeconds()
                               + " s; counting anyway)");
        }
    }

    /** The rate of a running contestant, counted once the JIT has gone quiet (see {@link CompilerActivity}). */
    private double warmRate(LongSupplier counter) throws InterruptedException {
        awaitCompilerQuiet();
        return Rate.perSecond(counter, timing.warmUp(), timing.measured());
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
        return cadence(name, server, jobs, delay,
                () -> startComponent(server, jobs, "delay=" + delay.toMillis() + "&initialDelay=0" + options));
    }

    Cadence handRolledCadence(BenchServer server, List<CreatedJob> jobs, Duration delay, int threads)
            throws Exception {
        String token = server.unsignedSessionToken();
        return cadence("hand-rolled (" + threads + " threads)", server, jobs, delay, () -> {
            CamelContext hand = Contestants.handRolledJobs(server, jobs, delay.toMillis(), threads, token, new AtomicLong());
            hand.start();
            return hand::stop;
        });
    }

    /** Starts a contestant; what it returns stops it. */
    interface Started {
        AutoCloseable start() throws Exception;
    }

    /** The component's dynamicJobs consumer, started, with the jobs handed over. */
    private static AutoCloseable startComponent(BenchServer server, List<CreatedJob> jobs, String options)
            throws Exception {
        CamelContext context = Contestants.componentJobs(server, options, new AtomicLong());
        context.start();
        Contestants.handOver(context, jobs);
        return context::stop;
    }

    // the instruments (the server's observer and its sample array) exist before the baseline: they are not the contestant
    private Cadence cadence(String name, BenchServer server, List<CreatedJob> jobs, Duration delay, Started contestant)
            throws Exception {
        server.firehose(1);
        PollIntervals intervals = server.observe(jobs, delay);
        Resources before = Resources.now();
        try (AutoCloseable running = contestant.start()) {
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
        }
    }

    /**
     * Jobs polled every {@link #FLAT_OUT_DELAY}, more than the machine can serve: how many polls per second each
     * contestant gets once it runs steadily. Counting starts after every job was polled once (for the component that
     * is after it registered each job's recovery channel, work a contestant without one does not do), once the JIT
     * has stopped compiling (see {@link CompilerActivity}), and a warm-up after that. The contestants take turns,
     * {@code rounds} times, in reverse order every other round, and each one's median round is judged: a ratio of
     * two contestants measured once each, one after the other, moved with whatever else the machine did meanwhile by
     * more than the distance to its target.
     */
    FlatOut flatOut(BenchServer unsigned, BenchServer signed, int jobCount, int inFlight, int rounds)
            throws Exception {
        List<CreatedJob> unsignedJobs = unsigned.jobs(jobCount);
        List<CreatedJob> signedJobs = signed.jobs(jobCount);
        List<CreatedJob> handJobs = unsigned.jobs(jobCount);
        List<CreatedJob> rawJobs = unsigned.jobs(jobCount);
        String token = unsigned.unsignedSessionToken();
        Map<String, Callable<Steady>> contestants = new LinkedHashMap<>();
        contestants.put(FlatOut.COMPONENT, () -> componentFlatOut(unsigned, unsignedJobs, inFlight));
        contestants.put(FlatOut.SIGNED, () -> componentFlatOut(signed, signedJobs, inFlight));
        contestants.put(FlatOut.HAND_ROLLED, () -> steadyPolls(unsigned, handJobs, () -> {
            CamelContext hand = Contestants.handRolledJobs(unsigned, handJobs, FLAT_OUT_DELAY.toMillis(), inFlight / 2,
                    token, new AtomicLong());
            hand.start();
            return hand::stop;
        }));
        contestants.put(FlatOut.RAW, () -> steadyPolls(unsigned, rawJobs, () -> {
            RawHttpPolls polls = new RawHttpPolls(unsigned.baseUrl(), token, rawJobs, inFlight);
            return polls::close;
        }));
        Map<String, List<Steady>> measured = Rounds.inTurns(contestants, rounds);
        Map<String, List<Double>> polls = new LinkedHashMap<>();
        measured.forEach((name, steadies) -> polls.put(name, steadies.stream().map(Steady::polls).toList()));
        return new FlatOut(median(measured.get(FlatOut.COMPONENT)), median(measured.get(FlatOut.SIGNED)),
                median(measured.get(FlatOut.HAND_ROLLED)), median(measured.get(FlatOut.RAW)), polls);
    }

    private static Steady median(List<Steady> rounds) {
        return Rounds.median(rounds, Comparator.comparingDouble(Steady::polls));
    }

    private Steady componentFlatOut(BenchServer server, List<CreatedJob> jobs, int inFlight) throws Exception {
        return steadyPolls(server, jobs, () -> startComponent(server, jobs,
                "delay=" + FLAT_OUT_DELAY.toMillis() + "&initialDelay=0&maxConcurrentPolls=" + inFlight));
    }

    private Steady steadyPolls(BenchServer server, List<CreatedJob> jobs, Started contestant) throws Exception {
        server.firehose(1);
        PollIntervals count = server.observe(jobs, FLAT_OUT_DELAY);
        try (AutoCloseable running = contestant.start()) {
            count.awaitEveryJobPolled(timing.allPolledWithin());
            awaitCompilerQuiet();
            TimeUnit.NANOSECONDS.sleep(timing.warmUp().toNanos());
            long compiled0 = compiler.compiledMillis();
            ThreadCpu cpu0 = ThreadCpu.now();
            long p0 = count.polls();
            long t0 = System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(timing.measured().toNanos());
            long polls = count.polls() - p0;
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Steady(polls / seconds, ThreadCpu.now().perEventMicros(cpu0, polls),
                    compiler.compiledMillis() - compiled0);
        } finally {
            server.stopObserving();
        }
    }
}
