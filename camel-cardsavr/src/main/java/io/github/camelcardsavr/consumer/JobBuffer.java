package io.github.camelcardsavr.consumer;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;

import io.github.camelcardsavr.model.CardsavrMessage;

/**
 * The messages of one job that the server has handed out (and so deleted) but the route has not yet processed
 * successfully, oldest first. Only the consumer's poll thread touches it.
 */
final class JobBuffer {

    private final long jobId;
    private final ArrayDeque<CardsavrMessage> pending = new ArrayDeque<>();
    private boolean terminalSeen;

    JobBuffer(long jobId) {
        this.jobId = jobId;
    }

    long jobId() {
        return jobId;
    }

    void append(Collection<CardsavrMessage> messages) {
        for (CardsavrMessage m : messages) {
            pending.addLast(m);
            if (m.isTerminal()) {
                terminalSeen = true;
            }
        }
    }

    CardsavrMessage peek() {
        return pending.peekFirst();
    }

    /** The route completed the oldest message: forget it. */
    void commitOldest() {
        pending.pollFirst();
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    int size() {
        return pending.size();
    }

    /** A message with termination_type or percent_complete 100 has been received (it may not be delivered yet). */
    boolean terminalSeen() {
        return terminalSeen;
    }

    void markTerminalSeen() {
        terminalSeen = true;
    }

    List<CardsavrMessage> snapshot() {
        return List.copyOf(pending);
    }
}
