package io.github.camelcardsavr.examples.quarkus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.simulator.CardsavrSimulator;
import io.github.camelcardsavr.simulator.JobSpec;
import io.github.camelcardsavr.simulator.JobView;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged example run with nothing but environment: the demo on its embedded simulator, a "real instance" (a
 * simulator this test starts) with Kafka output, and a configuration mistake.
 */
class QuarkusExampleIT {

    private static final Pattern SUMMARY_ROW =
            Pattern.compile("^\\s+(\\d+)\\s+(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)\\s+(\\S+)\\s*$", Pattern.MULTILINE);
    private static final String TOPIC = "cardsavr.job-status";

    @TempDir
    Path workDir;

    @Test
    void withoutABaseUrlRunsTheDemoOnTheEmbeddedSimulatorAndExitsZero() throws Exception {
        Path out = workDir.resolve("out");
        try (ExampleProcess app = ExampleProcess.start(workDir, Map.of("CARDSAVR_OUT_DIR", out.toString()), List.of())) {
            assertThat(app.awaitExit()).as(app.stderr()).isZero();
            String stdout = app.stdout();
            assertThat(stdout).contains("embedded simulator").contains("Summary: 5 job(s), all terminated");
            Map<Long, String[]> rows = summaryRows(stdout);
            assertThat(rows).hasSize(5);
            for (Map.Entry<Long, String[]> row : rows.entrySet()) {
                List<String> messages = MessageFiles.of(out, row.getKey());
                String site = row.getValue()[0];
                assertThat(row.getValue()[2]).as("files column of job %d", row.getKey())
                        .isEqualTo(Integer.toString(messages.size()));
                assertThat(MessageFiles.terminationType(messages.get(messages.size() - 1)))
                        .isEqualTo(new DemoJob(row.getKey(), site).expectedTermination())
                        .isEqualTo(row.getValue()[4]);
            }
        }
    }

    @Test
    void followsTheJobsOfARealInstanceAnswersThemAndSendsEveryMessageToKafka() throws Exception {
        Path out = workDir.resolve("out");
        Path answers = workDir.resolve("answers.properties");
        Files.writeString(answers, String.join("\n", "default.tfa=1234", "default.tfa_message=ack",
                "default.username=good_email", "default.password=good_password", "default.security_answer_1=Rex",
                "default.security_answer_2=Springfield", ""));
        try (CardsavrSimulator simulator = CardsavrSimulator.builder().signed(true).stepDelay(Duration.ofMillis(20))
                        .start();
                EmbeddedKafka kafka = EmbeddedKafka.start()) {
            List<Long> jobs = new ArrayList<>();
            for (String site : List.of("tfa", "bad_email", "security")) {
                jobs.add(simulator.admin().createJob(JobSpec.builder().site(site).autoStart(false).build()).getJobId());
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("CARDSAVR_BASE_URL", simulator.getBaseUrl());
            env.put("CARDSAVR_INTEGRATOR_NAME", simulator.getIntegratorName());
            env.put("CARDSAVR_INTEGRATOR_KEY", simulator.getIntegratorKey());
            env.put("CARDSAVR_USERNAME", "agent");
            env.put("CARDSAVR_PASSWORD", "agent-password");
            env.put("CARDSAVR_JOB_IDS", jobs.stream().map(String::valueOf).collect(Collectors.joining(",")));
            env.put("CARDSAVR_ANSWERS_FILE", answers.toString());
            env.put("CARDSAVR_OUT_DIR", out.toString());
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());

            try (ExampleProcess app = ExampleProcess.start(workDir, env, List.of("-Dcardsavr.example.poll-delay=50"))) {
                // a new subscription only gets what is published after it: start the jobs once the application polls them
                Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> jobs.stream().map(simulator.admin()::job)
                        .allMatch(j -> j.totalBroadcastPolls() > 0 && j.getCredentialRequestPolls() > 0));
                jobs.forEach(simulator.admin()::startJob);

                assertThat(app.awaitExit()).as(app.stdout() + app.stderr()).isZero();
                String output = app.stdout() + app.stderr();
                assertThat(output).contains("Summary: 3 job(s), all terminated")
                        .doesNotContain(simulator.getIntegratorKey()).doesNotContain("agent-password");

                Map<Long, List<String>> onKafka = readTopic(kafka.bootstrapServers(), summaryFiles(output));
                for (long jobId : jobs) {
                    JobView job = simulator.admin().job(jobId);
                    assertThat(job.getTerminationType()).as("job %d (%s)", jobId, job.getSite()).isEqualTo("BILLABLE");
                    assertThat(job.getAnswers()).as("answers to job %d", jobId).isNotEmpty();
                    List<String> files = MessageFiles.of(out, jobId);
                    assertThat(MessageFiles.terminationType(files.get(files.size() - 1))).isEqualTo("BILLABLE");
                    assertThat(onKafka.get(jobId)).as("Kafka records of job %d, in order", jobId).isEqualTo(files);
                }
                assertThat(output).contains("Kafka topic " + TOPIC + ": " + summaryFiles(output) + " messages");
            }
        }
    }

    @Test
    void aBaseUrlWithoutCredentialsIsABadSettingNamedOnOneLine() throws Exception {
        try (ExampleProcess app = ExampleProcess.start(workDir, Map.of("CARDSAVR_BASE_URL", "https://api.example.test"),
                List.of())) {
            assertThat(app.awaitExit()).isEqualTo(QuarkusExample.BAD_SETTINGS);
            assertThat(app.stderr().strip()).startsWith("Quarkus example: configuration error:")
                    .contains("CARDSAVR_USERNAME", "CARDSAVR_PASSWORD", "CARDSAVR_JOB_IDS").doesNotContain("\n");
        }
    }

    /** job id -> site, msgs, files, final status, termination, from the summary table. */
    private static Map<Long, String[]> summaryRows(String stdout) {
        Map<Long, String[]> rows = new LinkedHashMap<>();
        Matcher row = SUMMARY_ROW.matcher(stdout.substring(stdout.indexOf("Summary:")));
        while (row.find()) {
            rows.put(Long.parseLong(row.group(1)),
                    new String[] {row.group(2), row.group(3), row.group(4), row.group(5), row.group(6)});
        }
        return rows;
    }

    private static long summaryFiles(String output) {
        Matcher files = Pattern.compile("files written:\\s+(\\d+)").matcher(output);
        assertThat(files.find()).as(output).isTrue();
        return Long.parseLong(files.group(1));
    }

    /** The topic's records by key (the job id), each key's in the order they were written. */
    private static Map<Long, List<String>> readTopic(String bootstrapServers, long expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "quarkus-example-test");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<Long, List<String>> byJob = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long[] count = {0};
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    byJob.computeIfAbsent(Long.parseLong(record.key()), k -> new ArrayList<>()).add(record.value());
                    count[0]++;
                }
                return count[0] >= expected;
            });
            assertThat(count[0]).isEqualTo(expected);
        }
        return byJob;
    }
}
