package io.github.camelcardsavr.examples.quarkus;

import java.time.Duration;
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
import io.github.camelcardsavr.simulator.JobView;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import org.jboss.logging.Logger;

/**
 * What runs when no {@code CARDSAVR_BASE_URL} is set: a simulator with one job per synthetic site. The jobs are
 * created stopped and each starts once the application's consumers have polled it, because a new subscription only
 * receives the messages published after it. The application is pointed at the simulator through system
 * properties, which Quarkus reads with a higher priority than {@code application.properties}.
 */
final class EmbeddedDemo implements AutoCloseable {

    static final List<String> SITES = List.of("good_email", "tfa", "bad_email", "security", "site_failure");
    private static final Duration STEP_DELAY = Duration.ofMillis(300);
    private static final Duration POLL_DELAY = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String USERNAME = "agent";
    private static final String PASSWORD = "agent-password";
    private static final Logger LOG = Logger.getLogger(EmbeddedDemo.class);

    private final CardsavrSimulator simulator;
    private final List<DemoJob> jobs;
    private final ScheduledExecutorService starter;

    private EmbeddedDemo(CardsavrSimulator simulator, List<DemoJob> jobs) {
        this.simulator = simulator;
        this.jobs = jobs;
        this.starter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "demo-job-starter");
            thread.setDaemon(true);
            return thread;
        });
    }

    static EmbeddedDemo start() {
        CardsavrSimulator simulator = CardsavrSimulator.builder().user(USERNAME, PASSWORD).stepDelay(STEP_DELAY).start();
        try {
            SimulatorAdmin admin = simulator.admin();
            long cardholderId = admin.createCardholder();
            List<DemoJob> jobs = SITES.stream()
                    .map(site -> new DemoJob(admin.createJob(JobSpec.builder().site(site).cardholderId(cardholderId)
                            .autoStart(false).build()).getJobId(), site))
                    .toList();
            EmbeddedDemo demo = new EmbeddedDemo(simulator, jobs);
            demo.startJobsOncePolled();
            return demo;
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /** The configuration that points the application at this simulator and its jobs. */
    Map<String, String> systemProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.cardsavr.base-url", simulator.getBaseUrl());
        properties.put("camel.component.cardsavr.auth-mode", "signed");
        properties.put("camel.component.cardsavr.integrator-name", simulator.getIntegratorName());
        properties.put("camel.component.cardsavr.integrator-key", simulator.getIntegratorKey());
        properties.put("camel.component.cardsavr.username", USERNAME);
        properties.put("camel.component.cardsavr.password", PASSWORD);
        properties.put("cardsavr.example.job-ids",
                jobs.stream().map(j -> Long.toString(j.jobId())).collect(Collectors.joining(",")));
        properties.put("cardsavr.example.sites",
                jobs.stream().map(j -> j.jobId() + "=" + j.site()).collect(Collectors.joining(",")));
        properties.put("cardsavr.example.poll-delay", Long.toString(POLL_DELAY.toMillis()));
        properties.put("cardsavr.example.timeout", TIMEOUT.toString());
        return properties;
    }

    String describe() {
        return "embedded simulator at " + simulator.getBaseUrl() + " with " + jobs.size() + " demo jobs";
    }

    private void startJobsOncePolled() {
        Set<Long> waiting = ConcurrentHashMap.newKeySet();
        jobs.forEach(job -> waiting.add(job.jobId()));
        starter.scheduleWithFixedDelay(() -> {
            try {
                for (Long jobId : List.copyOf(waiting)) {
                    JobView view = simulator.admin().job(jobId);
                    if (view.totalBroadcastPolls() > 0 && view.getCredentialRequestPolls() > 0) {
                        simulator.admin().startJob(jobId);
                        waiting.remove(jobId);
                    }
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not start the demo jobs %s; the run will time out", waiting);
                throw e;
            }
            if (waiting.isEmpty()) {
                starter.shutdown();
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        starter.shutdownNow();
        simulator.close();
    }
}
