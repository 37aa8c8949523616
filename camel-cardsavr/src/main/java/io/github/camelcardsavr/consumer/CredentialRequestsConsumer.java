package io.github.camelcardsavr.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.camelcardsavr.CardsavrEndpoint;
import io.github.camelcardsavr.CardsavrOperation;
import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.model.CredentialRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the credential requests of jobs. A request stays on the server until it is answered or expires, so every poll
 * sees it again: the consumer emits each envelope id once, again only if its exchange failed, and forgets it when the
 * server stops listing it. Memory per job is bounded by maxTrackedEnvelopesPerJob. Calls are paced and their results
 * routed as they arrive, as in the jobStatus consumer (see {@link AbstractJobPollingConsumer}).
 */
public class CredentialRequestsConsumer
        extends AbstractJobPollingConsumer<Long, CredentialRequestsConsumer.RequestResult>
        implements DynamicJobTarget {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialRequestsConsumer.class);

    private static final class RequestJob {
        final long jobId;
        final BoundedIdSet<String> emitted;
        boolean polling = true;
        boolean inFlight;
        long notBeforeNanos;
        List<CredentialRequest> latest;

        RequestJob(long jobId, int memory) {
            this.jobId = jobId;
            this.emitted = new BoundedIdSet<>(memory);
        }
    }

    /** The outcome of one job's call; {@code called} false when it was never made (the consumer stopped first). */
    record RequestResult(long jobId, List<CredentialRequest> requests, Throwable failure, boolean called) {
        @Override
        public String toString() {
            return "RequestResult[" + jobId + ", requests=" + (requests == null ? 0 : requests.size()) + ", failed="
                   + (failure != null) + (called ? "" : ", not called") + "]";
        }
    }

    // poll thread only
    private final Map<Long, RequestJob> jobs = new LinkedHashMap<>();
    private final Set<RequestJob> arrived = new LinkedHashSet<>();
    private boolean indexDirty;
    private boolean restored;

    private final Queue<JobCommand> commands = new ConcurrentLinkedQueue<>();
    private volatile int activeJobs;

    public CredentialRequestsConsumer(CardsavrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected String statePrefix() {
        return "cardsavr.credentialRequests." + configuration.getConsumerName();
    }

    @Override
    protected void beforePolling() {
        if (!restored) {
            Set<Long> ids = new LinkedHashSet<>(configuration.jobIds());
            ids.addAll(store.readJobIndex());
            ids.forEach(this::track);
            restored = true;
        }
        var directory = getEndpoint().getComponent().getJobDirectory();
        if (configuration.isDynamicJobs()) {
            directory.register(CardsavrOperation.credentialRequests, configuration.getConsumerName(), this);
        }
        if (configuration.isStopOnTermination()) {
            directory.addTerminationListener(this);
        }
    }

    @Override
    protected void doStop() throws Exception {
        var directory = getEndpoint().getComponent().getJobDirectory();
        directory.unregister(CardsavrOperation.credentialRequests, configuration.getConsumerName(), this);
        directory.removeTerminationListener(this);
        super.doStop();
    }

    @Override
    public void addJob(long jobId, String accessKey) {
        commands.add(new JobCommand(JobCommand.Kind.ADD, jobId, null));
    }

    @Override
    public void removeJob(long jobId) {
        commands.add(new JobCommand(JobCommand.Kind.REMOVE, jobId, null));
    }

    @Override
    public void jobTerminated(long jobId) {
        commands.add(new JobCommand(JobCommand.Kind.TERMINATED, jobId, null));
    }

    private void track(long jobId) {
        if (!jobs.containsKey(jobId)) {
            jobs.put(jobId, new RequestJob(jobId, configuration.getMaxTrackedEnvelopesPerJob()));
            indexDirty = true;
        }
    }

    @Override
    protected int poll() throws Exception {
        JobCommand c;
        while ((c = commands.poll()) != null) {
            if (c.kind() == JobCommand.Kind.ADD) {
                track(c.jobId());
            } else if (jobs.containsKey(c.jobId())) {
                jobs.get(c.jobId()).polling = false;
                LOG.debug("Job {} {}; no longer polling its credential requests", c.jobId(),
                        c.kind() == JobCommand.Kind.TERMINATED ? "terminated" : "removed");
            }
        }
        int delivered = beginPoll();
        long now = System.nanoTime();
        List<Long> due = new ArrayList<>();
        for (RequestJob job : jobs.values()) {
            if (job.polling && !job.inFlight && now - job.notBeforeNanos >= 0) {
                job.inFlight = true;
                due.add(job.jobId);
            }
        }
        delivered += pollPaced(due);

        jobs.values().removeIf(j -> {
            boolean done = !j.polling && !j.inFlight;
            if (done) {
                indexDirty = true;
                arrived.remove(j);
            }
            return done;
        });
        if (indexDirty) {
            store.writeJobIndex(jobs.keySet());
            indexDirty = false;
        }
        activeJobs = jobs.size();
        endPoll();
        return delivered;
    }

    @Override
    protected CompletableFuture<RequestResult> fetch(Long jobId) {
        return client.pollCredentialRequests(jobId)
                .handle((requests, e) -> new RequestResult(jobId, requests, e == null ? null : unwrap(e), true));
    }

    @Override
    protected RequestResult failedOutcome(Long jobId, Throwable cause) {
        return new RequestResult(jobId, null, cause, true);
    }

    @Override
    protected RequestResult skippedOutcome(Long jobId) {
        return new RequestResult(jobId, null, null, false);
    }

    @Override
    protected void applyOutcome(RequestResult r) {
        RequestJob job = jobs.get(r.jobId());
        if (job == null) {
            return;
        }
        job.inFlight = false;
        if (!r.called()) {
            return;
        }
        callCompleted(r.jobId(), "credential request poll", r.failure());
        if (r.failure() != null) {
            if (r.failure() instanceof CardsavrException ce) {
                ce.getRetryAfter().ifPresent(d -> job.notBeforeNanos = System.nanoTime() + d.toNanos());
            }
        } else {
            job.latest = r.requests() == null ? List.of() : r.requests();
            arrived.add(job);
        }
    }

    @Override
    protected int deliverArrived() {
        int delivered = 0;
        for (var it = arrived.iterator(); it.hasNext() && isBatchAllowed();) {
            RequestJob job = it.next();
            it.remove();
            if (job.latest != null) {
                delivered += emitNew(job);
            }
        }
        return delivered;
    }

    private int emitNew(RequestJob job) {
        List<CredentialRequest> requests = job.latest;
        job.latest = null;
        // what the server no longer lists was answered or expired: forget it
        Set<String> listed = new HashSet<>();
        requests.forEach(r -> listed.add(key(r)));
        job.emitted.retainOnly(listed);
        int delivered = 0;
        for (CredentialRequest request : requests) {
            String key = key(request);
            if (job.emitted.contains(key) || !isBatchAllowed()) {
                continue;
            }
            Exchange exchange = createExchange(false);
            ExchangeHeaders.fromRequest(exchange.getIn(), request);
            if (deliver(exchange, "credential request of job " + job.jobId + " (emitted again on the next poll)")) {
                job.emitted.add(key);
                delivered++;
            }
        }
        return delivered;
    }

    private static String key(CredentialRequest r) {
        return r.getEnvelopeId() != null ? r.getEnvelopeId() : "no-envelope:" + r.getType();
    }

    @Override
    protected void afterJobDelivery(JobBuffer job, int delivered, boolean failed) {
        // requests are not buffered: they stay on the server until answered
    }

    @Override
    int activeJobCount() {
        return activeJobs;
    }

    @Override
    int pausedJobCount() {
        return 0;
    }
}
