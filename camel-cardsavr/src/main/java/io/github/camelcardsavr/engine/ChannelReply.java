package io.github.camelcardsavr.engine;

import java.util.ArrayList;
import java.util.List;

import io.github.camelcardsavr.client.CardsavrException;

/**
 * The outcome of one call of one channel, handed from the HTTP client's thread to the delivery thread.
 *
 * @param items     what the server returned, well-formed elements only, oldest first (empty on failure)
 * @param malformed elements of the reply that could not be read, or null (their neighbours are in {@code items})
 * @param failure   why the call failed, or null
 * @param partFailed why a part of the call failed whose other part succeeded (a recovery reading taken together with a
 *                  successful poll), or null: reported like {@code malformed}, while {@code items} are routed
 * @param accessKey a key the call obtained (subscribing), or null; kept even when the call then failed
 * @param called    false when the call was never made because the consumer stopped: the reply only frees the channel
 * @param changed   something the state store keeps about the channel changed besides its access key (e.g. a
 *                  recovery registration)
 * @param recovered a recovery channel was read: after an uncertain failure, or as the job ended
 * @param recoveredFrom the items from this index up to {@code recoveredTo} came from a recovery channel (the others
 *                      from the primary one)
 * @param last      the channel's last call: its job ended and this call drained what was left
 */
public record ChannelReply(PolledChannel channel, List<?> items, CardsavrException malformed, Throwable failure,
        Throwable partFailed, String accessKey, boolean called, boolean changed, boolean recovered, int recoveredFrom,
        int recoveredTo, boolean last) {

    public static ChannelReply ok(PolledChannel channel, List<?> items, CardsavrException malformed, String accessKey) {
        List<?> all = items == null ? List.of() : items;
        return new ChannelReply(channel, all, malformed, null, null, accessKey, true, false, false, 0, 0, false);
    }

    public static ChannelReply failed(PolledChannel channel, Throwable failure, String accessKey) {
        return new ChannelReply(channel, List.of(), null, failure, null, accessKey, true, false, false, 0, 0, false);
    }

    static ChannelReply skipped(PolledChannel channel) {
        return new ChannelReply(channel, List.of(), null, null, null, null, false, false, false, 0, 0, false);
    }

    /** This reply, noting that state the store keeps changed. */
    public ChannelReply changingState(boolean changedState) {
        return !changedState || changed ? this
                : new ChannelReply(channel, items, malformed, failure, partFailed, accessKey, called, true, recovered,
                        recoveredFrom, recoveredTo, last);
    }

    /** This reply, as what a read of the recovery channel brought (and, if {@code lastCall}, the channel's last). */
    public ChannelReply fromRecovery(boolean lastCall) {
        return new ChannelReply(channel, items, malformed, failure, partFailed, accessKey, called, changed, true, 0,
                items.size(),
                lastCall);
    }

    /** This reply followed by messages a recovery channel brought. */
    public ChannelReply withRecovered(List<?> late) {
        if (late.isEmpty()) {
            return this;
        }
        List<Object> all = new ArrayList<>(items.size() + late.size());
        all.addAll(items);
        all.addAll(late);
        int from = recovered ? Math.min(recoveredFrom, items.size()) : items.size();
        return new ChannelReply(channel, all, malformed, failure, partFailed, accessKey, called, changed, true, from,
                all.size(),
                last);
    }

    /**
     * This successful reply of a primary channel preceded by a successful reading of the recovery channel that holds
     * everything it holds and more: the recovery channel's items first, so that they are routed and this reply's
     * copies are recognised as their twins.
     */
    public ChannelReply precededBy(ChannelReply recovery) {
        List<Object> all = new ArrayList<>(recovery.items.size() + items.size());
        all.addAll(recovery.items);
        all.addAll(items);
        return new ChannelReply(channel, all, malformed != null ? malformed : recovery.malformed, null, partFailed,
                accessKey, called, changed || recovery.changed, true, 0, recovery.items.size(), recovery.last);
    }

    /** This successful reply, with a part of its call that failed (see {@code partFailed}). */
    public ChannelReply withPartFailed(Throwable cause) {
        return new ChannelReply(channel, items, malformed, failure, cause, accessKey, called, changed, recovered,
                recoveredFrom, recoveredTo, last);
    }

    /** Whether the item at this index came from a recovery channel. */
    public boolean isFromRecovery(int index) {
        return index >= recoveredFrom && index < recoveredTo;
    }

    /** An empty success with nothing new: the I/O thread counts it, the delivery thread never sees it. */
    boolean isQuiet() {
        return called && failure == null && malformed == null && partFailed == null && items.isEmpty() && !changed
               && !recovered && !last && (accessKey == null || accessKey.equals(channel.accessKey()));
    }

    @Override
    public String toString() {
        // records print every component by default; the access key is a secret
        return "ChannelReply[" + channel.id() + ", items=" + items.size() + ", failed=" + (failure != null)
               + (called ? "" : ", not called") + "]";
    }
}
