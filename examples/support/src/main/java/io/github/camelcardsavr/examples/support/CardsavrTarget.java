package io.github.camelcardsavr.examples.support;

import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.CreatedJob;
import io.github.camelcardsavr.simulator.SimulatorAdmin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CardSavr the example talks to: a real instance when the {@code CARDSAVR_*} variables are
 * set, else an embedded simulator with one cardholder and a job per requested site. The examples
 * only ever see {@link #settings()}, so their routes are the same either way.
 */
public final class CardsavrTarget implements AutoCloseable {

    /** The simulator's default agent; the simulator accepts it without further set-up. */
    private static final String SIMULATOR_USERNAME = "agent";
    private static final String SIMULATOR_PASSWORD = "agent-password";

    private final CardsavrSimulator simulator;
    private final long cardholderId;
    private final CardsavrSettings realSettings;
    private final List<DemoJob> jobs = Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, String> creatorAccessKeys = new ConcurrentHashMap<>();

    private CardsavrTarget(CardsavrSimulator simulator, long cardholderId, CardsavrSettings realSettings) {
        this.simulator = simulator;
        this.cardholderId = cardholderId;
        this.realSettings = realSettings;
    }

    /** A real instance when {@code env} names one, else {@link #simulated(Duration, List)}. */
    public static CardsavrTarget fromEnvironmentOrSimulator(Map<String, String> env, Duration stepDelay,
            List<String> sites) {
        Optional<CardsavrSettings> real = CardsavrSettings.fromEnvironment(env);
        return real.isPresent() ? real(real.get()) : simulated(stepDelay, sites);
    }

    public static CardsavrTarget real(CardsavrSettings settings) {
        CardsavrTarget target = new CardsavrTarget(null, settings.cardholderId(), settings);
        settings.jobIds().forEach(id -> target.jobs.add(new DemoJob(id, DemoJob.UNKNOWN_SITE)));
        return target;
    }

    /**
     * Starts a simulator whose jobs advance one status step every {@code stepDelay}, creates a
     * cardholder and starts one job per entry of {@code sites}, in that order.
     */
    public static CardsavrTarget simulated(Duration stepDelay, List<String> sites) {
        CardsavrSimulator simulator = CardsavrSimulator.builder().stepDelay(stepDelay).start();
        try {
            CardsavrTarget target = new CardsavrTarget(simulator, simulator.admin().createCardholder(), null);
            sites.forEach(target::createJob);
            return target;
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /** Starts another job for the cardholder (simulator only): how the dynamic-jobs example gets new work. */
    public DemoJob createJob(String site) {
        CreatedJob created = admin().createJob(site, cardholderId);
        DemoJob job = new DemoJob(created.jobId(), site);
        creatorAccessKeys.put(created.jobId(), created.accessKey());
        jobs.add(job);
        return job;
    }

    /**
     * The access key of the channel the job's creator got (creating a job subscribes its creator):
     * the only channel that has every message from the first one. Simulator jobs only.
     */
    public Optional<String> creatorAccessKey(long jobId) {
        return Optional.ofNullable(creatorAccessKeys.get(jobId));
    }

    public CardsavrSettings settings() {
        if (realSettings != null) {
            return realSettings;
        }
        List<Long> ids = jobs().stream().map(DemoJob::jobId).toList();
        return new CardsavrSettings(simulator.getBaseUrl(), simulator.getIntegratorName(),
                simulator.getIntegratorKey(), SIMULATOR_USERNAME, SIMULATOR_PASSWORD, cardholderId, ids);
    }

    public boolean isSimulated() {
        return simulator != null;
    }

    /** The jobs known up front: the ones created here, or {@code CARDSAVR_JOB_IDS} for a real instance. */
    public List<DemoJob> jobs() {
        synchronized (jobs) {
            return List.copyOf(jobs);
        }
    }

    /** The site a job runs on, or {@link DemoJob#UNKNOWN_SITE}. */
    public String siteOf(long jobId) {
        return jobs().stream().filter(j -> j.jobId() == jobId).map(DemoJob::site).findFirst()
                .orElse(DemoJob.UNKNOWN_SITE);
    }

    /** The simulator's admin API, for tests and for creating jobs. */
    public SimulatorAdmin admin() {
        return simulator().admin();
    }

    public CardsavrSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("Connected to a real CardSavr instance; there is no simulator");
        }
        return simulator;
    }

    public String describe() {
        return isSimulated()
                ? "simulator at " + simulator.getBaseUrl()
                : Objects.requireNonNull(realSettings).baseUrl();
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
