package io.github.camelcardsavr.state;

import java.util.List;

import io.github.camelcardsavr.model.CardsavrMessage;

/**
 * What a consumer remembers about one job across restarts.
 *
 * @param accessKey           the job's messaging access key (plain; sealed only in the repository), or null
 * @param accessKeyUnreadable a key was stored but could not be unsealed (credentials changed)
 * @param terminated          the job's last message was received: never poll it again
 * @param pending             messages received from the server and not yet processed successfully, oldest first
 * @param timesOutAt          epoch milliseconds at which the job's latest message said it times out, or 0 when unknown
 * @param recoveryKey         the access key of the job's recovery channel (plain; sealed in the repository), or null
 * @param fingerprints        fingerprints of the job's messages received so far, oldest first (see
 *                            {@code MessageFingerprint})
 */
public record JobRecord(String accessKey, boolean accessKeyUnreadable, boolean terminated, List<CardsavrMessage> pending,
        long timesOutAt, String recoveryKey, long[] fingerprints) {

    private static final long[] NONE = new long[0];

    public JobRecord {
        pending = pending == null ? List.of() : List.copyOf(pending);
        fingerprints = fingerprints == null ? NONE : fingerprints;
    }

    public static JobRecord of(String accessKey, boolean terminated, List<CardsavrMessage> pending) {
        return new JobRecord(accessKey, false, terminated, pending, 0, null, NONE);
    }

    public JobRecord timingOutAt(long epochMillis) {
        return new JobRecord(accessKey, accessKeyUnreadable, terminated, pending, epochMillis, recoveryKey, fingerprints);
    }

    public JobRecord withRecovery(String key, long[] seen) {
        return new JobRecord(accessKey, accessKeyUnreadable, terminated, pending, timesOutAt, key, seen);
    }

    @Override
    public String toString() {
        return "JobRecord[terminated=" + terminated + ", pending=" + pending.size() + ", fingerprints="
               + fingerprints.length + "]";
    }
}
