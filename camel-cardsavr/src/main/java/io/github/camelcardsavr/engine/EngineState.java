package io.github.camelcardsavr.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.state.CardsavrStateStore;
import io.github.camelcardsavr.state.JobRecord;

/**
 * The engine's side of the state store: when what a call fetched is stored (before anyone sees it, on the state
 * thread when there is one), when buffers are written, and what happens while the store refuses writes (nothing more
 * is fetched for a while, each failure is reported once, on the delivery thread). {@link JobStateWriter} decides
 * what a write holds; this class decides when writes happen and what a failing one means for polling.
 */
final class EngineState {

    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    /** Where the engine is told that calls must wait until a time (System.nanoTime) while the store fails. */
    interface CallPause {
        void pauseCallsUntil(long nanos);
    }

    private final EngineSettings settings;
    private final JobStateWriter writer;
    private final boolean copiesMatched;
    private final LongFunction<String> accessKeyOf;
    private final LongFunction<String> recoveryKeyOf;
    private final CallPause callPause;
    private final Queue<CallFailure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile long retryAtNanos = System.nanoTime();
    private volatile Executor arrivalThread;

    EngineState(EngineSettings settings, CardsavrStateStore store, boolean fingerprintsKept,
                LongFunction<String> accessKeyOf, LongFunction<String> recoveryKeyOf, CallPause callPause) {
        this.settings = settings;
        this.writer = new JobStateWriter(store, settings.durableItems(), fingerprintsKept);
        this.copiesMatched = fingerprintsKept;
        this.accessKeyOf = accessKeyOf;
        this.recoveryKeyOf = recoveryKeyOf;
        this.callPause = callPause;
    }

    void storeArrivalsOn(Executor stateThread) {
        this.arrivalThread = stateThread;
    }

    Map<Long, JobRecord> restore() {
        return writer.restore();
    }

    /** A job handed over at run time: stored before the caller goes on (a failure is the caller's to report). */
    void jobAdded(long jobId, String accessKey) {
        writer.jobAdded(jobId, accessKey);
    }

    void jobFinished(long jobId, boolean ended) {
        try {
            writer.jobFinished(jobId, ended);
        } catch (RuntimeException e) {
            // the job's slot keeps its last content: after a restart it is polled (or delivered) once more
            failed(jobId, e);
        }
    }

    // ---- what a call fetched (HTTP client or state thread) -------------------------------------------------------------

    /**
     * Stores what a successful call fetched, then runs {@code release} (which hands the reply on and frees the
     * channel): on the state thread when there is one, else here. A reply with nothing to store is released at once;
     * so is a recovery reading, which holds copies of what was stored already (the delivery thread stores what it
     * keeps of it).
     */
    void storeThenRelease(PolledChannel channel, ChannelReply reply, Runnable release) {
        if (!writer.storesArrivals() || reply.failure() != null || reply.items().isEmpty() || reply.recovered()) {
            release.run();
            return;
        }
        Executor thread = arrivalThread;
        if (thread != null) {
            try {
                thread.execute(() -> {
                    storeArrivals(channel, reply);
                    release.run();
                });
                return;
            } catch (RejectedExecutionException e) {
                // the consumer is stopping and its state thread is gone: store here
            }
        }
        storeArrivals(channel, reply);
        release.run();
    }

    private void storeArrivals(PolledChannel channel, ChannelReply reply) {
        String key = settings.channelPerJob() ? channel.accessKey() : null;
        arrivalsByJob(channel, reply).forEach((jobId, items) -> {
            try {
                int backlog = writer.arrived(jobId, key, items);
                consecutiveFailures.set(0);
                if (backlog >= settings.maxBufferedPerJob()) {
                    // paused now, not once the delivery thread is back from routing: a busy route does not make the
                    // backlog (and each write of it) grow past the limit by a call per delay
                    channel.paused(true);
                }
            } catch (RuntimeException e) {
                // delivered all the same (the server no longer has it), but nothing more is fetched for a while
                failed(jobId, e);
            }
        });
    }

    // the status messages of a reply by the job whose buffer they go to (as the channel type's accept puts them)
    private Map<Long, List<CardsavrMessage>> arrivalsByJob(PolledChannel channel, ChannelReply reply) {
        Map<Long, List<CardsavrMessage>> byJob = new LinkedHashMap<>();
        for (Object item : reply.items()) {
            if (item instanceof CardsavrMessage m) {
                byJob.computeIfAbsent(settings.channelPerJob() ? channel.id() : m.getJobId(), id -> new ArrayList<>())
                        .add(m);
            }
        }
        return byJob;
    }

    // ---- the delivery thread -------------------------------------------------------------------------------------------

    /**
     * The channel type put a reply's stored arrivals into the buffers. A copy it recognised as delivered before (and
     * dropped) is taken out of the store, or a restart would deliver it again.
     */
    void applied(PolledChannel channel, ChannelReply reply, JobBuffers buffers) {
        if (!writer.storesArrivals() || reply.recovered()) {
            return;
        }
        arrivalsByJob(channel, reply).forEach((jobId, items) -> {
            writer.applied(jobId, items.size());
            JobBuffer buffer = buffers.find(jobId);
            // only a type that matches copies drops some of what it is given: the others' buffers hold it all
            List<CardsavrMessage> dropped = buffer == null ? items : copiesMatched ? buffer.notHeld(items) : List.of();
            if (!dropped.isEmpty()) {
                writer.discarded(jobId, dropped);
            }
        });
    }

    /** Writes the buffers that changed; {@code force}: also while the store is failing (on stop, the last chance). */
    void persistDirty(JobBuffers buffers, boolean force) {
        if (!writer.isEnabled()) {
            buffers.takeDirty();
            return;
        }
        if (!force && System.nanoTime() - retryAtNanos < 0) {
            return;
        }
        List<JobBuffer> changed = buffers.takeDirty();
        for (int i = 0; i < changed.size(); i++) {
            if (!persist(changed.get(i))) {
                // the store fails: the rest waits for the next attempt, not one failure each
                changed.subList(i + 1, changed.size()).forEach(JobBuffer::changed);
                return;
            }
        }
    }

    private boolean persist(JobBuffer buffer) {
        long jobId = buffer.jobId();
        try {
            writer.save(jobId, accessKeyOf.apply(jobId), recoveryKeyOf.apply(jobId), buffer);
            consecutiveFailures.set(0);
            return true;
        } catch (RuntimeException e) {
            buffer.changed();
            failed(jobId, e);
            return false;
        }
    }

    /** The route completed the job's oldest item: committed on its own when each exchange must be. */
    void committed(JobBuffer job, Object item) {
        if (!settings.writeStatePerExchange() || !writer.isEnabled() || System.nanoTime() - retryAtNanos < 0) {
            return;
        }
        long jobId = job.jobId();
        try {
            // a process that dies now delivers no completed item again
            writer.committed(jobId, accessKeyOf.apply(jobId), recoveryKeyOf.apply(jobId), job, item);
            consecutiveFailures.set(0);
        } catch (RuntimeException e) {
            job.changed();
            failed(jobId, e);
        }
    }

    /** Each write that failed since the last call, once. */
    void reportFailures(Consumer<CallFailure> listener) {
        CallFailure failure;
        while ((failure = failures.poll()) != null) {
            listener.accept(failure);
        }
    }

    private void failed(long jobId, RuntimeException e) {
        consecutiveFailures.incrementAndGet();
        Duration pause = settings.interval().compareTo(RETRY_PAUSE) > 0 ? settings.interval() : RETRY_PAUSE;
        long until = System.nanoTime() + pause.toNanos();
        retryAtNanos = until;
        failures.add(new CallFailure(jobId, "state write of job", e, true, until));
        // what cannot be stored is not fetched: the server keeps it meanwhile
        callPause.pauseCallsUntil(until);
    }

    int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    long writes() {
        return writer.writes();
    }
}
