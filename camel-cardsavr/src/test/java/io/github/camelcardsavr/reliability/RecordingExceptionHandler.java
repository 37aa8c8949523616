package io.github.camelcardsavr.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelcardsavr.consumer.JobStatusConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.LoggingExceptionHandler;

/**
 * The consumer's exception handler as Camel sets it by default (log at WARN), which also remembers what it was given,
 * so that a test can count poll failures and check what users would see in their logs.
 */
final class RecordingExceptionHandler implements ExceptionHandler {

    private final List<Throwable> handled = new CopyOnWriteArrayList<>();
    private volatile ExceptionHandler delegate;

    void useContext(CamelContext context) {
        delegate = new LoggingExceptionHandler(context, JobStatusConsumer.class);
    }

    List<Throwable> handled() {
        return handled;
    }

    /**
     * Failures reported, counting those Camel got as one poll failure: when every job of a poll fails, the consumer
     * throws the first failure with the others attached as suppressed exceptions.
     */
    int failureCount() {
        return handled.stream().mapToInt(t -> 1 + t.getSuppressed().length).sum();
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
