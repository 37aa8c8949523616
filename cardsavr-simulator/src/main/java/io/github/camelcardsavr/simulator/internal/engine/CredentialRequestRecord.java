package io.github.camelcardsavr.simulator.internal.engine;

import java.util.List;
import java.util.Map;

/**
 * An open credential request. {@code json} is what {@code GET .../credential_requests} returns for it;
 * it stays until answered or until {@code expiresAtMillis} on the simulator clock.
 */
record CredentialRequestRecord(String envelopeId, String type, List<String> fields, long expiresAtMillis,
        Map<String, Object> json) {
}
