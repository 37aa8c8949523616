package io.github.camelcardsavr.examples.ha;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.github.camelcardsavr.examples.support.CardsavrSettings;

/**
 * A replica's settings, from the environment only. Every replica of one deployment gets the same values: they name the
 * one CardSavr instance, cardholder, database and cluster the replicas share. Holds secrets (the connection's and the
 * database's), so {@link #toString()} names places only.
 *
 * @param cardsavr     the instance and cardholder ({@code CARDSAVR_BASE_URL} ... {@code CARDSAVR_JOB_IDS})
 * @param cluster      where leadership is decided: a directory for the file lock, or a Kubernetes Lease
 * @param jdbcUrl      the database all replicas keep their state in ({@code CARDSAVR_STATE_JDBC_URL})
 * @param jdbcUser     its user, or null ({@code CARDSAVR_STATE_JDBC_USER})
 * @param jdbcPassword its password, or null ({@code CARDSAVR_STATE_JDBC_PASSWORD})
 * @param stateSecret  seals access keys in the database; null = the integrator key ({@code CARDSAVR_STATE_SECRET})
 * @param outDir       where status messages are written ({@code CARDSAVR_OUT_DIR})
 * @param answersFile  the answers to credential requests, or null for the example's own
 *                     ({@code CARDSAVR_ANSWERS_FILE})
 * @param pollDelay    how often CardSavr is polled, or null for the component's default ({@code CARDSAVR_POLL_DELAY_MS})
 */
public record HaSettings(CardsavrSettings cardsavr, Cluster cluster, String jdbcUrl, String jdbcUser,
        String jdbcPassword, String stateSecret, Path outDir, Path answersFile, Duration pollDelay) {

    static final String CLUSTER_DIR = "CARDSAVR_CLUSTER_DIR";
    static final String CLUSTER_KUBERNETES_NAMESPACE = "CARDSAVR_CLUSTER_KUBERNETES_NAMESPACE";
    static final String STATE_JDBC_URL = "CARDSAVR_STATE_JDBC_URL";
    static final String STATE_JDBC_USER = "CARDSAVR_STATE_JDBC_USER";
    static final String STATE_JDBC_PASSWORD = "CARDSAVR_STATE_JDBC_PASSWORD";
    static final String STATE_SECRET = "CARDSAVR_STATE_SECRET";
    static final String OUT_DIR = "CARDSAVR_OUT_DIR";
    static final String ANSWERS_FILE = "CARDSAVR_ANSWERS_FILE";
    static final String POLL_DELAY_MS = "CARDSAVR_POLL_DELAY_MS";

    static final Path DEFAULT_OUT_DIR = Path.of("cardsavr-out");

    /**
     * Where the replicas agree on a leader.
     *
     * @param directory           a directory all replicas of one host (or one shared volume) see, or null
     * @param kubernetesNamespace the namespace whose Lease decides, or null
     */
    public record Cluster(Path directory, String kubernetesNamespace) {

        boolean isKubernetes() {
            return kubernetesNamespace != null;
        }

        @Override
        public String toString() {
            return isKubernetes() ? "Kubernetes Lease in namespace " + kubernetesNamespace : "file lock in " + directory;
        }
    }

    /**
     * @throws IllegalArgumentException naming the variable that is missing or wrong
     */
    public static HaSettings fromEnvironment(Map<String, String> env) {
        CardsavrSettings cardsavr = CardsavrSettings.fromEnvironment(env).orElseThrow(() -> new IllegalArgumentException(
                "Replicas must share one CardSavr instance: set CARDSAVR_BASE_URL and the other CARDSAVR_* connection"
                + " variables (for a local try, start the simulator CLI: java -jar"
                + " cardsavr-simulator/target/cardsavr-simulator.jar --port 8080 ...)"));
        return new HaSettings(cardsavr, cluster(env), required(env, STATE_JDBC_URL), optional(env, STATE_JDBC_USER),
                optional(env, STATE_JDBC_PASSWORD), optional(env, STATE_SECRET),
                Optional.ofNullable(optional(env, OUT_DIR)).map(Path::of).orElse(DEFAULT_OUT_DIR),
                Optional.ofNullable(optional(env, ANSWERS_FILE)).map(Path::of).orElse(null), pollDelay(env));
    }

    private static Cluster cluster(Map<String, String> env) {
        String directory = optional(env, CLUSTER_DIR);
        String namespace = optional(env, CLUSTER_KUBERNETES_NAMESPACE);
        if (directory != null && namespace != null) {
            throw new IllegalArgumentException("Set either " + CLUSTER_DIR + " (file lock) or "
                                               + CLUSTER_KUBERNETES_NAMESPACE + " (Kubernetes Lease), not both");
        }
        if (directory == null && namespace == null) {
            throw new IllegalArgumentException("Set " + CLUSTER_DIR + " to a directory every replica sees (file lock), or "
                                               + CLUSTER_KUBERNETES_NAMESPACE + " to run on a Kubernetes Lease");
        }
        return new Cluster(directory == null ? null : Path.of(directory), namespace);
    }

    private static Duration pollDelay(Map<String, String> env) {
        String value = optional(env, POLL_DELAY_MS);
        if (value == null) {
            return null;
        }
        try {
            long millis = Long.parseLong(value);
            if (millis < 0) {
                throw new NumberFormatException("negative");
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(POLL_DELAY_MS + " must be a number of milliseconds, was '" + value + "'");
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = optional(env, name);
        if (value == null) {
            throw new IllegalArgumentException("Set " + name + ": the database every replica keeps its state in, e.g."
                                               + " jdbc:postgresql://db:5432/cardsavr");
        }
        return value;
    }

    private static String optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "HaSettings[" + cardsavr + ", cluster=" + cluster + ", outDir=" + outDir + "]";
    }
}
