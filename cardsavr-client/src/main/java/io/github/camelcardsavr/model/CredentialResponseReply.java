package io.github.camelcardsavr.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** The server's acknowledgement of a credential response: {@code {"type":"credential_response","job_id":101,"envelope_id":"..","message":"submitted"}}. */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE,
                fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "job_id", "envelope_id", "message" })
public final class CredentialResponseReply {

    private final String type;
    private final long jobId;
    private final String envelopeId;
    private final Object payload;
    private final Map<String, Object> extras;

    @JsonCreator
    CredentialResponseReply(@JsonProperty("type") String type,
                            @JsonProperty("job_id") Long jobId,
                            @JsonProperty("envelope_id") String envelopeId,
                            @JsonProperty("message") @JsonDeserialize(using = MessagePayloadDeserializer.class) Object payload,
                            @JsonAnySetter Map<String, Object> extras) {
        this.type = type;
        this.jobId = jobId != null ? jobId : 0L;
        this.envelopeId = envelopeId;
        this.payload = payload;
        this.extras = Extras.freeze(extras);
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

    /** Usually {@code "submitted"}; null when the server sent no plain message. */
    public String getMessage() {
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

    @Override
    public String toString() {
        return "CredentialResponseReply[type=" + type + ", jobId=" + jobId + ", envelopeId=" + envelopeId
                + ", message=" + getMessage() + "]";
    }
}
