package io.github.camelcardsavr.engine;

/** Hands items to the route, one exchange at a time: the Camel side of the engine. */
public interface Router {

    /**
     * Routes one item and waits for its outcome.
     *
     * @param  batchIndex the item's position among the items routed together (exchange property CamelBatchIndex)
     * @param  batchSize  how many items are routed together
     * @return            true if the route completed the exchange; false if it failed (the item stays buffered)
     */
    boolean route(JobBuffer job, Object item, int batchIndex, int batchSize);

    /** False once the consumer is stopping or suspended: nothing more is routed (the exchange in flight finishes). */
    boolean mayRoute();
}
