package io.github.camelcardsavr.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.state.CardsavrStateStore;
import io.github.camelcardsavr.state.JobRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one job engine under the three consumers. It polls every channel on its own steady cadence ({@link PollClock}),
 * at most {@code maxConcurrentPolls} calls at once ({@link CallGate}), honours Retry-After ({@link RetryAfter}), stores
 * what a call fetched ({@link EngineState}, {@link JobStateWriter}) and hands each reply to the delivery thread ({@link ReplyInbox}), which
 * puts it into the jobs' buffers ({@link JobBuffers}) and routes each job's items one exchange at a time, oldest first,
 * dropping an item only once its exchange completed.
 * <p>
 * Threads: one clock thread starts calls; the HTTP client's threads complete them and start waiting channels; a state
 * thread, when {@linkplain #storeArrivalsOn given}, stores fetched items off the HTTP client's threads; the consumer's
 * poll thread runs {@link #runWindow delivery windows} and is the only one to touch buffers. Other threads add and
 * remove jobs through thread-safe methods.
 * <p>
 * A channel is not called again before its last reply is stored, and a reply reaches the delivery thread only once
 * stored, so a process that dies loses only what a call on the wire at that moment fetched, however long the route
 * takes with an exchange.
 */
public final class JobEngine {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int TERMINATED_JOBS_REMEMBERED = 10_000;

    private final EngineSettings settings;
    private final ChannelType type;
    private final EngineState state;
    private final RetryAfter retryAfter;
    private final Map<Long, PolledChannel> channels = new ConcurrentHashMap<>();
    private final BoundedIdSet<Long> terminated = new BoundedIdSet<>(TERMINATED_JOBS_REMEMBERED);
    private final ReplyInbox inbox = new ReplyInbox();
    private final CallGate gate;
    private final PollLateness lateness = new PollLateness();
    private final AtomicInteger callsInFlight = new AtomicInteger();
    private final AtomicInteger quietCalls = new AtomicInteger();
    private final AtomicInteger retryAfterBeyondCap = new AtomicInteger();
    private volatile BooleanSupplier callsAllowed = () -> true;
    private volatile LongConsumer onTerminated = id -> { };
    private volatile Consumer<CallFailure> onFailure = f -> { };
    // state writes that failed, reported on the delivery thread
    private final AtomicInteger consecutiveFailedCalls = new AtomicInteger();
    private volatile Throwable lastFailure;
    private volatile PollClock clock;
    private volatile boolean stopping;
    private volatile long callsPausedUntilNanos = System.nanoTime();
    private final boolean backToBack;

    // delivery thread only
    private final JobBuffers buffers = new JobBuffers();
    private final Set<PolledChannel> touched = new LinkedHashSet<>();
    // channels that stopped polling and leave once their last call returned and their buffer is empty
    private final Set<Long> leaving = new LinkedHashSet<>();
    // channels that other threads stopped (a producer's remove, another consumer's termination notice)
    private final Queue<Long> stoppedChannels = new ConcurrentLinkedQueue<>();
    // channels whose last call failed, with the window it started failing in
    private final Map<Long, Long> failingSince = new HashMap<>();
    private int failedCalls;
    private int loudCalls;
    private long window;
    private boolean firstRoundDone;

    // read by the health check
    private volatile int activeJobs;
    private volatile int pausedJobs;
    private volatile int failingChannels;
    private volatile int beyondRetention;
    private final AtomicInteger timedOutJobs = new AtomicInteger();
    private final AtomicInteger recoveries = new AtomicInteger();
    private final AtomicLong recoveredMessages = new AtomicLong();
    private volatile List<Long> bufferedJobs = List.of();

    public JobEngine(EngineSettings settings, ChannelType type, CardsavrStateStore store) {
        this.settings = settings;
        this.type = type;
        this.state = new EngineState(settings, store, type.matchesCopies(), this::keyOf, type::recoveryKey, until -> {
            callsPausedUntilNanos = until;
            inbox.wake();
        });
        this.retryAfter = new RetryAfter(settings.retryAfterCap());
        this.gate = new CallGate(settings.maxConcurrentPolls(), this::startCall, (channel, e) -> {
            LOG.error("Starting a call of {} failed; it is due again at its next turn", channel, e);
            channel.inFlight.set(false);
        });
        this.backToBack = settings.interval().isZero();
    }

    /** Calls are made only while this says so (the consumer runs, is not suspended and not backing off). */
    public void callsAllowedWhen(BooleanSupplier allowed) {
        this.callsAllowed = allowed;
    }

    /** No call starts for this long (backing off after repeated failures or idle rounds); delivery goes on. */
    public void pauseCalls(Duration pause) {
        callsPausedUntilNanos = System.nanoTime() + RetryAfter.toNanosSaturated(pause);
    }

    /** Told, on the delivery thread, about each failed call and each reply with unreadable elements, once each. */
    public void onFailure(Consumer<CallFailure> listener) {
        this.onFailure = listener;
    }

    /** Told, on the delivery thread, about each job whose last message the route completed. */
    public void onTerminated(LongConsumer listener) {
        this.onTerminated = listener;
    }

    /**
     * Fetched items are stored on this executor (one thread) instead of the thread that completes the call, which is
     * an HTTP client I/O thread that a slow state repository must not hold up.
     */
    public void storeArrivalsOn(Executor stateThread) {
        state.storeArrivalsOn(stateThread);
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------------

    /**
     * Restores what the state store holds and schedules the channels. With one channel per job, the channels are the
     * given jobs plus those of the state index, except jobs that already terminated; otherwise the given channel (a
     * cardholder) is scheduled and the index only restores the buffered items of its jobs.
     *
     * @param channelIds    the channels the route names (jobId option, or the cardholder id)
     * @param configuredKey an access key the route gives for its single job, or null
     */
    public void restore(List<Long> channelIds, String configuredKey) {
        Map<Long, JobRecord> stored = state.restore();
        Set<Long> jobs = new LinkedHashSet<>(settings.channelPerJob() ? channelIds : List.of());
        jobs.addAll(stored.keySet());
        for (long id : jobs) {
            JobRecord record = stored.get(id);
            if (record != null && record.terminated()) {
                terminated.add(id);
                LOG.debug("Job {} terminated in an earlier run; not polling it", id);
                continue;
            }
            String key = record == null ? null : record.accessKey();
            if (record != null && record.accessKeyUnreadable()) {
                LOG.warn("The stored access key of job {} cannot be read with the current credentials; subscribing"
                         + " again (messages queued for the old key are not received)", id);
            }
            if (key == null && channelIds.size() == 1 && channelIds.get(0) == id) {
                key = configuredKey;
            }
            if (record != null && !record.pending().isEmpty()) {
                buffers.of(id).append(record.pending());
            }
            if (record != null && record.timesOutAt() > 0) {
                buffers.of(id).timesOutAt(record.timesOutAt());
            }
            if (record != null) {
                type.restore(id, record);
                if (record.fingerprints().length > 0) {
                    buffers.of(id).restoreFingerprints(record.fingerprints());
                }
            }
            if (settings.channelPerJob()) {
                PolledChannel channel = new PolledChannel(id, key);
                channels.put(id, channel);
                stopIfTerminal(channel);
            }
        }
        if (!settings.channelPerJob()) {
            channelIds.forEach(id -> channels.put(id, new PolledChannel(id, configuredKey)));
        }
        LOG.debug("Restored {} channel(s), {} job(s) with undelivered items", channels.size(), buffers.ready().size());
    }

    /** Starts polling: the clock runs on the given executor (one thread) until {@link #stop()}. */
    public void start(Executor clockThread) {
        stopping = false;
        long first = System.nanoTime() + settings.initialDelay().toNanos();
        PollClock c = new PollClock(settings.interval().toNanos(), first, this::due);
        channels.values().forEach(c::add);
        clock = c;
        clockThread.execute(c);
    }

    /**
     * Stops polling. Calls already on the wire are waited for (at most the worst case of one call), because the server
     * deleted what they fetch; their items are stored, not routed, so that a restart delivers them.
     */
    public void stop() {
        stopping = true;
        PollClock c = clock;
        if (c != null) {
            c.stop();
        }
        long deadline = System.nanoTime() + settings.callWorstCase().toNanos();
        try {
            while (callsInFlight.get() > 0 && System.nanoTime() - deadline < 0) {
                inbox.await(Math.min(WAIT_SLICE_NANOS, deadline - System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (callsInFlight.get() > 0) {
            LOG.warn("{} CardSavr call(s) still outstanding after {} ms; what they fetch is not kept",
                    callsInFlight.get(), settings.callWorstCase().toMillis());
        }
    }

    /** After {@link #stop()}, on the delivery thread: applies late replies and stores every buffer, routing nothing. */
    public void keepLateReplies() {
        for (ChannelReply reply : inbox.drain()) {
            apply(reply);
        }
        state.reportFailures(onFailure);
        state.persistDirty(buffers, true);
    }

    // ---- jobs from other threads ------------------------------------------------------------------------------------

    /**
     * Starts polling a job at run time (a producer hands it over). The job is stored before this returns.
     *
     * @return false when the job is already polled or already terminated
     */
    public boolean addJob(long jobId, String accessKey) {
        synchronized (terminated) {
            if (terminated.contains(jobId)) {
                LOG.info("Job {} already terminated; not polling it again", jobId);
                return false;
            }
        }
        PolledChannel channel = new PolledChannel(jobId, accessKey);
        if (channels.putIfAbsent(jobId, channel) != null) {
            LOG.debug("Job {} is already polled", jobId);
            return false;
        }
        try {
            state.jobAdded(jobId, accessKey);
        } catch (RuntimeException e) {
            // not stored, so not taken: the producer's exchange fails and a retry finds the job new
            channels.remove(jobId, channel);
            throw e;
        }
        PollClock c = clock;
        if (c != null) {
            c.add(channel);
        }
        LOG.debug("Job {} added", jobId);
        return true;
    }

    /** Another consumer saw the job's last message: stop polling it, and remember it ended. */
    public void jobTerminated(long jobId) {
        PolledChannel channel = channels.get(jobId);
        if (channel != null) {
            channel.markEnded();
            stoppedChannels.add(jobId);
            inbox.wake();
        }
    }

    /** Stops polling a job; what was received for it is still delivered, then it goes. */
    public void removeJob(long jobId) {
        PolledChannel channel = channels.get(jobId);
        if (channel != null) {
            channel.stopPolling();
            stoppedChannels.add(jobId);
            inbox.wake();
        }
    }

    // ---- calls (clock and HTTP client threads) --------------------------------------------------------------------

    // a channel's due time came (on the clock), or it came while its last call was outstanding (on that call's end)
    private void due(PolledChannel channel, long dueNanos, long nowNanos) {
        if (stopping || !channel.isPolling() || !callsAllowed.getAsBoolean() || channel.isPaused()
            || nowNanos - channel.notBeforeNanos() < 0 || nowNanos - callsPausedUntilNanos < 0) {
            return;
        }
        channel.overdueDueNanos = dueNanos;
        channel.overdue.set(true);
        if (!channel.inFlight.compareAndSet(false, true)) {
            return;
        }
        channel.overdue.set(false);
        channel.callDueNanos = dueNanos;
        gate.submit(channel);
    }

    private void startCall(PolledChannel channel) {
        if (stopping || !channel.isPolling()) {
            completed(channel, ChannelReply.skipped(channel), false);
            return;
        }
        lateness.record(System.nanoTime() - channel.callDueNanos);
        callsInFlight.incrementAndGet();
        CompletableFuture<ChannelReply> call;
        try {
            call = type.call(channel);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((reply, failure) -> completed(channel, failure == null && reply != null ? reply
                : ChannelReply.failed(channel, failure == null ? new IllegalStateException("The call had no reply")
                        : CardsavrClient.unwrap(failure), null), true));
    }

    // counted: the call was on the wire (callsInFlight counts it until its reply is stored and queued)
    private void completed(PolledChannel channel, ChannelReply reply, boolean counted) {
        // a stopped channel's last reply goes to the delivery thread even when empty: it lets the job go
        boolean quiet = reply.isQuiet() && channel.isPolling();
        if (reply.accessKey() != null) {
            channel.accessKey(reply.accessKey());
        }
        if (reply.failure() instanceof CardsavrException e && e.getRetryAfter().isPresent()) {
            Duration asked = e.getRetryAfter().get();
            channel.notBefore(retryAfter.notBefore(System.nanoTime(), asked));
            if (retryAfter.exceedsCap(asked)) {
                retryAfterBeyondCap.incrementAndGet();
            }
        }
        state.storeThenRelease(channel, reply, () -> release(channel, reply, quiet, counted));
    }

    private void release(PolledChannel channel, ChannelReply reply, boolean quiet, boolean counted) {
        // queued before the channel is free, so that its next reply is applied after this one
        if (quiet) {
            quietCalls.incrementAndGet();
        } else {
            inbox.add(reply);
        }
        if (reply.called()) {
            channel.answered();
            if (reply.failure() == null) {
                channel.succeeded(System.nanoTime());
                consecutiveFailedCalls.set(0);
            } else {
                lastFailure = reply.failure();
                consecutiveFailedCalls.incrementAndGet();
            }
        }
        channel.inFlight.set(false);
        gate.release();
        if (counted && callsInFlight.decrementAndGet() == 0 && stopping) {
            inbox.wake();
        }
        if (channel.overdue.getAndSet(false)) {
            due(channel, channel.overdueDueNanos, System.nanoTime());
        } else if (backToBack) {
            // delay=0: the next call goes out as soon as this one returned
            long now = System.nanoTime();
            due(channel, now, now);
        }
    }

    // ---- delivery (the consumer's poll thread) ----------------------------------------------------------------------

    /**
     * Runs one delivery window: applies replies as they arrive, stores what arrived, routes what is buffered, until
     * the window has passed or the consumer stops. The first window ends as soon as every channel answered once, so
     * a new consumer reports how its first round went without waiting a whole interval.
     *
     * @param maxItems at most this many exchanges (0: no limit)
     */
    public WindowReport runWindow(Duration length, Router router, int maxItems) throws InterruptedException {
        window++;
        failedCalls = 0;
        loudCalls = 0;
        long deadline = System.nanoTime() + length.toNanos();
        int delivered = 0;
        while (true) {
            for (ChannelReply reply : inbox.drain()) {
                apply(reply);
            }
            state.persistDirty(buffers, false);
            state.reportFailures(onFailure);
            delivered += deliverReady(router, maxItems <= 0 ? Integer.MAX_VALUE : maxItems - delivered);
            releaseFinished();
            updatePauses();
            long left = deadline - System.nanoTime();
            if (!router.mayRoute() || left <= 0 || (maxItems > 0 && delivered >= maxItems)
                || (!firstRoundDone && firstRoundDone())) {
                break;
            }
            inbox.await(Math.min(left, WAIT_SLICE_NANOS));
        }
        state.persistDirty(buffers, false);
        state.reportFailures(onFailure);
        updateGauges();
        int calls = quietCalls.getAndSet(0) + loudCalls;
        return new WindowReport(delivered, calls, failedCalls);
    }

    private boolean firstRoundDone() {
        for (PolledChannel channel : channels.values()) {
            if (channel.isPolling() && !channel.hasAnswered()) {
                return false;
            }
        }
        firstRoundDone = inbox.isEmpty();
        return firstRoundDone;
    }

    private void apply(ChannelReply reply) {
        PolledChannel channel = reply.channel();
        if (!reply.called()) {
            return;
        }
        loudCalls++;
        if (reply.failure() != null) {
            failedCalls++;
            failingSince.putIfAbsent(channel.id(), window);
            long next = channel.notBeforeNanos();
            onFailure.accept(new CallFailure(channel.id(), type.callName(), reply.failure(), true,
                    next - System.nanoTime() > 0 ? next : 0));
            markKeyChange(channel, reply);
            if (reply.last()) {
                stop(channel);
            }
            return;
        }
        failingSince.remove(channel.id());
        if (reply.malformed() != null) {
            onFailure.accept(new CallFailure(channel.id(), type.callName(), reply.malformed(), false, 0));
        }
        if (reply.partFailed() != null) {
            onFailure.accept(new CallFailure(channel.id(), type.callName(), reply.partFailed(), false, 0));
        }
        markKeyChange(channel, reply);
        long before = buffers.appended();
        type.accept(reply, buffers);
        if (reply.recovered()) {
            long brought = buffers.appended() - before;
            recoveries.incrementAndGet();
            recoveredMessages.addAndGet(brought);
            // a reading that found nothing new is the normal case (after a subscription, a restart, a harmless failure)
            if (brought > 0) {
                LOG.info("{} {}: its recovery channel brought back {} message(s) not received before{}",
                        type.callName(), channel.id(), brought, reply.last() ? " (read as the job ended)" : "");
            } else {
                LOG.debug("{} {}: its recovery channel held nothing new", type.callName(), channel.id());
            }
        } else {
            state.applied(channel, reply, buffers);
        }
        if (reply.last()) {
            stop(channel);
        } else {
            stopIfTerminal(channel);
        }
        touched.add(channel);
    }

    // a key obtained by subscribing is stored with the job, also when the poll after it failed
    private void markKeyChange(PolledChannel channel, ChannelReply reply) {
        if (settings.channelPerJob() && (reply.accessKey() != null || reply.changed())) {
            buffers.of(channel.id()).changed();
        }
    }



    private void stopIfTerminal(PolledChannel channel) {
        if (settings.channelPerJob() && settings.stopOnTermination()) {
            JobBuffer buffer = buffers.find(channel.id());
            if (buffer != null && buffer.terminalSeen() && channel.isPolling() && !type.wantsLastCall(channel)) {
                stop(channel);
            }
        }
    }

    private void stop(PolledChannel channel) {
        if (channel.isPolling()) {
            channel.stopPolling();
            stoppedChannels.add(channel.id());
        }
    }

    private String keyOf(long jobId) {
        PolledChannel channel = settings.channelPerJob() ? channels.get(jobId) : null;
        return channel == null ? null : channel.accessKey();
    }

    private int deliverReady(Router router, int budget) {
        int total = 0;
        List<JobBuffer> ready = new ArrayList<>();
        for (JobBuffer buffer : buffers.ready()) {
            if (buffer.failedInWindow != window) {
                ready.add(buffer);
                total += buffer.size();
            }
        }
        int index = 0;
        int delivered = 0;
        for (JobBuffer job : ready) {
            while (!job.isEmpty() && delivered < budget && router.mayRoute()) {
                Object item = job.peek();
                if (router.route(job, item, index++, total)) {
                    job.commitOldest();
                    type.committed(job, item);
                    state.committed(job, item);
                    delivered++;
                } else {
                    job.failedInWindow = window;
                    type.failed(job, item);
                    break;
                }
            }
            PolledChannel channel = channels.get(settings.channelPerJob() ? job.jobId() : singleChannelId());
            if (channel != null) {
                touched.add(channel);
            }
        }
        return delivered;
    }

    private long singleChannelId() {
        return channels.isEmpty() ? 0 : channels.keySet().iterator().next();
    }

    private void updatePauses() {
        for (PolledChannel channel : touched) {
            channel.paused(type.isBlocked(channel, buffers, settings.maxBufferedPerJob()));
        }
        touched.clear();
    }

    // jobs with nothing left to poll or deliver leave the consumer
    private void releaseFinished() {
        List<JobBuffer> emptied = buffers.takeEmptied();
        if (!settings.channelPerJob()) {
            for (JobBuffer buffer : emptied) {
                if (buffer.isEmpty() && (buffer.terminalSeen() || !type.remembersJob(buffer.jobId()))) {
                    buffers.remove(buffer.jobId());
                    if (buffer.terminalSeen()) {
                        finished(buffer.jobId(), true, buffer);
                    }
                }
            }
            return;
        }
        Long stopped;
        while ((stopped = stoppedChannels.poll()) != null) {
            leaving.add(stopped);
        }
        for (var it = leaving.iterator(); it.hasNext();) {
            long id = it.next();
            PolledChannel channel = channels.get(id);
            JobBuffer buffer = buffers.find(id);
            if (channel == null) {
                it.remove();
                continue;
            }
            if (channel.isInFlight() || (buffer != null && !buffer.isEmpty())) {
                continue;
            }
            it.remove();
            channels.remove(id);
            buffers.remove(id);
            finished(id, channel.isMarkedEnded() || (buffer != null && buffer.terminalSeen()), buffer);
        }
    }

    // a job whose last message never comes would be polled for ever: its own job_timeout says when to stop
    private void letGoIfTimedOut(PolledChannel channel, long nowMillis) {
        JobBuffer buffer = buffers.find(channel.id());
        if (buffer == null || buffer.terminalSeen() || buffer.timesOutAt() == 0
            || nowMillis < buffer.timesOutAt() + settings.jobTimeoutMargin().toMillis()) {
            return;
        }
        LOG.warn("Job {}: no last message {} s after its job_timeout passed; stopped polling it", channel.id(),
                settings.jobTimeoutMargin().toSeconds());
        timedOutJobs.incrementAndGet();
        channel.markEnded();
        stoppedChannels.add(channel.id());
    }

    private void finished(long jobId, boolean ended, JobBuffer buffer) {
        type.forget(jobId, buffer == null ? new long[0] : buffer.fingerprints());
        failingSince.remove(jobId);
        state.jobFinished(jobId, ended);
        if (ended) {
            synchronized (terminated) {
                terminated.add(jobId);
            }
            LOG.debug("Job {} terminated; stopped polling it", jobId);
            onTerminated.accept(jobId);
        }
    }

    private void updateGauges() {
        if (!settings.channelPerJob()) {
            bufferedJobs = buffers.all().stream().map(JobBuffer::jobId).toList();
        }
        long now = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        int stale = 0;
        for (PolledChannel channel : channels.values()) {
            if (!channel.isPolling()) {
                continue;
            }
            if (now - channel.lastSuccessNanos() > settings.messageRetention().toNanos()) {
                stale++;
            }
            if (settings.channelPerJob()) {
                letGoIfTimedOut(channel, nowMillis);
            }
        }
        beyondRetention = stale;
        if (!settings.channelPerJob()) {
            for (JobBuffer buffer : List.copyOf(buffers.all())) {
                if (buffer.isEmpty() && !buffer.terminalSeen() && buffer.timesOutAt() > 0 && type.remembersJob(buffer.jobId())
                    && nowMillis >= buffer.timesOutAt() + settings.jobTimeoutMargin().toMillis()) {
                    buffers.remove(buffer.jobId());
                    finished(buffer.jobId(), false, buffer);
                }
            }
        }
        int max = settings.maxBufferedPerJob();
        if (settings.channelPerJob()) {
            activeJobs = channels.size();
            int paused = 0;
            for (PolledChannel channel : channels.values()) {
                if (channel.isPolling() && channel.isPaused()) {
                    paused++;
                }
            }
            pausedJobs = paused;
        } else {
            activeJobs = buffers.count();
            pausedJobs = buffers.countFull(max);
        }
        failingChannels = failingSince.size();
    }

    // ---- for the health check and benchmarks --------------------------------------------------------------------------

    public int activeJobs() {
        return activeJobs;
    }

    public int pausedJobs() {
        return pausedJobs;
    }

    public int failingChannels() {
        return failingChannels;
    }

    /** Calls that failed since the last one that succeeded (any channel); 0 while polls succeed. */
    public int consecutiveFailedCalls() {
        return consecutiveFailedCalls.get();
    }

    /** The failure of the latest failed call, or null. */
    public Throwable lastFailure() {
        return lastFailure;
    }

    /** Jobs polled right now whose last successful poll is older than the server keeps messages. */
    public int beyondRetention() {
        return beyondRetention;
    }

    /** Readings of recovery channels after uncertain failures (and as jobs ended). */
    public int recoveries() {
        return recoveries.get();
    }

    /** Messages recovery channels brought back that no other read had. */
    public long recoveredMessages() {
        return recoveredMessages.get();
    }

    /** Jobs let go because their last message had not come well after their job_timeout. */
    public int timedOutJobs() {
        return timedOutJobs.get();
    }

    /** Channels whose Retry-After asked for longer than the cap (and were polled again at the cap). */
    public int retryAfterBeyondCap() {
        return retryAfterBeyondCap.get();
    }

    public PollLateness lateness() {
        return lateness;
    }

    public int callsInFlight() {
        return callsInFlight.get();
    }

    /** State writes that failed since the last one that succeeded; 0 while the state repository works. */
    public int consecutiveStateFailures() {
        return state.consecutiveFailures();
    }

    /** Writes to the state repository so far. */
    public long stateWrites() {
        return state.writes();
    }

    /** The jobs this engine polls right now (one channel per job), or whose items it buffers (a cardholder's). */
    public Collection<Long> jobs() {
        return settings.channelPerJob() ? List.copyOf(channels.keySet()) : List.copyOf(bufferedJobs);
    }
}
