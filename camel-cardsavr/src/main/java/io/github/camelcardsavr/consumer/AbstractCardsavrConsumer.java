package io.github.camelcardsavr.consumer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelcardsavr.CardsavrConfiguration;
import io.github.camelcardsavr.CardsavrEndpoint;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.engine.ChannelType;
import io.github.camelcardsavr.engine.EngineSettings;
import io.github.camelcardsavr.engine.JobBuffer;
import io.github.camelcardsavr.engine.JobEngine;
import io.github.camelcardsavr.engine.Router;
import io.github.camelcardsavr.engine.WindowReport;
import io.github.camelcardsavr.state.CardsavrStateStore;
import io.github.camelcardsavr.state.StateNamespace;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the three cardsavr consumers share: the Camel side of the {@link JobEngine}. The engine polls every channel on
 * its own cadence ({@code delay}); Camel's scheduler runs this consumer's {@link #poll()} back to back, and each poll is
 * a short delivery window that routes each job's messages as their calls return, one exchange at a time, dropping a
 * message only when its exchange completed. Each failed call reaches the consumer's ExceptionHandler once, as it
 * happens; the health check is DOWN while calls keep failing.
 */
public abstract class AbstractCardsavrConsumer extends ScheduledBatchPollingConsumer implements Router {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractCardsavrConsumer.class);

    /** A delivery window lasts one delay, within these bounds (delay=0 polls jobs back to back). */
    static final Duration MIN_WINDOW = Duration.ofMillis(100);
    static final Duration MAX_WINDOW = Duration.ofSeconds(1);

    protected final CardsavrConfiguration configuration;
    protected CardsavrClient client;
    private JobEngine engine;
    private ExecutorService clockThread;
    // stores what calls fetched, off the HTTP client's I/O threads (only with a stateRepository)
    private ExecutorService stateThread;
    // held by a running window, and by doStop while it keeps what late calls fetched
    private final ReentrantLock windowLock = new ReentrantLock();
    private int failedWindows;
    private int idleWindows;

    protected AbstractCardsavrConsumer(CardsavrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public CardsavrEndpoint getEndpoint() {
        return (CardsavrEndpoint) super.getEndpoint();
    }

    /** The key prefix of this consumer's entries in the state repository (see {@link StateNamespace}). */
    protected abstract String statePrefix();

    /** The call this consumer makes per channel, and what its reply means. */
    protected abstract ChannelType channelType(CardsavrClient client);

    /** True when each channel is one job; false for a cardholder's channel, which carries many jobs. */
    protected abstract boolean channelPerJob();

    /** True when the server deletes what a call returns, so undelivered items must outlive a restart. */
    protected abstract boolean durableItems();

    /** The channels the route names: its jobs, or its cardholder. */
    protected abstract List<Long> configuredChannels();

    /** Sets the body and the CamelCardsavr* headers of the exchange that carries one item. */
    protected abstract void fillExchange(Exchange exchange, JobBuffer job, Object item);

    /** Called once the engine polls (register with the component's job directory here). */
    protected void afterEngineStarted(JobEngine engine) {
    }

    /** Called before the engine stops polling. */
    protected void beforeEngineStops(JobEngine engine) {
    }

    JobEngine engine() {
        return engine;
    }

    /**
     * The jobs this consumer polls right now (jobStatus, credentialRequests) or holds undelivered messages of
     * (cardholderMessages). A job leaves once nothing of it is on the wire or waiting to be routed.
     */
    public Collection<Long> getJobs() {
        return engine == null ? List.of() : engine.jobs();
    }

    int maxBufferedMessagesPerJob() {
        return configuration.getMaxBufferedMessagesPerJob();
    }

    @Override
    protected void doBuild() throws Exception {
        // installed before the superclass would create the plain scheduled-poll check
        if (getHealthCheck() == null) {
            setHealthCheck(new CardsavrConsumerHealthCheck(this, "consumer:" + getRouteId()));
        }
        super.doBuild();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // Camel's default logs every failure with a full stack trace; a route's own handler or bridge is left alone
        if (getExceptionHandler() instanceof LoggingExceptionHandler) {
            setExceptionHandler(new CardsavrFailureLog(getClass(), getRouteId()));
        }
    }

    @Override
    protected void doStart() throws Exception {
        client = getEndpoint().getClient();
        var repository = configuration.getStateRepository();
        if (repository != null) {
            CamelContextAware.trySetCamelContext(repository, getEndpoint().getCamelContext());
            // e.g. FileStateRepository loads its file on start; starting twice is harmless
            ServiceHelper.startService(repository);
        }
        if (repository != null) {
            StateNamespace.claim(repository, statePrefix());
        }
        if (engine == null) {
            CardsavrStateStore store = CardsavrStateStore.of(repository, statePrefix(),
                    repository == null ? null : configuration.stateSealer(repository, statePrefix()));
            engine = new JobEngine(engineSettings(), channelType(client), store);
            engine.callsAllowedWhen(() -> isRunAllowed() && !isSuspended());
            engine.onFailure(f -> getExceptionHandler().handleException(f.describe(), f.cause()));
            engine.restore(configuredChannels(), configuration.getAccessKey());
        }
        clockThread = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "CardsavrPollClock");
        if (repository != null && durableItems()) {
            stateThread = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "CardsavrStateWriter");
            engine.storeArrivalsOn(stateThread);
        }
        engine.start(clockThread);
        afterEngineStarted(engine);
        // schedules the delivery windows
        super.doStart();
    }

    private EngineSettings engineSettings() {
        return new EngineSettings(interval(), Duration.ofMillis(Math.max(0, getTimeUnit().toMillis(getInitialDelay()))),
                configuration.getMaxConcurrentPolls(), configuration.getMaxBufferedMessagesPerJob(),
                configuration.isStopOnTermination(), channelPerJob(), durableItems(),
                Duration.ofMillis(configuration.getRetryAfterCap()), callWorstCase(),
                Duration.ofMillis(configuration.getJobTimeoutMargin()), Duration.ofMillis(configuration.getMessageRetention()),
                configuration.isStateWritePerExchange());
    }

    /** How often each job is polled: the consumer's delay. */
    Duration interval() {
        return Duration.ofNanos(getTimeUnit().toNanos(Math.max(0, getDelay())));
    }

    // a lease wait, a connect and the overall response deadline: after that the client has given up on a call too
    private Duration callWorstCase() {
        long response = configuration.getResponseTimeout();
        return Duration.ofMillis(response + configuration.getConnectTimeout() + 2 * response);
    }

    /**
     * Delivery windows run back to back: the engine keeps each job's cadence itself, so Camel's scheduler only has to
     * start the next window when one ends (a custom scheduler, e.g. a cron one, is left as configured).
     */
    @Override
    protected void afterConfigureScheduler(ScheduledPollConsumerScheduler scheduler, boolean newScheduler) {
        super.afterConfigureScheduler(scheduler, newScheduler);
        if (newScheduler && scheduler instanceof DefaultScheduledPollConsumerScheduler s) {
            s.setUseFixedDelay(true);
            s.setDelay(1);
            s.setTimeUnit(TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected int poll() throws Exception {
        windowLock.lock();
        try {
            if (!isRunAllowed()) {
                // stopping: doStop kept what arrived, and routes nothing more
                return 0;
            }
            Duration delay = interval();
            Duration window = delay.compareTo(MIN_WINDOW) < 0 ? MIN_WINDOW : delay.compareTo(MAX_WINDOW) > 0 ? MAX_WINDOW : delay;
            WindowReport report = engine.runWindow(window, this, getMaxMessagesPerPoll());
            backOffIfConfigured(report);
            if (getExceptionHandler() instanceof CardsavrFailureLog failures) {
                failures.summarizeIfDue();
            }
            return report.delivered();
        } finally {
            windowLock.unlock();
        }
    }

    /**
     * Camel's backoff options, applied to calls: after backoffErrorThreshold failed or backoffIdleThreshold idle
     * polls, no call starts for backoffMultiplier delays (what was received is still delivered).
     */
    private void backOffIfConfigured(WindowReport report) {
        if (report.calls() == 0) {
            return;
        }
        failedWindows = report.allCallsFailed() ? failedWindows + 1 : 0;
        idleWindows = report.delivered() == 0 && report.failedCalls() == 0 ? idleWindows + 1 : 0;
        if (getBackoffMultiplier() <= 0) {
            return;
        }
        boolean errors = getBackoffErrorThreshold() > 0 && failedWindows >= getBackoffErrorThreshold();
        boolean idle = getBackoffIdleThreshold() > 0 && idleWindows >= getBackoffIdleThreshold();
        if (errors || idle) {
            engine.pauseCalls(interval().multipliedBy(getBackoffMultiplier()));
            failedWindows = 0;
            idleWindows = 0;
        }
    }

    @Override
    public int processBatch(Queue<Object> exchanges) {
        // the engine hands items to route(...) one at a time; nothing is queued for a batch
        return 0;
    }

    /** Routes one item as one exchange and waits until the route is done with it (it may continue asynchronously). */
    @Override
    public boolean route(JobBuffer job, Object item, int batchIndex, int batchSize) {
        Exchange exchange = createExchange(false);
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, batchIndex);
        exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, batchSize);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, batchIndex == batchSize - 1);
        fillExchange(exchange, job, item);
        boolean ok;
        try {
            ok = processAndAwait(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        } catch (Exception e) {
            exchange.setException(e);
            ok = false;
        }
        if (!ok) {
            Exception cause = exchange.getException();
            getExceptionHandler().handleException("Processing a CardSavr item of job " + job.jobId()
                                                  + " failed (it and the " + (job.size() - 1) + " later item(s) of this"
                                                  + " job are delivered again on the next poll)",
                    exchange, cause != null ? cause : new IllegalStateException("Exchange did not complete"));
        }
        releaseExchange(exchange, false);
        return ok;
    }

    // commit-on-success: the route's callback runs once its unit of work is done
    private boolean processAndAwait(Exchange exchange) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        boolean sync = getAsyncProcessor().process(exchange, doneSync -> done.countDown());
        if (!sync) {
            // a stopping consumer waits too: an exchange given up on would still do its work, and be routed again
            while (!done.await(200, TimeUnit.MILLISECONDS)) {
                if (getEndpoint().getCamelContext().getShutdownStrategy().isForceShutdown()) {
                    return false;
                }
            }
        }
        return !exchange.isFailed() && !exchange.isRollbackOnly();
    }

    /** Suspended or stopping: the exchange in flight finishes, no other starts. */
    @Override
    public boolean mayRoute() {
        return isRunAllowed() && !isSuspendingOrSuspended();
    }

    /**
     * Stops calls, lets the window end after the exchange in flight (committed if the route completes it), keeps what
     * late calls fetched, and only then lets Camel stop the route's processors: stopped earlier, they would fail an
     * exchange that may already have done its work (a route policy or {@code master:} that loses leadership stops the
     * consumer while it routes).
     */
    @Override
    protected void doStop() throws Exception {
        if (engine != null) {
            beforeEngineStops(engine);
            engine.stop();
        }
        keepLateReplies();
        super.doStop();
        if (configuration.getStateRepository() != null) {
            StateNamespace.release(configuration.getStateRepository(), statePrefix());
        }
        if (clockThread != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(clockThread);
            clockThread = null;
        }
        if (stateThread != null) {
            // after the late replies: a reply being stored there reached the inbox before the engine's stop returned
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(stateThread);
            stateThread = null;
        }
    }

    // what calls fetched after the last window is stored, not routed: a restart delivers it
    private void keepLateReplies() throws InterruptedException {
        if (engine == null) {
            return;
        }
        // the window ends after its exchange in flight, which Camel's graceful shutdown waits for as long as this
        var shutdown = getEndpoint().getCamelContext().getShutdownStrategy();
        long waitMillis = Math.max(callWorstCase().toMillis(), shutdown.getTimeUnit().toMillis(shutdown.getTimeout()));
        if (windowLock.tryLock(Math.max(1, waitMillis), TimeUnit.MILLISECONDS)) {
            try {
                engine.keepLateReplies();
            } finally {
                windowLock.unlock();
            }
        } else {
            LOG.warn("Route {}: the exchange in flight did not end within {} ms of stopping; the consumer's buffers were"
                     + " not stored once more", getRouteId(), waitMillis);
        }
    }
}
