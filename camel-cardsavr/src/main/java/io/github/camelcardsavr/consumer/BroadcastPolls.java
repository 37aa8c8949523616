package io.github.camelcardsavr.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.client.ParsedList;
import io.github.camelcardsavr.engine.ChannelReply;
import io.github.camelcardsavr.engine.ChannelType;
import io.github.camelcardsavr.engine.JobBuffer;
import io.github.camelcardsavr.engine.JobBuffers;
import io.github.camelcardsavr.engine.MessageFingerprint;
import io.github.camelcardsavr.engine.PolledChannel;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.Subscription;
import io.github.camelcardsavr.state.JobRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobStatus consumer's call: drain one job's broadcast channel with its access key, subscribing first when the
 * job has none and again when the server rejects the key.
 * <p>
 * With {@code recoveryChannel} (the default) every job also has a second registration, made before its first, that is
 * left alone while polls succeed. Every registration gets its own copy of the job's messages, and the server keeps
 * them for an hour, so after an <em>uncertain</em> failure (a reply that may have drained the primary channel and
 * never arrived or could not be read) the job's next call reads the recovery channel instead; messages already
 * received are recognised by their fingerprints and skipped, the rest are routed in the job's order. When the job has ended, one last call drains the
 * recovery channel.
 * <p>
 * Subscribing again abandons what still waits on the old key, so a rejection must be the server's word: one whose
 * signature the client verified, or the second unverified rejection of the same key with no successful poll between.
 * A single forged (or merely unsigned) 401 {@code InvalidAccessKey} therefore costs one failed poll, not the channel.
 */
final class BroadcastPolls implements ChannelType {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastPolls.class);

    private static final Duration MIN_RECOVERY_TIMEOUT = Duration.ofSeconds(30);

    private final CardsavrClient client;
    // job id -> the key an unverified rejection blamed; at most one entry per polled job, cleared by the next success
    private final Map<Long, String> doubtedKeys = new ConcurrentHashMap<>();
    private final boolean recoveryChannel;
    private final Duration recoveryTimeout;
    // a job's calls never overlap, so each entry is written by one call at a time; the delivery thread reads it
    private final Map<Long, Recovery> recovery = new ConcurrentHashMap<>();

    /** A job's second registration. */
    private static final class Recovery {
        volatile String key;
        /** A poll failed in a way that may have drained the primary channel: the next call reads this one. */
        volatile boolean pending;
        /**
         * A reading of this channel failed in a way that may or may not have taken what it held: the next call
         * reads the primary (it holds what came after the first failure) and this channel right after it.
         */
        volatile boolean recheck;
        /** The job ended: the next call drains this channel, then the job goes. */
        volatile boolean lastCall;

        Recovery(String key) {
            this.key = key;
        }
    }

    BroadcastPolls(CardsavrClient client, boolean recoveryChannel) {
        this.client = client;
        this.recoveryChannel = recoveryChannel;
        this.recoveryTimeout = recoveryReadTimeout(client);
    }

    /**
     * A recovery read holds what exists nowhere else; given up early, it would lose it for good. It waits four times
     * the response timeout, and at least 30 s, so a server slow enough to time out polls still answers it.
     */
    static Duration recoveryReadTimeout(CardsavrClient client) {
        Duration four = client.getConfig().getResponseTimeout().multipliedBy(4);
        return four.compareTo(MIN_RECOVERY_TIMEOUT) < 0 ? MIN_RECOVERY_TIMEOUT : four;
    }

    @Override
    public String callName() {
        return "broadcast poll of job";
    }

    @Override
    public CompletableFuture<ChannelReply> call(PolledChannel channel) {
        Recovery r = recoveryChannel ? recovery.computeIfAbsent(channel.id(), id -> new Recovery(null)) : null;
        if (r == null || r.key != null) {
            return readOrPoll(channel, r, false);
        }
        CompletableFuture<Void> registering = registerRecovery(channel.id(), r);
        if (channel.accessKey() == null) {
            // The recovery channel must exist before the job's own: a registration gets only what is published after
            // it, so a recovery channel registered later would miss what came between, and reading it after a failed
            // poll would route later messages before those. No channel is opened until it exists.
            return registering.handle((ignored, e) -> e == null ? null : CardsavrClient.unwrap(e))
                    .thenCompose(failure -> failure == null ? readOrPoll(channel, r, true)
                            : CompletableFuture.completedFuture(ChannelReply.failed(channel, failure, null)));
        }
        return registering.handle((ignored, e) -> {
            if (e != null) {
                // the job is polled on its channel meanwhile; registering is tried again on its next call
                LOG.debug("Registering the recovery channel of job {} failed: {}", channel.id(),
                        CardsavrClient.unwrap(e).getMessage());
            }
            return e == null;
        }).thenCompose(changed -> readOrPoll(channel, r, changed));
    }

    private CompletableFuture<ChannelReply> readOrPoll(PolledChannel channel, Recovery r, boolean changed) {
        CompletableFuture<ChannelReply> reply = r != null && r.key != null && (r.pending || r.lastCall)
                ? readRecovery(channel, r) : poll(channel, r);
        return changed ? reply.thenApply(result -> result.changingState(true)) : reply;
    }

    private CompletableFuture<ChannelReply> poll(PolledChannel channel, Recovery r) {
        long id = channel.id();
        String knownKey = channel.accessKey();
        AtomicReference<String> obtained = new AtomicReference<>();
        CompletableFuture<ParsedList<CardsavrMessage>> polled;
        if (knownKey != null) {
            polled = client.pollJobBroadcasts(id, knownKey);
        } else if (r != null && r.key != null) {
            // the recovery channel was registered first: what was published before the new primary existed is only
            // there, so it is read next, and the primary after it (in the job's order)
            polled = subscribe(id, obtained).thenApply(k -> {
                r.pending = true;
                return ParsedList.<CardsavrMessage>empty();
            });
        } else {
            polled = subscribe(id, obtained).thenCompose(k -> client.pollJobBroadcasts(id, k));
        }
        // a job's calls never overlap, so what recheck says now it still says when the poll completes
        boolean recheck = r != null && r.recheck;
        CompletableFuture<ChannelReply> replied = polled
                .exceptionallyCompose(e -> {
                    Throwable cause = CardsavrClient.unwrap(e);
                    if (knownKey != null && cause instanceof CardsavrException ce && ce.isAccessKeyRejected()
                        && isTrusted(id, knownKey, ce)) {
                        LOG.warn("CardSavr rejected the access key of job {} (HTTP {}, {}); subscribing again{}", id,
                                ce.getStatusCode(), ce.isVerified() ? "signed reply" : "second unverified reply in a row",
                                r == null ? ". Messages still queued for the old key are not received."
                                        : " and reading its recovery channel next for what the old key held.");
                        if (r != null && r.key != null) {
                            // what the old key held is on the recovery channel: read it before the new primary
                            return subscribe(id, obtained).thenCompose(k -> {
                                r.pending = true;
                                return CompletableFuture.completedFuture(ParsedList.<CardsavrMessage>empty());
                            });
                        }
                        return subscribe(id, obtained).thenCompose(k -> client.pollJobBroadcasts(id, k));
                    }
                    return CompletableFuture.failedFuture(cause);
                })
                .handle((messages, e) -> {
                    if (e == null) {
                        doubtedKeys.remove(id);
                        if (recheck) {
                            r.recheck = false;
                            r.pending = true;
                        }
                        return ChannelReply.ok(channel, messages, malformed(messages), obtained.get());
                    }
                    Throwable cause = CardsavrClient.unwrap(e);
                    if (r != null && r.key != null && isUncertain(cause)) {
                        r.pending = true;
                    }
                    return ChannelReply.failed(channel, cause, obtained.get());
                });
        return recheck ? replied.thenCompose(reply -> reply.failure() == null ? readAgainAfter(reply, r)
                : CompletableFuture.completedFuture(reply)) : replied;
    }

    /**
     * The recovery channel is read right after the primary one, once a reading of it failed in a way that may or may
     * not have taken what it held, and the two replies are put in the job's order. Each channel holds everything
     * published since it was last emptied, so one of the two replies starts earlier in the job's stream: the recovery
     * channel's when it still holds the primary reply's first message (the failed reading took nothing), the primary
     * one's otherwise (that reading took it, and whatever both readings took is lost).
     */
    private CompletableFuture<ChannelReply> readAgainAfter(ChannelReply primary, Recovery r) {
        return readRecovery(primary.channel(), r).thenApply(recovery -> {
            if (recovery.failure() != null) {
                // what the job's channel brought is routed now, the recovery channel read on a later call
                return primary.changingState(recovery.changed()).withPartFailed(recovery.failure());
            }
            return inJobOrder(primary, recovery);
        });
    }

    /** Two successful readings of the job's channels, taken together: the one that starts earlier in the job goes first. */
    static ChannelReply inJobOrder(ChannelReply primary, ChannelReply recovery) {
        return holdsFirstOf(recovery.items(), primary.items()) ? primary.precededBy(recovery)
                : primary.withRecovered(recovery.items());
    }

    private static boolean holdsFirstOf(List<?> recovered, List<?> polled) {
        if (polled.isEmpty()) {
            return true;
        }
        long first = MessageFingerprint.of((CardsavrMessage) polled.get(0));
        for (Object item : recovered) {
            if (MessageFingerprint.of((CardsavrMessage) item) == first) {
                return true;
            }
        }
        return false;
    }

    private CompletableFuture<ChannelReply> readRecovery(PolledChannel channel, Recovery r) {
        boolean last = r.lastCall;
        return client.pollJobBroadcasts(channel.id(), r.key, recoveryTimeout).handle((messages, e) -> {
            if (e == null) {
                r.pending = false;
                r.recheck = false;
                return ChannelReply.ok(channel, messages, malformed(messages), null).fromRecovery(last);
            }
            Throwable cause = CardsavrClient.unwrap(e);
            if (cause instanceof CardsavrException ce && ce.isAccessKeyRejected()) {
                if (!isTrusted(channel.id(), r.key, ce)) {
                    // not the server's word yet: the next call reads the recovery channel again
                    return ChannelReply.failed(channel, cause, null);
                }
                // what waited there is gone with the key: register anew on the next call
                LOG.warn("CardSavr rejected the recovery key of job {} (HTTP {}); registering a new recovery channel",
                        channel.id(), ce.getStatusCode());
                r.key = null;
                r.pending = false;
                return ChannelReply.failed(channel, cause, null).changingState(true).fromRecovery(last);
            }
            if (cause instanceof CardsavrException ce && ce.getReplyStatus() >= 400) {
                // An error answer handed nothing out: the channel still holds it all, and goes before the primary. (A
                // forged one might hide a reply that did; reading this channel again then loses nothing either.)
                LOG.info("Reading the recovery channel of job {} failed ({}); reading it again next", channel.id(),
                        cause.getMessage());
                r.pending = true;
                return ChannelReply.failed(channel, cause, null);
            }
            if (isUncertain(cause)) {
                // Had this reading taken what it held, the primary still holds what came after the first failure; had
                // it not, this channel still holds everything: both are read next, in one call (see readAgainAfter).
                // The failure itself is the failure log's one WARN line; this says what follows from it.
                LOG.info("Reading the recovery channel of job {} failed as well ({}); reading the job's channel and"
                         + " this one together next. Messages both readings took are lost", channel.id(),
                        cause.getMessage());
                r.pending = false;
                r.recheck = true;
                return ChannelReply.failed(channel, cause, null).fromRecovery(last);
            }
            return ChannelReply.failed(channel, cause, null);
        });
    }

    private CompletableFuture<Void> registerRecovery(long jobId, Recovery r) {
        return subscribe(jobId, new AtomicReference<>()).thenAccept(key -> r.key = key);
    }

    /**
     * True when the reply may have drained the channel on the server and was lost on the way or could not be read: a
     * cut or reset connection, a timeout, a reply spoiled in transit, a 5xx (a gateway's answer for a server that may
     * have handed the messages out), an access key rejected (what it held is gone). A 4xx the server answered before
     * reading (429, 404, a session rejected) took nothing, and neither did a call whose request was never sent (its
     * session login failed, however).
     */
    static boolean isUncertain(Throwable failure) {
        if (!(failure instanceof CardsavrException e)) {
            return true;
        }
        if (!e.wasSent()) {
            return false;
        }
        return switch (e.getReason()) {
            case TIMEOUT, CONNECTION, BAD_SIGNATURE, UNDECRYPTABLE_BODY, MALFORMED_BODY, BODY_TOO_LARGE -> true;
            // a gateway's 502 or 504 can follow a server that already handed the messages out
            case HTTP_STATUS -> e.isAccessKeyRejected() || e.getStatusCode() >= 500;
            default -> false;
        };
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
        if (reply.items().isEmpty()) {
            return;
        }
        JobBuffer buffer = buffers.of(reply.channel().id());
        if (!recoveryChannel) {
            buffer.append(reply.items());
            return;
        }
        // the same message can reach the job from both channels: route it once
        List<?> items = reply.items();
        boolean[] first = new boolean[items.size()];
        int lastTwin = -1;
        for (int i = 0; i < items.size(); i++) {
            first[i] = buffer.isFirstCopy((CardsavrMessage) items.get(i), reply.isFromRecovery(i));
            // a twin from this very reply (the primary part of a recovery reading taken together) was not routed yet
            if (!first[i] && reply.isFromRecovery(i)) {
                lastTwin = i;
            }
        }
        // in a recovery reading, a new message before the twin of one already routed comes after its successors
        List<Object> late = new ArrayList<>();
        List<Object> news = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (first[i]) {
                (reply.isFromRecovery(i) && i < lastTwin ? late : news).add(items.get(i));
            }
        }
        if (!late.isEmpty()) {
            LOG.warn("Job {}: the recovery channel brought back {} message(s) after later ones were routed; routed now,"
                     + " with header " + CardsavrConstants.RECOVERED_LATE, reply.channel().id(), late.size());
        }
        buffer.appendLate(late);
        buffer.append(news);
    }

    @Override
    public boolean wantsLastCall(PolledChannel channel) {
        Recovery r = recovery.get(channel.id());
        if (r == null || r.key == null) {
            return false;
        }
        r.lastCall = true;
        return true;
    }

    @Override
    public boolean matchesCopies() {
        return recoveryChannel;
    }

    @Override
    public String recoveryKey(long jobId) {
        Recovery r = recovery.get(jobId);
        return r == null ? null : r.key;
    }

    @Override
    public void restore(long jobId, JobRecord record) {
        if (recoveryChannel && record.recoveryKey() != null) {
            Recovery r = new Recovery(record.recoveryKey());
            // the process before this one may have died with a call on the wire: what it took is read back first
            r.pending = true;
            recovery.put(jobId, r);
        }
    }

    @Override
    public void forget(long jobId, long[] received) {
        recovery.remove(jobId);
        doubtedKeys.remove(jobId);
    }
}
