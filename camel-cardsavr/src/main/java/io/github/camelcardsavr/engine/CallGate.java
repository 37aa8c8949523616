package io.github.camelcardsavr.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Lets at most {@code maxInFlight} calls run at once; channels that are due while every slot is taken wait in arrival
 * order and start as slots free up. It limits concurrency, never a channel's cadence: a waiting channel starts the
 * moment a call ends, on the thread that ended it.
 * <p>
 * Whoever submits or releases drains the queue in a loop guarded by a counter, so calls are started by one thread at
 * a time and the stack does not grow when calls complete at once.
 */
final class CallGate {

    private final Queue<PolledChannel> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger free;
    private final AtomicInteger work = new AtomicInteger();
    private final Consumer<PolledChannel> start;

    /**
     * @param start starts the channel's call; the caller {@link #release()}s the slot when that call ends (also when
     *              it fails or throws)
     */
    CallGate(int maxInFlight, Consumer<PolledChannel> start) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive, was " + maxInFlight);
        }
        this.free = new AtomicInteger(maxInFlight);
        this.start = start;
    }

    void submit(PolledChannel channel) {
        waiting.add(channel);
        drain();
    }

    void release() {
        free.incrementAndGet();
        drain();
    }

    int waiting() {
        return waiting.size();
    }

    private void drain() {
        if (work.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            while (!waiting.isEmpty() && free.get() > 0) {
                PolledChannel next = waiting.poll();
                if (next == null) {
                    break;
                }
                free.decrementAndGet();
                start.accept(next);
            }
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }
}
