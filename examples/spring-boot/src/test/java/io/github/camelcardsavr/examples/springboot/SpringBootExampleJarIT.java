package io.github.camelcardsavr.examples.springboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.JobView;
import io.github.camelcardsavr.simulator.SimulatorAdmin;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as its documentation runs it, {@code java -jar} with nothing but environment variables: on its
 * own simulator, against a CardSavr named by CARDSAVR_* (a simulator this test owns and inspects), and with a
 * setting missing.
 */
class SpringBootExampleJarIT {

    /** Test speed: polls every 20 ms instead of 5 s. */
    private static final String FAST_POLLS = "-Dcardsavr.example.poll-delay=20ms";
    private static final Pattern QUEUE_LINE = Pattern.compile("Artemis queue cardsavr\\.messages: (\\d+) messages");

    @TempDir
    Path workDir;

    @Test
    void withoutCardsavrVariablesItRunsTheDemoOnItsOwnSimulator() throws Exception {
        // the poll delay as a Spring Boot command line argument, to show the jar takes those too
        JarProcess.Result run = JarProcess.start(workDir, Map.of(), List.of("-Dcardsavr.step-delay-ms=5"),
                List.of("--cardsavr.example.poll-delay=20ms")).awaitExit();

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("embedded simulator at http://127.0.0.1:")
                .contains("Summary: 5 job(s), all terminated in ");
        Path outDir = workDir.resolve("cardsavr-out");
        long files = 0;
        for (String site : DemoSimulator.DEMO_SITES) {
            long jobId = 101 + DemoSimulator.DEMO_SITES.indexOf(site);
            String termination = new DemoJob(jobId, site).expectedTermination();
            files += MessageFiles.checkJob(outDir, jobId, termination).size();
            assertThat(run.stdout()).containsPattern("(?m)^  " + jobId + " +" + site + " .*" + termination + "$");
        }
        assertThat(queuedMessages(run)).isEqualTo(files);
    }

    @Test
    void itFollowsTheJobsOfTheInstanceTheEnvironmentNames() throws Exception {
        try (CardsavrSimulator cardsavr = CardsavrSimulator.builder().stepDelay(Duration.ofMillis(5))
                .user("ops-agent", "ops-password").start()) {
            SimulatorAdmin admin = cardsavr.admin();
            List<Long> jobs = new ArrayList<>();
            for (String site : List.of("good_email", "tfa", "security")) {
                jobs.add(admin.createJob(JobSpec.builder().site(site).autoStart(false).build()).getJobId());
            }
            // a real instance's jobs are on sites the example cannot know: default.<field> answers them all
            Path answers = workDir.resolve("answers.properties");
            Files.writeString(answers, "default.tfa=1234\ndefault.security_answer_1=Rex\n"
                                       + "default.security_answer_2=Springfield\ndefault.tfa_message=ack\n");
            Path outDir = workDir.resolve("delivered");
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("CARDSAVR_BASE_URL", cardsavr.getBaseUrl());
            environment.put("CARDSAVR_INTEGRATOR_NAME", cardsavr.getIntegratorName());
            environment.put("CARDSAVR_INTEGRATOR_KEY", cardsavr.getIntegratorKey());
            environment.put("CARDSAVR_USERNAME", "ops-agent");
            environment.put("CARDSAVR_PASSWORD", "ops-password");
            environment.put("CARDSAVR_JOB_IDS", jobs.stream().map(String::valueOf).collect(Collectors.joining(",")));
            environment.put("CARDSAVR_ANSWERS_FILE", answers.toString());
            environment.put("CARDSAVR_OUT_DIR", outDir.toString());

            JarProcess process = JarProcess.start(workDir, environment, List.of(FAST_POLLS), List.of());
            JarProcess.Result run;
            try {
                for (long jobId : jobs) {
                    Awaitility.await().atMost(2, TimeUnit.MINUTES).pollInterval(Duration.ofMillis(50))
                            .until(() -> admin.job(jobId).totalBroadcastPolls() > 0);
                    admin.startJob(jobId);
                }
                run = process.awaitExit();
            } finally {
                process.destroy();
            }

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.stdout()).contains("Summary: 3 job(s), all terminated in ")
                    .doesNotContain("ops-password").doesNotContain(cardsavr.getIntegratorKey());
            long files = 0;
            for (long jobId : jobs) {
                JobView view = admin.job(jobId);
                // one file per message but the creation message, published before anyone could subscribe
                assertThat(MessageFiles.checkJob(outDir, jobId, "BILLABLE")).as("job %d", jobId)
                        .hasSize((int) view.messagesPublished() - 1);
                files += view.messagesPublished() - 1;
                assertThat(view.answers()).as("answers to job %d on %s", jobId, view.site())
                        .hasSize("good_email".equals(view.site()) ? 0 : 1);
            }
            assertThat(queuedMessages(run)).isEqualTo(files);
        }
    }

    @Test
    void aMissingSettingEndsWithExitCodeTwoAndSaysWhich() throws Exception {
        JarProcess.Result run = JarProcess.start(workDir, Map.of("CARDSAVR_BASE_URL", "https://127.0.0.1:9"),
                List.of(), List.of()).awaitExit();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("Spring Boot example: configuration error: Set CARDSAVR_JOB_IDS");
    }

    /** The queue's message count as the summary states it (the broker lived inside the finished process). */
    private static long queuedMessages(JarProcess.Result run) {
        Matcher matcher = QUEUE_LINE.matcher(run.stdout());
        assertThat(matcher.find()).as("queue line in:\n%s", run.stdout()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
