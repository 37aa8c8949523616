package io.github.camelcardsavr.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComponentDocGeneratorTest {

    private static final String CATALOG = """
            {
              "component": { "kind": "component", "name": "cardsavr", "title": "CardSavr", "scheme": "cardsavr",
                             "syntax": "cardsavr:operation", "description": "Talk to CardSavr." },
              "componentProperties": {
                "baseUrl": { "index": 0, "kind": "property", "group": "common", "required": false, "type": "string",
                             "javaType": "java.lang.String", "deprecated": false, "autowired": false, "secret": false,
                             "description": "The CardSavr base URL, e.g. https://api.x.cardsavr.io" },
                "password": { "index": 1, "kind": "property", "group": "security", "required": false, "type": "string",
                              "javaType": "java.lang.String", "secret": true, "description": "Agent password" }
              },
              "headers": {
                "CamelCardsavrJobId": { "index": 0, "kind": "header", "group": "common", "javaType": "long",
                    "description": "The job id", "constantName": "io.github.camelcardsavr.CardsavrConstants#JOB_ID" }
              },
              "properties": {
                "operation": { "index": 0, "kind": "path", "group": "common", "required": true, "type": "object",
                               "javaType": "io.github.camelcardsavr.CardsavrOperation",
                               "enum": [ "jobStatus", "subscribe" ], "description": "What to do" },
                "delay": { "index": 1, "kind": "parameter", "group": "scheduler", "type": "integer", "javaType": "long",
                           "defaultValue": 5000, "description": "Milliseconds | between polls of {anything}" },
                "extras": { "index": 2, "kind": "parameter", "group": "advanced", "type": "object",
                            "javaType": "java.util.Map<java.lang.String, java.lang.Object>", "description": "More" }
              }
            }
            """;

    private static final String PAGE = """
            = Title
            hand written
            // component options: START
            stale
            // component options: END
            between
            // endpoint options: START
            // endpoint options: END
            // endpoint headers: START
            old header table
            // endpoint headers: END
            tail
            """;

    @Test
    void rendersEveryTableBetweenItsMarkersAndKeepsHandWrittenText() throws Exception {
        String page = ComponentDocGenerator.render(PAGE, ComponentCatalog.parse(CATALOG, "test"));

        assertThat(page).startsWith("= Title\nhand written\n// component options: START\n")
                .contains("\nbetween\n").endsWith("// endpoint headers: END\ntail\n")
                .doesNotContain("stale").doesNotContain("old header table");
        assertThat(page).contains("The CardSavr component supports 2 options")
                .contains("| *password* (security) | *Secret* Agent password |  | `+String+`")
                .contains("=== Path Parameters (1 parameters)")
                .contains("| *operation* (common) | *Required* What to do Enum values: `+jobStatus+`, `+subscribe+`. |  | `+CardsavrOperation+`")
                .contains("=== Query Parameters (2 parameters)")
                .contains("| *delay* (scheduler) | Milliseconds \\| between polls of \\{anything} | `+5000+` | `+long+`")
                .contains("`+Map<String, Object>+`")
                .contains("----\ncardsavr:operation\n----")
                .contains("| *CamelCardsavrJobId* (common) +\nConstant: `+CardsavrConstants#JOB_ID+` | The job id |  | `+long+`");
    }

    @Test
    void renderingIsStable() throws Exception {
        ComponentCatalog catalog = ComponentCatalog.parse(CATALOG, "test");
        String once = ComponentDocGenerator.render(PAGE, catalog);

        assertThat(ComponentDocGenerator.render(once, catalog)).isEqualTo(once);
    }

    @Test
    void undescribedOptionsAndHeadersFailTheCheck() throws Exception {
        String undescribed = CATALOG.replace("\"description\": \"Agent password\"", "\"description\": \"\"")
                .replace("\"description\": \"The job id\",", "");

        assertThatThrownBy(() -> ComponentDocGenerator.render(PAGE, ComponentCatalog.parse(undescribed, "test")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("component option password")
                .hasMessageContaining("header CamelCardsavrJobId");
    }

    @Test
    void aMissingOrDuplicatedMarkerIsAnError() throws Exception {
        ComponentCatalog catalog = ComponentCatalog.parse(CATALOG, "test");

        assertThatThrownBy(() -> ComponentDocGenerator.render(PAGE.replace("// endpoint headers: END\n", ""), catalog))
                .hasMessageContaining("'// endpoint headers: END' is missing");
        assertThatThrownBy(() -> ComponentDocGenerator.render(PAGE + "// component options: START\n", catalog))
                .hasMessageContaining("appears twice");
    }
}
