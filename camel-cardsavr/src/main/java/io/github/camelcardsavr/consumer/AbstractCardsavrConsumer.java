package io.github.camelcardsavr.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelcardsavr.CardsavrConfiguration;
import io.github.camelcardsavr.CardsavrEndpoint;
import io.github.camelcardsavr.client.CardsavrClient;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.state.CardsavrStateStore;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * What the cardsavr consumers share: the client, the state store, the health check, and delivery of buffered messages
 * one exchange at a time with commit-on-completion.
 */
public abstract class AbstractCardsavrConsumer extends ScheduledBatchPollingConsumer {

    protected final CardsavrConfiguration configuration;
    protected CardsavrClient client;
    protected CardsavrStateStore store;
    private volatile int failingJobs;

    protected AbstractCardsavrConsumer(CardsavrEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public CardsavrEndpoint getEndpoint() {
        return (CardsavrEndpoint) super.getEndpoint();
    }

    /** The key prefix of this consumer's entries in the state repository. */
    protected abstract String statePrefix();

    abstract int activeJobCount();

    abstract int pausedJobCount();

    int failingJobCount() {
        return failingJobs;
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
    protected void doStart() throws Exception {
        client = getEndpoint().getClient();
        var repository = configuration.getStateRepository();
        if (repository != null) {
            CamelContextAware.trySetCamelContext(repository, getEndpoint().getCamelContext());
            // e.g. FileStateRepository loads its file on start; starting twice is harmless
            ServiceHelper.startService(repository);
        }
        store = CardsavrStateStore.of(repository, statePrefix(), configuration.stateSealingSecret());
        beforePolling();
        // schedules the polls: with initialDelay=0 the first one may run at once, on the scheduler's thread
        super.doStart();
    }

    /**
     * Called on start once the client and the state store are ready and before the first poll is scheduled: restore
     * state and register here, so that no poll runs before it is done.
     */
    protected void beforePolling() throws Exception {
    }

    /**
     * Delivers the buffered messages of each job, oldest first, one exchange at a time. A job stops at its first
     * failed exchange: that message and the later ones stay buffered and go first on the next poll. A poll of many
     * jobs may route several such batches, one per group of calls that returned together; the exchange properties
     * {@code CamelBatchIndex}, {@code CamelBatchSize} and {@code CamelBatchComplete} describe the batch.
     *
     * @param  segments {@link JobBuffer}s in delivery order
     * @return          the number of exchanges that completed
     */
    @Override
    public int processBatch(Queue<Object> segments) throws Exception {
        int total = 0;
        for (Object o : segments) {
            total += ((JobBuffer) o).size();
        }
        int index = 0;
        int completed = 0;
        while (!segments.isEmpty() && isBatchAllowed()) {
            JobBuffer job = (JobBuffer) segments.poll();
            int delivered = 0;
            boolean failed = false;
            while (!job.isEmpty() && isBatchAllowed()) {
                pendingExchanges = total - index - 1;
                Exchange exchange = createExchange(false);
                exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
                exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
                exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
                ExchangeHeaders.fromMessage(exchange.getIn(), job.peek());
                customizeExchange(exchange);
                index++;
                if (deliver(exchange, "message of job " + job.jobId() + " (it and the " + (job.size() - 1)
                                      + " later message(s) of this job are delivered again on the next poll)")) {
                    job.commitOldest();
                    delivered++;
                } else {
                    failed = true;
                    break;
                }
            }
            completed += delivered;
            afterJobDelivery(job, delivered, failed);
        }
        pendingExchanges = 0;
        return completed;
    }

    /** Adds consumer specific headers to an exchange before it is routed. */
    protected void customizeExchange(Exchange exchange) {
    }

    /** Called after a job's messages of this poll were handed to the route, e.g. to persist what remains. */
    protected abstract void afterJobDelivery(JobBuffer job, int delivered, boolean failed);

    /**
     * Routes one exchange and waits for its outcome.
     *
     * @return true if the route completed it
     */
    protected boolean deliver(Exchange exchange, String what) {
        DeliveryOutcome outcome = new DeliveryOutcome();
        exchange.getExchangeExtension().addOnCompletion(outcome);
        boolean ok;
        try {
            getProcessor().process(exchange);
            ok = outcome.await(this::isRunAllowed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        } catch (Exception e) {
            exchange.setException(e);
            outcome.failedBeforeRouting();
            ok = false;
        }
        if (!ok) {
            Exception cause = exchange.getException();
            getExceptionHandler().handleException("Processing a CardSavr " + what + " failed", exchange,
                    cause != null ? cause : new IllegalStateException("Exchange did not complete"));
        }
        releaseExchange(exchange, false);
        return ok;
    }

    /**
     * Waits for this poll's HTTP calls. They always finish (the client has connect and response timeouts); the bound
     * here only protects the poll thread from a misbehaving future. Calls still running are picked up next poll.
     */
    protected void awaitCalls(CompletableFuture<?> calls) throws InterruptedException {
        long boundMillis = 4 * (configuration.getConnectTimeout() + configuration.getResponseTimeout());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(boundMillis);
        while (isRunAllowed() && System.nanoTime() < deadline) {
            try {
                calls.get(200, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                // check for shutdown, then wait on
            } catch (ExecutionException e) {
                return;
            }
        }
    }

    /**
     * Reports this poll's failed HTTP calls. When every call failed the poll itself fails: Camel then counts the error
     * (backoffErrorThreshold, health check DOWN with the HTTP code) and hands it to the consumer's ExceptionHandler.
     * Otherwise each failure goes to the ExceptionHandler and the other jobs carry on.
     */
    protected void reportFailures(List<JobFailure> failures, int attempted) throws Exception {
        failingJobs = failures.size();
        if (failures.isEmpty()) {
            return;
        }
        if (failures.size() == attempted) {
            Throwable first = failures.get(0).cause();
            for (JobFailure other : failures.subList(1, failures.size())) {
                if (other.cause() != first) {
                    first.addSuppressed(other.cause());
                }
            }
            if (first instanceof Exception e) {
                throw e;
            }
            throw new IllegalStateException(first);
        }
        for (JobFailure f : failures) {
            getExceptionHandler().handleException(f.describe(), f.cause());
        }
    }

    static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
               && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A failed HTTP call of one job (or of the cardholder, with job id 0). */
    protected record JobFailure(long jobId, String operation, Throwable cause) {
        String describe() {
            return "CardSavr " + operation + (jobId > 0 ? " of job " + jobId : "") + " failed: " + cause.getMessage();
        }
    }

    static List<Object> segments(List<JobBuffer> jobs) {
        List<Object> segments = new ArrayList<>();
        for (JobBuffer job : jobs) {
            if (!job.isEmpty()) {
                segments.add(job);
            }
        }
        return segments;
    }

    static boolean anyTerminal(List<CardsavrMessage> messages) {
        return messages.stream().anyMatch(CardsavrMessage::isTerminal);
    }
}
