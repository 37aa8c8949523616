package io.github.camelcardsavr.examples.fanout;

import io.github.camelcardsavr.examples.support.CredentialAnswers;
import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.MessageFileNames;
import io.github.camelcardsavr.examples.support.RunOptions;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The demo's routes. Everything CardSavr-specific (login, signing, polling, JSON) is inside the
 * {@code cardsavr:} endpoints; the routes only say where messages go and how requests are answered.
 */
public final class FanoutRoutes extends RouteBuilder {

    /** The Artemis queue that receives every message of the cardholder. */
    public static final String QUEUE = "cardsavr.messages";

    /** Names the credentialRequests consumer that takes jobs at run time when none are known up front. */
    static final String ANSWERING_CONSUMER = "fanout-answers";

    private final long cardholderId;
    private final List<Long> jobIds;
    private final RunOptions options;
    private final Path outputDir;
    private final JobTracker tracker;
    private final CredentialAnswers answers;

    /**
     * @param jobIds    jobs whose credential requests are answered; empty = every job that shows up
     */
    public FanoutRoutes(long cardholderId, List<Long> jobIds, RunOptions options, Path outputDir,
            JobTracker tracker, CredentialAnswers answers) {
        this.cardholderId = cardholderId;
        this.jobIds = List.copyOf(jobIds);
        this.options = options;
        this.outputDir = outputDir;
        this.tracker = tracker;
        this.answers = answers;
    }

    @Override
    public void configure() {
        // Every message of every job of the cardholder, in arrival order: one JSON file each (the
        // component converts its message objects to JSON, no marshal step) and a copy on a queue.
        RouteDefinition messages = from("cardsavr:cardholderMessages?cardholderId=" + cardholderId
                + options.pollOptions())
                .routeId("cardholder-messages")
                .process(new MessageFileNames())
                .to("file:" + outputDir.toAbsolutePath())
                .to("jms:queue:" + QUEUE + "?jmsMessageType=Text");

        if (jobIds.isEmpty()) {
            // A real cardholder's jobs are not known up front: the first message of a job hands it
            // to the running credentialRequests consumer below.
            messages.filter(header(MessageFileNames.SEQUENCE).isEqualTo(1))
                    .to("cardsavr:credentialRequests?consumerName=" + ANSWERING_CONSUMER)
                    .end();
            answer(from("cardsavr:credentialRequests?dynamicJobs=true&consumerName=" + ANSWERING_CONSUMER
                    + options.pollOptions()));
        } else {
            answer(from("cardsavr:credentialRequests?jobId=" + joined(jobIds) + options.pollOptions()));
        }
        messages.process(tracker);
    }

    /**
     * A TFA code goes back through credentialResponse (the messaging endpoint), credentials through
     * jobCredentials (the job update CardSavr prefers). Both take job id, envelope id and type from
     * the headers the credentialRequests consumer sets.
     */
    private void answer(RouteDefinition requests) {
        requests.routeId("credential-requests")
                .process(answers)
                .choice()
                    .when(header(CredentialAnswers.ANSWER_KIND).isEqualTo(CredentialAnswers.TFA))
                        .to("cardsavr:credentialResponse")
                    .when(header(CredentialAnswers.ANSWER_KIND).isEqualTo(CredentialAnswers.ACCOUNT_LINK))
                        .to("cardsavr:jobCredentials")
                .end();
    }

    private static String joined(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
