package io.github.camelcardsavr;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelcardsavr.consumer.DynamicJobTarget;

/**
 * The component's directory of running consumers that take jobs at run time, addressed by operation and consumerName,
 * and the channel through which one consumer tells the others that a job has ended.
 */
public final class CardsavrJobDirectory {

    private final Map<String, DynamicJobTarget> targets = new ConcurrentHashMap<>();
    private final Map<DynamicJobTarget, Boolean> terminationListeners = new ConcurrentHashMap<>();

    private static String key(CardsavrOperation operation, String consumerName) {
        return operation.name() + "/" + consumerName;
    }

    public void register(CardsavrOperation operation, String consumerName, DynamicJobTarget target) {
        DynamicJobTarget previous = targets.putIfAbsent(key(operation, consumerName), target);
        if (previous != null && previous != target) {
            throw new IllegalStateException("Another cardsavr:" + operation + " consumer with consumerName '"
                                            + consumerName + "' is already running; give each one its own consumerName");
        }
    }

    public void unregister(CardsavrOperation operation, String consumerName, DynamicJobTarget target) {
        targets.remove(key(operation, consumerName), target);
    }

    public Optional<DynamicJobTarget> find(CardsavrOperation operation, String consumerName) {
        return Optional.ofNullable(targets.get(key(operation, consumerName)));
    }

    public void addTerminationListener(DynamicJobTarget listener) {
        terminationListeners.put(listener, Boolean.TRUE);
    }

    public void removeTerminationListener(DynamicJobTarget listener) {
        terminationListeners.remove(listener);
    }

    /** Called by a consumer that received a job's last message. */
    public void jobTerminated(long jobId) {
        terminationListeners.keySet().forEach(l -> l.jobTerminated(jobId));
    }
}
