package io.github.camelcardsavr.springboot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelcardsavr.springboot.codegen.ComponentCatalog;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code META-INF/spring-configuration-metadata.json} the build wrote (what an IDE completes from) against the
 * component's catalog: every component option is there in kebab case, typed, with the catalog's description and
 * default, secrets and required options say so, and there is nothing else under {@code camel.component.cardsavr}
 * but Camel's two starter switches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringMetadataMatchesCatalogTest {

    private static final String PREFIX = "camel.component.cardsavr.";
    private static final Set<String> STARTER_SWITCHES = Set.of(PREFIX + "enabled", PREFIX + "customizer.enabled");

    private ComponentModel catalog;
    private final Map<String, JsonNode> properties = new HashMap<>();
    private final Map<String, JsonNode> hints = new HashMap<>();

    @BeforeAll
    void read() throws IOException {
        catalog = ComponentCatalog.load();
        Path metadata = Path.of(System.getProperty("basedir", "."),
                "target/classes/META-INF/spring-configuration-metadata.json");
        assertThat(metadata).as("written by spring-boot-configuration-processor at compile time").exists();
        JsonNode root = new ObjectMapper().readTree(metadata.toFile());
        root.path("properties").forEach(p -> {
            if (p.path("name").asText().startsWith(PREFIX)) {
                properties.put(p.path("name").asText(), p);
            }
        });
        root.path("hints").forEach(h -> hints.put(h.path("name").asText(), h));
    }

    @Test
    void everyComponentOptionIsAPropertyInKebabCase() {
        List<String> expected = new ArrayList<>(STARTER_SWITCHES);
        catalog.getComponentOptions().forEach(o -> expected.add(PREFIX + kebab(o.getName())));

        assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void descriptionsAreTheCatalogsAndSaySecretAndRequired() {
        for (ComponentOptionModel option : catalog.getComponentOptions()) {
            String description = property(option).path("description").asText();
            assertThat(description).as(option.getName())
                    .startsWith(oneLine(option.getDescription()));
            assertThat(description.contains("This is a secret")).as("%s marked secret", option.getName())
                    .isEqualTo(option.isSecret());
            assertThat(description.contains("Required.")).as("%s marked required", option.getName())
                    .isEqualTo(option.isRequired());
        }
        STARTER_SWITCHES.forEach(name -> assertThat(properties.get(name).path("description").asText())
                .as(name).contains("cardsavr component"));
    }

    @Test
    void defaultsAreTheCatalogs() {
        for (ComponentOptionModel option : catalog.getComponentOptions()) {
            JsonNode actual = property(option).get("defaultValue");
            Object expected = option.getDefaultValue();
            if (expected == null || expected.toString().isEmpty()) {
                assertThat(actual).as("%s has no default", option.getName()).isNull();
            } else if ("duration".equals(option.getType())) {
                assertThat(actual).as(option.getName()).isNotNull();
                assertThat(DurationStyle.detectAndParse(actual.asText())).as(option.getName())
                        .isEqualTo(Duration.ofMillis(TimeUtils.toMilliSeconds(expected.toString())));
            } else {
                assertThat(actual).as(option.getName()).isNotNull();
                assertThat(actual.asText()).as(option.getName()).isEqualToIgnoringCase(expected.toString());
            }
        }
    }

    @Test
    void typesFollowTheCatalog() {
        for (ComponentOptionModel option : catalog.getComponentOptions()) {
            assertThat(property(option).path("type").asText()).as(option.getName()).isEqualTo(expectedType(option));
        }
    }

    @Test
    void allowedValuesAreOfferedAndDeprecationsShown() {
        for (ComponentOptionModel option : catalog.getComponentOptions()) {
            JsonNode property = property(option);
            assertThat(property.has("deprecation") || property.path("deprecated").asBoolean())
                    .as("%s deprecated", option.getName()).isEqualTo(option.isDeprecated());
            if (option.getEnums() != null && !option.getEnums().isEmpty()
                && "java.lang.String".equals(option.getJavaType())) {
                List<String> offered = new ArrayList<>();
                hints.getOrDefault(property.path("name").asText(), new ObjectMapper().createObjectNode())
                        .path("values").forEach(v -> offered.add(v.path("value").asText()));
                assertThat(offered).as("hints of %s", option.getName()).isEqualTo(option.getEnums());
            }
        }
    }

    private JsonNode property(ComponentOptionModel option) {
        JsonNode property = properties.get(PREFIX + kebab(option.getName()));
        assertThat(property).as("metadata of component option %s", option.getName()).isNotNull();
        return property;
    }

    /** What Spring records for the field an option needs: boxed primitives, Duration, the option's own class. */
    private static String expectedType(ComponentOptionModel option) {
        String javaType = option.getJavaType();
        String raw = javaType.contains("<") ? javaType.substring(0, javaType.indexOf('<')) : javaType;
        if ("duration".equals(option.getType())) {
            return "java.time.Duration";
        }
        return switch (raw) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "double" -> "java.lang.Double";
            case "float" -> "java.lang.Float";
            default -> raw.startsWith("java.util.") ? javaType : raw;
        };
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
