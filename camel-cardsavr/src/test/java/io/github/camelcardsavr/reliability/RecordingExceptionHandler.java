package io.github.camelcardsavr.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelcardsavr.consumer.CardsavrFailureLog;
import io.github.camelcardsavr.consumer.JobStatusConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/**
 * The consumers' default exception handler ({@link CardsavrFailureLog}: one WARN line per failure, stack traces at
 * DEBUG), which also remembers what it was given, so that a test can count failures and check the very log lines users
 * get. Its lines carry the jobStatus consumer's logger name, whichever consumer reports.
 */
final class RecordingExceptionHandler implements ExceptionHandler {

    private final List<Throwable> handled = new CopyOnWriteArrayList<>();
    private volatile ExceptionHandler delegate;

    /** A new CamelContext: a new log, as the consumer of a new route would get. */
    void startLog(String routeId) {
        delegate = new CardsavrFailureLog(JobStatusConsumer.class, routeId);
    }

    List<Throwable> handled() {
        return handled;
    }

    /** Failures reported: each failed call and each failed exchange once. */
    int failureCount() {
        return handled.size();
    }

    @Override
    public void handleException(Throwable exception) {
        handled.add(exception);
        delegate.handleException(exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handled.add(exception);
        delegate.handleException(message, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        handled.add(exception);
        delegate.handleException(message, exchange, exception);
    }
}
