package io.github.camelcardsavr.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What is posted to {@code .../credential_responses}: {@code {"envelope_id","type","message"}}. The message
 * is the cardholder's answer (a TFA code, or "success" after a credential update) and is never printed.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE,
                fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({ "envelope_id", "type", "message" })
public final class CredentialResponse {

    private final String envelopeId;
    private final String type;
    private final String message;

    private CredentialResponse(String envelopeId, String type, String message) {
        this.envelopeId = envelopeId;
        this.type = type;
        this.message = message;
    }

    /**
     * @param envelopeId the envelope id of the request being answered
     * @param type       the request type being answered, e.g. {@code tfa_request} or {@code credential_request}
     * @param message    the answer
     * @throws IllegalArgumentException when a value is missing
     */
    public static CredentialResponse of(String envelopeId, String type, String message) {
        requireText(envelopeId, "envelopeId");
        requireText(type, "type");
        Objects.requireNonNull(message, "message");
        return new CredentialResponse(envelopeId, type, message);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CredentialResponse needs a non-blank " + name);
        }
    }

    @JsonProperty("envelope_id")
    public String getEnvelopeId() {
        return envelopeId;
    }

    @JsonProperty("type")
    public String getType() {
        return type;
    }

    @JsonProperty("message")
    public String getMessage() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CredentialResponse)) {
            return false;
        }
        CredentialResponse other = (CredentialResponse) o;
        return envelopeId.equals(other.envelopeId) && type.equals(other.type) && message.equals(other.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(envelopeId, type, message);
    }

    @Override
    public String toString() {
        return "CredentialResponse[envelopeId=" + envelopeId + ", type=" + type + ", message=****]";
    }
}
