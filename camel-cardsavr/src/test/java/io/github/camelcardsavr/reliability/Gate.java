package io.github.camelcardsavr.reliability;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds one route step until the test lets it go, to stop a CamelContext (or copy its state file) at an exact point of
 * a delivery. The wait ignores interrupts, as a blocking downstream call (a broker send) would; {@link #crash()} makes
 * the held step fail instead of completing, which is what a process that dies there looks like to the consumer.
 */
final class Gate {

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean crash;

    /** Called by the route step: blocks until released; throws if released with {@link #crash()}. */
    void pass() {
        reached.countDown();
        boolean interrupted = false;
        while (true) {
            try {
                if (released.await(100, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (crash) {
            throw new IllegalStateException("simulated process death in the middle of a delivery");
        }
    }

    boolean isReached() {
        return reached.getCount() == 0;
    }

    void release() {
        released.countDown();
    }

    void crash() {
        crash = true;
        released.countDown();
    }
}
