package io.github.camelcardsavr.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * One message from a job broadcast or cardholder channel, e.g. {@code {"type":"job_status","job_id":101,
 * "message":{"status":"AUTH","percent_complete":1.5}}}. {@code job_id} may arrive as a number or a numeric
 * string; {@code message} may be a status object or a plain string.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE,
                fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "job_id", "envelope_id", "message" })
@JsonDeserialize(using = CardsavrMessageDeserializer.class)
public final class CardsavrMessage {

    /** The {@code type} of status messages. */
    public static final String TYPE_JOB_STATUS = "job_status";

    private final String type;
    private final long jobId;
    private final String envelopeId;
    private final Object payload;
    private final Map<String, Object> extras;
    private final SourceJson source;

    CardsavrMessage(String type, Long jobId, String envelopeId, Object payload, Map<String, Object> extras) {
        this(type, jobId != null ? jobId : 0L, envelopeId, payload, Extras.freeze(extras), null);
    }

    private CardsavrMessage(String type, long jobId, String envelopeId, Object payload, Map<String, Object> extras,
                            SourceJson source) {
        this.type = type;
        this.jobId = jobId;
        this.envelopeId = envelopeId;
        this.payload = payload;
        this.extras = extras;
        this.source = source;
    }

    /**
     * This message together with the exact JSON text it was read from (the client attaches it when it reads a reply),
     * so that routes pass on what the server sent rather than a re-serialisation.
     *
     * @param json the UTF-8 JSON object this message was parsed from
     */
    public CardsavrMessage withSourceJson(byte[] json) {
        return new CardsavrMessage(type, jobId, envelopeId, payload, extras, SourceJson.of(json));
    }

    /** The JSON text this message was read from, or null when it was built in code. */
    public String getSourceJson() {
        return source == null ? null : source.text();
    }

    /** The UTF-8 bytes of {@link #getSourceJson()} (a copy), or null when the message was built in code. */
    public byte[] getSourceJsonBytes() {
        return source == null ? null : source.bytes();
    }

    /** A job status message without extras. */
    public static CardsavrMessage jobStatus(long jobId, JobStatus status) {
        return new CardsavrMessage(TYPE_JOB_STATUS, jobId, null, status, null);
    }

    /** A message of any type with a plain-string {@code message}. */
    public static CardsavrMessage withText(String type, long jobId, String envelopeId, String text) {
        return new CardsavrMessage(type, jobId, envelopeId, text, null);
    }

    @JsonProperty("type")
    public String getType() {
        return type;
    }

    @JsonProperty("job_id")
    public long getJobId() {
        return jobId;
    }

    /** The envelope id of credential-request style messages, else null. */
    @JsonProperty("envelope_id")
    public String getEnvelopeId() {
        return envelopeId;
    }

    /** The status object, or null when {@code message} was absent or not an object. */
    public JobStatus getStatus() {
        return payload instanceof JobStatus ? (JobStatus) payload : null;
    }

    /** The {@code message} member when it was a plain value (usually a string), else null. */
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

    public boolean isJobStatus() {
        return TYPE_JOB_STATUS.equals(type);
    }

    /** True when this message ends its job (termination type set, or 100 percent reached). */
    public boolean isTerminal() {
        JobStatus status = getStatus();
        return status != null && status.isTerminal();
    }

    @Override
    public String toString() {
        JobStatus status = getStatus();
        return "CardsavrMessage[type=" + type + ", jobId=" + jobId
                + (status != null ? ", status=" + status.getStatus() + ", percentComplete=" + status.getPercentComplete()
                        + (status.getTerminationType() != null ? ", terminationType=" + status.getTerminationType() : "")
                        : "")
                + (envelopeId != null ? ", envelopeId=" + envelopeId : "") + "]";
    }
}
