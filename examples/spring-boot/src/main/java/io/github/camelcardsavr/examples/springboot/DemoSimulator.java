package io.github.camelcardsavr.examples.springboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CardSavr the example talks to when no {@code CARDSAVR_BASE_URL} is set: an embedded simulator with one
 * cardholder and a job per demo site. It hands the application the same {@code CARDSAVR_*} settings a real
 * instance would come with, so the application runs exactly as it would against one.
 *
 * <p>The jobs wait until the application's jobStatus consumer has polled them, then start: status broadcasts go
 * only to channels that exist, and this way the application sees every status from the first one.
 */
public final class DemoSimulator implements AutoCloseable {

    /** Succeeds, needs a TFA code, needs new credentials, asks security questions, fails. */
    public static final List<String> DEMO_SITES =
            List.of("good_email", "tfa", "bad_email", "security", "site_failure");

    private static final Logger LOG = LoggerFactory.getLogger(DemoSimulator.class);

    static final String USERNAME = "agent";
    static final String PASSWORD = "agent-password";
    private static final long START_CHECK_MILLIS = 50;

    private final CardsavrSimulator simulator;
    private final List<DemoJob> jobs;
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-job-starter");
        thread.setDaemon(true);
        return thread;
    });

    private DemoSimulator(CardsavrSimulator simulator, List<DemoJob> jobs) {
        this.simulator = simulator;
        this.jobs = List.copyOf(jobs);
        jobs.forEach(job -> waiting.add(job.jobId()));
    }

    /** A simulator whose jobs advance one status every {@code stepDelay}, one job per demo site, not yet started. */
    public static DemoSimulator start(Duration stepDelay) {
        CardsavrSimulator simulator = CardsavrSimulator.builder().stepDelay(stepDelay).user(USERNAME, PASSWORD)
                .start();
        try {
            SimulatorAdmin admin = simulator.admin();
            long cardholderId = admin.createCardholder();
            List<DemoJob> jobs = new ArrayList<>();
            for (String site : DEMO_SITES) {
                long jobId = admin.createJob(JobSpec.builder().site(site).cardholderId(cardholderId)
                        .autoStart(false).build()).getJobId();
                jobs.add(new DemoJob(jobId, site));
            }
            return new DemoSimulator(simulator, jobs);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /** The connection and the jobs, under the names of the environment variables the example reads. */
    public Map<String, Object> environment() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("CARDSAVR_BASE_URL", simulator.getBaseUrl());
        variables.put("CARDSAVR_AUTH_MODE", "signed");
        variables.put("CARDSAVR_INTEGRATOR_NAME", simulator.getIntegratorName());
        variables.put("CARDSAVR_INTEGRATOR_KEY", simulator.getIntegratorKey());
        variables.put("CARDSAVR_USERNAME", USERNAME);
        variables.put("CARDSAVR_PASSWORD", PASSWORD);
        variables.put("CARDSAVR_JOB_IDS", jobs.stream().map(j -> Long.toString(j.jobId()))
                .collect(Collectors.joining(",")));
        return variables;
    }

    /** Starts each job as soon as a consumer has polled it; returns at once. */
    public void startJobsOncePolled() {
        starter.scheduleWithFixedDelay(this::startPolledJobs, 0, START_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void startPolledJobs() {
        SimulatorAdmin admin = simulator.admin();
        for (Long jobId : waiting) {
            try {
                if (admin.job(jobId).totalBroadcastPolls() > 0) {
                    admin.startJob(jobId);
                    waiting.remove(jobId);
                }
            } catch (RuntimeException e) {
                // thrown out of a scheduled task it would only cancel the task, silently: report and retry
                LOG.warn("Could not start simulated job {}; trying again", jobId, e);
            }
        }
        if (waiting.isEmpty()) {
            starter.shutdown();
        }
    }

    public List<DemoJob> jobs() {
        return jobs;
    }

    public SimulatorAdmin admin() {
        return simulator.admin();
    }

    public String describe() {
        return "embedded simulator at " + simulator.getBaseUrl();
    }

    @Override
    public void close() {
        starter.shutdownNow();
        simulator.close();
    }
}
