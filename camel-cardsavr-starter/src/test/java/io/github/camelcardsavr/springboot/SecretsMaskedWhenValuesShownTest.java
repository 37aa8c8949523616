package io.github.camelcardsavr.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that shows values in /env and /configprops (show-values=always): since Spring Boot 3 nothing is
 * masked by key any more, so only the starter's sanitizing function keeps the component's secrets out.
 */
@CamelSpringBootTest
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = { AbstractSecretsInActuatorTest.EXPOSE, AbstractSecretsInActuatorTest.PASSWORD_FROM_VARIABLE,
                               AbstractSecretsInActuatorTest.SECRETS_FROM_DIRECTORY,
                               "management.endpoint.env.show-values=always",
                               "management.endpoint.configprops.show-values=always" })
@ContextConfiguration(initializers = AbstractSecretsInActuatorTest.SecretVariables.class)
@DirtiesContext
class SecretsMaskedWhenValuesShownTest extends AbstractSecretsInActuatorTest {

    @Test
    void settingsThatAreNoSecretsAreShown() {
        assertThat(cardsavrProperties().path("properties").path("baseUrl").asText())
                .isEqualTo(TestSimulator.get().getBaseUrl());
        assertThat(cardsavrProperties().path("properties").path("maxConnections").asInt()).isEqualTo(256);
        assertThat(environmentVariable("CARDSAVR_OUT_DIR")).isEqualTo(OUT_DIR);
        assertThat(environmentVariable("CARDSAVR_PASSWORD")).isEqualTo("******");
    }

    @Test
    void aSecretFromTheSecretsDirectoryIsListedMasked() {
        JsonNode property = actuator().get("/env/camel.component.cardsavr.session-token").json().path("property");
        assertThat(property.path("source").asText()).startsWith("Config tree");
        assertThat(property.path("value").asText()).isEqualTo("******");
    }
}
