package io.github.camelcardsavr.simulator;

import java.time.Instant;
import java.util.List;

/** A credential request that waits for an answer until {@code expiresAt} (simulator clock). */
public record OpenCredentialRequest(String envelopeId, String type, List<String> fields, Instant expiresAt) {

    public OpenCredentialRequest {
        fields = List.copyOf(fields);
    }

    public String getEnvelopeId() {
        return envelopeId;
    }

    public String getType() {
        return type;
    }

    public List<String> getFields() {
        return fields;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
