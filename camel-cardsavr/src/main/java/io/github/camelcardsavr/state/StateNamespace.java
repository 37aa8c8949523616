package io.github.camelcardsavr.state;

import java.net.URI;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Where one consumer's state lives in a repository: keys start with the operation, the consumer's name and the CardSavr
 * instance (the base URL's host, port and path), so that consumers of different instances, or of different names,
 * never read each other's channels. Two running consumers with the same namespace on the same repository are refused:
 * they would poll each other's jobs with each other's keys.
 */
public final class StateNamespace {

    // repositories are compared by identity (none overrides equals); weak, so a discarded repository is forgotten
    private static final Map<Object, Set<String>> CLAIMED = Collections.synchronizedMap(new WeakHashMap<>());

    private StateNamespace() {
    }

    /** The key prefix, e.g. {@code cardsavr.jobStatus.default.api.acme.cardsavr.io}. */
    public static String prefix(String operation, String consumerName, String baseUrl, String... more) {
        StringBuilder prefix = new StringBuilder("cardsavr.").append(operation).append('.').append(consumerName)
                .append('.').append(instance(baseUrl));
        for (String part : more) {
            prefix.append('.').append(part);
        }
        return prefix.toString();
    }

    /** The instance part of a prefix: host, port and path of the base URL, in key-safe characters. */
    static String instance(String baseUrl) {
        URI uri = URI.create(baseUrl.trim());
        StringBuilder id = new StringBuilder(uri.getHost() == null ? "unknown-host" : uri.getHost());
        if (uri.getPort() > 0) {
            id.append('_').append(uri.getPort());
        }
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            id.append(path);
        }
        return id.toString().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Marks the prefix as used by a running consumer on this repository.
     *
     * @throws IllegalStateException when another running consumer uses it
     */
    public static void claim(Object repository, String prefix) {
        synchronized (CLAIMED) {
            Set<String> prefixes = CLAIMED.computeIfAbsent(repository, r -> new HashSet<>());
            if (!prefixes.add(prefix)) {
                throw new IllegalStateException("Another running cardsavr consumer keeps its state under '" + prefix
                                                + "' in this stateRepository: give each consumer its own consumerName");
            }
        }
    }

    public static void release(Object repository, String prefix) {
        synchronized (CLAIMED) {
            Set<String> prefixes = CLAIMED.get(repository);
            if (prefixes != null) {
                prefixes.remove(prefix);
            }
        }
    }
}
