package io.github.camelcardsavr.examples.springboot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The environment contract's checks: what is wrong is named, nothing falls back silently. */
class SettingsTest {

    @Test
    void theSimulatorRunsOnlyWithoutAnyConnectionSetting() {
        assertThat(SpringBootExample.needsSimulator(Map.of())).isTrue();
        assertThat(SpringBootExample.needsSimulator(Map.of("CARDSAVR_OUT_DIR", "x", "CARDSAVR_ANSWERS_FILE", "a")))
                .isTrue();
        assertThat(SpringBootExample.needsSimulator(Map.of("CARDSAVR_BASE_URL", "https://api.x.cardsavr.io")))
                .isFalse();
        assertThatThrownBy(() -> SpringBootExample.needsSimulator(Map.of("CARDSAVR_PASSWORD", "p",
                "CARDSAVR_JOB_IDS", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CARDSAVR_PASSWORD").hasMessageContaining("CARDSAVR_JOB_IDS")
                .hasMessageContaining("CARDSAVR_BASE_URL is not")
                .hasMessageNotContaining("=p");
    }

    @Test
    void jobIdsAreRequiredAndChecked() {
        assertThat(properties("101, 102,103").followedJobIds()).isEqualTo(List.of(101L, 102L, 103L));
        assertThatThrownBy(() -> properties("").followedJobIds()).hasMessageContaining("Set CARDSAVR_JOB_IDS");
        assertThatThrownBy(() -> properties("101,abc").followedJobIds()).hasMessageContaining("'abc' is not one");
        assertThatThrownBy(() -> properties("0").followedJobIds()).hasMessageContaining("'0' is not one");
    }

    @Test
    void anAnswersFileThatCannotBeReadIsAnError() {
        ExampleProperties missing = new ExampleProperties("1", "target/no-such-answers.properties", Path.of("out"),
                Duration.ofSeconds(5), Duration.ZERO, "q");
        assertThatThrownBy(missing::answers).hasMessageContaining("CARDSAVR_ANSWERS_FILE=")
                .hasMessageContaining("is not a readable file");
        assertThat(properties("1").answers()).isEmpty();
    }

    private static ExampleProperties properties(String jobIds) {
        return new ExampleProperties(jobIds, "", Path.of("out"), Duration.ofSeconds(5), Duration.ZERO, "q");
    }
}
