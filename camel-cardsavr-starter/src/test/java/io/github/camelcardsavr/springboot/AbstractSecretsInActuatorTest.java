package io.github.camelcardsavr.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelcardsavr.CardsavrComponent;
import io.github.camelcardsavr.CardsavrConfiguration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every secret of the component, each set through a different route (an environment variable in the property's own
 * form, an environment variable behind a placeholder, a mounted secrets directory read with Spring's configtree
 * import, a property source added at start), never shows in /actuator/env or /actuator/configprops. The subclasses
 * run this with Actuator's default sanitizing and with values shown.
 */
abstract class AbstractSecretsInActuatorTest {

    static final String SESSION_TOKEN = "starter-session-token-5d2b";
    static final String ACCESS_KEY = "starter-access-key-8e4c";
    static final String STATE_SECRET = "starter-state-secret-71f0";
    static final String OUT_DIR = "/var/tmp/starter-out-3a9d";
    static final String PROPERTIES_BEAN = "camel.component.cardsavr-" + CardsavrComponentConfiguration.class.getName();

    /** Applied by the subclasses: the integrator key in property form, the password behind a placeholder. */
    static final class SecretVariables extends EnvironmentVariables {
        @Override
        protected Map<String, Object> variables() {
            return Map.of(INTEGRATOR_KEY_VARIABLE, TestSimulator.get().getIntegratorKey(),
                    "CARDSAVR_PASSWORD", TestSimulator.PASSWORD,
                    "CARDSAVR_OUT_DIR", OUT_DIR);
        }
    }

    /** A directory of secret files, one per property, as Kubernetes mounts a Secret. */
    static final String SECRETS_DIRECTORY = "target/test-secrets/";

    /** What the subclasses put in their test properties, like lines of application.properties. */
    static final String PASSWORD_FROM_VARIABLE = "camel.component.cardsavr.password=${CARDSAVR_PASSWORD}";
    static final String SECRETS_FROM_DIRECTORY = "spring.config.import=configtree:" + SECRETS_DIRECTORY;
    static final String EXPOSE = "management.endpoints.web.exposure.include=env,configprops,health";

    static {
        // before any context of a subclass starts: the configtree import reads it while the environment is prepared
        try {
            Path directory = Files.createDirectories(Path.of(SECRETS_DIRECTORY));
            Files.writeString(directory.resolve("camel.component.cardsavr.session-token"), SESSION_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test secrets directory", e);
        }
    }

    @DynamicPropertySource
    static void connection(DynamicPropertyRegistry registry) {
        TestSimulator.connect(registry);
        registry.add("camel.component.cardsavr.access-key", () -> ACCESS_KEY);
        registry.add("camel.component.cardsavr.state-secret", () -> STATE_SECRET);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private CamelContext camelContext;

    protected ActuatorHttp actuator() {
        return new ActuatorHttp(port);
    }

    protected static List<String> secrets() {
        return List.of(TestSimulator.get().getIntegratorKey(), TestSimulator.PASSWORD, TestSimulator.USERNAME,
                SESSION_TOKEN, ACCESS_KEY, STATE_SECRET);
    }

    @Test
    void theComponentGotEverySecret() {
        CardsavrConfiguration configuration = camelContext.getComponent("cardsavr", CardsavrComponent.class)
                .getConfiguration();

        assertThat(List.of(configuration.getIntegratorKey(), configuration.getPassword(), configuration.getUsername(),
                configuration.getSessionToken(), configuration.getAccessKey(), configuration.getStateSecret()))
                .isEqualTo(secrets());
    }

    @Test
    void noSecretAppearsInAnyEnvOrConfigpropsResponse() {
        for (String path : List.of("/env", "/env/camel.component.cardsavr.password", "/env/CARDSAVR_PASSWORD",
                "/env/" + EnvironmentVariables.INTEGRATOR_KEY_VARIABLE, "/env/camel.component.cardsavr.session-token",
                "/configprops", "/configprops/camel.component.cardsavr", "/health")) {
            ActuatorHttp.Reply reply = actuator().get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            for (String secret : secrets()) {
                assertThat(reply.body()).as("%s shows a secret", path).doesNotContain(secret);
            }
        }
    }

    @Test
    void configpropsListsEverySecretPropertyMasked() {
        JsonNode bean = cardsavrProperties();
        List<String> secretProperties = new ArrayList<>();
        for (String name : CardsavrComponentConfiguration.SECRET_PROPERTIES) {
            String javaName = camelCase(name);
            secretProperties.add(javaName);
            assertThat(bean.path("properties").path(javaName).asText()).as(javaName).isEqualTo("******");
            assertThat(bean.path("inputs").path(javaName).path("value").asText()).as("input " + javaName)
                    .isEqualTo("******");
        }
        assertThat(secretProperties).containsExactlyInAnyOrder("integratorKey", "password", "sessionToken",
                "username", "accessKey", "stateSecret");
    }

    /** The camel.component.cardsavr bean of /actuator/configprops. */
    protected JsonNode cardsavrProperties() {
        JsonNode contexts = actuator().get("/configprops").json().path("contexts");
        JsonNode bean = contexts.elements().next().path("beans").path(PROPERTIES_BEAN);
        assertThat(bean.path("prefix").asText()).isEqualTo("camel.component.cardsavr");
        return bean;
    }

    /** The value /actuator/env shows for a property in the test environment variables source. */
    protected String environmentVariable(String name) {
        for (JsonNode source : actuator().get("/env").json().path("propertySources")) {
            if (EnvironmentVariables.SOURCE_NAME.equals(source.path("name").asText())) {
                return source.path("properties").path(name).path("value").asText();
            }
        }
        throw new AssertionError("No property source " + EnvironmentVariables.SOURCE_NAME + " in /actuator/env");
    }

    private static String camelCase(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
