package io.github.camelcardsavr.simulator;

/**
 * A job the admin API created: its id, its cardholder, and the creator's implicit broadcast channel key
 * (creating a job subscribes its creator). Both accessor styles exist because tests were written against
 * the contract's prose; {@code toString} masks the access key.
 */
public record CreatedJob(long jobId, long cardholderId, String accessKey) {

    public long getJobId() {
        return jobId;
    }

    public long getCardholderId() {
        return cardholderId;
    }

    public String getAccessKey() {
        return accessKey;
    }

    @Override
    public String toString() {
        return "CreatedJob[jobId=" + jobId + ", cardholderId=" + cardholderId + ", accessKey=****]";
    }
}
