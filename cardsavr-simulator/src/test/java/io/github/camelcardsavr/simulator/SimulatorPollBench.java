package io.github.camelcardsavr.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Broadcast-poll throughput of the simulator with a client in the same JVM (they share the cores, as in the
 * component's benchmark). Not a unit test: run it by hand, e.g.
 *
 * <pre>
 * mvn -B -ntp -q -pl cardsavr-simulator test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.camelcardsavr.simulator.SimulatorPollBench -Dexec.args="10 32 1000 signed"
 * </pre>
 *
 * Arguments: seconds to measure (10), concurrent polls in flight (32), jobs (1000), signed|unsigned.
 * Every poll is a full protocol call: session token check and, when signed, HMAC verification of the
 * request, AES-GCM encryption and signing of the reply, and their verification by the client. A feeder
 * publishes about 1,000 status messages a second so some polls carry messages.
 */
public final class SimulatorPollBench {

    private SimulatorPollBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int jobCount = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        boolean signed = args.length <= 3 || !"unsigned".equals(args[3]);
        try (CardsavrSimulator simulator = CardsavrSimulator.builder().stepDelay(Duration.ofSeconds(1)).start()) {
            List<CreatedJob> jobs = new ArrayList<>();
            for (int i = 0; i < jobCount; i++) {
                jobs.add(simulator.admin().createJob(SimulatorSites.MANUAL, null));
            }
            RawCardsavrClient client = RawCardsavrClient.of(simulator);
            if (signed) {
                client.signedLogin("agent", "agent-password");
            } else {
                client.useToken(simulator.admin().issueSessionToken("agent"));
            }
            AtomicBoolean running = new AtomicBoolean(true);
            Thread feeder = feeder(simulator, jobs, running);
            AtomicLong polls = new AtomicLong();
            AtomicLong messages = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            CountDownLatch done = new CountDownLatch(concurrency);
            for (int lane = 0; lane < concurrency; lane++) {
                pollLoop(client, jobs, lane, running, polls, messages, failures, done);
            }
            Thread.sleep(3_000); // warm-up (a hand-run benchmark, not a test)
            long startPolls = polls.get();
            long startMessages = messages.get();
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long measuredPolls = polls.get() - startPolls;
            long measuredMessages = messages.get() - startMessages;
            running.set(false);
            done.await();
            feeder.join();
            System.out.printf("SimulatorPollBench: %s, %d cores, %d jobs, concurrency %d, %d s: %.0f polls/s, "
                    + "%.0f messages/s, %d failed polls%n", signed ? "signed" : "unsigned (token)",
                    Runtime.getRuntime().availableProcessors(), jobCount, concurrency, seconds, measuredPolls / elapsed,
                    measuredMessages / elapsed, failures.get());
        }
    }

    private static void pollLoop(RawCardsavrClient client, List<CreatedJob> jobs, int lane, AtomicBoolean running,
            AtomicLong polls, AtomicLong messages, AtomicLong failures, CountDownLatch done) {
        if (!running.get()) {
            done.countDown();
            return;
        }
        CreatedJob job = jobs.get(ThreadLocalRandom.current().nextInt(jobs.size()));
        client.callAsync("GET", ApiPaths.broadcasts(job.jobId()), null, ApiPaths.key(job.accessKey()))
                .whenComplete((reply, error) -> {
                    if (error == null && reply.status() == 200 && reply.problem() == null
                            && !Boolean.FALSE.equals(reply.signatureValid())) {
                        polls.incrementAndGet();
                        messages.addAndGet(reply.list().size());
                    } else {
                        failures.incrementAndGet();
                    }
                    pollLoop(client, jobs, lane, running, polls, messages, failures, done);
                });
    }

    private static Thread feeder(CardsavrSimulator simulator, List<CreatedJob> jobs, AtomicBoolean running) {
        Thread feeder = new Thread(() -> {
            long sequence = 0;
            while (running.get()) {
                for (int i = 0; i < 10; i++) {
                    CreatedJob job = jobs.get(ThreadLocalRandom.current().nextInt(jobs.size()));
                    simulator.admin().injectMessage(job.jobId(), Map.of("status", "UPDATING", "percent_complete",
                            50 + (sequence++ % 40)));
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "bench-feeder");
        feeder.setDaemon(true);
        feeder.start();
        return feeder;
    }
}
