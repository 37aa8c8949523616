package io.github.camelcardsavr.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelcardsavr.CardsavrEndpoint;
import io.github.camelcardsavr.CardsavrOperation;
import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.model.Subscription;
import io.github.camelcardsavr.state.JobRecord;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the status broadcasts of many jobs. Each poll: apply jobs added or removed at run time, call every due job
 * asynchronously (at most maxConcurrentPolls at once, spread over part of the delay when more are due), and as each
 * call returns persist what arrived and hand that job's buffered messages to the route, oldest first, dropping each
 * only when its exchange completed. Jobs that were not called (Retry-After, full buffer, removed) still get their
 * buffered messages routed at the end of the poll. A job whose exchange failed gets nothing routed again before the
 * next poll.
 */
public class JobStatusConsumer extends AbstractJobPollingConsumer<JobStatusConsumer.BroadcastCall, FetchResult>
        implements DynamicJobTarget {

    private static final Logger LOG = LoggerFactory.getLogger(JobStatusConsumer.class);
    private static final int TERMINATED_JOBS_REMEMBERED = 10_000;

    /** What one broadcast poll needs, captured on the poll thread. */
    record BroadcastCall(long jobId, String accessKey) {
        @Override
        public String toString() {
            return "BroadcastCall[" + jobId + "]";
        }
    }

    // poll thread only
    private final Map<Long, TrackedJob> jobs = new LinkedHashMap<>();
    private final BoundedIdSet<Long> terminated = new BoundedIdSet<>(TERMINATED_JOBS_REMEMBERED);
    private final Set<TrackedJob> arrived = new LinkedHashSet<>();
    private long pollCount;
    private boolean indexDirty;
    private boolean restored;

    // handed over from other threads
    private final Queue<JobCommand> commands = new ConcurrentLinkedQueue<>();

    // read by the health check thread
    private volatile int activeJobs;
    private volatile int pausedJobs;

    public JobStatusConsumer(CardsavrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected String statePrefix() {
        return "cardsavr.jobStatus." + configuration.getConsumerName();
    }

    @Override
    protected void beforePolling() {
        if (!restored) {
            restore();
            restored = true;
        }
        if (configuration.isDynamicJobs()) {
            getEndpoint().getComponent().getJobDirectory()
                    .register(CardsavrOperation.jobStatus, configuration.getConsumerName(), this);
        }
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().getJobDirectory()
                .unregister(CardsavrOperation.jobStatus, configuration.getConsumerName(), this);
        super.doStop();
    }

    private void restore() {
        Set<Long> ids = new LinkedHashSet<>(configuration.jobIds());
        ids.addAll(store.readJobIndex());
        List<Long> configured = configuration.jobIds();
        for (long id : ids) {
            JobRecord record = store.readJob(id).orElse(null);
            if (record != null && record.terminated()) {
                terminated.add(id);
                LOG.debug("Job {} terminated in an earlier run; not polling it", id);
                continue;
            }
            TrackedJob job = new TrackedJob(id);
            if (record != null) {
                if (record.accessKeyUnreadable()) {
                    LOG.warn("The stored access key of job {} cannot be read with the current credentials; subscribing"
                             + " again (messages queued for the old key are not received)", id);
                }
                job.accessKey = record.accessKey();
                job.buffer.append(record.pending());
            }
            if (job.accessKey == null && configured.size() == 1 && configured.get(0) == id) {
                job.accessKey = configuration.getAccessKey();
            }
            stopIfTerminal(job);
            jobs.put(id, job);
        }
        indexDirty = !jobs.isEmpty();
        LOG.debug("Tracking {} job(s), {} with undelivered messages", jobs.size(),
                jobs.values().stream().filter(j -> !j.buffer.isEmpty()).count());
    }

    @Override
    public void addJob(long jobId, String accessKey) {
        commands.add(new JobCommand(JobCommand.Kind.ADD, jobId, accessKey));
    }

    @Override
    public void removeJob(long jobId) {
        commands.add(new JobCommand(JobCommand.Kind.REMOVE, jobId, null));
    }

    @Override
    protected int poll() throws Exception {
        pollCount++;
        applyCommands();
        int delivered = beginPoll();

        long now = System.nanoTime();
        int max = configuration.getMaxBufferedMessagesPerJob();
        List<BroadcastCall> due = new ArrayList<>();
        for (TrackedJob job : jobs.values()) {
            if (job.isDue(now, max)) {
                job.inFlight = true;
                due.add(new BroadcastCall(job.jobId, job.accessKey));
            }
        }
        delivered += pollPaced(due);

        // jobs not called this poll, e.g. paused by a full buffer or by Retry-After, or removed with messages left
        persistDirtyJobs();
        delivered += deliver(jobs.values());

        releaseFinishedJobs();
        if (indexDirty) {
            store.writeJobIndex(jobs.keySet());
            indexDirty = false;
        }
        updateGauges();
        endPoll();
        return delivered;
    }

    @Override
    protected CompletableFuture<FetchResult> fetch(BroadcastCall job) {
        long id = job.jobId();
        String knownKey = job.accessKey();
        AtomicReference<String> usedKey = new AtomicReference<>(knownKey);
        CompletableFuture<String> key = knownKey != null
                ? CompletableFuture.completedFuture(knownKey) : subscribe(id, usedKey);
        return key.thenCompose(k -> client.pollJobBroadcasts(id, k))
                .exceptionallyCompose(e -> {
                    Throwable cause = unwrap(e);
                    if (knownKey != null && cause instanceof CardsavrException ce && ce.isAccessKeyRejected()) {
                        LOG.warn("CardSavr rejected the access key of job {} (HTTP {}); subscribing again. Messages"
                                 + " still queued for the old key are not received.", id, ce.getStatusCode());
                        return subscribe(id, usedKey).thenCompose(k -> client.pollJobBroadcasts(id, k));
                    }
                    return CompletableFuture.failedFuture(cause);
                })
                .handle((messages, e) -> e == null
                        ? FetchResult.ok(id, usedKey.get(), messages)
                        : FetchResult.failed(id, usedKey.get(), unwrap(e)));
    }

    @Override
    protected FetchResult failedOutcome(BroadcastCall job, Throwable cause) {
        return FetchResult.failed(job.jobId(), null, cause);
    }

    @Override
    protected FetchResult skippedOutcome(BroadcastCall job) {
        return FetchResult.skipped(job.jobId());
    }

    private CompletableFuture<String> subscribe(long jobId, AtomicReference<String> usedKey) {
        return client.subscribe(jobId).thenApply(Subscription::getAccessKey).thenApply(k -> {
            if (k == null || k.isEmpty()) {
                throw new CardsavrException(CardsavrException.Reason.MALFORMED_BODY,
                        "Subscribing to job " + jobId + " returned no access_key");
            }
            usedKey.set(k);
            return k;
        });
    }

    private void applyCommands() {
        JobCommand c;
        while ((c = commands.poll()) != null) {
            TrackedJob job = jobs.get(c.jobId());
            if (c.kind() == JobCommand.Kind.ADD) {
                if (job != null) {
                    LOG.debug("Job {} is already polled", c.jobId());
                } else if (terminated.contains(c.jobId())) {
                    LOG.info("Job {} already terminated; not polling it again", c.jobId());
                } else {
                    job = new TrackedJob(c.jobId());
                    job.accessKey = c.accessKey();
                    job.dirty = job.accessKey != null;
                    jobs.put(c.jobId(), job);
                    indexDirty = true;
                    LOG.debug("Job {} added", c.jobId());
                }
            } else if (c.kind() == JobCommand.Kind.REMOVE && job != null) {
                // messages already received are still delivered; the job goes once they are
                job.polling = false;
            }
        }
    }

    @Override
    protected void applyOutcome(FetchResult r) {
        TrackedJob job = jobs.get(r.jobId());
        if (job == null) {
            return;
        }
        job.inFlight = false;
        if (!r.called()) {
            return;
        }
        if (r.accessKey() != null && !r.accessKey().equals(job.accessKey)) {
            job.accessKey = r.accessKey();
            job.dirty = true;
        }
        callCompleted(r.jobId(), "broadcast poll", r.failure());
        if (r.failure() != null) {
            if (r.failure() instanceof CardsavrException ce) {
                ce.getRetryAfter().ifPresent(d -> job.notBeforeNanos = System.nanoTime() + d.toNanos());
            }
        } else if (!r.messages().isEmpty()) {
            job.buffer.append(r.messages());
            job.dirty = true;
            stopIfTerminal(job);
        }
        arrived.add(job);
    }

    // the jobs whose calls returned since the last time: what the server has just deleted is stored, then routed
    @Override
    protected int deliverArrived() throws Exception {
        if (arrived.isEmpty()) {
            return 0;
        }
        List<TrackedJob> batch = new ArrayList<>(arrived);
        arrived.clear();
        for (TrackedJob job : batch) {
            persistIfDirty(job);
        }
        return deliver(batch);
    }

    // on stop: what late calls fetched (and the server deleted) is stored, not routed; a restart delivers it
    @Override
    protected void keepArrived() {
        arrived.clear();
        persistDirtyJobs();
    }

    // routes the buffered messages of these jobs, except of those whose exchange already failed in this poll
    private int deliver(Collection<TrackedJob> candidates) throws Exception {
        Queue<Object> segments = new LinkedList<>();
        for (TrackedJob job : candidates) {
            if (!job.buffer.isEmpty() && job.failedInPoll != pollCount) {
                segments.add(job.buffer);
            }
        }
        return segments.isEmpty() ? 0 : processBatch(segments);
    }

    private void stopIfTerminal(TrackedJob job) {
        if (configuration.isStopOnTermination() && job.buffer.terminalSeen()) {
            job.polling = false;
        }
    }

    // only for jobs that changed: the messages the server has just deleted are safe before routing
    private void persistDirtyJobs() {
        for (TrackedJob job : jobs.values()) {
            persistIfDirty(job);
        }
    }

    private void persistIfDirty(TrackedJob job) {
        if (job.dirty) {
            store.writeJob(job.jobId, JobRecord.of(job.accessKey, false, job.buffer.snapshot()));
            job.dirty = false;
        }
    }

    @Override
    protected void afterJobDelivery(JobBuffer buffer, int delivered, boolean failed) {
        TrackedJob job = jobs.get(buffer.jobId());
        if (job == null) {
            return;
        }
        if (failed) {
            job.failedInPoll = pollCount;
        }
        if (delivered > 0 && !job.isFinished()) {
            store.writeJob(job.jobId, JobRecord.of(job.accessKey, false, job.buffer.snapshot()));
            job.dirty = false;
        }
    }

    private void releaseFinishedJobs() {
        for (var it = jobs.values().iterator(); it.hasNext();) {
            TrackedJob job = it.next();
            if (!job.isFinished()) {
                continue;
            }
            it.remove();
            indexDirty = true;
            boolean ended = job.buffer.terminalSeen();
            // a tombstone keeps a restarted route with the same jobId list from polling a finished job again
            store.writeJob(job.jobId, JobRecord.of(null, ended, List.of()));
            if (ended) {
                terminated.add(job.jobId);
                getEndpoint().getComponent().getJobDirectory().jobTerminated(job.jobId);
                LOG.debug("Job {} terminated; stopped polling it", job.jobId);
            }
        }
    }

    private void updateGauges() {
        int max = configuration.getMaxBufferedMessagesPerJob();
        activeJobs = jobs.size();
        pausedJobs = (int) jobs.values().stream().filter(j -> j.isPausedByFullBuffer(max)).count();
    }

    @Override
    int activeJobCount() {
        return activeJobs;
    }

    @Override
    int pausedJobCount() {
        return pausedJobs;
    }
}
