package io.github.camelcardsavr.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelcardsavr.CardsavrEndpoint;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer that makes one HTTP call per job and poll (jobStatus, credentialRequests). A poll starts the calls of its
 * due jobs asynchronously, at most {@code maxConcurrentPolls} at once; when more jobs are due than that, the starts are
 * spread evenly over {@link #POLL_SPREAD} of the {@code delay}, so that thousands of jobs make a steady stream of calls
 * instead of a burst at every tick. While the calls are outstanding the poll thread routes each job's messages as soon
 * as its call returned, rather than after the slowest call. A poll waits for its calls at most one {@code delay} (at
 * least {@link #MIN_WAIT_MILLIS}); a slower call's job is not called again until its outcome arrived, and a later poll
 * routes it.
 * <p>
 * Threads: the HTTP client's threads only put call outcomes into an inbox; a single scheduler thread per consumer
 * (from Camel's {@code ExecutorServiceManager}) releases paced starts; everything about the jobs themselves happens on
 * the poll thread.
 *
 * @param <J> what one call needs, captured on the poll thread when the job is found due (immutable)
 * @param <R> the outcome of one call
 */
public abstract class AbstractJobPollingConsumer<J, R> extends AbstractCardsavrConsumer {

    /**
     * When more jobs are due than {@code maxConcurrentPolls}, their calls start spread evenly over this fraction of the
     * consumer's {@code delay}, so that a poll's calls end well within one interval. With Camel's default fixed delay
     * a job is then polled every 1.5 delays; with {@code useFixedDelay=false} exactly once per delay. With fewer due
     * jobs every call starts at once.
     */
    public static final double POLL_SPREAD = 0.5;

    private static final Logger LOG = LoggerFactory.getLogger(AbstractJobPollingConsumer.class);
    /** A poll waits at least this long for its calls (with a short delay), at most one delay. */
    public static final long MIN_WAIT_MILLIS = 1000;

    private static final long WAIT_SLICE_MILLIS = 200;

    private final ResultInbox<R> inbox = new ResultInbox<>();
    private final Set<PacedFanOut.Run<J>> runs = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService pacerExecutor;
    // kept after stop: a poll still finishing then finds the executor shut down and starts nothing more
    private volatile PacedFanOut pacer;

    // poll thread only: the outcomes applied during the current poll
    private final List<JobFailure> failures = new ArrayList<>();
    private int attempted;
    // held by a running poll, and by doStop while it applies the outcomes of calls that outlived the last poll
    private final ReentrantLock pollLock = new ReentrantLock();

    protected AbstractJobPollingConsumer(CardsavrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /**
     * Starts one job's call. Runs on the poll thread or on the pacing thread: use only what {@code job} holds. The
     * future should complete with the outcome, failures included; one that completes exceptionally is turned into
     * {@link #failedOutcome}.
     */
    protected abstract CompletableFuture<R> fetch(J job);

    /** The outcome of a call that failed in an unexpected way. */
    protected abstract R failedOutcome(J job, Throwable cause);

    /** The outcome of a call that was never made because the consumer stopped: it only frees the job. */
    protected abstract R skippedOutcome(J job);

    /**
     * Poll thread: applies one outcome to its job (and reports it with {@link #callCompleted} unless skipped) and
     * remembers the job for {@link #deliverArrived()}.
     */
    protected abstract void applyOutcome(R outcome);

    /** Poll thread: persists and routes what the outcomes applied since the last call brought. */
    protected abstract int deliverArrived() throws Exception;

    /**
     * On stop, with the poll lock held: persists what the outcomes applied since the last call brought, without
     * routing it (the route is stopping), so that a restart delivers it. By default nothing is kept.
     */
    protected void keepArrived() {
    }

    @Override
    public void run() {
        pollLock.lock();
        try {
            super.run();
        } finally {
            pollLock.unlock();
        }
    }

    @Override
    protected void doStart() throws Exception {
        // before super.doStart(), which schedules the first poll
        if (pacerExecutor == null) {
            pacerExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "CardsavrPollPacer");
            pacer = PacedFanOut.on(pacerExecutor);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        // no new call starts once the consumer stops; the skipped jobs are freed by the next poll after a restart
        runs.forEach(PacedFanOut.Run::cancel);
        super.doStop();
        keepOutstandingOutcomes();
        if (pacerExecutor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(pacerExecutor);
            pacerExecutor = null;
        }
    }

    /**
     * A poll may have stopped waiting for slow calls; the server deletes what such a call returns, and there is no
     * later poll to apply it. Waits for them (bounded by connectTimeout + responseTimeout, after which the client has
     * given up on them too), then applies their outcomes and keeps them in the state store without routing them.
     */
    private void keepOutstandingOutcomes() {
        long boundMillis = configuration.getConnectTimeout() + configuration.getResponseTimeout();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, boundMillis));
        boolean interrupted = false;
        try {
            while (!runs.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("{} poll(s) still have calls outstanding after {} ms; their outcomes are not kept",
                            runs.size(), boundMillis);
                    break;
                }
                try {
                    inbox.await(Math.max(1, Math.min(WAIT_SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
            long left = Math.max(0, deadline - System.nanoTime());
            // the poll that was running when the consumer stopped ends quickly (it is interrupted and routes nothing)
            if (!pollLock.tryLock(Math.max(left, TimeUnit.MILLISECONDS.toNanos(WAIT_SLICE_MILLIS)),
                    TimeUnit.NANOSECONDS)) {
                LOG.warn("A poll is still running; the outcomes of its late calls are applied by the next poll");
                return;
            }
            try {
                List<R> arrived = inbox.drain();
                if (!arrived.isEmpty()) {
                    LOG.debug("Keeping the outcomes of {} call(s) that returned after their poll", arrived.size());
                }
                for (R outcome : arrived) {
                    applyOutcome(outcome);
                }
                keepArrived();
            } finally {
                pollLock.unlock();
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (RuntimeException e) {
            LOG.warn("Keeping the outcomes of late calls on stop failed: {}", e.getMessage(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How long the starts of one poll may be spread over: {@link #POLL_SPREAD} of the delay. */
    protected long spreadWindowNanos() {
        return (long) (getTimeUnit().toNanos(getDelay()) * POLL_SPREAD);
    }

    /** How long a poll waits for its calls: one delay, and at least {@link #MIN_WAIT_MILLIS}. */
    protected long maxWaitNanos() {
        return Math.max(getTimeUnit().toNanos(getDelay()), TimeUnit.MILLISECONDS.toNanos(MIN_WAIT_MILLIS));
    }

    /**
     * Begins a poll: applies and routes outcomes that arrived after an earlier poll stopped waiting for them.
     *
     * @return the number of exchanges that completed
     */
    protected final int beginPoll() throws Exception {
        failures.clear();
        attempted = 0;
        return drainAndDeliver();
    }

    /**
     * Calls every due job, paced, and routes each job's results as they arrive. Returns once every call is done, the
     * consumer stops, or {@link #maxWaitNanos()} passed: a call that is slower than that does not hold up the other
     * jobs for long; its job is not called again until its outcome arrived, which a later poll applies and routes.
     *
     * @return the number of exchanges that completed
     */
    protected final int pollPaced(List<J> due) throws Exception {
        if (due.isEmpty()) {
            return 0;
        }
        PacedFanOut.Run<J> run;
        try {
            run = pacer.start(due, configuration.getMaxConcurrentPolls(), spreadWindowNanos(), this::call,
                    job -> inbox.add(skippedOutcome(job)));
        } catch (RuntimeException e) {
            // no job may stay marked in flight without a call that will report on it
            due.forEach(job -> inbox.add(skippedOutcome(job)));
            throw e;
        }
        runs.add(run);
        run.whenDone(() -> {
            runs.remove(run);
            inbox.wake();
        });
        int delivered = 0;
        long boundNanos = maxWaitNanos();
        long deadline = System.nanoTime() + boundNanos;
        try {
            while (!run.isDone()) {
                if (!isRunAllowed()) {
                    run.cancel();
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.debug("{} of {} calls of this poll still outstanding; a later poll applies their outcomes",
                            run.size() - run.started() + run.inFlight(), run.size());
                    break;
                }
                inbox.await(Math.max(1, Math.min(WAIT_SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
                delivered += drainAndDeliver();
            }
        } catch (InterruptedException e) {
            run.cancel();
            Thread.currentThread().interrupt();
            throw e;
        }
        return delivered + drainAndDeliver();
    }

    /** Ends a poll: reports the failed calls of this poll (see {@link #reportFailures}). */
    protected final void endPoll() throws Exception {
        reportFailures(failures, attempted);
    }

    /** Counts a call whose outcome was applied in this poll; {@code failure} null when it succeeded. */
    protected final void callCompleted(long jobId, String operation, Throwable failure) {
        attempted++;
        if (failure != null) {
            failures.add(new JobFailure(jobId, operation, failure));
        }
    }

    private int drainAndDeliver() throws Exception {
        List<R> arrived = inbox.drain();
        for (R outcome : arrived) {
            applyOutcome(outcome);
        }
        return deliverArrived();
    }

    private CompletableFuture<?> call(J job) {
        if (!isRunAllowed()) {
            inbox.add(skippedOutcome(job));
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<R> f;
        try {
            f = fetch(job);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.handle((outcome, e) -> {
            inbox.add(e == null && outcome != null
                    ? outcome
                    : failedOutcome(job, e != null ? unwrap(e) : new IllegalStateException("The call had no outcome")));
            return null;
        });
    }
}
