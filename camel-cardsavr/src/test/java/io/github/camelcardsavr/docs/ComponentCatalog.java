package io.github.camelcardsavr.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The component's catalog JSON as written by camel-component-maven-plugin: component header,
 * component options, endpoint options and headers, in the order the plugin wrote them.
 */
final class ComponentCatalog {

    private final JsonNode component;
    private final List<CatalogOption> componentOptions;
    private final List<CatalogOption> endpointOptions;
    private final List<CatalogOption> headers;

    private ComponentCatalog(JsonNode root) {
        this.component = requireObject(root, "component");
        this.componentOptions = options(root.path("componentProperties"));
        this.endpointOptions = options(root.path("properties"));
        this.headers = options(root.path("headers"));
    }

    static ComponentCatalog read(Path json) throws IOException {
        return parse(Files.readString(json), json.toString());
    }

    static ComponentCatalog parse(String json, String origin) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Catalog " + origin + " is not a JSON object");
        }
        return new ComponentCatalog(root);
    }

    String scheme() {
        return component.path("scheme").asText("");
    }

    String title() {
        return component.path("title").asText(scheme());
    }

    String syntax() {
        return component.path("syntax").asText("");
    }

    String description() {
        return component.path("description").asText("");
    }

    List<CatalogOption> componentOptions() {
        return componentOptions;
    }

    List<CatalogOption> pathParameters() {
        return endpointOptions.stream().filter(CatalogOption::isPathParameter).toList();
    }

    List<CatalogOption> queryParameters() {
        return endpointOptions.stream().filter(o -> !o.isPathParameter()).toList();
    }

    List<CatalogOption> headers() {
        return headers;
    }

    /**
     * Every row of the page needs a description: an undescribed option is a documentation bug
     * in the component, so it is reported, not rendered as an empty cell.
     */
    List<String> missingDescriptions() {
        List<String> missing = new ArrayList<>();
        if (description().isBlank()) {
            missing.add("component " + scheme());
        }
        componentOptions.stream().filter(o -> o.description().isBlank())
                .forEach(o -> missing.add("component option " + o.name()));
        endpointOptions.stream().filter(o -> o.description().isBlank())
                .forEach(o -> missing.add("endpoint option " + o.name()));
        headers.stream().filter(o -> o.description().isBlank())
                .forEach(o -> missing.add("header " + o.name()));
        return missing;
    }

    private static JsonNode requireObject(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (!node.isObject()) {
            throw new IllegalArgumentException("Catalog has no \"" + field + "\" object");
        }
        return node;
    }

    private static List<CatalogOption> options(JsonNode section) {
        List<CatalogOption> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : section.properties()) {
            result.add(option(field.getKey(), field.getValue()));
        }
        return List.copyOf(result);
    }

    private static CatalogOption option(String name, JsonNode node) {
        List<String> enumValues = new ArrayList<>();
        node.path("enum").forEach(value -> enumValues.add(value.asText()));
        JsonNode defaultValue = node.get("defaultValue");
        return new CatalogOption(
                name,
                node.path("kind").asText(""),
                node.path("group").asText(""),
                node.path("required").asBoolean(false),
                node.path("javaType").asText(""),
                List.copyOf(enumValues),
                node.path("deprecated").asBoolean(false),
                node.path("autowired").asBoolean(false),
                node.path("secret").asBoolean(false),
                defaultValue == null || defaultValue.isNull() ? "" : defaultValue.asText(),
                node.path("description").asText("").strip(),
                node.path("constantName").asText(""));
    }
}
