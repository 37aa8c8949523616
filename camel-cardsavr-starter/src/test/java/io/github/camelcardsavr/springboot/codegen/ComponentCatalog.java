package io.github.camelcardsavr.springboot.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.github.camelcardsavr.CardsavrComponent;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;

/**
 * The component's catalog JSON as camel-component-maven-plugin wrote it into the camel-cardsavr jar, next to the
 * component class ({@code META-INF/<package>/<scheme>.json}), read with Camel's own tooling model.
 */
public final class ComponentCatalog {

    public static final String SCHEME = "cardsavr";

    private ComponentCatalog() {
    }

    /** Where Camel looks for a component's catalog: the component class's package under META-INF. */
    public static String resourceName() {
        return "META-INF/" + CardsavrComponent.class.getPackageName().replace('.', '/') + "/" + SCHEME + ".json";
    }

    public static ComponentModel load() {
        String resource = resourceName();
        try (InputStream in = CardsavrComponent.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the classpath: the camel-cardsavr jar should"
                                                + " carry it (camel-component-maven-plugin writes it)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    public static ComponentModel parse(String json) {
        ComponentModel model = JsonMapper.generateComponentModel(json);
        if (model.getComponentOptions().isEmpty()) {
            throw new IllegalStateException("The catalog of " + model.getScheme() + " lists no component options");
        }
        return model;
    }
}
