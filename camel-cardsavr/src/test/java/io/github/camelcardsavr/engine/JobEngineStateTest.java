package io.github.camelcardsavr.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.camelcardsavr.engine.JobEngineTest.RecordingRouter;
import io.github.camelcardsavr.engine.JobEngineTest.ScriptedCalls;
import io.github.camelcardsavr.model.CardsavrMessage;
import io.github.camelcardsavr.model.JobStatus;
import io.github.camelcardsavr.state.CardsavrStateStore;
import io.github.camelcardsavr.state.JobRecord;
import io.github.camelcardsavr.state.StateSealer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the engine stores, and when: what a process that dies at any moment would leave to the replica that takes
 * over.
 */
class JobEngineStateTest {

    private final ScriptedCalls calls = new ScriptedCalls();
    private final RecordingRouter router = new RecordingRouter();
    private final FlakyStateRepository repository = new FlakyStateRepository();
    private final StateSealer sealer = StateSealer.fromKey("a secret");
    private final ExecutorService clockThread = Executors.newSingleThreadExecutor();
    private final ExecutorService stateThread = Executors.newSingleThreadExecutor();
    private final ExecutorService deliveryThread = Executors.newSingleThreadExecutor();
    private JobEngine engine;

    @AfterEach
    void stop() throws InterruptedException {
        deliveryThread.shutdownNow();
        if (engine != null) {
            Thread stopper = new Thread(engine::stop);
            stopper.start();
            while (stopper.isAlive()) {
                calls.completeAllEmpty();
                stopper.join(10);
            }
        }
        clockThread.shutdownNow();
        stateThread.shutdownNow();
    }

    private void engine(Duration interval, boolean writePerExchange, long... jobs) {
        engineBuffering(100, interval, writePerExchange, jobs);
    }

    private void engineBuffering(int maxBuffered, Duration interval, boolean writePerExchange, long... jobs) {
        EngineSettings settings = new EngineSettings(interval, Duration.ZERO, 8, maxBuffered, true, true, true,
                Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(1),
                writePerExchange);
        engine = new JobEngine(settings, calls, CardsavrStateStore.of(repository, "test", sealer));
        engine.storeArrivalsOn(stateThread);
        List<Long> ids = new ArrayList<>();
        for (long id : jobs) {
            ids.add(id);
        }
        engine.restore(ids, null);
        engine.start(clockThread);
    }

    /** What a replica taking over would read at this moment. */
    private Map<Long, JobRecord> stored() {
        return CardsavrStateStore.of(repository, "test", sealer).readAll();
    }

    private List<String> storedPending(long jobId) {
        JobRecord record = stored().get(jobId);
        return record == null ? List.of() : record.pending().stream().map(m -> m.getStatus().getStatus()).toList();
    }

    private static CardsavrMessage status(long jobId, String status) {
        return CardsavrMessage.jobStatus(jobId, JobStatus.of(status, 10.0, null));
    }

    private void window() throws InterruptedException {
        engine.runWindow(Duration.ofMillis(50), router, 0);
    }

    @Test
    void whatACallFetchesIsStoredEvenWhileTheRouteIsBusyWithAnotherExchange() throws Exception {
        calls.matchingCopies = true;
        engine(Duration.ofMillis(5), false, 1, 2);
        CountDownLatch routing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        router.whileRouting(() -> {
            routing.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        calls.next(1).complete(calls.reply(1, status(1, "A")));
        deliveryThread.execute(() -> {
            try {
                while (router.completedItems.isEmpty() || router.completedItems.size() < 3) {
                    window();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(routing.await(10, TimeUnit.SECONDS)).isTrue();
        CardsavrMessage x = status(2, "X");
        CardsavrMessage y = status(2, "Y");
        calls.next(2).complete(calls.reply(2, x, y));
        // the delivery thread is still inside A's exchange: X and Y are in the store all the same, with their
        // fingerprints (a replica that takes over recognises the recovery channel's copies of them)
        await().until(() -> storedPending(2).equals(List.of("X", "Y")));
        assertThat(stored().get(2L).fingerprints()).containsExactly(
                FingerprintMemory.tag(MessageFingerprint.of(x), false), FingerprintMemory.tag(MessageFingerprint.of(y), false));
        assertThat(router.routed).hasSize(1);
        router.whileRouting(() -> { });
        release.countDown();
        await().until(() -> router.completedItems.size() == 3);
        assertThat(router.completed()).containsExactly("A", "X", "Y");
    }

    @Test
    void aJobIsPausedAsSoonAsItsStoredBacklogReachesTheLimitEvenWhileTheRouteIsBusy() throws Exception {
        engineBuffering(10, Duration.ofMillis(5), true, 1);
        CountDownLatch release = new CountDownLatch(1);
        router.whileRouting(() -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        deliveryThread.execute(() -> {
            try {
                while (router.completedItems.size() < 10) {
                    window();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        calls.next(1).complete(calls.reply(1, five(1, "A")));
        await().until(() -> !router.routed.isEmpty());
        calls.next(1).complete(calls.reply(1, five(1, "B")));
        // the delivery thread is inside A1's exchange: the job stops being called all the same
        await().until(() -> calls.channel(1).isPaused());
        assertThat(storedPending(1)).hasSize(10);
        router.whileRouting(() -> { });
        release.countDown();
        await().until(() -> router.completedItems.size() == 10);
    }

    private static CardsavrMessage[] five(long jobId, String prefix) {
        CardsavrMessage[] messages = new CardsavrMessage[5];
        for (int i = 0; i < 5; i++) {
            messages[i] = status(jobId, prefix + (i + 1));
        }
        return messages;
    }

    @ParameterizedTest(name = "stateWritePerExchange={0}")
    @ValueSource(booleans = { false, true })
    void whatAProcessDyingInsideAnExchangeWouldDeliverAgain(boolean writePerExchange) throws Exception {
        engine(Duration.ofSeconds(60), writePerExchange, 1);
        List<List<String>> storedWhileRouting = new CopyOnWriteArrayList<>();
        router.whileRouting(() -> storedWhileRouting.add(storedPending(1)));
        calls.next(1).complete(calls.reply(1, status(1, "A"), status(1, "B"), status(1, "C")));
        await().until(() -> {
            window();
            return router.completedItems.size() == 3;
        });
        if (writePerExchange) {
            // dying inside B's exchange: B (uncommitted) and C come again, A does not
            assertThat(storedWhileRouting).containsExactly(List.of("A", "B", "C"), List.of("B", "C"), List.of("C"));
        } else {
            // completed items are folded into the job's next write: dying inside C delivers A and B again too
            assertThat(storedWhileRouting).containsExactly(List.of("A", "B", "C"), List.of("A", "B", "C"),
                    List.of("A", "B", "C"));
        }
        await().until(() -> {
            window();
            return storedPending(1).isEmpty();
        });
        // the new slot and the record of the arrivals; then a counter per exchange, or one write of what is left
        assertThat(engine.stateWrites()).isEqualTo(writePerExchange ? 2 + 3 : 2 + 1);
    }

    @Test
    void aStateRepositoryThatFailsIsReportedStopsFetchingAndLosesNothing() throws Exception {
        engine(Duration.ofMillis(5), false, 1);
        List<CallFailure> reported = new CopyOnWriteArrayList<>();
        engine.onFailure(reported::add);
        repository.failing = true;
        calls.next(1).complete(calls.reply(1, status(1, "A")));
        await().until(() -> {
            window();
            return !reported.isEmpty();
        });
        assertThat(reported.get(0).describe()).contains("state write of job 1").contains("repository down");
        assertThat(engine.consecutiveStateFailures()).isPositive();
        // what was fetched is delivered all the same: the server no longer has it
        await().until(() -> {
            window();
            return router.completed().contains("A");
        });
        repository.failing = false;
        calls.next(1).complete(calls.reply(1, status(1, "B")));
        await().until(() -> {
            window();
            return engine.consecutiveStateFailures() == 0 && router.completed().equals(List.of("A", "B"));
        });
        await().until(() -> {
            window();
            return storedPending(1).isEmpty();
        });
    }

    /** A repository in memory whose writes fail while told to. */
    static final class FlakyStateRepository extends MemoryStateRepository {
        volatile boolean failing;

        @Override
        public void setState(String key, String value) {
            if (failing) {
                throw new IllegalStateException("repository down");
            }
            super.setState(key, value);
        }
    }
}
