package io.github.camelcardsavr.springboot.codegen;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders {@code CardsavrComponentConfiguration}: one field per component option, with the catalog description as
 * Javadoc and the catalog default as initializer, which is what Spring Boot's configuration processor turns into
 * {@code META-INF/spring-configuration-metadata.json}.
 */
final class ConfigurationClassRenderer {

    static final String PACKAGE = "io.github.camelcardsavr.springboot";
    static final String CLASS_NAME = "CardsavrComponentConfiguration";
    static final String PREFIX = "camel.component." + ComponentCatalog.SCHEME;

    private ConfigurationClassRenderer() {
    }

    static String render(String componentDescription, List<StarterOption> options) {
        StringBuilder out = new StringBuilder();
        out.append("/* Generated from the ").append(ComponentCatalog.SCHEME)
                .append(" component catalog by StarterSources: do not edit. */\n");
        out.append("package ").append(PACKAGE).append(";\n\n");
        imports(out, options);
        out.append(JavaText.javadoc(componentDescription + " Spring Boot properties " + PREFIX + ".*, one per"
                + " component option. Regenerate with: " + StarterSources.UPDATE_COMMAND, ""));
        out.append("@ConfigurationProperties(prefix = \"").append(PREFIX).append("\")\n");
        out.append("public class ").append(CLASS_NAME).append(" extends ComponentConfigurationPropertiesCommon {\n\n");

        out.append(JavaText.javadoc("The properties whose values are secrets (names under the prefix).", "    "));
        out.append("    public static final List<String> SECRET_PROPERTIES = ")
                .append(listOf(options.stream().filter(StarterOption::secret)
                        .map(o -> JavaText.stringLiteral(o.propertyName())).toList()))
                .append(";\n\n");
        out.append(JavaText.javadoc("The types of the properties that refer to a bean (#beanName).", "    "));
        out.append("    public static final List<Class<?>> BEAN_REFERENCE_TYPES = ")
                .append(listOf(options.stream().filter(o -> o.type().beanReference())
                        .map(o -> o.type().declaration() + ".class").distinct().toList()))
                .append(";\n\n");

        // the superclass owns the switch; this field only gives its metadata a description naming the component
        out.append(JavaText.javadoc("Whether to enable auto configuration of the " + ComponentCatalog.SCHEME
                + " component. This is enabled by default.", "    "));
        out.append("    private Boolean enabled = true;\n");
        for (StarterOption option : options) {
            out.append('\n').append(JavaText.javadoc(option.description(), "    "));
            if (option.deprecated()) {
                out.append("    @Deprecated\n");
            }
            if (option.type().kind() == FieldType.Kind.DURATION) {
                out.append("    @DurationUnit(ChronoUnit.MILLIS)\n");
            }
            out.append("    private ").append(option.type().declaration()).append(' ').append(option.name());
            if (option.initializer() != null) {
                out.append(" = ").append(option.initializer());
            }
            out.append(";\n");
        }
        for (StarterOption option : options) {
            accessors(out, option);
        }
        return out.append("}\n").toString();
    }

    private static String listOf(List<String> elements) {
        if (elements.isEmpty()) {
            return "List.of()";
        }
        return elements.stream().collect(Collectors.joining(",\n            ", "List.of(\n            ", ")"));
    }

    private static void imports(StringBuilder out, List<StarterOption> options) {
        TreeSet<String> javaImports = new TreeSet<>();
        TreeSet<String> otherImports = new TreeSet<>();
        javaImports.add("java.util.List");
        otherImports.add("org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon");
        otherImports.add("org.springframework.boot.context.properties.ConfigurationProperties");
        for (StarterOption option : options) {
            if (option.type().kind() == FieldType.Kind.DURATION) {
                javaImports.add("java.time.Duration");
                javaImports.add("java.time.temporal.ChronoUnit");
                otherImports.add("org.springframework.boot.convert.DurationUnit");
            }
            if (option.deprecated()) {
                otherImports.add("org.springframework.boot.context.properties.DeprecatedConfigurationProperty");
            }
        }
        javaImports.forEach(i -> out.append("import ").append(i).append(";\n"));
        out.append('\n');
        otherImports.forEach(i -> out.append("import ").append(i).append(";\n"));
        out.append('\n');
    }

    private static void accessors(StringBuilder out, StarterOption option) {
        String type = option.type().declaration();
        String deprecated = option.deprecated() ? "    @Deprecated\n" : "";
        out.append('\n').append(deprecated);
        if (option.deprecated()) {
            out.append("    @DeprecatedConfigurationProperty");
            if (!option.deprecationNote().isBlank()) {
                out.append("(reason = ").append(JavaText.stringLiteral(option.deprecationNote())).append(')');
            }
            out.append('\n');
        }
        out.append("    public ").append(type).append(" get").append(option.capitalized()).append("() {\n")
                .append("        return ").append(option.name()).append(";\n    }\n\n");
        out.append(deprecated);
        out.append("    public void set").append(option.capitalized()).append('(').append(type).append(' ')
                .append(option.name()).append(") {\n")
                .append("        this.").append(option.name()).append(" = ").append(option.name())
                .append(";\n    }\n");
    }
}
