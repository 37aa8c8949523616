package io.github.camelcardsavr.springboot;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** Actuator's own default (show-values=never): every value masked, the component's secrets among them. */
@CamelSpringBootTest
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = { AbstractSecretsInActuatorTest.EXPOSE, AbstractSecretsInActuatorTest.PASSWORD_FROM_VARIABLE,
                               AbstractSecretsInActuatorTest.SECRETS_FROM_DIRECTORY })
@ContextConfiguration(initializers = AbstractSecretsInActuatorTest.SecretVariables.class)
@DirtiesContext
class SecretsMaskedByDefaultTest extends AbstractSecretsInActuatorTest {

    @Test
    void evenPlainSettingsAreMasked() {
        assertThat(cardsavrProperties().path("properties").path("baseUrl").asText()).isEqualTo("******");
        assertThat(environmentVariable("CARDSAVR_OUT_DIR")).isEqualTo("******");
    }
}
