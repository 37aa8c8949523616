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
 */
public record JobRecord(String accessKey, boolean accessKeyUnreadable, boolean terminated, List<CardsavrMessage> pending) {

    public JobRecord {
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    public static JobRecord of(String accessKey, boolean terminated, List<CardsavrMessage> pending) {
        return new JobRecord(accessKey, false, terminated, pending);
    }

    @Override
    public String toString() {
        return "JobRecord[terminated=" + terminated + ", pending=" + pending.size() + "]";
    }
}
