package io.github.camelcardsavr.simulator;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A snapshot of one simulated job for assertions: where it is, what was delivered, what was answered.
 * Both accessor styles ({@code status()} and {@code getStatus()}) are offered; {@code toString} masks
 * the access keys.
 *
 * @param broadcastPolls polls per access key (every channel of the job, revoked ones included)
 * @param messagesPublished job messages put on the job's channels (each counted once, not per channel)
 * @param messagesDelivered messages handed out by broadcast polls, summed over the job's channels
 * @param cardholderMessagesDelivered messages of this job handed out by cardholder polls
 * @param messagesExpired messages dropped from the job's channels because the retention passed
 */
public record JobView(long jobId, long cardholderId, String site, String status, double percentComplete,
        String terminationType, boolean terminated, long messagesPublished, long messagesDelivered,
        long cardholderMessagesDelivered, long messagesExpired, Map<String, Integer> broadcastPolls,
        int credentialRequestPolls, List<OpenCredentialRequest> openCredentialRequests,
        List<ReceivedAnswer> answers) {

    public JobView {
        broadcastPolls = Map.copyOf(broadcastPolls);
        openCredentialRequests = List.copyOf(openCredentialRequests);
        answers = List.copyOf(answers);
    }

    public long getJobId() {
        return jobId;
    }

    public long getCardholderId() {
        return cardholderId;
    }

    public String getSite() {
        return site;
    }

    public String getStatus() {
        return status;
    }

    public double getPercentComplete() {
        return percentComplete;
    }

    public String getTerminationType() {
        return terminationType;
    }

    public boolean isTerminated() {
        return terminated;
    }

    public long getMessagesPublished() {
        return messagesPublished;
    }

    public long getMessagesDelivered() {
        return messagesDelivered;
    }

    public long getCardholderMessagesDelivered() {
        return cardholderMessagesDelivered;
    }

    public long getMessagesExpired() {
        return messagesExpired;
    }

    public Map<String, Integer> getBroadcastPolls() {
        return broadcastPolls;
    }

    /** All broadcast polls of this job, over every access key. */
    public int totalBroadcastPolls() {
        return broadcastPolls.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int getCredentialRequestPolls() {
        return credentialRequestPolls;
    }

    public List<OpenCredentialRequest> getOpenCredentialRequests() {
        return openCredentialRequests;
    }

    public List<ReceivedAnswer> getAnswers() {
        return answers;
    }

    @Override
    public String toString() {
        return "JobView[jobId=" + jobId + ", cardholderId=" + cardholderId + ", site=" + site + ", status=" + status
                + ", percentComplete=" + percentComplete + ", terminationType=" + terminationType
                + ", messagesPublished=" + messagesPublished + ", messagesDelivered=" + messagesDelivered
                + ", broadcastPolls=" + broadcastPolls.values().stream().map(String::valueOf)
                        .collect(Collectors.joining(",", "[", "]"))
                + ", openCredentialRequests=" + openCredentialRequests.size() + ", answers=" + answers.size() + "]";
    }
}
