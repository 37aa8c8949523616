package io.github.camelcardsavr.engine;

import java.util.List;

import io.github.camelcardsavr.client.CardsavrException;

/**
 * The outcome of one call of one channel, handed from the HTTP client's thread to the delivery thread.
 *
 * @param items     what the server returned, well-formed elements only, oldest first (empty on failure)
 * @param malformed elements of the reply that could not be read, or null (their neighbours are in {@code items})
 * @param failure   why the call failed, or null
 * @param accessKey a key the call obtained (subscribing), or null; kept even when the call then failed
 * @param called    false when the call was never made because the consumer stopped: the reply only frees the channel
 */
public record ChannelReply(PolledChannel channel, List<?> items, CardsavrException malformed, Throwable failure,
        String accessKey, boolean called) {

    public static ChannelReply ok(PolledChannel channel, List<?> items, CardsavrException malformed, String accessKey) {
        return new ChannelReply(channel, items == null ? List.of() : items, malformed, null, accessKey, true);
    }

    public static ChannelReply failed(PolledChannel channel, Throwable failure, String accessKey) {
        return new ChannelReply(channel, List.of(), null, failure, accessKey, true);
    }

    static ChannelReply skipped(PolledChannel channel) {
        return new ChannelReply(channel, List.of(), null, null, null, false);
    }

    /** An empty success with nothing new: the I/O thread counts it, the delivery thread never sees it. */
    boolean isQuiet() {
        return called && failure == null && malformed == null && items.isEmpty()
               && (accessKey == null || accessKey.equals(channel.accessKey()));
    }

    @Override
    public String toString() {
        // records print every component by default; the access key is a secret
        return "ChannelReply[" + channel.id() + ", items=" + items.size() + ", failed=" + (failure != null)
               + (called ? "" : ", not called") + "]";
    }
}
