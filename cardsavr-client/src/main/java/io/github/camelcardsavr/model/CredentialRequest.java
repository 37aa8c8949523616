package io.github.camelcardsavr.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A job's request for input: new credentials, a TFA code, security answers. Answer it with the same
 * envelope id. Types seen: {@code tfa}, {@code tfa_request}, {@code tfa_message}, {@code security},
 * {@code credential_request}, {@code initial_account_link}.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE,
                fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "job_id", "envelope_id", "account_link", "message" })
public final class CredentialRequest {

    private final String type;
    private final long jobId;
    private final String envelopeId;
    private final List<AccountLinkField> accountLink;
    private final boolean accountLinkPresent;
    private final Object payload;
    private final Map<String, Object> extras;
    private final SourceJson source;

    @JsonCreator
    CredentialRequest(@JsonProperty("type") String type,
                      @JsonProperty("job_id") Long jobId,
                      @JsonProperty("envelope_id") String envelopeId,
                      @JsonProperty("account_link") List<AccountLinkField> accountLink,
                      @JsonProperty("message") @JsonDeserialize(using = MessagePayloadDeserializer.class) Object payload,
                      @JsonAnySetter Map<String, Object> extras) {
        this.type = type;
        this.jobId = jobId != null ? jobId : 0L;
        this.envelopeId = envelopeId;
        this.accountLinkPresent = accountLink != null;
        this.accountLink = Extras.freezeList(accountLink);
        this.payload = payload;
        this.extras = Extras.freeze(extras);
        this.source = null;
    }

    private CredentialRequest(CredentialRequest typed, SourceJson source) {
        this.type = typed.type;
        this.jobId = typed.jobId;
        this.envelopeId = typed.envelopeId;
        this.accountLinkPresent = typed.accountLinkPresent;
        this.accountLink = typed.accountLink;
        this.payload = typed.payload;
        this.extras = typed.extras;
        this.source = source;
    }

    /**
     * This request together with the exact JSON text it was read from (the client attaches it when it reads a reply).
     *
     * @param json the UTF-8 JSON object this request was parsed from
     */
    public CredentialRequest withSourceJson(byte[] json) {
        return new CredentialRequest(this, SourceJson.of(json));
    }

    /** The JSON text this request was read from, or null when it was built in code. */
    public String getSourceJson() {
        return source == null ? null : source.text();
    }

    /** The UTF-8 bytes of {@link #getSourceJson()} (a copy), or null when the request was built in code. */
    public byte[] getSourceJsonBytes() {
        return source == null ? null : source.bytes();
    }

    /** A request without status or extras. */
    public static CredentialRequest of(String type, long jobId, String envelopeId, List<AccountLinkField> accountLink) {
        return new CredentialRequest(type, jobId, envelopeId, accountLink, null, null);
    }

    @JsonProperty("type")
    public String getType() {
        return type;
    }

    @JsonProperty("job_id")
    public long getJobId() {
        return jobId;
    }

    @JsonProperty("envelope_id")
    public String getEnvelopeId() {
        return envelopeId;
    }

    /** The requested fields; empty when the request named none. */
    public List<AccountLinkField> getAccountLink() {
        return accountLink;
    }

    @JsonProperty("account_link")
    private List<AccountLinkField> accountLinkForJson() {
        return accountLinkPresent ? accountLink : null;
    }

    /** The status object sent along, or null. */
    public JobStatus getStatus() {
        return payload instanceof JobStatus ? (JobStatus) payload : null;
    }

    /** The {@code message} member when it was a plain value, else null. */
    public String getMessageText() {
        return MessagePayloadDeserializer.textOf(payload);
    }

    @JsonProperty("message")
    private Object payloadForJson() {
        return payload;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtras() {
        return extras;
    }

    /** True for TFA-style requests ({@code tfa}, {@code tfa_request}, {@code tfa_message}). */
    public boolean isTfa() {
        return type != null && type.startsWith("tfa");
    }

    @Override
    public String toString() {
        return "CredentialRequest[type=" + type + ", jobId=" + jobId + ", envelopeId=" + envelopeId
                + ", fields=" + accountLink.stream().map(AccountLinkField::getKeyName).toList() + "]";
    }
}
