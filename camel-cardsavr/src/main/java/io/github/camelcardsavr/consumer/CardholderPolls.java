package io.github.camelcardsavr.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.engine.ChannelReply;
import io.github.camelcardsavr.engine.ChannelType;
import io.github.camelcardsavr.engine.FingerprintMemory;
import io.github.camelcardsavr.engine.JobBuffer;
import io.github.camelcardsavr.engine.JobBuffers;
import io.github.camelcardsavr.engine.PolledChannel;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.state.JobRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cardholderMessages consumer's call: one poll returns the messages of every job of the cardholder, which go to
 * the buffers of their jobs. One call covers all the jobs, so while any job's buffer is full the cardholder waits.
 * <p>
 * The cardholder's channel is one per agent, so with {@code recoveryChannel} each job the consumer sees gets a
 * recovery registration of its own (its job broadcasts, read only when needed). After an uncertain failure the next
 * call reads the recovery channels of the jobs seen so far instead, and skips what was received before; a job first
 * seen in the lost reply itself cannot be recovered this way. When a job ended, its recovery channel is drained.
 */
final class CardholderPolls implements ChannelType {

    private static final Logger LOG = LoggerFactory.getLogger(CardholderPolls.class);
    // a failed last reading is tried again with the next calls: a 5xx before reading took nothing
    private static final int LAST_READ_ATTEMPTS = 3;

    private final CardsavrClient client;
    private final boolean recoveryChannel;
    private final Duration recoveryTimeout;
    // recovery keys of the jobs seen; written on the client's threads, read by calls and the delivery thread
    private final Map<Long, String> recoveryKeys = new ConcurrentHashMap<>();
    private final Set<Long> registering = ConcurrentHashMap.newKeySet();
    // jobs that ended, whose recovery channel the next call drains, with the copies still waiting for their twin
    private final Map<Long, Ended> ended = new ConcurrentHashMap<>();
    // what those readings brought while the cardholder's own call failed: routed with its next successful reply
    private final Queue<CardsavrMessage> carried = new ConcurrentLinkedQueue<>();

    private record Ended(long[] waiting, int attempts) {
    }
    private volatile boolean pending;

    CardholderPolls(CardsavrClient client, boolean recoveryChannel) {
        this.client = client;
        this.recoveryChannel = recoveryChannel;
        this.recoveryTimeout = BroadcastPolls.recoveryReadTimeout(client);
    }

    @Override
    public String callName() {
        return "poll of cardholder";
    }

    @Override
    public CompletableFuture<ChannelReply> call(PolledChannel channel) {
        CompletableFuture<ChannelReply> reply = pending ? recover(channel) : poll(channel);
        return ended.isEmpty() && carried.isEmpty() ? reply : reply.thenCompose(this::drainEnded);
    }

    private CompletableFuture<ChannelReply> poll(PolledChannel channel) {
        return client.pollCardholderMessages(channel.id()).handle((messages, e) -> {
            if (e == null) {
                return ChannelReply.ok(channel, messages, BroadcastPolls.malformed(messages), null);
            }
            Throwable cause = CardsavrClient.unwrap(e);
            if (recoveryChannel && BroadcastPolls.isUncertain(cause)) {
                pending = true;
            }
            return ChannelReply.failed(channel, cause, null);
        });
    }

    // every job seen so far, on its own recovery channel, in parallel; the messages in job order
    private CompletableFuture<ChannelReply> recover(PolledChannel channel) {
        List<Long> jobs = new ArrayList<>(recoveryKeys.keySet());
        List<CompletableFuture<List<CardsavrMessage>>> reads = new ArrayList<>();
        for (long job : jobs) {
            reads.add(read(job).exceptionally(e -> {
                if (CardsavrClient.unwrap(e) instanceof CardsavrException ce && ce.isAccessKeyRejected()) {
                    // that channel is gone: the job registers anew when next seen
                    recoveryKeys.remove(job);
                    return List.of();
                }
                throw new CompletionException(CardsavrClient.unwrap(e));
            }));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).handle((done, e) -> {
            if (e != null) {
                return ChannelReply.failed(channel, CardsavrClient.unwrap(e), null);
            }
            pending = false;
            List<CardsavrMessage> all = new ArrayList<>();
            reads.forEach(read -> all.addAll(read.join()));
            return ChannelReply.ok(channel, all, null, null).fromRecovery(false);
        });
    }

    private CompletableFuture<List<CardsavrMessage>> read(long job) {
        String key = recoveryKeys.get(job);
        if (key == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        return client.pollJobBroadcasts(job, key, recoveryTimeout).thenApply(messages -> (List<CardsavrMessage>) messages);
    }

    // the last reading of the recovery channels of jobs that ended: nothing they hold is left on the server
    private CompletableFuture<ChannelReply> drainEnded(ChannelReply reply) {
        List<Long> jobs = new ArrayList<>(ended.keySet());
        List<CompletableFuture<List<CardsavrMessage>>> reads = new ArrayList<>();
        Throwable[] failures = new Throwable[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            int index = i;
            reads.add(read(jobs.get(i)).exceptionally(e -> {
                failures[index] = CardsavrClient.unwrap(e);
                return null;
            }));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            for (int i = 0; i < jobs.size(); i++) {
                long job = jobs.get(i);
                List<CardsavrMessage> read = reads.get(i).join();
                Ended end = ended.remove(job);
                if (read == null && end.attempts() < LAST_READ_ATTEMPTS) {
                    ended.put(job, new Ended(end.waiting(), end.attempts() + 1));
                    continue;
                }
                recoveryKeys.remove(job);
                if (read == null) {
                    LOG.warn("The last reading of the recovery channel of ended job {} failed {} times ({}); a message"
                             + " lost without notice before cannot be recovered", job, LAST_READ_ATTEMPTS,
                            failures[i].getMessage());
                    continue;
                }
                // only what an undetected loss kept from the job reaches the route, late
                carried.addAll(FingerprintMemory.firstCopiesFromRecovery(end.waiting(), read));
            }
            if (reply.failure() != null || carried.isEmpty()) {
                // a failed reply routes nothing: what the readings brought rides on the next successful one
                return reply;
            }
            List<Object> late = new ArrayList<>();
            for (CardsavrMessage m; (m = carried.poll()) != null; ) {
                late.add(m);
            }
            return reply.withRecovered(late);
        });
    }

    @Override
    public void accept(ChannelReply reply, JobBuffers buffers) {
        List<?> items = reply.items();
        for (int i = 0; i < items.size(); i++) {
            CardsavrMessage m = (CardsavrMessage) items.get(i);
            JobBuffer buffer = buffers.of(m.getJobId());
            if (!recoveryChannel) {
                buffer.append(List.of(m));
                continue;
            }
            if (buffer.isFirstCopy(m, reply.isFromRecovery(i))) {
                buffer.append(List.of(m));
            }
            if (!recoveryKeys.containsKey(m.getJobId()) && !buffer.terminalSeen()) {
                register(m.getJobId());
            }
        }
    }

    // a job's first sight: its own broadcasts become the recovery channel (the key is stored with the job's next write)
    private void register(long job) {
        if (!registering.add(job)) {
            return;
        }
        client.subscribe(job).whenComplete((subscription, e) -> {
            registering.remove(job);
            if (e == null && subscription != null && subscription.getAccessKey() != null) {
                recoveryKeys.put(job, subscription.getAccessKey());
            } else {
                LOG.debug("Registering a recovery channel for job {} failed; tried again when it is next seen", job);
            }
        });
    }

    @Override
    public boolean isBlocked(PolledChannel channel, JobBuffers buffers, int maxBuffered) {
        return buffers.anyFull(maxBuffered);
    }

    @Override
    public boolean remembersJobs() {
        return recoveryChannel;
    }

    @Override
    public String recoveryKey(long jobId) {
        return recoveryKeys.get(jobId);
    }

    @Override
    public void restore(long jobId, JobRecord record) {
        if (recoveryChannel && record.recoveryKey() != null) {
            recoveryKeys.put(jobId, record.recoveryKey());
        }
    }

    @Override
    public void forget(long jobId, long[] received) {
        if (recoveryKeys.containsKey(jobId)) {
            ended.put(jobId, new Ended(received, 0));
        }
    }
}
