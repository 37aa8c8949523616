package io.github.camelcardsavr.examples.yaml;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.JobSpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the example as a user does: Camel Main in its own JVM with the module's runtime class path and the pom's
 * properties locations, the CARDSAVR_* environment variables pointing at a simulator with five jobs of one
 * cardholder; stops it (SIGTERM, a graceful shutdown) once every job is done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YamlExampleTest {

    /** Site, and how a job on it ends once its request (if any) is answered. */
    private static final Map<String, String> SITES = Map.of("good_email", "BILLABLE", "tfa", "BILLABLE",
            "bad_email", "BILLABLE", "security", "BILLABLE", "site_failure", "SITE_INTERACTION_FAILURE");
    private static final List<String> ASKING = List.of("tfa", "bad_email", "security");
    /** What the pom's exec configuration hands Camel Main. */
    private static final String PROPERTIES_LOCATIONS =
            "classpath:application.properties,classpath:answers.properties,optional:file:${env:CARDSAVR_ANSWERS_FILE:none}";

    private final ObjectMapper json = new ObjectMapper();
    private final Path outputDir = Path.of("target", "test-cardsavr-out").toAbsolutePath();
    private final Path log = Path.of("target", "yaml-example-output.txt").toAbsolutePath();
    private final Map<Long, String> jobs = new LinkedHashMap<>();
    private CardsavrSimulator simulator;
    private String output;

    @BeforeAll
    void runTheExample() throws Exception {
        deleteRecursively(outputDir);
        simulator = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(20)).start();
        long cardholderId = simulator.admin().createCardholder();
        for (String site : SITES.keySet()) {
            jobs.put(simulator.admin().createJob(JobSpec.builder().site(site).cardholderId(cardholderId).build())
                    .getJobId(), site);
        }
        ProcessBuilder camelMain = new ProcessBuilder(javaBinary(), "-cp", runtimeClassPath(),
                "org.apache.camel.main.Main", "-pl", PROPERTIES_LOCATIONS)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = camelMain.environment();
        env.put("CARDSAVR_BASE_URL", simulator.getBaseUrl());
        env.put("CARDSAVR_INTEGRATOR_NAME", simulator.getIntegratorName());
        env.put("CARDSAVR_INTEGRATOR_KEY", simulator.getIntegratorKey());
        env.put("CARDSAVR_USERNAME", "agent");
        env.put("CARDSAVR_PASSWORD", "agent-password");
        env.put("CARDSAVR_CARDHOLDER_ID", Long.toString(cardholderId));
        env.put("CARDSAVR_JOB_IDS", jobs.keySet().stream().map(String::valueOf).collect(Collectors.joining(",")));
        env.put("CARDSAVR_OUT_DIR", outputDir.toString());
        env.put("CARDSAVR_POLL_DELAY", "100");
        // the run would end by itself after this long without a message; the test ends it once the work is done
        env.put("CARDSAVR_IDLE_SECONDS", "3600");
        Process process = camelMain.start();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !process.isAlive() || everyJobDoneAndFiled());
        } finally {
            process.destroy();
            // a guard against a hung shutdown, not a speed figure
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        output = Files.readString(log);
    }

    /** Every job terminated, every message it published has its file, every request its answer. */
    private boolean everyJobDoneAndFiled() throws IOException {
        for (Map.Entry<Long, String> job : jobs.entrySet()) {
            var view = simulator.admin().job(job.getKey());
            Path dir = outputDir.resolve(Long.toString(job.getKey()));
            if (!view.isTerminated() || !Files.isDirectory(dir)
                || view.getAnswers().size() != (ASKING.contains(job.getValue()) ? 1 : 0)) {
                return false;
            }
            try (Stream<Path> files = Files.list(dir)) {
                if (files.count() != view.getMessagesPublished()) {
                    return false;
                }
            }
        }
        return true;
    }

    @AfterAll
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void everyJobTerminatedAsItsSiteDoesAndCamelShutDownGracefully() {
        assertThat(output).as("Camel Main's output").contains("Routes startup (total:2)")
                .contains("Apache Camel 4.17.0 (cardsavr-yaml) shutdown in").doesNotContain("ERROR");
        jobs.forEach((jobId, site) -> assertThat(simulator.admin().job(jobId).getTerminationType())
                .as("job on %s", site).isEqualTo(SITES.get(site)));
    }

    @Test
    void writesEveryMessageToAFileInArrivalOrder() throws IOException {
        for (Map.Entry<Long, String> job : jobs.entrySet()) {
            List<Path> files;
            try (Stream<Path> list = Files.list(outputDir.resolve(Long.toString(job.getKey())))) {
                files = list.sorted().toList();
            }
            assertThat(files).hasSize((int) simulator.admin().job(job.getKey()).getMessagesPublished())
                    .hasSize((int) simulator.admin().job(job.getKey()).getCardholderMessagesDelivered());
            assertThat(files.get(0).getFileName().toString()).startsWith("0001-");
            assertThat(json.readTree(files.get(files.size() - 1).toFile()).path("message").path("termination_type")
                    .asText()).isEqualTo(SITES.get(job.getValue()));
        }
    }

    @Test
    void answersEachRequestOnce() {
        jobs.forEach((jobId, site) -> assertThat(simulator.admin().job(jobId).getAnswers())
                .as("answers to the job on %s", site).hasSize(ASKING.contains(site) ? 1 : 0));
    }

    @Test
    void runsOnTheComponentAndCamelAloneWithNoCodeOfItsOwn() throws IOException {
        List<String> projectJars = new ArrayList<>();
        for (String entry : runtimeClassPath().split(File.pathSeparator)) {
            if (entry.contains("camelcardsavr") || entry.contains("camel-cardsavr")) {
                projectJars.add(Path.of(entry).getFileName().toString());
            }
        }
        // the component and the protocol client it is built on; no example support, no simulator
        assertThat(projectJars).anyMatch(jar -> jar.startsWith("camel-cardsavr-0"))
                .allMatch(jar -> jar.startsWith("camel-cardsavr-0") || jar.startsWith("cardsavr-client-"));
        try (Stream<Path> classes = Files.walk(Path.of("target", "classes"))) {
            assertThat(classes.filter(p -> p.toString().endsWith(".class"))).isEmpty();
        }
    }

    private static String runtimeClassPath() throws IOException {
        String dependencies = Files.readString(Path.of("target", "runtime-classpath.txt"), StandardCharsets.UTF_8).trim();
        return Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + dependencies;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
