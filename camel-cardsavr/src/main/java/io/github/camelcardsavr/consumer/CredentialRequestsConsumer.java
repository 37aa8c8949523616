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
 * server stops listing it. Memory per job is bounded by maxTrackedEnvelopesPerJob.
 */
public class CredentialRequestsConsumer extends AbstractCardsavrConsumer implements DynamicJobTarget {

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

    private record RequestResult(long jobId, List<CredentialRequest> requests, Throwable failure) {
    }

    // poll thread only
    private final Map<Long, RequestJob> jobs = new LinkedHashMap<>();
    private boolean indexDirty;
    private boolean restored;

    private final Queue<JobCommand> commands = new ConcurrentLinkedQueue<>();
    private final Queue<RequestResult> results = new ConcurrentLinkedQueue<>();
    private volatile int activeJobs;

    public CredentialRequestsConsumer(CardsavrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected String statePrefix() {
        return "cardsavr.credentialRequests." + configuration.getConsumerName();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
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
        List<JobFailure> failures = new ArrayList<>();
        applyResults(failures);
        long now = System.nanoTime();
        List<RequestJob> due = new ArrayList<>();
        for (RequestJob job : jobs.values()) {
            if (job.polling && !job.inFlight && now - job.notBeforeNanos >= 0) {
                job.inFlight = true;
                due.add(job);
            }
        }
        CompletableFuture<Void> calls = BoundedFanOut.run(due, configuration.getMaxConcurrentPolls(), this::fetch);
        awaitCalls(calls);
        applyResults(failures);

        int delivered = 0;
        for (RequestJob job : jobs.values()) {
            if (job.latest != null && isBatchAllowed()) {
                delivered += emitNew(job);
            }
        }
        jobs.values().removeIf(j -> {
            boolean done = !j.polling && !j.inFlight;
            indexDirty |= done;
            return done;
        });
        if (indexDirty) {
            store.writeJobIndex(jobs.keySet());
            indexDirty = false;
        }
        activeJobs = jobs.size();
        reportFailures(failures, due.size());
        return delivered;
    }

    private CompletableFuture<RequestResult> fetch(RequestJob job) {
        long id = job.jobId;
        return client.pollCredentialRequests(id)
                .handle((requests, e) -> new RequestResult(id, requests, e == null ? null : unwrap(e)))
                .thenApply(r -> {
                    results.add(r);
                    return r;
                });
    }

    private void applyResults(List<JobFailure> failures) {
        RequestResult r;
        while ((r = results.poll()) != null) {
            RequestJob job = jobs.get(r.jobId());
            if (job == null) {
                continue;
            }
            job.inFlight = false;
            if (r.failure() != null) {
                failures.add(new JobFailure(r.jobId(), "credential request poll", r.failure()));
                if (r.failure() instanceof CardsavrException ce) {
                    ce.getRetryAfter().ifPresent(d -> job.notBeforeNanos = System.nanoTime() + d.toNanos());
                }
            } else {
                job.latest = r.requests() == null ? List.of() : r.requests();
            }
        }
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
