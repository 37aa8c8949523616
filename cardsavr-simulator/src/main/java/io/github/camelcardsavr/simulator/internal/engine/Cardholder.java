package io.github.camelcardsavr.simulator.internal.engine;

import io.github.camelcardsavr.simulator.internal.state.MessageChannel;

/** A cardholder and its destructive message queue, which receives every message of its jobs. */
final class Cardholder {

    private final long id;
    private final MessageChannel queue = new MessageChannel(null, 0);

    Cardholder(long id) {
        this.id = id;
    }

    long id() {
        return id;
    }

    MessageChannel queue() {
        return queue;
    }
}
