package io.github.camelcardsavr.consumer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;

/**
 * Learns whether the route completed an exchange. The consumer drops a message from its buffer only on
 * {@link #onComplete}; on {@link #onFailure} the message and everything after it for the same job stay.
 */
final class DeliveryOutcome implements Synchronization {

    private final CompletableFuture<Boolean> done = new CompletableFuture<>();

    @Override
    public void onComplete(Exchange exchange) {
        done.complete(Boolean.TRUE);
    }

    @Override
    public void onFailure(Exchange exchange) {
        done.complete(Boolean.FALSE);
    }

    /**
     * Waits until the exchange is done. Normally it already is when the processor returns; a route that handed the
     * exchange to another thread is waited for, so that messages of a job still go one at a time.
     *
     * @return true if the exchange completed; false if it failed or the consumer is stopping before it finished
     */
    boolean await(BooleanSupplier stillRunning) throws InterruptedException {
        while (true) {
            try {
                return done.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!stillRunning.getAsBoolean()) {
                    return false;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                return false;
            }
        }
    }

    void failedBeforeRouting() {
        done.complete(Boolean.FALSE);
    }

    @Override
    public String toString() {
        return "CardsavrDeliveryOutcome";
    }
}
