package io.github.camelcardsavr.examples.fanout;

import io.github.camelcardsavr.examples.support.AnswersFile;
import io.github.camelcardsavr.examples.support.CardsavrTarget;
import io.github.camelcardsavr.examples.support.DemoJob;
import io.github.camelcardsavr.examples.support.EmbeddedArtemis;
import io.github.camelcardsavr.examples.support.PersonAtTerminal;
import io.github.camelcardsavr.examples.support.RunOptions;
import io.github.camelcardsavr.examples.support.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo as a person would run it against an instance its answers file knows nothing about: on a
 * terminal it asks and carries on; without one it says once which key would have answered, and the
 * requests time out as they would on the server.
 */
class AskThePersonAtTheTerminalTest {

    /** What the person types, by the label the simulator gives each field. */
    private static final Map<String, String> TYPED = Map.of(
            "Verification code", "1234",
            "Username", "good_email",
            "Password", "s3cret-new-pass",
            "What is your mother's maiden name?", "Smith",
            "What was the name of your first pet?", "Rex");

    @TempDir
    Path dir;

    @Test
    void onATerminalEveryRequestIsAskedAnsweredAndTheJobsCarryOn() throws Exception {
        TypingPerson person = new TypingPerson();
        try (CardsavrTarget target = CardsavrTarget.simulated(Duration.ofMillis(5),
                List.of("tfa", "bad_email", "security"));
                EmbeddedArtemis artemis = EmbeddedArtemis.start()) {
            RunSummary summary = new FanoutApplication(target, artemis, quietOptions(), dir.resolve("out"),
                    emptyAnswersFile(), person).run();

            assertThat(summary.allTerminated()).isTrue();
            for (DemoJob job : target.jobs()) {
                assertThat(summary.job(job.jobId()).terminationType()).as("job on %s", job.site())
                        .isEqualTo("BILLABLE");
            }
            assertThat(person.prompts).containsExactlyInAnyOrder("hidden Verification code (hidden): ",
                    "shown Username: ", "hidden Password (hidden): ",
                    "hidden What is your mother's maiden name? (hidden): ",
                    "hidden What was the name of your first pet? (hidden): ");
            assertThat(String.join("\n", person.told)).doesNotContain(TYPED.values());
            long badEmail = target.jobs().get(1).jobId();
            assertThat(target.admin().answerValues(badEmail).values()).singleElement()
                    .isEqualTo(Map.of("username", "good_email", "password", "s3cret-new-pass"));
        }
    }

    @Test
    void withoutATerminalTheMissingKeyIsNamedOnceAndTheRequestsTimeOut() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PersonAtTerminal nobody = PersonAtTerminal.nobody(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (CardsavrTarget target = CardsavrTarget.simulated(Duration.ofMillis(5), List.of("tfa", "tfa"));
                EmbeddedArtemis artemis = EmbeddedArtemis.start()) {
            // Once both requests went unanswered, let the server's four minutes pass.
            CompletableFuture<Void> expire = CompletableFuture.runAsync(() -> {
                await().atMost(Duration.ofSeconds(30)).until(() -> target.jobs().stream()
                        .allMatch(job -> !target.admin().job(job.jobId()).openCredentialRequests().isEmpty())
                        && err.toString(StandardCharsets.UTF_8).contains("No answer"));
                target.admin().advanceClock(Duration.ofMinutes(5));
            });

            RunSummary summary = new FanoutApplication(target, artemis, quietOptions(), dir.resolve("out"),
                    emptyAnswersFile(), nobody).run();
            expire.join();

            List<String> told = err.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(told).singleElement().asString()
                    .startsWith("No answer for job ")
                    .contains("'s tfa_request request (site tfa) in ", "add tfa.tfa=<the code> to it",
                            "or run the example in a terminal to be asked");
            for (DemoJob job : target.jobs()) {
                assertThat(summary.job(job.jobId()).terminationType()).isEqualTo("USER_DATA_FAILURE");
                assertThat(target.admin().job(job.jobId()).status()).isEqualTo("TIMEOUT_TFA");
                assertThat(target.admin().job(job.jobId()).answers()).isEmpty();
            }
        }
    }

    private AnswersFile emptyAnswersFile() throws IOException {
        return AnswersFile.fromPath(Files.writeString(dir.resolve("answers.properties"), "# nothing known\n"));
    }

    private static RunOptions quietOptions() {
        return RunOptions.forTests(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** Types the answer to each prompt by its label, as a person reading the question would. */
    private static final class TypingPerson implements PersonAtTerminal {
        final List<String> prompts = Collections.synchronizedList(new ArrayList<>());
        final List<String> told = Collections.synchronizedList(new ArrayList<>());

        @Override
        public boolean canAsk() {
            return true;
        }

        @Override
        public void tell(String line) {
            told.add(line);
        }

        @Override
        public Optional<String> ask(String prompt) {
            prompts.add("shown " + prompt);
            return answerTo(prompt);
        }

        @Override
        public Optional<String> askSecret(String prompt) {
            prompts.add("hidden " + prompt);
            return answerTo(prompt);
        }

        private static Optional<String> answerTo(String prompt) {
            return TYPED.entrySet().stream().filter(e -> prompt.startsWith(e.getKey())).map(Map.Entry::getValue)
                    .findFirst();
        }
    }
}
