package io.github.camelcardsavr.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.camelcardsavr.CardsavrConstants;
import io.github.camelcardsavr.CardsavrEndpoint;
import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.model.CardsavrMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Polls {@code GET /messages/cardholders/{id}}: every message of every job of one cardholder, one exchange each, in
 * order per job, with the same commit-on-completion buffering as the jobStatus consumer. One HTTP call per poll covers
 * all the cardholder's jobs, so while any job's buffer is full the whole cardholder waits.
 */
public class CardholderMessagesConsumer extends AbstractCardsavrConsumer {

    private final long cardholderId;
    // poll thread only
    private final Map<Long, JobBuffer> buffers = new LinkedHashMap<>();
    private boolean inFlight;
    private long notBeforeNanos;
    private boolean restored;
    private final Queue<FetchResult> results = new ConcurrentLinkedQueue<>();

    private volatile int activeJobs;
    private volatile int pausedJobs;

    public CardholderMessagesConsumer(CardsavrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.cardholderId = endpoint.getConfiguration().getCardholderId();
    }

    @Override
    protected String statePrefix() {
        return "cardsavr.cardholderMessages." + configuration.getConsumerName() + "." + cardholderId;
    }

    @Override
    protected void beforePolling() {
        if (!restored) {
            store.readPendingByJob().forEach((jobId, messages) -> buffer(jobId).append(messages));
            restored = true;
        }
    }

    @Override
    protected int poll() throws Exception {
        List<JobFailure> failures = new ArrayList<>();
        boolean changed = applyResults(failures);
        int attempted = 0;
        int max = configuration.getMaxBufferedMessagesPerJob();
        boolean full = buffers.values().stream().anyMatch(b -> b.size() >= max);
        if (!inFlight && !full && System.nanoTime() - notBeforeNanos >= 0) {
            inFlight = true;
            attempted = 1;
            CompletableFuture<FetchResult> call = client.pollCardholderMessages(cardholderId)
                    .handle((messages, e) -> e == null
                            ? FetchResult.ok(0, null, messages)
                            : FetchResult.failed(0, null, unwrap(e)))
                    .thenApply(r -> {
                        results.add(r);
                        return r;
                    });
            awaitCalls(call);
            changed |= applyResults(failures);
        }
        if (changed) {
            store.writePendingByJob(snapshot());
        }

        Queue<Object> segments = new LinkedList<>(segments(new ArrayList<>(buffers.values())));
        int delivered = processBatch(segments);

        activeJobs = buffers.size();
        pausedJobs = (int) buffers.values().stream().filter(b -> b.size() >= max).count();
        reportFailures(failures, attempted);
        return delivered;
    }

    private boolean applyResults(List<JobFailure> failures) {
        boolean changed = false;
        FetchResult r;
        while ((r = results.poll()) != null) {
            inFlight = false;
            if (r.failure() != null) {
                failures.add(new JobFailure(0, "poll of cardholder " + cardholderId, r.failure()));
                if (r.failure() instanceof CardsavrException ce) {
                    ce.getRetryAfter().ifPresent(d -> notBeforeNanos = System.nanoTime() + d.toNanos());
                }
                continue;
            }
            for (CardsavrMessage m : r.messages()) {
                buffer(m.getJobId()).append(List.of(m));
                changed = true;
            }
        }
        return changed;
    }

    private JobBuffer buffer(long jobId) {
        return buffers.computeIfAbsent(jobId, JobBuffer::new);
    }

    private Map<Long, List<CardsavrMessage>> snapshot() {
        Map<Long, List<CardsavrMessage>> copy = new LinkedHashMap<>();
        buffers.forEach((id, b) -> copy.put(id, b.snapshot()));
        return copy;
    }

    @Override
    protected void customizeExchange(Exchange exchange) {
        exchange.getIn().setHeader(CardsavrConstants.CARDHOLDER_ID, cardholderId);
    }

    @Override
    protected void afterJobDelivery(JobBuffer job, int delivered, boolean failed) {
        if (delivered == 0) {
            return;
        }
        if (job.isEmpty()) {
            buffers.remove(job.jobId());
            if (job.terminalSeen()) {
                getEndpoint().getComponent().getJobDirectory().jobTerminated(job.jobId());
            }
        }
        store.writePendingByJob(snapshot());
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
