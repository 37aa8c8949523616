package io.github.camelcardsavr.engine;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every channel its own steady cadence: a channel is due every {@code interval}, on a fixed grid that does not
 * drift with call latency, whatever the other channels do. One thread sleeps until the earliest due time and hands due
 * channels to the engine; it never waits for a call.
 * <p>
 * A new channel takes a quiet phase of the interval ({@link PhaseLoad}), so that thousands of jobs, however they
 * arrive, make a steady stream of calls rather than a burst at every tick.
 */
final class PollClock implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PollClock.class);

    /** Decides, for a channel whose due time came, whether to call it now. */
    @FunctionalInterface
    interface Due {
        void due(PolledChannel channel, long dueNanos, long nowNanos);
    }

    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * The shortest sleep: channels falling due within it are started together when it ends. Ten thousand jobs every
     * 250 ms are due 25 microseconds apart, and parking for each of them cost more CPU than the engine's own work
     * per call; a channel's calls all start up to this late, so the gaps between them keep the cadence.
     */
    static final long MIN_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final long intervalNanos;
    private final Due due;
    private final PhaseLoad phases;
    // clock thread only: channels due again one interval after their last turn, in due order by construction
    private final ArrayDeque<PolledChannel> inTurn = new ArrayDeque<>();
    // clock thread only: arrivals and channels that skipped ticks
    private final PriorityQueue<PolledChannel> sorted = new PriorityQueue<>(Comparator.comparingLong(c -> c.dueNanos));
    private final Queue<PolledChannel> arrivals = new ConcurrentLinkedQueue<>();
    private final long firstCallNanos;
    private volatile Thread thread;
    private volatile boolean running = true;

    /**
     * @param intervalNanos  how often each channel is due (at least one millisecond)
     * @param firstCallNanos no channel is due before this {@code System.nanoTime()} (the consumer's initial delay)
     */
    PollClock(long intervalNanos, long firstCallNanos, Due due) {
        this.intervalNanos = Math.max(intervalNanos, TimeUnit.MILLISECONDS.toNanos(1));
        this.firstCallNanos = firstCallNanos;
        this.due = due;
        this.phases = new PhaseLoad(this.intervalNanos, firstCallNanos);
    }

    void add(PolledChannel channel) {
        arrivals.add(channel);
        LockSupport.unpark(thread);
    }

    void stop() {
        running = false;
        LockSupport.unpark(thread);
    }

    int scheduled() {
        return inTurn.size() + sorted.size() + arrivals.size();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running && !Thread.currentThread().isInterrupted()) {
            long wait = tick(System.nanoTime());
            LockSupport.parkNanos(this, wait < 0 ? IDLE_PARK_NANOS : Math.max(wait, MIN_PARK_NANOS));
        }
    }

    /**
     * Hands every channel whose due time came by {@code now} to the engine, earliest first, and puts it back at its
     * next due time.
     *
     * @return nanoseconds until the next due time, or -1 when no channel is scheduled
     */
    long tick(long now) {
        admit(now);
        while (running) {
            PolledChannel head = earliest();
            if (head == null) {
                return -1;
            }
            if (!head.isPolling()) {
                take(head);
                phases.leave(head.dueNanos);
                continue;
            }
            long wait = head.dueNanos - now;
            if (wait > 0) {
                return wait;
            }
            take(head);
            long dueNanos = head.dueNanos;
            try {
                due.due(head, dueNanos, now);
            } catch (RuntimeException e) {
                // one channel's trouble must not stop the clock of all the others
                LOG.error("Starting the due call of {} failed; it is due again at its next turn", head, e);
            }
            head.dueNanos = nextDue(dueNanos, now);
            if (head.dueNanos == dueNanos + intervalNanos) {
                // every channel of the clock has the same interval: the one that was due first is due again first,
                // so the queue stays in due order without sorting (and ten thousand channels cost no heap operations)
                inTurn.addLast(head);
            } else {
                // skipped ticks put it on its own grid point, which may come before channels queued in turn
                sorted.add(head);
            }
        }
        return -1;
    }

    private PolledChannel earliest() {
        PolledChannel a = inTurn.peekFirst();
        PolledChannel b = sorted.peek();
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.dueNanos - a.dueNanos < 0 ? b : a;
    }

    private void take(PolledChannel head) {
        if (inTurn.peekFirst() == head) {
            inTurn.pollFirst();
        } else {
            sorted.poll();
        }
    }

    // the next point on the channel's grid after now: a late tick is not made up for, the grid does not shift
    long nextDue(long dueNanos, long now) {
        long next = dueNanos + intervalNanos;
        if (next - now <= 0) {
            long missed = (now - dueNanos) / intervalNanos;
            next = dueNanos + (missed + 1) * intervalNanos;
        }
        return next;
    }

    void admit(long now) {
        if (arrivals.isEmpty()) {
            return;
        }
        long start = now - firstCallNanos < 0 ? firstCallNanos : now;
        PolledChannel channel;
        while ((channel = arrivals.poll()) != null) {
            channel.dueNanos = phases.place(start);
            sorted.add(channel);
        }
    }
}
