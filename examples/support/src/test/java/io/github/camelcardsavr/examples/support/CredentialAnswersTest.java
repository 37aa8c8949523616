package io.github.camelcardsavr.examples.support;

import io.github.camelcardsavr.model.AccountLinkField;
import io.github.camelcardsavr.model.CredentialRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers come from the file first, then from the person at the terminal; without one, a hint once. */
class CredentialAnswersTest {

    private static final AccountLinkField TFA_FIELD = AccountLinkField.of("tfa", "Verification code", false);
    private static final List<AccountLinkField> NEW_CREDENTIALS = List.of(
            AccountLinkField.of("username", "Username", false), AccountLinkField.of("password", "Password", true));
    private static final List<AccountLinkField> SECURITY = List.of(
            AccountLinkField.of("security_answer_1", "Mother's maiden name?", true),
            AccountLinkField.of("security_answer_2", "First pet?", true));

    @TempDir
    Path dir;

    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void theFileAnswersFirstAndNobodyIsAsked() throws Exception {
        ScriptedPerson person = new ScriptedPerson("never typed");
        CredentialAnswers answers = new CredentialAnswers(file("tfa.tfa=1234"), id -> "tfa", person);

        Exchange exchange = process(answers, CredentialRequest.of("tfa_request", 101, "env-1", List.of(TFA_FIELD)));

        assertThat(kind(exchange)).isEqualTo(CredentialAnswers.TFA);
        assertThat(exchange.getMessage().getBody()).isEqualTo("1234");
        assertThat(person.prompts).isEmpty();
    }

    @Test
    void aTfaCodeIsAskedWithoutEchoAndNeverRepeated() throws Exception {
        ScriptedPerson person = new ScriptedPerson(" 9876 ");
        CredentialAnswers answers = new CredentialAnswers(file(""), id -> DemoJob.UNKNOWN_SITE, person);

        Exchange exchange = process(answers, CredentialRequest.of("tfa_request", 101, "env-1", List.of(TFA_FIELD)));

        assertThat(kind(exchange)).isEqualTo(CredentialAnswers.TFA);
        assertThat(exchange.getMessage().getBody()).isEqualTo("9876");
        assertThat(person.prompts).containsExactly("hidden: Verification code (hidden): ");
        assertThat(person.conversations).isEqualTo(1);
        assertThat(person.allTold()).contains("Job 101 needs your input (tfa_request)").doesNotContain("9876");
    }

    @Test
    void newCredentialsShowTheUsernameAndHideThePassword() throws Exception {
        ScriptedPerson person = new ScriptedPerson("new.user@example.com", "n3w-passw0rd");
        CredentialAnswers answers = new CredentialAnswers(file("default.tfa=1"), id -> "bad_email", person);

        Exchange exchange = process(answers, CredentialRequest.of("credential_request", 102, "env-2", NEW_CREDENTIALS));

        assertThat(kind(exchange)).isEqualTo(CredentialAnswers.ACCOUNT_LINK);
        assertThat(exchange.getMessage().getBody())
                .isEqualTo(Map.of("username", "new.user@example.com", "password", "n3w-passw0rd"));
        assertThat(person.prompts).containsExactly("shown: Username: ", "hidden: Password (hidden): ");
        assertThat(person.allTold()).contains("on bad_email").doesNotContain("n3w-passw0rd");
    }

    @Test
    void securityAnswersAreHiddenToo() throws Exception {
        ScriptedPerson person = new ScriptedPerson("Smith", "Rex");
        CredentialAnswers answers = new CredentialAnswers(file(""), id -> "security", person);

        Exchange exchange = process(answers, CredentialRequest.of("security", 103, "env-3", SECURITY));

        assertThat(exchange.getMessage().getBody())
                .isEqualTo(Map.of("security_answer_1", "Smith", "security_answer_2", "Rex"));
        assertThat(person.prompts).allMatch(prompt -> prompt.startsWith("hidden: "));
    }

    @Test
    void anEmptyAnswerLeavesTheWholeRequestUnanswered() throws Exception {
        ScriptedPerson person = new ScriptedPerson("someone", "");
        CredentialAnswers answers = new CredentialAnswers(file("bad_email.username=kept"), id -> "bad_email", person);

        Exchange exchange = process(answers, CredentialRequest.of("credential_request", 104, "env-4", NEW_CREDENTIALS));

        assertThat(kind(exchange)).as("an empty password leaves the request unanswered")
                .isEqualTo(CredentialAnswers.NONE);
        assertThat(person.allTold()).contains("stays unanswered")
                .contains("add bad_email.username=<username> and bad_email.password=<password> to it");
    }

    @Test
    void aTfaMessageIsAcknowledgedWithEnterOrSkipped() throws Exception {
        ScriptedPerson person = new ScriptedPerson("", "skip");
        CredentialAnswers answers = new CredentialAnswers(file(""), id -> DemoJob.UNKNOWN_SITE, person);

        Exchange acknowledged = process(answers, CredentialRequest.of("tfa_message", 105, "env-5", List.of()));
        Exchange skipped = process(answers, CredentialRequest.of("tfa_message", 106, "env-6", List.of()));

        assertThat(acknowledged.getMessage().getBody()).isEqualTo("ack");
        assertThat(kind(acknowledged)).isEqualTo(CredentialAnswers.TFA);
        assertThat(kind(skipped)).isEqualTo(CredentialAnswers.NONE);
    }

    @Test
    void theEndOfInputLeavesTheRequestUnanswered() throws Exception {
        ScriptedPerson person = new ScriptedPerson();
        CredentialAnswers answers = new CredentialAnswers(file(""), id -> DemoJob.UNKNOWN_SITE, person);

        Exchange exchange = process(answers, CredentialRequest.of("tfa", 107, "env-7", List.of(TFA_FIELD)));

        assertThat(kind(exchange)).isEqualTo(CredentialAnswers.NONE);
    }

    @Test
    void withoutATerminalTheKeyAndFileAreNamedOncePerRequestTypeAndSite() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PersonAtTerminal nobody = PersonAtTerminal.nobody(new PrintStream(err, true, StandardCharsets.UTF_8));
        AnswersFile file = file("");
        CredentialAnswers answers = new CredentialAnswers(file, id -> DemoJob.UNKNOWN_SITE, nobody);

        for (long jobId = 201; jobId <= 203; jobId++) {
            Exchange exchange = process(answers, CredentialRequest.of("tfa_request", jobId, "e" + jobId,
                    List.of(TFA_FIELD)));
            assertThat(kind(exchange)).isEqualTo(CredentialAnswers.NONE);
        }
        process(answers, CredentialRequest.of("credential_request", 204, "e204", NEW_CREDENTIALS));

        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("No answer for job 201's tfa_request request in " + file.source()
                + ": add default.tfa=<the code> to it, or run the example in a terminal to be asked.");
        assertThat(lines.get(1)).contains("job 204's credential_request",
                "default.username=<username> and default.password=<password>");
    }

    @Test
    void answersOnTheClasspathPointAtTheVariableThatNamesAFile() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CredentialAnswers answers = new CredentialAnswers(AnswersFile.fromClasspath("test-answers.properties"),
                id -> "tfa", PersonAtTerminal.nobody(new PrintStream(err, true, StandardCharsets.UTF_8)));

        process(answers, CredentialRequest.of("tfa_request", 301, "e301", List.of(TFA_FIELD)));

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("(site tfa) in classpath:test-answers.properties",
                "add tfa.tfa=<the code> to a properties file and set CARDSAVR_ANSWERS_FILE to its path");
    }

    private AnswersFile file(String content) throws IOException {
        Path path = Files.createTempFile(dir, "answers", ".properties");
        Files.writeString(path, content);
        return AnswersFile.fromPath(path);
    }

    private Exchange process(CredentialAnswers answers, CredentialRequest request) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(request);
        answers.process(exchange);
        return exchange;
    }

    private static String kind(Exchange exchange) {
        return exchange.getMessage().getHeader(CredentialAnswers.ANSWER_KIND, String.class);
    }
}
