package io.github.camelcardsavr.simulator;

import java.time.Instant;

/**
 * An answer the simulator received for a credential request. The answered value is deliberately absent
 * (it is a secret: a TFA code or a password); tests read it through {@link SimulatorAdmin#answerValues}.
 *
 * @param via {@code credential_responses} (messages endpoint) or {@code job_put} (PUT job with envelope header)
 */
public record ReceivedAnswer(String envelopeId, String type, String via, Instant receivedAt) {

    public static final String VIA_MESSAGES = "credential_responses";
    public static final String VIA_JOB_PUT = "job_put";

    public String getEnvelopeId() {
        return envelopeId;
    }

    public String getType() {
        return type;
    }

    public String getVia() {
        return via;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
