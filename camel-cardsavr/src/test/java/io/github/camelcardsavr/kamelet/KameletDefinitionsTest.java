package io.github.camelcardsavr.kamelet;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped kamelet files follow apache/camel-kamelets conventions and only use options the component has.
 */
class KameletDefinitionsTest {

    private static final Set<String> SECRETS = Set.of("integratorKey", "username", "password");

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = { "cardsavr-job-status-source", "cardsavr-cardholder-messages-source",
                             "cardsavr-credential-requests-source", "cardsavr-credential-response-sink" })
    void followsTheKameletCatalogConventions(String name) throws Exception {
        Map<String, Object> kamelet;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as("kamelets/%s.kamelet.yaml in the jar", name).isNotNull();
            kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        Map<String, Object> metadata = map(kamelet, "metadata");
        assertThat(metadata).containsEntry("name", name);
        String type = name.endsWith("-sink") ? "sink" : "source";
        assertThat(map(metadata, "labels")).containsEntry("camel.apache.org/kamelet.type", type);
        Map<String, Object> annotations = map(metadata, "annotations");
        assertThat((String) annotations.get("camel.apache.org/kamelet.icon")).startsWith("data:image/svg+xml;base64,");
        assertThat(annotations).containsKeys("camel.apache.org/provider", "camel.apache.org/kamelet.support.level",
                "camel.apache.org/kamelet.group");

        Map<String, Object> spec = map(kamelet, "spec");
        Map<String, Object> definition = map(spec, "definition");
        Map<String, Object> properties = map(definition, "properties");
        assertThat((List<String>) definition.get("required")).contains("baseUrl", "username", "password")
                .allMatch(properties::containsKey);
        assertThat(map(properties, "authMode")).containsEntry("default", "signed");
        properties.forEach((property, schema) -> {
            Map<String, Object> s = (Map<String, Object>) schema;
            assertThat(s).as(property).containsKeys("title", "description", "type");
            if (SECRETS.contains(property)) {
                assertThat(s).as(property).containsEntry("format", "password")
                        .containsEntry("x-descriptors", List.of("urn:camel:group:credentials"));
            } else {
                assertThat(s).as(property).doesNotContainKey("format");
            }
        });
        if (type.equals("source")) {
            assertThat(properties).containsKey("delay");
        }
        assertThat(map(map(spec, "types"), "out")).containsEntry("mediaType", "application/json");

        String version = ComponentDiscoveryTest.cardsavrComponentProperties().getProperty("version");
        assertThat((List<String>) spec.get("dependencies"))
                .contains("camel:kamelet", "mvn:io.github.camelcardsavr:camel-cardsavr:" + version);

        Map<String, Object> cardsavrEndpoint = type.equals("source")
                ? map(map(spec, "template"), "from")
                : map(((List<Map<String, Object>>) map(map(spec, "template"), "from").get("steps")).get(0), "to");
        assertThat((String) cardsavrEndpoint.get("uri")).startsWith("cardsavr:");
        assertThat(endpointOptions()).containsAll(map(cardsavrEndpoint, "parameters").keySet());
        assertThat(properties.keySet()).containsAll(map(cardsavrEndpoint, "parameters").keySet());
    }

    private static Set<String> endpointOptions() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            JsonNode options = new ObjectMapper().readTree(context.getComponentParameterJsonSchema("cardsavr"))
                    .path("properties");
            Set<String> names = new java.util.HashSet<>();
            options.fieldNames().forEachRemaining(names::add);
            return names;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
