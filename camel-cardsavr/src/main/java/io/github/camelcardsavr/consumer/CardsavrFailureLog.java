package io.github.camelcardsavr.consumer;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.github.camelcardsavr.client.CardsavrException;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumers' default exception handler: one WARN line per failure (what failed, the status or reason, which job,
 * when it is tried again), the stack trace only at DEBUG, and no more than {@value #WARN_LINES_PER_MINUTE} such lines a
 * minute; beyond that, failures are counted and a summary line per minute says how many and why, as long as they go
 * on. Installed unless the route sets its own exceptionHandler or bridgeErrorHandler.
 */
public final class CardsavrFailureLog implements ExceptionHandler {

    static final int WARN_LINES_PER_MINUTE = 100;
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger log;
    private final String routeId;
    private long periodStartNanos = System.nanoTime();
    private int warned;
    private int counted;
    private final Map<String, Integer> countedByReason = new TreeMap<>();

    public CardsavrFailureLog(Class<?> consumer, String routeId) {
        this.log = LoggerFactory.getLogger(consumer);
        this.routeId = routeId;
    }

    @Override
    public void handleException(Throwable exception) {
        handle(null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handle(message, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        handle(message, exception);
    }

    private synchronized void handle(String message, Throwable exception) {
        summarizeIfDue();
        String line = line(message, exception);
        if (warned < WARN_LINES_PER_MINUTE) {
            warned++;
            log.warn(line);
        } else {
            counted++;
            countedByReason.merge(reason(exception), 1, Integer::sum);
            log.debug(line);
        }
        if (exception != null && log.isDebugEnabled()) {
            log.debug("Stack trace of: " + line, exception);
        }
    }

    /** Writes the summary of the minute that ended, if failures were counted in it; called on every delivery window. */
    public synchronized void summarizeIfDue() {
        long now = System.nanoTime();
        if (now - periodStartNanos < MINUTE_NANOS) {
            return;
        }
        if (counted > 0) {
            log.warn("CardSavr consumer of route {}: {} more failure(s) in the last {} s were not logged one by one: {}",
                    routeId, counted, TimeUnit.NANOSECONDS.toSeconds(now - periodStartNanos), countedByReason);
        }
        periodStartNanos = now;
        warned = 0;
        counted = 0;
        countedByReason.clear();
    }

    private static String line(String message, Throwable exception) {
        if (exception == null) {
            return message == null ? "CardSavr consumer failure" : message;
        }
        String text = exception.getMessage() == null ? exception.getClass().getSimpleName()
                : exception.getClass().getSimpleName() + ": " + exception.getMessage();
        if (message == null) {
            return text;
        }
        // a call failure's description already ends with the client's message
        return exception.getMessage() != null && message.contains(exception.getMessage()) ? message : message + ": " + text;
    }

    private static String reason(Throwable exception) {
        if (exception instanceof CardsavrException e) {
            return e.getStatusCode() > 0 ? "HTTP " + e.getStatusCode() : e.getReason().name();
        }
        return exception == null ? "unknown" : exception.getClass().getSimpleName();
    }
}
