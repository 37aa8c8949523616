package io.github.camelcardsavr.consumer;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.engine.JobBuffer;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.CredentialRequest;
import io.github.camelcardsavr.model.JobStatus;
import org.apache.camel.Message;

/**
 * Fills the {@code CamelCardsavr*} headers from a model object.
 */
final class ExchangeHeaders {

    private ExchangeHeaders() {
    }

    static void fromMessage(Message in, JobBuffer job, CardsavrMessage m) {
        in.setBody(m);
        in.setHeader(CardsavrConstants.JOB_ID, m.getJobId());
        in.setHeader(CardsavrConstants.MESSAGE_TYPE, m.getType());
        if (m.getEnvelopeId() != null) {
            in.setHeader(CardsavrConstants.ENVELOPE_ID, m.getEnvelopeId());
        }
        status(in, m.getStatus());
        in.setHeader(CardsavrConstants.TERMINAL, m.isTerminal());
        if (job.isLate(m)) {
            in.setHeader(CardsavrConstants.RECOVERED_LATE, true);
        }
    }

    static void fromRequest(Message in, CredentialRequest r) {
        in.setBody(r);
        in.setHeader(CardsavrConstants.JOB_ID, r.getJobId());
        in.setHeader(CardsavrConstants.MESSAGE_TYPE, r.getType());
        in.setHeader(CardsavrConstants.ENVELOPE_ID, r.getEnvelopeId());
        status(in, r.getStatus());
    }

    private static void status(Message in, JobStatus s) {
        if (s == null) {
            return;
        }
        if (s.getStatus() != null) {
            in.setHeader(CardsavrConstants.STATUS, s.getStatus());
        }
        if (s.getPercentComplete() != null) {
            in.setHeader(CardsavrConstants.PERCENT_COMPLETE, s.getPercentComplete());
        }
        if (s.getTerminationType() != null) {
            in.setHeader(CardsavrConstants.TERMINATION_TYPE, s.getTerminationType());
        }
    }
}
