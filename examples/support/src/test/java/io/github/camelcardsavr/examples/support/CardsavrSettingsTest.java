package io.github.camelcardsavr.examples.support;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardsavrSettingsTest {

    private static Map<String, String> complete() {
        Map<String, String> env = new HashMap<>();
        env.put("CARDSAVR_BASE_URL", "https://api.acme.cardsavr.io");
        env.put("CARDSAVR_INTEGRATOR_NAME", "acme");
        env.put("CARDSAVR_INTEGRATOR_KEY", "integrator-key-value");
        env.put("CARDSAVR_USERNAME", "agent-name");
        env.put("CARDSAVR_PASSWORD", "password-value");
        env.put("CARDSAVR_CARDHOLDER_ID", "42");
        return env;
    }

    @Test
    void noVariablesMeansTheSimulator() {
        assertThat(CardsavrSettings.fromEnvironment(Map.of("PATH", "/usr/bin"))).isEmpty();
    }

    @Test
    void allVariablesNameARealInstanceAndBecomeComponentProperties() {
        Map<String, String> env = complete();
        env.put("CARDSAVR_JOB_IDS", "7, 8");
        CardsavrSettings settings = CardsavrSettings.fromEnvironment(env).orElseThrow();
        assertThat(settings.cardholderId()).isEqualTo(42);
        assertThat(settings.jobIds()).containsExactly(7L, 8L);
        assertThat(settings.componentProperties())
                .containsEntry("camel.component.cardsavr.base-url", "https://api.acme.cardsavr.io")
                .containsEntry("camel.component.cardsavr.password", "password-value");
    }

    @Test
    void someVariablesOnlyIsAMistakeNamingTheMissingOnes() {
        Map<String, String> env = complete();
        env.remove("CARDSAVR_PASSWORD");
        assertThatThrownBy(() -> CardsavrSettings.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing: [CARDSAVR_PASSWORD]");
    }

    @Test
    void aNonNumericCardholderIsRejectedByName() {
        Map<String, String> env = complete();
        env.put("CARDSAVR_CARDHOLDER_ID", "abc");
        assertThatThrownBy(() -> CardsavrSettings.fromEnvironment(env))
                .hasMessageContaining("CARDSAVR_CARDHOLDER_ID");
    }

    @Test
    void unsignedModeNeedsNoIntegrator() {
        Map<String, String> env = complete();
        env.remove("CARDSAVR_INTEGRATOR_NAME");
        env.remove("CARDSAVR_INTEGRATOR_KEY");
        env.put("CARDSAVR_AUTH_MODE", " Unsigned ");
        CardsavrSettings settings = CardsavrSettings.fromEnvironment(env).orElseThrow();
        assertThat(settings.authMode()).isEqualTo("unsigned");
        assertThat(settings.componentProperties())
                .containsEntry("camel.component.cardsavr.auth-mode", "unsigned")
                .doesNotContainKeys("camel.component.cardsavr.integrator-name", "camel.component.cardsavr.integrator-key");
    }

    @Test
    void signedIsTheDefaultAndOtherModesAreRefusedByName() {
        assertThat(CardsavrSettings.fromEnvironment(complete()).orElseThrow().componentProperties())
                .containsEntry("camel.component.cardsavr.auth-mode", "signed");
        Map<String, String> env = complete();
        env.put("CARDSAVR_AUTH_MODE", "basic");
        assertThatThrownBy(() -> CardsavrSettings.fromEnvironment(env))
                .hasMessageContaining("CARDSAVR_AUTH_MODE must be signed or unsigned, was 'basic'");
        Map<String, String> onlyMode = new HashMap<>();
        onlyMode.put("CARDSAVR_AUTH_MODE", "unsigned");
        assertThatThrownBy(() -> CardsavrSettings.fromEnvironment(onlyMode))
                .hasMessageContaining("missing: [CARDSAVR_BASE_URL, CARDSAVR_USERNAME, CARDSAVR_PASSWORD,"
                        + " CARDSAVR_CARDHOLDER_ID]");
    }

    @Test
    void toStringShowsNoSecret() {
        String text = CardsavrSettings.fromEnvironment(complete()).orElseThrow().toString();
        assertThat(text).doesNotContain("password-value", "integrator-key-value", "agent-name").contains("42");
    }
}
