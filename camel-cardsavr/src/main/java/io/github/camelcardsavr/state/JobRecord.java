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
 */
public record JobRecord(String accessKey, boolean accessKeyUnreadable, boolean terminated, List<CardsavrMessage> pending,
        long timesOutAt) {

    public JobRecord {
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    public static JobRecord of(String accessKey, boolean terminated, List<CardsavrMessage> pending) {
        return new JobRecord(accessKey, false, terminated, pending, 0);
    }

    public JobRecord timingOutAt(long epochMillis) {
        return new JobRecord(accessKey, accessKeyUnreadable, terminated, pending, epochMillis);
    }

    @Override
    public String toString() {
        return "JobRecord[terminated=" + terminated + ", pending=" + pending.size() + "]";
    }
}
