package io.github.camelcardsavr.examples.support;

import io.github.camelcardsavr.CardsavrConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Follows every job from the component's headers, as the last step of a route, so it counts only
 * what was delivered. The jobs named up front decide when the run is over; jobs that just show up in
 * a cardholder's stream are followed too but waited for by nobody.
 */
public final class JobTracker implements Processor {

    private final Map<Long, JobProgress> jobs = new LinkedHashMap<>();
    private final Map<Long, Boolean> expected = new LinkedHashMap<>();
    private final List<Consumer<JobProgress>> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> doneListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean doneFired = new AtomicBoolean();
    private int holds;

    /** Waits for this job: the run is over when every expected job has terminated. */
    public synchronized void expect(DemoJob job) {
        JobProgress seen = jobs.get(job.jobId());
        jobs.put(job.jobId(), seen == null ? JobProgress.waiting(job) : seen.withSite(job.site()));
        expected.put(job.jobId(), Boolean.TRUE);
    }

    public void expectAll(List<DemoJob> demoJobs) {
        demoJobs.forEach(this::expect);
    }

    /**
     * Keeps the run open while more jobs are still to come, even if every job so far has terminated;
     * each hold is ended by one {@link #release()}.
     */
    public synchronized void hold() {
        holds++;
    }

    public void release() {
        synchronized (this) {
            if (holds == 0) {
                throw new IllegalStateException("release() without hold()");
            }
            holds--;
        }
        fireIfDone();
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        Long jobId = in.getHeader(CardsavrConstants.JOB_ID, Long.class);
        if (jobId == null) {
            throw new IllegalArgumentException("Message has no " + CardsavrConstants.JOB_ID
                    + " header; is this route fed by a cardsavr consumer?");
        }
        record(jobId, in.getHeader(CardsavrConstants.STATUS, String.class),
                in.getHeader(CardsavrConstants.PERCENT_COMPLETE, Double.class),
                in.getHeader(CardsavrConstants.TERMINATION_TYPE, String.class));
    }

    /** One delivered message of {@code jobId}; {@code status} and the rest are null for non-status messages. */
    public void record(long jobId, String status, Double percent, String terminationType) {
        JobProgress updated;
        synchronized (this) {
            JobProgress current = jobs.computeIfAbsent(jobId,
                    id -> JobProgress.waiting(new DemoJob(id, DemoJob.UNKNOWN_SITE)));
            updated = current.next(status, percent, terminationType);
            jobs.put(jobId, updated);
        }
        changeListeners.forEach(listener -> listener.accept(updated));
        fireIfDone();
    }

    private void fireIfDone() {
        if (allTerminated() && doneFired.compareAndSet(false, true)) {
            doneListeners.forEach(Runnable::run);
        }
    }

    public synchronized List<JobProgress> snapshot() {
        return new ArrayList<>(jobs.values());
    }

    public synchronized JobProgress job(long jobId) {
        return jobs.get(jobId);
    }

    /** True once at least one job was expected, all expected jobs have terminated, and no hold is left. */
    public synchronized boolean allTerminated() {
        return holds == 0 && !expected.isEmpty()
                && expected.keySet().stream().allMatch(id -> jobs.get(id).terminated());
    }

    public synchronized boolean hasExpectedJobs() {
        return !expected.isEmpty();
    }

    /** Called after every recorded message, outside the tracker's lock. */
    public void onChange(Consumer<JobProgress> listener) {
        changeListeners.add(listener);
    }

    /** Called once, by the thread that records the last expected job's final message. */
    public void onAllTerminated(Runnable listener) {
        doneListeners.add(listener);
    }
}
