package io.github.camelcardsavr.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
    private static final int DRAINED_JOBS_REMEMBERED = 10_000;

    private final CardsavrClient client;
    private final boolean recoveryChannel;
    private final Duration recoveryTimeout;
    // recovery keys of the jobs seen; written on the client's threads, read by calls and the delivery thread
    private final Map<Long, String> recoveryKeys = new ConcurrentHashMap<>();
    private final Set<Long> registering = ConcurrentHashMap.newKeySet();
    // jobs that ended, whose recovery channel the next call drains, with the copies still waiting for their twin
    private final Map<Long, Ended> ended = new ConcurrentHashMap<>();
    // jobs whose recovery channel was read for the last time, with the copies still waiting for a twin: the
    // cardholder's channel may still bring twins of what that reading routed; guarded by itself, least recent go first
    private final Map<Long, FingerprintMemory> drained = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, FingerprintMemory> eldest) {
            return size() > DRAINED_JOBS_REMEMBERED;
        }
    };
    // messages read from recovery channels that no reply has carried to the route yet, oldest first
    private final Queue<CardsavrMessage> carried = new ConcurrentLinkedQueue<>();

    /** An ended job before its last reading: the copies waiting for a twin, and copies that arrived meanwhile. */
    private static final class Ended {
        final long[] waiting;
        // the delivery thread adds, the last reading (on a client thread) takes: guarded by this
        private final List<CardsavrMessage> meanwhile = new ArrayList<>();
        private final List<Boolean> meanwhileFromRecovery = new ArrayList<>();
        private boolean taken;
        int attempts;

        Ended(long[] waiting) {
            this.waiting = waiting;
        }

        /** False once the last reading took what arrived meanwhile: the message goes its own way. */
        synchronized boolean keep(CardsavrMessage m, boolean fromRecovery) {
            if (!taken) {
                meanwhile.add(m);
                meanwhileFromRecovery.add(fromRecovery);
            }
            return !taken;
        }

        /** Matches what arrived meanwhile; what is a first copy is added to {@code firsts}. */
        synchronized void takeInto(FingerprintMemory memory, Collection<CardsavrMessage> firsts) {
            taken = true;
            for (int i = 0; i < meanwhile.size(); i++) {
                if (memory.arrived(meanwhile.get(i), meanwhileFromRecovery.get(i))) {
                    firsts.add(meanwhile.get(i));
                }
            }
        }
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

    /**
     * Every job seen so far and not ended, on its own recovery channel, in parallel. What a reading brought is never
     * dropped: when another reading failed, it waits (in order) for the next call, which reads them all again.
     */
    private CompletableFuture<ChannelReply> recover(PolledChannel channel) {
        List<Long> jobs = new ArrayList<>(recoveryKeys.keySet());
        jobs.removeIf(ended::containsKey);
        List<CompletableFuture<List<CardsavrMessage>>> reads = new ArrayList<>();
        Throwable[] failures = new Throwable[jobs.size()];
        for (int i = 0; i < jobs.size(); i++) {
            long job = jobs.get(i);
            int index = i;
            reads.add(read(job).exceptionally(e -> {
                Throwable cause = CardsavrClient.unwrap(e);
                if (cause instanceof CardsavrException ce && ce.isAccessKeyRejected()) {
                    // that channel is gone: the job registers anew when next seen
                    recoveryKeys.remove(job);
                } else {
                    failures[index] = cause;
                }
                return List.of();
            }));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
            reads.forEach(read -> carried.addAll(read.join()));
            for (Throwable failure : failures) {
                if (failure != null) {
                    return ChannelReply.failed(channel, failure, null);
                }
            }
            pending = false;
            return ChannelReply.ok(channel, List.of(), null, null).fromRecovery(false).withRecovered(takeCarried());
        });
    }

    private List<Object> takeCarried() {
        List<Object> all = new ArrayList<>();
        for (CardsavrMessage m; (m = carried.poll()) != null; ) {
            all.add(m);
        }
        return all;
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
                Ended end = ended.get(job);
                if (read == null && end.attempts < LAST_READ_ATTEMPTS) {
                    end.attempts++;
                    continue;
                }
                recoveryKeys.remove(job);
                if (read == null) {
                    LOG.warn("The last reading of the recovery channel of ended job {} failed {} times ({}); a message"
                             + " lost without notice before cannot be recovered", job, LAST_READ_ATTEMPTS,
                            failures[i].getMessage());
                    read = List.of();
                }
                // one step for the delivery thread: what arrives for the job is matched here, or after, never between
                synchronized (drained) {
                    FingerprintMemory memory = FingerprintMemory.restoredFrom(end.waiting);
                    // only what an undetected loss kept from the job reaches the route, late
                    end.takeInto(memory, carried);
                    for (CardsavrMessage m : read) {
                        if (memory.arrived(m, true)) {
                            carried.add(m);
                        }
                    }
                    drained.put(job, memory);
                    ended.remove(job);
                }
            }
            if (reply.failure() != null || carried.isEmpty()) {
                // a failed reply routes nothing: what the readings brought rides on the next successful one
                return reply;
            }
            return reply.withRecovered(takeCarried());
        });
    }

    @Override
    public void accept(ChannelReply reply, JobBuffers buffers) {
        List<?> items = reply.items();
        for (int i = 0; i < items.size(); i++) {
            CardsavrMessage m = (CardsavrMessage) items.get(i);
            long job = m.getJobId();
            if (!recoveryChannel) {
                buffers.of(job).append(List.of(m));
                continue;
            }
            if (arrivedAfterEnd(m, reply.isFromRecovery(i), buffers)) {
                continue;
            }
            JobBuffer buffer = buffers.of(job);
            if (buffer.isFirstCopy(m, reply.isFromRecovery(i))) {
                buffer.append(List.of(m));
            }
            if (!recoveryKeys.containsKey(job) && !buffer.terminalSeen()) {
                register(job);
            }
        }
    }

    /** True when the job ended: the message was kept for its last reading, or matched against what that routed. */
    private boolean arrivedAfterEnd(CardsavrMessage m, boolean fromRecovery, JobBuffers buffers) {
        synchronized (drained) {
            Ended end = ended.get(m.getJobId());
            if (end != null && end.keep(m, fromRecovery)) {
                return true;
            }
            FingerprintMemory afterEnd = drained.get(m.getJobId());
            if (afterEnd == null) {
                return false;
            }
            // a twin of what the last reading routed, or news that comes after the job's end
            if (afterEnd.arrived(m, fromRecovery)) {
                buffers.of(m.getJobId()).appendLate(List.of(m));
            }
            return true;
        }
    }

    // a job's first sight: its own broadcasts become the recovery channel (the key is stored with the job's next write)
    private void register(long job) {
        if (!registering.add(job)) {
            return;
        }
        client.subscribe(job).whenComplete((subscription, e) -> {
            // the key goes in before the job leaves "registering": the delivery thread must never see neither and
            // register a second channel, which would bring back what the first one already did
            if (e == null && subscription != null && subscription.getAccessKey() != null) {
                recoveryKeys.put(job, subscription.getAccessKey());
            } else {
                LOG.debug("Registering a recovery channel for job {} failed; tried again when it is next seen", job);
            }
            registering.remove(job);
        });
    }

    @Override
    public boolean isBlocked(PolledChannel channel, JobBuffers buffers, int maxBuffered) {
        return buffers.anyFull(maxBuffered);
    }

    @Override
    public boolean remembersJob(long jobId) {
        return recoveryChannel && drainedMemory(jobId) == null;
    }

    private FingerprintMemory drainedMemory(long jobId) {
        synchronized (drained) {
            return drained.get(jobId);
        }
    }

    @Override
    public boolean matchesCopies() {
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
            // the process before this one may have died with a call on the wire: what it took is read back first
            pending = true;
        }
    }

    @Override
    public void forget(long jobId, long[] received) {
        if (recoveryKeys.containsKey(jobId)) {
            ended.put(jobId, new Ended(received));
        }
    }
}
