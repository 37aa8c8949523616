package io.github.camelcardsavr.kamelet;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.CardsavrComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a catalog tool that is handed this jar reads, in the order it reads it: component.properties names the
 * component, its service file the class, the class's package the catalog JSON.
 */
class ComponentDiscoveryTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void componentPropertiesLeadToTheComponentAndItsCatalogJson() throws Exception {
        Properties listed = cardsavrComponentProperties();
        assertThat(listed.getProperty("components")).isEqualTo("cardsavr");
        assertThat(listed.getProperty("groupId")).isEqualTo("io.github.camelcardsavr");

        Properties service = load("META-INF/services/org/apache/camel/component/cardsavr");
        assertThat(service.getProperty("class")).isEqualTo(CardsavrComponent.class.getName());

        try (DefaultCamelContext context = new DefaultCamelContext()) {
            JsonNode component = json.readTree(context.getComponentParameterJsonSchema("cardsavr"));
            assertThat(component.path("component").path("javaType").asText()).isEqualTo(CardsavrComponent.class.getName());
            assertThat(component.path("component").path("version").asText()).isEqualTo(listed.getProperty("version"));
            assertThat(component.path("component").path("artifactId").asText()).isEqualTo(listed.getProperty("artifactId"));
        }
    }

    @Test
    void theAccessKeyHeaderIsSecretInTheCatalog() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            JsonNode headers = json.readTree(context.getComponentParameterJsonSchema("cardsavr")).path("headers");
            assertThat(headers.path("CamelCardsavrAccessKey").path("secret").asBoolean()).isTrue();
            assertThat(headers.path("CamelCardsavrJobId").path("secret").asBoolean()).isFalse();
        }
    }

    /** The jar's own file: every Camel component on the class path has one. */
    static Properties cardsavrComponentProperties() throws Exception {
        for (URL url : Collections.list(ComponentDiscoveryTest.class.getClassLoader()
                .getResources("META-INF/services/org/apache/camel/component.properties"))) {
            Properties p = new Properties();
            try (InputStream in = url.openStream()) {
                p.load(in);
            }
            if ("camel-cardsavr".equals(p.getProperty("artifactId"))) {
                return p;
            }
        }
        throw new AssertionError("No component.properties of camel-cardsavr on the class path");
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ComponentDiscoveryTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(in);
        }
        return p;
    }
}
