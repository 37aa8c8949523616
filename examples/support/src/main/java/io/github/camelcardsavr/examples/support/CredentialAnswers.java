package io.github.camelcardsavr.examples.support;

import io.github.camelcardsavr.model.AccountLinkField;
import io.github.camelcardsavr.model.CredentialRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Turns a {@link CredentialRequest} body into the answer the component's producers send: a TFA code
 * string for TFA requests, a {@code Map} of account_link values for everything else. The answer comes
 * from the answers file; when the file has none and a person is at the terminal, from them. Header
 * {@link #ANSWER_KIND} tells the route which it got, or that nobody could answer (the request then
 * expires on the server; without a terminal the reader is told once which key would have answered it).
 */
public final class CredentialAnswers implements Processor {

    public static final String ANSWER_KIND = "CardsavrExampleAnswerKind";
    public static final String TFA = "tfa";
    public static final String ACCOUNT_LINK = "account_link";
    public static final String NONE = "none";

    private static final Logger LOG = LoggerFactory.getLogger(CredentialAnswers.class);

    private final AnswersFile answers;
    private final LongFunction<String> siteOfJob;
    private final PersonAtTerminal person;
    private final MissingAnswerHints hints = new MissingAnswerHints();

    public CredentialAnswers(AnswersFile answers, LongFunction<String> siteOfJob, PersonAtTerminal person) {
        this.answers = answers;
        this.siteOfJob = siteOfJob;
        this.person = person;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        CredentialRequest request = exchange.getMessage().getMandatoryBody(CredentialRequest.class);
        String site = siteOfJob.apply(request.getJobId());
        Optional<?> answer = request.isTfa() ? tfaCode(site, request) : accountLink(site, request);
        String from = answers.source();
        if (answer.isEmpty() && person.canAsk()) {
            answer = CredentialPrompt.ask(person, request, site);
            from = "the terminal";
        }
        if (answer.isEmpty()) {
            LOG.debug("No answer for job {}'s {} request (site {}); leaving it unanswered", request.getJobId(),
                    request.getType(), site);
            hints.tellOnce(person, answers, request, site);
            exchange.getMessage().setHeader(ANSWER_KIND, NONE);
            return;
        }
        LOG.info("Answering job {}'s {} request from {}", request.getJobId(), request.getType(), from);
        exchange.getMessage().setHeader(ANSWER_KIND, answer.get() instanceof Map ? ACCOUNT_LINK : TFA);
        exchange.getMessage().setBody(answer.get());
    }
    /** A {@code tfa_message} only needs acknowledging, so its own key is tried before the code. */
    private Optional<String> tfaCode(String site, CredentialRequest request) {
        return answers.answer(site, request.getType()).or(() -> answers.answer(site, TFA));
    }

    private Optional<Map<String, String>> accountLink(String site, CredentialRequest request) {
        if (request.getAccountLink().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (AccountLinkField field : request.getAccountLink()) {
            Optional<String> value = answers.answer(site, field.getKeyName());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.put(field.getKeyName(), value.get());
        }
        return Optional.of(values);
    }
}
