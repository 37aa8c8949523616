package io.github.camelcardsavr.examples.ha;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HaSettingsTest {

    private static Map<String, String> complete() {
        Map<String, String> env = new HashMap<>();
        env.put("CARDSAVR_BASE_URL", "https://api.acme.cardsavr.io");
        env.put("CARDSAVR_INTEGRATOR_NAME", "acme");
        env.put("CARDSAVR_INTEGRATOR_KEY", "integrator-key-value");
        env.put("CARDSAVR_USERNAME", "agent-name");
        env.put("CARDSAVR_PASSWORD", "password-value");
        env.put("CARDSAVR_CARDHOLDER_ID", "42");
        env.put("CARDSAVR_JOB_IDS", "7,8");
        env.put("CARDSAVR_CLUSTER_DIR", "/var/run/cardsavr");
        env.put("CARDSAVR_STATE_JDBC_URL", "jdbc:postgresql://db:5432/cardsavr");
        env.put("CARDSAVR_STATE_JDBC_USER", "cardsavr");
        env.put("CARDSAVR_STATE_JDBC_PASSWORD", "db-password-value");
        return env;
    }

    @Test
    void everythingComesFromTheEnvironment() {
        Map<String, String> env = complete();
        env.put("CARDSAVR_OUT_DIR", "/data/out");
        env.put("CARDSAVR_POLL_DELAY_MS", "250");
        env.put("CARDSAVR_STATE_SECRET", "shared-secret-value");
        HaSettings settings = HaSettings.fromEnvironment(env);
        assertThat(settings.cardsavr().jobIds()).containsExactly(7L, 8L);
        assertThat(settings.cluster().directory()).isEqualTo(Path.of("/var/run/cardsavr"));
        assertThat(settings.cluster().isKubernetes()).isFalse();
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/cardsavr");
        assertThat(settings.jdbcUser()).isEqualTo("cardsavr");
        assertThat(settings.outDir()).isEqualTo(Path.of("/data/out"));
        assertThat(settings.pollDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.stateSecret()).isEqualTo("shared-secret-value");
        assertThat(settings.answersFile()).isNull();
    }

    @Test
    void defaultsForWhatIsOptional() {
        HaSettings settings = HaSettings.fromEnvironment(complete());
        assertThat(settings.outDir()).isEqualTo(Path.of("cardsavr-out"));
        assertThat(settings.pollDelay()).isNull();
        assertThat(settings.stateSecret()).isNull();
    }

    @Test
    void aKubernetesLeaseInsteadOfAFileLock() {
        Map<String, String> env = complete();
        env.remove("CARDSAVR_CLUSTER_DIR");
        env.put("CARDSAVR_CLUSTER_KUBERNETES_NAMESPACE", "payments");
        assertThat(HaSettings.fromEnvironment(env).cluster().kubernetesNamespace()).isEqualTo("payments");
        env.put("CARDSAVR_CLUSTER_DIR", "/var/run/cardsavr");
        assertThatThrownBy(() -> HaSettings.fromEnvironment(env)).hasMessageContaining("not both");
    }

    @Test
    void whatIsMissingOrWrongIsNamed() {
        Map<String, String> noCluster = complete();
        noCluster.remove("CARDSAVR_CLUSTER_DIR");
        assertThatThrownBy(() -> HaSettings.fromEnvironment(noCluster)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CARDSAVR_CLUSTER_DIR").hasMessageContaining("CARDSAVR_CLUSTER_KUBERNETES_NAMESPACE");
        Map<String, String> noDatabase = complete();
        noDatabase.remove("CARDSAVR_STATE_JDBC_URL");
        assertThatThrownBy(() -> HaSettings.fromEnvironment(noDatabase)).hasMessageContaining("CARDSAVR_STATE_JDBC_URL");
        Map<String, String> badDelay = complete();
        badDelay.put("CARDSAVR_POLL_DELAY_MS", "soon");
        assertThatThrownBy(() -> HaSettings.fromEnvironment(badDelay))
                .hasMessageContaining("CARDSAVR_POLL_DELAY_MS must be a number of milliseconds, was 'soon'");
        assertThatThrownBy(() -> HaSettings.fromEnvironment(Map.of("CARDSAVR_STATE_JDBC_URL", "jdbc:h2:mem:x")))
                .hasMessageContaining("Replicas must share one CardSavr instance");
    }

    @Test
    void toStringNamesPlacesOnly() {
        Map<String, String> env = complete();
        env.put("CARDSAVR_STATE_SECRET", "shared-secret-value");
        env.put("CARDSAVR_STATE_JDBC_URL", "jdbc:postgresql://db:5432/cardsavr?password=url-password-value");
        String text = HaSettings.fromEnvironment(env).toString();
        assertThat(text).contains("api.acme.cardsavr.io", "/var/run/cardsavr")
                .doesNotContain("integrator-key-value", "password-value", "db-password-value", "shared-secret-value",
                        "url-password-value");
    }
}
