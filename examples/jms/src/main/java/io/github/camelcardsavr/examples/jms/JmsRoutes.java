package io.github.camelcardsavr.examples.jms;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.examples.support.JobTracker;
import io.github.camelcardsavr.examples.support.RunOptions;
import org.apache.camel.builder.RouteBuilder;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CardSavr on one side, JMS queues on the other: messages out by type, credential requests out to
 * whoever answers them, answers back in.
 *
 * <p>camel-jms does not copy {@code Camel*} headers onto JMS messages, so the routes copy what a JMS
 * listener needs into plain JMS properties ({@link #JOB_ID} and friends) and back.
 */
public final class JmsRoutes extends RouteBuilder {

    /** One queue per message type: {@code cardsavr.messages.job_status}, ... */
    public static final String MESSAGE_QUEUE_PREFIX = "cardsavr.messages.";
    public static final String REQUEST_QUEUE = "cardsavr.credential-requests";
    public static final String REPLY_QUEUE = "cardsavr.credential-replies";

    /** JMS properties. */
    public static final String JOB_ID = "cardsavrJobId";
    public static final String STATUS = "cardsavrStatus";
    public static final String ENVELOPE_ID = "cardsavrEnvelopeId";
    public static final String REQUEST_TYPE = "cardsavrRequestType";

    private final long cardholderId;
    private final List<Long> jobIds;
    private final RunOptions options;
    private final JobTracker tracker;

    public JmsRoutes(long cardholderId, List<Long> jobIds, RunOptions options, JobTracker tracker) {
        this.cardholderId = cardholderId;
        this.jobIds = List.copyOf(jobIds);
        this.options = options;
        this.tracker = tracker;
    }

    @Override
    public void configure() {
        from("cardsavr:cardholderMessages?cardholderId=" + cardholderId + options.pollOptions())
                .routeId("messages-by-type")
                .setHeader(JOB_ID, header(CardsavrConstants.JOB_ID))
                .setHeader(STATUS, header(CardsavrConstants.STATUS))
                .toD("jms:queue:" + MESSAGE_QUEUE_PREFIX + "${header." + CardsavrConstants.MESSAGE_TYPE + "}"
                        + "?jmsMessageType=Text")
                .process(tracker);

        from("cardsavr:credentialRequests?jobId=" + joined(jobIds) + options.pollOptions())
                .routeId("requests-to-queue")
                .setHeader(JOB_ID, header(CardsavrConstants.JOB_ID))
                .setHeader(ENVELOPE_ID, header(CardsavrConstants.ENVELOPE_ID))
                .setHeader(REQUEST_TYPE, header(CardsavrConstants.MESSAGE_TYPE))
                .to("jms:queue:" + REQUEST_QUEUE + "?jmsMessageType=Text");

        // The reply body is the answer (a TFA code, or "success" once new credentials were entered
        // elsewhere); credentialResponse posts it for the job and envelope named in the headers.
        from("jms:queue:" + REPLY_QUEUE)
                .routeId("replies-to-cardsavr")
                .setHeader(CardsavrConstants.JOB_ID, header(JOB_ID))
                .setHeader(CardsavrConstants.ENVELOPE_ID, header(ENVELOPE_ID))
                .setHeader(CardsavrConstants.MESSAGE_TYPE, header(REQUEST_TYPE))
                .to("cardsavr:credentialResponse");
    }

    private static String joined(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
