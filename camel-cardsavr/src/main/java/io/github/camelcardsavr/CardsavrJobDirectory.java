package io.github.camelcardsavr;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelcardsavr.consumer.DynamicJobTarget;

/**
 * The component's directory of running consumers that take jobs at run time, addressed by operation and consumerName,
 * and the channel through which one consumer tells the others that a job of a CardSavr instance has ended.
 */
public final class CardsavrJobDirectory {

    private final Map<String, DynamicJobTarget> targets = new ConcurrentHashMap<>();
    // listener -> the CardSavr instance (base URL) whose jobs it follows
    private final Map<DynamicJobTarget, String> terminationListeners = new ConcurrentHashMap<>();

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

    /** Tells the listener about jobs of this CardSavr instance that end; job ids are only unique per instance. */
    public void addTerminationListener(String baseUrl, DynamicJobTarget listener) {
        terminationListeners.put(listener, instance(baseUrl));
    }

    public void removeTerminationListener(DynamicJobTarget listener) {
        terminationListeners.remove(listener);
    }

    /** Called by a consumer that received a job's last message from the instance at this base URL. */
    public void jobTerminated(String baseUrl, long jobId) {
        String instance = instance(baseUrl);
        terminationListeners.forEach((listener, of) -> {
            if (of.equals(instance)) {
                listener.jobTerminated(jobId);
            }
        });
    }

    // the same instance however the base URL is spelled (case of the host, a trailing slash)
    private static String instance(String baseUrl) {
        String url = baseUrl == null ? "" : baseUrl.trim().toLowerCase(Locale.ROOT);
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }
}
