package io.github.camelcardsavr.springboot.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders {@code META-INF/additional-spring-configuration-metadata.json}: what the configuration processor cannot read
 * from the class. Options whose catalog lists allowed values but whose Java type is a String get value hints, so an
 * IDE offers {@code signed}, {@code unsigned} and {@code token} for {@code auth-mode}. The customizer switch comes
 * from Camel's base class in a jar, whose Javadoc the processor cannot read, so its description is given here.
 */
final class AdditionalMetadataRenderer {

    private AdditionalMetadataRenderer() {
    }

    static String render(List<StarterOption> options) {
        List<Map<String, Object>> hints = new ArrayList<>();
        for (StarterOption option : options) {
            if (option.enumValues().isEmpty() || option.type().kind() == FieldType.Kind.ENUM) {
                continue; // Spring lists the constants of a Java enum by itself
            }
            List<Map<String, Object>> values = option.enumValues().stream()
                    .map(v -> Map.<String, Object>of("value", v)).toList();
            Map<String, Object> hint = new LinkedHashMap<>();
            hint.put("name", ConfigurationClassRenderer.PREFIX + "." + option.propertyName());
            hint.put("values", values);
            hints.add(hint);
        }
        Map<String, Object> customizer = new LinkedHashMap<>();
        customizer.put("name", ConfigurationClassRenderer.PREFIX + ".customizer.enabled");
        customizer.put("type", "java.lang.Boolean");
        customizer.put("description", "Whether the ComponentCustomizer beans of the application apply to the "
                + ComponentCatalog.SCHEME + " component. This is enabled by default.");
        customizer.put("defaultValue", true);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("properties", List.of(customizer));
        root.put("hints", hints);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render the additional metadata", e);
        }
    }
}
