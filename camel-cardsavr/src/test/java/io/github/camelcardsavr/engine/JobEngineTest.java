package io.github.camelcardsavr.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.camelcardsavr.client.CardsavrException;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.JobStatus;
import io.github.camelcardsavr.state.CardsavrStateStore;
import io.github.camelcardsavr.state.JobRecord;
import io.github.camelcardsavr.state.StateSealer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The engine on its own: a scripted channel type stands in for CardSavr and a recording router for the route. */
class JobEngineTest {

    private final ScriptedCalls calls = new ScriptedCalls();
    private final RecordingRouter router = new RecordingRouter();
    private final MemoryStateRepository repository = new MemoryStateRepository();
    private final StateSealer sealer = StateSealer.fromKey("a secret");
    private final CardsavrStateStore store = CardsavrStateStore.of(repository, "test", sealer);
    private final ExecutorService clockThread = Executors.newSingleThreadExecutor();
    private JobEngine engine;

    @AfterEach
    void stop() throws InterruptedException {
        if (engine != null) {
            // stop waits for calls on the wire: answer them as the server would
            Thread stopper = new Thread(engine::stop);
            stopper.start();
            while (stopper.isAlive()) {
                calls.completeAllEmpty();
                stopper.join(10);
            }
        }
        clockThread.shutdownNow();
    }

    private JobEngine engine(Duration interval, int maxBuffered, long... jobs) {
        EngineSettings settings = new EngineSettings(interval, Duration.ZERO, 8, maxBuffered, true, true, true,
                Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(1), false);
        engine = new JobEngine(settings, calls, store);
        List<Long> ids = new ArrayList<>();
        for (long id : jobs) {
            ids.add(id);
        }
        engine.restore(ids, null);
        engine.start(clockThread);
        return engine;
    }

    /** What a restarted consumer would read. */
    private Map<Long, JobRecord> stored() {
        return CardsavrStateStore.of(repository, "test", sealer).readAll();
    }

    private static CardsavrMessage status(long jobId, String status) {
        return CardsavrMessage.jobStatus(jobId, JobStatus.of(status, 10.0, null));
    }

    private static CardsavrMessage last(long jobId) {
        return CardsavrMessage.jobStatus(jobId, JobStatus.of("SUCCESSFUL", 100.0, "BILLABLE"));
    }

    private void window() throws InterruptedException {
        engine.runWindow(Duration.ofMillis(50), router, 0);
    }

    @Test
    void aJobsItemsAreRoutedInOrderAndAFailedOneIsRoutedAgainWithTheRest() throws Exception {
        engine(Duration.ofSeconds(60), 100, 1);
        router.failOnce(item -> ((CardsavrMessage) item).getStatus().getStatus().equals("B"));
        calls.next(1).complete(calls.reply(1, status(1, "A"), status(1, "B"), status(1, "C")));
        await().until(() -> {
            window();
            return router.routed.size() >= 4;
        });
        assertThat(router.statuses()).containsExactly("A", "B", "B", "C");
        assertThat(router.completed()).containsExactly("A", "B", "C");
    }

    @Test
    void theNextCallIsOnTheWireWhileTheLastRepliesAreRouted() throws Exception {
        engine(Duration.ZERO, 1000, 1);
        CountDownLatch secondCallStarted = new CountDownLatch(1);
        router.whileRouting(() -> {
            // the first item's exchange is still running: the job's next call must be out already
            try {
                assertThat(secondCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        calls.next(1).complete(calls.reply(1, status(1, "A")));
        Thread watcher = new Thread(() -> {
            CompletableFuture<ChannelReply> second = calls.next(1);
            secondCallStarted.countDown();
            second.complete(calls.reply(1));
        });
        watcher.start();
        await().until(() -> {
            window();
            return !router.routed.isEmpty();
        });
        assertThat(router.completed()).containsExactly("A");
        watcher.join(10_000);
    }

    @Test
    void aJobWhoseBufferIsFullIsNotCalledUntilTheRouteCaughtUp() throws Exception {
        engine(Duration.ofMillis(5), 2, 1);
        router.failWhile(item -> true);
        calls.next(1).complete(calls.reply(1, status(1, "A"), status(1, "B")));
        await().until(() -> {
            window();
            return engine.pausedJobs() == 1;
        });
        // the call that was already on the wire when the full reply came in
        calls.completeAllEmpty();
        int callsWhilePaused = calls.started.size();
        for (int i = 0; i < 5; i++) {
            window();
            calls.completeAllEmpty();
        }
        assertThat(calls.started).as("no call while the buffer is full (one per 5 ms otherwise)")
                .hasSize(callsWhilePaused);
        router.failWhile(item -> false);
        window();
        assertThat(router.completed()).containsExactly("A", "B");
        await().until(() -> calls.started.size() > callsWhilePaused);
    }

    @Test
    void retryAfterHoldsBackOnlyThatJob() throws Exception {
        engine(Duration.ofMillis(5), 100, 1, 2);
        CompletableFuture<ChannelReply> first = calls.next(1);
        long answeredAt = System.nanoTime();
        first.complete(ChannelReply.failed(calls.channel(1), CardsavrException.httpStatus("throttled", 429, List.of(),
                Duration.ofMillis(300)), null));
        // job 2 is called again and again meanwhile
        for (int i = 0; i < 3; i++) {
            calls.next(2).complete(calls.reply(2));
        }
        calls.next(1).complete(calls.reply(1));
        assertThat(calls.startedAt(1).get(1) - answeredAt).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void aJobAddedAtRunTimeIsStoredBeforeAddJobReturns() {
        engine(Duration.ofSeconds(60), 100);
        assertThat(engine.addJob(7, "key-of-seven")).isTrue();
        assertThat(stored()).containsOnlyKeys(7L);
        assertThat(stored().get(7L).accessKey()).isEqualTo("key-of-seven");
        assertThat(engine.addJob(7, "key-of-seven")).as("already polled").isFalse();
    }

    @Test
    void stopWaitsForACallOnTheWireAndStoresWhatItFetchedWithoutRoutingIt() throws Exception {
        engine(Duration.ofSeconds(60), 100, 1);
        CompletableFuture<ChannelReply> onTheWire = calls.next(1);
        Thread stopper = new Thread(engine::stop);
        stopper.start();
        await().until(() -> stopper.getState() == Thread.State.TIMED_WAITING || !stopper.isAlive());
        onTheWire.complete(calls.reply(1, status(1, "A"), status(1, "B")));
        stopper.join(10_000);
        engine.keepLateReplies();
        assertThat(router.routed).isEmpty();
        assertThat(stored().get(1L).pending()).extracting(m -> m.getStatus().getStatus())
                .containsExactly("A", "B");
        engine = null;
    }

    @Test
    void aJobLeavesOnceItsLastMessageWasRoutedAndIsRememberedAsEnded() throws Exception {
        engine(Duration.ofMillis(5), 100, 1);
        List<Long> ended = new CopyOnWriteArrayList<>();
        engine.onTerminated(ended::add);
        calls.next(1).complete(calls.reply(1, status(1, "A"), last(1)));
        await().until(() -> {
            // a call that went out before the last message arrived is answered like any other
            calls.completeAllEmpty();
            window();
            return !ended.isEmpty();
        });
        assertThat(ended).containsExactly(1L);
        assertThat(engine.jobs()).isEmpty();
        assertThat(stored().get(1L).terminated()).isTrue();
        assertThat(engine.addJob(1, null)).as("an ended job is not polled again").isFalse();
    }

    @Test
    void everyFailedCallIsReportedOnceAndTheHealthCountsThemUntilACallSucceeds() throws Exception {
        engine(Duration.ofMillis(5), 100, 1);
        List<CallFailure> reported = new CopyOnWriteArrayList<>();
        engine.onFailure(reported::add);
        for (int i = 0; i < 3; i++) {
            calls.next(1).complete(ChannelReply.failed(calls.channel(1),
                    CardsavrException.httpStatus("scripted call failed: HTTP 503", 503, List.of(), null), null));
        }
        await().until(() -> {
            window();
            return reported.size() == 3;
        });
        assertThat(engine.consecutiveFailedCalls()).isEqualTo(3);
        assertThat(engine.failingChannels()).isEqualTo(1);
        calls.next(1).complete(calls.reply(1));
        await().until(() -> engine.consecutiveFailedCalls() == 0);
        window();
        assertThat(reported).hasSize(3).allSatisfy(f -> assertThat(f.describe()).contains("503"));
    }

    /** A channel type whose calls the test answers. */
    static final class ScriptedCalls implements ChannelType {

        record Call(PolledChannel channel, CompletableFuture<ChannelReply> reply, long startedNanos) {
        }

        final BlockingQueue<Call> pending = new LinkedBlockingQueue<>();
        final List<Call> started = new CopyOnWriteArrayList<>();
        final Map<Long, PolledChannel> channels = new ConcurrentHashMap<>();

        @Override
        public String callName() {
            return "scripted call of job";
        }

        @Override
        public CompletableFuture<ChannelReply> call(PolledChannel channel) {
            Call call = new Call(channel, new CompletableFuture<>(), System.nanoTime());
            channels.put(channel.id(), channel);
            started.add(call);
            pending.add(call);
            return call.reply();
        }

        /** Whether the type matches copies from two channels (as the status consumers with a recovery channel do). */
        volatile boolean matchingCopies;

        @Override
        public boolean matchesCopies() {
            return matchingCopies;
        }

        @Override
        public void accept(ChannelReply reply, JobBuffers buffers) {
            JobBuffer buffer = buffers.of(reply.channel().id());
            if (matchingCopies) {
                reply.items().forEach(item -> buffer.isFirstCopy((CardsavrMessage) item, false));
            }
            buffer.append(reply.items());
        }

        /** Waits for the next call of this channel (other channels' calls are answered empty meanwhile). */
        CompletableFuture<ChannelReply> next(long channelId) {
            return await().atMost(Duration.ofSeconds(10)).until(() -> {
                Call call = pending.poll(50, TimeUnit.MILLISECONDS);
                if (call != null && call.channel().id() != channelId) {
                    call.reply().complete(ChannelReply.ok(call.channel(), List.of(), null, null));
                    return null;
                }
                return call;
            }, c -> c != null).reply();
        }

        PolledChannel channel(long id) {
            return channels.get(id);
        }

        List<Long> startedAt(long channelId) {
            return started.stream().filter(c -> c.channel().id() == channelId).map(Call::startedNanos).toList();
        }

        ChannelReply reply(long channelId, CardsavrMessage... messages) {
            return ChannelReply.ok(channel(channelId), List.of(messages), null, null);
        }

        void completeAllEmpty() {
            Call call;
            while ((call = pending.poll()) != null) {
                call.reply().complete(ChannelReply.ok(call.channel(), List.of(), null, null));
            }
        }
    }

    /** Records what was routed; can fail items. */
    static final class RecordingRouter implements Router {

        final List<Object> routed = new CopyOnWriteArrayList<>();
        final List<Object> completedItems = new CopyOnWriteArrayList<>();
        private volatile Predicate<Object> failing = item -> false;
        private final Set<Object> failedOnce = ConcurrentHashMap.newKeySet();
        private volatile Predicate<Object> failOnce = item -> false;
        private volatile Runnable duringRoute = () -> { };

        void failOnce(Predicate<Object> which) {
            this.failOnce = which;
        }

        void failWhile(Predicate<Object> which) {
            this.failing = which;
        }

        void whileRouting(Runnable action) {
            this.duringRoute = action;
        }

        @Override
        public boolean route(JobBuffer job, Object item, int batchIndex, int batchSize) {
            routed.add(item);
            duringRoute.run();
            if (failing.test(item) || (failOnce.test(item) && failedOnce.add(item))) {
                return false;
            }
            completedItems.add(item);
            return true;
        }

        @Override
        public boolean mayRoute() {
            return true;
        }

        List<String> statuses() {
            return routed.stream().map(i -> ((CardsavrMessage) i).getStatus().getStatus()).toList();
        }

        List<String> completed() {
            return completedItems.stream().map(i -> ((CardsavrMessage) i).getStatus().getStatus()).toList();
        }
    }
}
