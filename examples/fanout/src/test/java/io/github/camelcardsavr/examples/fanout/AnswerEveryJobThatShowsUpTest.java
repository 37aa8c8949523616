package io.github.camelcardsavr.examples.fanout;

import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.CredentialAnswers;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.examples.support.EmbeddedArtemis;
import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.MainRunner;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import io.github.camelcardsavr.examples.support.RunOptions;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes as they run against a real instance with no job ids given: each job is handed to the
 * credentialRequests consumer when its first message shows up in the cardholder's stream.
 */
class AnswerEveryJobThatShowsUpTest {

    @Test
    void jobsNotNamedUpFrontStillGetTheirRequestsAnswered() throws Exception {
        try (CardsavrTarget target = CardsavrTarget.simulated(Duration.ofMillis(5), List.of("tfa", "bad_email"));
                EmbeddedArtemis artemis = EmbeddedArtemis.start()) {
            // The tracker still knows the jobs, so the run ends; the routes do not.
            JobTracker tracker = new JobTracker();
            tracker.expectAll(target.jobs());
            Main main = new Main();
            target.settings().componentProperties().forEach(main::addInitialProperty);
            main.bind("artemisConnectionFactory", artemis.connectionFactory());
            main.addInitialProperty("camel.component.jms.connection-factory", "#artemisConnectionFactory");
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            RunOptions options = RunOptions.forTests(quiet);
            CredentialAnswers answers = new CredentialAnswers(AnswersFile.fromClasspath(FanoutApplication.ANSWERS),
                    target::siteOf, PersonAtTerminal.nobody(quiet));
            main.configure().addRoutesBuilder(new FanoutRoutes(target.settings().cardholderId(), List.of(), options,
                    Path.of("target", "test-dynamic-out"), tracker, answers));

            MainRunner.runUntilJobsTerminate(main, tracker, options.timeout());

            assertThat(tracker.allTerminated()).isTrue();
            for (DemoJob job : target.jobs()) {
                assertThat(tracker.job(job.jobId()).terminationType()).as("job on %s", job.site())
                        .isEqualTo("BILLABLE");
                assertThat(target.admin().job(job.jobId()).answers()).hasSize(1);
            }
        }
    }
}
