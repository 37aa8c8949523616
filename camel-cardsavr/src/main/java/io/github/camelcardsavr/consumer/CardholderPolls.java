package io.github.camelcardsavr.consumer;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.engine.ChannelReply;
import io.github.camelcardsavr.engine.ChannelType;
import io.github.camelcardsavr.engine.JobBuffers;
import io.github.camelcardsavr.engine.PolledChannel;
import io.github.camelcardsavr.model.CardsavrMessage;

/**
 * The cardholderMessages consumer's call: one poll returns the messages of every job of the cardholder, which go to
 * the buffers of their jobs. One call covers all the jobs, so while any job's buffer is full the cardholder waits.
 */
final class CardholderPolls implements ChannelType {

    private final CardsavrClient client;

    CardholderPolls(CardsavrClient client) {
        this.client = client;
    }

    @Override
    public String callName() {
        return "poll of cardholder";
    }

    @Override
    public CompletableFuture<ChannelReply> call(PolledChannel channel) {
        return client.pollCardholderMessages(channel.id())
                .handle((messages, e) -> e == null
                        ? ChannelReply.ok(channel, messages, BroadcastPolls.malformed(messages), null)
                        : ChannelReply.failed(channel, CardsavrClient.unwrap(e), null));
    }

    @Override
    public void accept(ChannelReply reply, JobBuffers buffers) {
        for (Object item : reply.items()) {
            buffers.of(((CardsavrMessage) item).getJobId()).append(List.of(item));
        }
    }

    @Override
    public boolean isBlocked(PolledChannel channel, JobBuffers buffers, int maxBuffered) {
        return buffers.anyFull(maxBuffered);
    }
}
