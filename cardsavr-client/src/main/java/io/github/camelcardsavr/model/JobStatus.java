package io.github.camelcardsavr.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code message} object of a job status message: {@code {"status":"UPDATING","percent_complete":54.5,
 * "job_timeout":855737,"termination_type":"BILLABLE",...}}. Percentages are fractional.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE,
                fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "status", "percent_complete", "auth_percent_complete", "job_timeout", "status_message",
        "termination_type", "termination_status_message" })
public final class JobStatus {

    private final String status;
    private final Double percentComplete;
    private final Double authPercentComplete;
    private final Long jobTimeout;
    private final String statusMessage;
    private final String terminationType;
    private final String terminationStatusMessage;
    private final Map<String, Object> extras;

    @JsonCreator
    JobStatus(@JsonProperty("status") String status,
              @JsonProperty("percent_complete") Double percentComplete,
              @JsonProperty("auth_percent_complete") Double authPercentComplete,
              @JsonProperty("job_timeout") Long jobTimeout,
              @JsonProperty("status_message") String statusMessage,
              @JsonProperty("termination_type") String terminationType,
              @JsonProperty("termination_status_message") String terminationStatusMessage,
              @JsonAnySetter Map<String, Object> extras) {
        this.status = status;
        this.percentComplete = percentComplete;
        this.authPercentComplete = authPercentComplete;
        this.jobTimeout = jobTimeout;
        this.statusMessage = statusMessage;
        this.terminationType = terminationType;
        this.terminationStatusMessage = terminationStatusMessage;
        this.extras = Extras.freeze(extras);
    }

    /** A status without extras, e.g. for tests or synthesised messages. */
    public static JobStatus of(String status, Double percentComplete, String terminationType) {
        return new JobStatus(status, percentComplete, null, null, null, terminationType, null, null);
    }

    @JsonProperty("status")
    public String getStatus() {
        return status;
    }

    @JsonProperty("percent_complete")
    public Double getPercentComplete() {
        return percentComplete;
    }

    @JsonProperty("auth_percent_complete")
    public Double getAuthPercentComplete() {
        return authPercentComplete;
    }

    @JsonProperty("job_timeout")
    public Long getJobTimeout() {
        return jobTimeout;
    }

    @JsonProperty("status_message")
    public String getStatusMessage() {
        return statusMessage;
    }

    @JsonProperty("termination_type")
    public String getTerminationType() {
        return terminationType;
    }

    @JsonProperty("termination_status_message")
    public String getTerminationStatusMessage() {
        return terminationStatusMessage;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtras() {
        return extras;
    }

    /** True when the job has ended: a termination type is set or the job reached 100 percent. */
    public boolean isTerminal() {
        return terminationType != null || (percentComplete != null && percentComplete >= 100.0);
    }

    /** True for any {@code PENDING*} status: the job waits for input from the cardholder. */
    public boolean isPending() {
        return status != null && status.startsWith("PENDING");
    }

    @Override
    public String toString() {
        return "JobStatus[status=" + status + ", percentComplete=" + percentComplete
                + (terminationType != null ? ", terminationType=" + terminationType : "") + "]";
    }
}
