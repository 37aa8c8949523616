package io.github.camelcardsavr.model;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A broadcast channel registration: the access key that polls one job's status messages. */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE,
                fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "job_id", "access_key" })
public final class Subscription {

    private final long jobId;
    private final String accessKey;
    private final Map<String, Object> extras;

    @JsonCreator
    Subscription(@JsonProperty("job_id") Long jobId,
                 @JsonProperty("access_key") String accessKey,
                 @JsonAnySetter Map<String, Object> extras) {
        this.jobId = jobId != null ? jobId : 0L;
        this.accessKey = accessKey;
        this.extras = Extras.freeze(extras);
    }

    public static Subscription of(long jobId, String accessKey) {
        return new Subscription(jobId, accessKey, null);
    }

    /** This subscription for the given job (the registration reply usually names no job). */
    public Subscription withJobId(long newJobId) {
        return newJobId == jobId ? this : new Subscription(newJobId, accessKey, extras);
    }

    /** The job, or 0 when unknown. */
    @JsonProperty("job_id")
    public long getJobId() {
        return jobId;
    }

    @JsonProperty("access_key")
    public String getAccessKey() {
        return accessKey;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Subscription)) {
            return false;
        }
        Subscription other = (Subscription) o;
        return jobId == other.jobId && Objects.equals(accessKey, other.accessKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobId, accessKey);
    }

    @Override
    public String toString() {
        return "Subscription[jobId=" + jobId + ", accessKey=" + (accessKey == null ? "null" : "****") + "]";
    }
}
