package io.github.camelcardsavr.springboot.codegen;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rendering from a catalog with the kinds of options the component may grow: a Java enum, a duration given as text,
 * a deprecated option, a bean reference, a secret.
 */
class StarterSourcesRenderingTest {

    private static final String CATALOG = """
            {
              "component": { "kind": "component", "name": "cardsavr", "title": "CardSavr", "scheme": "cardsavr",
                             "javaType": "io.github.camelcardsavr.CardsavrComponent", "description": "Talk to CardSavr." },
              "componentProperties": {
                "pollUnit": { "index": 0, "kind": "property", "group": "consumer", "type": "enum",
                              "javaType": "java.util.concurrent.TimeUnit", "enum": [ "SECONDS", "MINUTES" ],
                              "defaultValue": "seconds", "description": "Unit of \\"polls\\"" },
                "retryAfterCap": { "index": 1, "kind": "property", "group": "advanced", "type": "duration",
                                   "javaType": "long", "defaultValue": "1m30s", "description": "Longest wait." },
                "oldName": { "index": 2, "kind": "property", "group": "common", "type": "string",
                             "javaType": "java.lang.String", "deprecated": true, "deprecationNote": "Use newName",
                             "description": "Old." },
                "idempotentRepository": { "index": 3, "kind": "property", "group": "consumer", "type": "object",
                                          "javaType": "org.apache.camel.spi.IdempotentRepository",
                                          "description": "Where seen ids are kept." },
                "accessKey": { "index": 4, "kind": "property", "group": "security", "type": "string",
                               "javaType": "java.lang.String", "secret": true, "required": true,
                               "description": "A key @ the server" }
              }
            }
            """;

    private final Map<Path, String> files = StarterSources.render(ComponentCatalog.parse(CATALOG));
    private final String source = files.get(StarterSources.CONFIGURATION_CLASS);

    @Test
    void fieldsCarryTypesAndCatalogDefaults() {
        assertThat(source)
                .contains("private java.util.concurrent.TimeUnit pollUnit = java.util.concurrent.TimeUnit.SECONDS;")
                .contains("    @DurationUnit(ChronoUnit.MILLIS)\n    private Duration retryAfterCap = Duration.ofMillis(90000L);")
                .contains("private org.apache.camel.spi.IdempotentRepository idempotentRepository;")
                .contains("import org.springframework.boot.convert.DurationUnit;");
    }

    @Test
    void deprecatedOptionsAreDeprecatedForSpringToo() {
        assertThat(source).contains("    @Deprecated\n    private String oldName;")
                .contains("    @Deprecated\n    @DeprecatedConfigurationProperty(reason = \"Use newName\")\n"
                          + "    public String getOldName() {");
    }

    @Test
    void descriptionsSayWhatTheCatalogSaysAndMore() {
        // Javadoc lines joined as the configuration processor joins them
        String prose = source.replaceAll("\n\\s*\\* ", " ");
        assertThat(prose).contains("Unit of \"polls\".")
                .contains("Where seen ids are kept. The option is a org.apache.camel.spi.IdempotentRepository type. "
                          + StarterOption.BEAN_REFERENCE_NOTE)
                .contains("A key @ the server. Required. This is a secret")
                .contains("Longest wait. " + StarterOption.DURATION_NOTE);
        assertThat(source).doesNotContain("\n     * @");
    }

    @Test
    void constantsListSecretsAndBeanTypes() {
        assertThat(source).contains("SECRET_PROPERTIES = List.of(\n            \"access-key\");")
                .contains("BEAN_REFERENCE_TYPES = List.of(\n            org.apache.camel.spi.IdempotentRepository.class);");
    }

    @Test
    void onlyStringEnumsNeedValueHints() {
        assertThat(files.get(StarterSources.ADDITIONAL_METADATA)).doesNotContain("poll-unit")
                .contains("camel.component.cardsavr.customizer.enabled");
    }

    @Test
    void whatCannotBeGeneratedIsRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> StarterSources.render(ComponentCatalog.parse(CATALOG.replace("\"Old.\"", "\"\""))))
                .hasMessageContaining("oldName has no description");
        assertThatThrownBy(() -> StarterSources.render(ComponentCatalog.parse(
                CATALOG.replace("\"defaultValue\": \"seconds\"", "\"defaultValue\": \"HOURS_AND_A_HALF\""))))
                .hasMessageContaining("pollUnit defaults to 'HOURS_AND_A_HALF'");
        assertThatThrownBy(() -> StarterSources.render(ComponentCatalog.parse(
                CATALOG.replace("\"Longest wait.\"", "\"Ends a comment */ early\""))))
                .hasMessageContaining("Javadoc");
    }
}
