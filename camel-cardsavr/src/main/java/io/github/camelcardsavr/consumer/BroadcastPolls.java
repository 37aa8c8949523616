package io.github.camelcardsavr.consumer;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.client.ParsedList;
import io.github.camelcardsavr.engine.ChannelReply;
import io.github.camelcardsavr.engine.ChannelType;
import io.github.camelcardsavr.engine.JobBuffers;
import io.github.camelcardsavr.engine.PolledChannel;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobStatus consumer's call: drain one job's broadcast channel with its access key, subscribing first when the
 * job has none and again when the server rejects the key.
 * <p>
 * Subscribing again abandons what still waits on the old key, so a rejection must be the server's word: one whose
 * signature the client verified, or the second unverified rejection of the same key with no successful poll between.
 * A single forged (or merely unsigned) 401 {@code InvalidAccessKey} therefore costs one failed poll, not the channel.
 */
final class BroadcastPolls implements ChannelType {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastPolls.class);

    private final CardsavrClient client;
    // job id -> the key an unverified rejection blamed; at most one entry per polled job, cleared by the next success
    private final Map<Long, String> doubtedKeys = new ConcurrentHashMap<>();

    BroadcastPolls(CardsavrClient client) {
        this.client = client;
    }

    @Override
    public String callName() {
        return "broadcast poll of job";
    }

    @Override
    public CompletableFuture<ChannelReply> call(PolledChannel channel) {
        long id = channel.id();
        String knownKey = channel.accessKey();
        AtomicReference<String> obtained = new AtomicReference<>();
        CompletableFuture<String> key = knownKey != null
                ? CompletableFuture.completedFuture(knownKey) : subscribe(id, obtained);
        return key.thenCompose(k -> client.pollJobBroadcasts(id, k))
                .exceptionallyCompose(e -> {
                    Throwable cause = CardsavrClient.unwrap(e);
                    if (knownKey != null && cause instanceof CardsavrException ce && ce.isAccessKeyRejected()
                        && isTrusted(id, knownKey, ce)) {
                        LOG.warn("CardSavr rejected the access key of job {} (HTTP {}, {}); subscribing again. Messages"
                                 + " still queued for the old key are not received.", id, ce.getStatusCode(),
                                 ce.isVerified() ? "signed reply" : "second unverified reply in a row");
                        return subscribe(id, obtained).thenCompose(k -> client.pollJobBroadcasts(id, k));
                    }
                    return CompletableFuture.failedFuture(cause);
                })
                .handle((messages, e) -> {
                    if (e == null) {
                        doubtedKeys.remove(id);
                        return ChannelReply.ok(channel, messages, malformed(messages), obtained.get());
                    }
                    return ChannelReply.failed(channel, CardsavrClient.unwrap(e), obtained.get());
                });
    }

    /** A verified rejection, or the second unverified one of the same key; the first is remembered and kept. */
    private boolean isTrusted(long jobId, String key, CardsavrException rejection) {
        String doubted = doubtedKeys.remove(jobId);
        if (rejection.isVerified() || key.equals(doubted)) {
            return true;
        }
        doubtedKeys.put(jobId, key);
        LOG.debug("Unverified rejection of the access key of job {}: keeping the key until a second one in a row", jobId);
        return false;
    }

    static CardsavrException malformed(ParsedList<?> reply) {
        return reply.hasMalformed() ? CardsavrClient.malformedReport("reply", reply) : null;
    }

    private CompletableFuture<String> subscribe(long jobId, AtomicReference<String> obtained) {
        return client.subscribe(jobId).thenApply(Subscription::getAccessKey).thenApply(k -> {
            if (k == null || k.isEmpty()) {
                throw new CardsavrException(CardsavrException.Reason.MALFORMED_BODY,
                        "Subscribing to job " + jobId + " returned no access_key");
            }
            obtained.set(k);
            return k;
        });
    }

    @Override
    public void accept(ChannelReply reply, JobBuffers buffers) {
        if (!reply.items().isEmpty()) {
            buffers.of(reply.channel().id()).append(reply.items());
        }
    }

    @Override
    public void forget(long jobId) {
        doubtedKeys.remove(jobId);
    }

    static CardsavrMessage message(Object item) {
        return (CardsavrMessage) item;
    }
}
