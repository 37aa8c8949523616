package io.github.camelcardsavr.springboot;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class CardsavrSecretsSanitizingFunctionTest {

    private final CardsavrSecretsSanitizingFunction function =
            new CardsavrSecretsSanitizingFunction(CardsavrComponentConfiguration.SECRET_PROPERTIES);

    @Test
    void everySpellingOfASecretPropertyIsMasked() {
        for (String key : new String[] {
                "camel.component.cardsavr.integrator-key", "camel.component.cardsavr.integratorKey",
                "CAMEL_COMPONENT_CARDSAVR_INTEGRATOR_KEY", "CAMEL_COMPONENT_CARDSAVR_INTEGRATORKEY",
                "camel.component.cardsavr.configuration.password", "CARDSAVR_PASSWORD", "CARDSAVR_USERNAME",
                "camel.component.cardsavr.session-token", "camel.component.cardsavr.access-key" }) {
            assertThat(sanitized(key, "value")).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
        }
    }

    @Test
    void otherPropertiesKeepTheirValues() {
        for (String key : new String[] {
                "camel.component.cardsavr.base-url", "camel.component.cardsavr.integrator-name", "CARDSAVR_JOB_IDS",
                "spring.datasource.username", "camel.component.cardsavr.max-connections" }) {
            assertThat(sanitized(key, "value")).as(key).isEqualTo("value");
        }
    }

    @Test
    void theCommandLineIsMaskedWhenItMentionsCardsavr() {
        assertThat(sanitized("sun.java.command", "app.jar --camel.component.cardsavr.password=x"))
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(sanitized("sun.java.command", "app.jar --server.port=8080")).isEqualTo("app.jar --server.port=8080");
    }

    private Object sanitized(String key, Object value) {
        SanitizableData data = new SanitizableData(new MapPropertySource("test", Map.of(key, value)), key, value);
        return function.apply(data).getValue();
    }
}
