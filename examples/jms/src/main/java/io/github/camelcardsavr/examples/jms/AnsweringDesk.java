package io.github.camelcardsavr.examples.jms;

import io.github.camelcardsavr.examples.support.AnswersFile;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Stands in for whatever answers credential requests in real life (a support desk, a mobile app's
 * back end): a plain JMS listener, no Camel, that reads the request queue and puts an answer on the
 * reply queue with the request's properties. Its answers come from the answers file.
 */
public final class AnsweringDesk implements MessageListener, AutoCloseable {

    /** A request the desk saw and whether it could answer it. */
    public record Request(long jobId, String type, String envelopeId, boolean answered) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AnsweringDesk.class);

    private final JMSContext context;
    private final AnswersFile answers;
    private final LongFunction<String> siteOfJob;
    private final List<Request> seen = new ArrayList<>();

    private AnsweringDesk(JMSContext context, AnswersFile answers, LongFunction<String> siteOfJob) {
        this.context = context;
        this.answers = answers;
        this.siteOfJob = siteOfJob;
    }

    public static AnsweringDesk open(ConnectionFactory connectionFactory, AnswersFile answers,
            LongFunction<String> siteOfJob) {
        JMSContext context = connectionFactory.createContext();
        AnsweringDesk desk = new AnsweringDesk(context, answers, siteOfJob);
        context.createConsumer(context.createQueue(JmsRoutes.REQUEST_QUEUE)).setMessageListener(desk);
        return desk;
    }

    @Override
    public void onMessage(Message request) {
        try {
            long jobId = request.getLongProperty(JmsRoutes.JOB_ID);
            String type = request.getStringProperty(JmsRoutes.REQUEST_TYPE);
            String envelopeId = request.getStringProperty(JmsRoutes.ENVELOPE_ID);
            Optional<String> answer = answers.answer(siteOfJob.apply(jobId), type);
            record(new Request(jobId, type, envelopeId, answer.isPresent()));
            if (answer.isEmpty()) {
                LOG.warn("No answer in {} for job {}'s {} request", answers.source(), jobId, type);
                return;
            }
            TextMessage reply = context.createTextMessage(answer.get());
            reply.setLongProperty(JmsRoutes.JOB_ID, jobId);
            reply.setStringProperty(JmsRoutes.REQUEST_TYPE, type);
            reply.setStringProperty(JmsRoutes.ENVELOPE_ID, envelopeId);
            context.createProducer().send(context.createQueue(JmsRoutes.REPLY_QUEUE), reply);
        } catch (JMSException e) {
            // Thrown from onMessage the message would be redelivered: the right outcome for a broken read.
            throw new IllegalStateException("Could not answer a credential request", e);
        }
    }

    public synchronized List<Request> requestsSeen() {
        return List.copyOf(seen);
    }

    private synchronized void record(Request request) {
        seen.add(request);
    }

    @Override
    public void close() {
        context.close();
    }
}
