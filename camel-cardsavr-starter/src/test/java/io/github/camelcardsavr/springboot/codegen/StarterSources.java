package io.github.camelcardsavr.springboot.codegen;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.tooling.model.ComponentModel;

/**
 * The starter's generated files, rendered from the component catalog. They are committed under
 * {@code src/generated}; {@code StarterSourcesAreUpToDateTest} fails when they no longer match the catalog and
 * rewrites them when run with {@code -Dcardsavr.starter.update=true}.
 */
public final class StarterSources {

    public static final String UPDATE_PROPERTY = "cardsavr.starter.update";
    public static final String UPDATE_COMMAND = "mvn -B -ntp -pl camel-cardsavr-starter -am test"
            + " -Dtest=StarterSourcesAreUpToDateTest -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY
            + "=true";

    static final Path CONFIGURATION_CLASS = Path.of("src/generated/java",
            ConfigurationClassRenderer.PACKAGE.replace('.', '/'), ConfigurationClassRenderer.CLASS_NAME + ".java");
    static final Path ADDITIONAL_METADATA =
            Path.of("src/generated/resources/META-INF/additional-spring-configuration-metadata.json");

    private StarterSources() {
    }

    /** The component's options as starter properties, in catalog order. */
    public static List<StarterOption> options(ComponentModel catalog) {
        return catalog.getComponentOptions().stream().map(StarterOption::of).toList();
    }

    /** Every generated file, by its path relative to the starter module. */
    public static Map<Path, String> render(ComponentModel catalog) {
        List<StarterOption> options = options(catalog);
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(CONFIGURATION_CLASS, ConfigurationClassRenderer.render(catalog.getDescription(), options));
        files.put(ADDITIONAL_METADATA, AdditionalMetadataRenderer.render(options));
        return files;
    }
}
