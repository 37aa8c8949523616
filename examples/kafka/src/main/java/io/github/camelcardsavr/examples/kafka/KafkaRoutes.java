package io.github.camelcardsavr.examples.kafka;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.examples.support.CredentialAnswers;
import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.RunOptions;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Job ids in, job status out. The {@code cardsavr:jobStatus} and {@code cardsavr:credentialRequests}
 * consumers start with no jobs ({@code dynamicJobs=true}); each job id read from {@link #NEW_JOBS_TOPIC}
 * is handed to both through producers on the same operation and {@code consumerName}. The consumers
 * let a job go by themselves when it terminates.
 */
public final class KafkaRoutes extends RouteBuilder {

    public static final String NEW_JOBS_TOPIC = "cardsavr.new-jobs";
    public static final String STATUS_TOPIC = "cardsavr.job-status";
    /**
     * Optional record header on {@link #NEW_JOBS_TOPIC}: the job creator's messaging access key, so the
     * consumer reads the creator's channel (every message from the first) instead of subscribing anew
     * (messages from then on). It is a secret: only use it on a topic you would trust with one.
     */
    public static final String ACCESS_KEY_HEADER = "cardsavrAccessKey";

    static final String CONSUMER_NAME = "kafka-jobs";

    private final RunOptions options;
    private final JobTracker tracker;
    private final CredentialAnswers answers;

    public KafkaRoutes(RunOptions options, JobTracker tracker, CredentialAnswers answers) {
        this.options = options;
        this.tracker = tracker;
        this.answers = answers;
    }

    @Override
    public void configure() {
        from("kafka:" + NEW_JOBS_TOPIC + "?groupId=cardsavr-example&autoOffsetReset=earliest")
                .routeId("new-jobs")
                .setHeader(CardsavrConstants.JOB_ID, body().convertTo(Long.class))
                .setHeader(CardsavrConstants.ACCESS_KEY, header(ACCESS_KEY_HEADER).convertToString())
                .to("cardsavr:jobStatus?consumerName=" + CONSUMER_NAME)
                .removeHeader(CardsavrConstants.ACCESS_KEY)
                .to("cardsavr:credentialRequests?consumerName=" + CONSUMER_NAME);

        // Keyed by job id: one partition per job, so a job's messages stay in order on the topic.
        from("cardsavr:jobStatus?dynamicJobs=true&consumerName=" + CONSUMER_NAME + options.pollOptions())
                .routeId("job-status-to-kafka")
                .setHeader(KafkaConstants.KEY, header(CardsavrConstants.JOB_ID).convertToString())
                .to("kafka:" + STATUS_TOPIC)
                .process(tracker);

        from("cardsavr:credentialRequests?dynamicJobs=true&consumerName=" + CONSUMER_NAME + options.pollOptions())
                .routeId("answer-credential-requests")
                .process(answers)
                .choice()
                    .when(header(CredentialAnswers.ANSWER_KIND).isEqualTo(CredentialAnswers.TFA))
                        .to("cardsavr:credentialResponse")
                    .when(header(CredentialAnswers.ANSWER_KIND).isEqualTo(CredentialAnswers.ACCOUNT_LINK))
                        .to("cardsavr:jobCredentials")
                .end();
    }
}
